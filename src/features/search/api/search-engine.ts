/**
 * Searching the split index (docs/decisions/013-search-index-split.md) one part at a time
 * (docs/decisions/030-search-reads-back-in-time.md). Pure of the DOM, so the same code runs in
 * the browser and in the precision tests under Node.
 *
 * Newest first reads back in time: the parts are searched from the newest, each sorted by date,
 * until the page asked for is full, so a query costs the parts it reaches, not the archive. Its
 * total and counts then cover the days searched, and say so (`since`); `whole` searches every
 * part for exact counts. Best match needs every part's scores, so it always reads them all.
 */
import { z } from 'zod/mini';
import type { SearchIndex } from '../../../shared/schema';
import { WORD_BREAK, toPagefindQuery } from '../../../shared/search-text';
import { mapLimited } from '../../../shared/bundle-reader';

export const PAGE_SIZE = 20;

export type SearchOrder = 'date' | 'relevance';

export type SearchRequest = {
  q: string;
  /** Search every part, for exact totals and counts, even where the page is full sooner. */
  whole: boolean;
  category: string;
  tag: string;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  to: string;
  order: SearchOrder;
  /** From 1. */
  page: number;
};

export type SearchHit = { url: string; title: string; date: string | null; excerpt: string };
export type FacetCount = { value: string; count: number };
export type SearchOutcome = {
  total: number;
  hits: SearchHit[];
  categories: FacetCount[];
  tags: FacetCount[];
  /** `YYYY-MM` → results, newest first. */
  months: FacetCount[];
  /**
   * Null when every part that can hold a result was searched: the total and counts are exact.
   * Otherwise the oldest day searched; the total and counts cover that day onward.
   */
  since: string | null;
  /** Whether results may follow this page. */
  more: boolean;
  /** Set when the results come from a list saved for offline (its title), not from the index. */
  savedList?: string;
};

type FilterValue = string | { any: string[] };
type PagefindOptions = {
  filters?: Record<string, FilterValue>;
  sort?: Record<string, 'asc' | 'desc'>;
};
type PagefindResult = { id: string; score: number; data: () => Promise<unknown> };
type PagefindResponse = {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
};

/** The part of Pagefind's instance API this module uses: one instance per part. */
export type PagefindApi = {
  search: (term: string | null, options?: PagefindOptions) => Promise<PagefindResponse | null>;
  /** Loads the part's filters: until then its searches count results for no filter value. */
  filters: () => Promise<unknown>;
  destroy?: () => Promise<void>;
};

/** The parts of the index, and how to reach them. */
export type SearchParts = {
  indexes: readonly SearchIndex[];
  /** The Pagefind instance that searches one part (opened once, on the first search to reach it). */
  open: (index: SearchIndex) => Promise<PagefindApi>;
  /** Whether the part can be searched for a term now (offline: only what was searched online). */
  isAvailable?: (index: SearchIndex, term: string) => boolean;
  /** Told of each part searched for a term. */
  onSearched?: (index: SearchIndex, term: string) => void;
};

/** A part a search needs could not be searched now (offline, and not searched online before). */
export class PartUnavailableError extends Error {
  constructor(index: SearchIndex) {
    super(`Search part ${index.path} is not available offline`);
    this.name = 'PartUnavailableError';
  }
}

const resultDataSchema = z.object({
  url: z.string(),
  excerpt: z.string(),
  meta: z.catch(z.record(z.string(), z.string()), {}),
});

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

/** HTML character references decoded (named ones of Pagefind's and common text, and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    const hex = name.startsWith('#x') || name.startsWith('#X');
    const code = name.startsWith('#') ? parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10) : NaN;
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : entity;
  });
}

/** Pagefind's excerpt as plain text: its marks and escapes undone, its word breaks dropped. */
export function toPlainExcerpt(excerpt: string): string {
  return decodeEntities(excerpt.replace(/<[^>]*>/g, '')).replaceAll(WORD_BREAK, '');
}

export function toCounts(counts: Record<string, number> | undefined): FacetCount[] {
  return Object.entries(counts ?? {})
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

export function toMonths(days: Record<string, number> | undefined): FacetCount[] {
  const months = new Map<string, number>();
  for (const [day, count] of Object.entries(days ?? {}))
    if (count > 0) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + count);
  return [...months]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (a.value < b.value ? 1 : -1));
}

async function toHit(result: PagefindResult): Promise<SearchHit> {
  const data = resultDataSchema.parse(await result.data());
  const title = data.meta.title ?? data.url;
  let excerpt = toPlainExcerpt(data.excerpt);
  // The title is indexed as the first line of the text; the excerpt need not repeat it.
  if (excerpt.startsWith(title)) excerpt = excerpt.slice(title.length).trimStart();
  return {
    url: data.url,
    title,
    date: data.meta.date && !Number.isNaN(Date.parse(data.meta.date)) ? data.meta.date : null,
    excerpt,
  };
}

export type SearchEngine = {
  run: (request: SearchRequest) => Promise<SearchOutcome>;
  /** Lets go of every part opened (their instances in Pagefind's worker, and what they loaded). */
  close: () => Promise<void>;
};

/** What searching one part gave: its results in the order asked for, and their counts. */
type PartOutcome = {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  /** Each result's day, in the order of `results` when sorted by date. */
  days: string[];
};

/** Parts searched at once, at most: every part for best match, a growing batch for newest first. */
const PARTS_AT_ONCE = 8;

/** Part outcomes kept per engine (each holds only result ids and counts). */
const KEPT_OUTCOMES = 400;

const DAY_MS = 86_400_000;

/** Every day from `first` to `last` (`YYYY-MM-DD`), both included. */
function listDays(first: string, last: string): string[] {
  const days: string[] = [];
  for (
    let at = Date.parse(`${first}T00:00:00Z`);
    at <= Date.parse(`${last}T00:00:00Z`);
    at += DAY_MS
  )
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

function addCounts(into: Record<string, number>, counts: Record<string, number> | undefined) {
  for (const [value, count] of Object.entries(counts ?? {}))
    if (count > 0) into[value] = (into[value] ?? 0) + count;
}

/**
 * The day of each result of a search sorted newest first, from the per-day counts of those
 * results: the newest day's count of results come first, and so on.
 */
function assignDays(count: number, perDay: Record<string, number> | undefined): string[] {
  const days: string[] = [];
  for (const [day, n] of Object.entries(perDay ?? {}).sort(([a], [b]) => (a < b ? 1 : -1)))
    for (let k = 0; k < n && days.length < count; k++) days.push(day);
  return days;
}

export function createSearchEngine(parts: SearchParts): SearchEngine {
  // Newest first: by last day, then first day (parts of several languages may overlap).
  const newestFirst = [...parts.indexes].sort((a, b) =>
    a.last !== b.last
      ? a.last < b.last
        ? 1
        : -1
      : a.first < b.first
        ? 1
        : a.first > b.first
          ? -1
          : 0,
  );
  const apis = new Map<string, Promise<PagefindApi>>();
  const outcomes = new Map<string, Promise<PartOutcome>>();

  // Pagefind's WebAssembly is one module-wide instance that the first index to load sets up;
  // two indexes loading it at once would each set it up, and the second would pull the memory
  // from under the first. So parts open one after another until one has opened.
  let opening: Promise<unknown> = Promise.resolve();
  let warm = false;
  const open = (index: SearchIndex) => {
    if (warm) return parts.open(index);
    const opened = opening.then(() => parts.open(index));
    opening = opened.then(
      () => (warm = true),
      () => {},
    );
    return opened;
  };
  const getApi = (index: SearchIndex) => {
    let api = apis.get(index.path);
    if (!api) {
      api = open(index).then(async (opened) => {
        await opened.filters();
        return opened;
      });
      api.catch(() => apis.delete(index.path));
      apis.set(index.path, api);
    }
    return api;
  };

  const searchPart = (
    index: SearchIndex,
    term: string,
    filters: Record<string, FilterValue>,
    order: SearchOrder,
  ): Promise<PartOutcome> => {
    const key = JSON.stringify([index.path, term, filters, order]);
    const kept = outcomes.get(key);
    if (kept) {
      // Most recently used last, so the oldest is dropped first.
      outcomes.delete(key);
      outcomes.set(key, kept);
      return kept;
    }
    if (parts.isAvailable && !parts.isAvailable(index, term))
      return Promise.reject(new PartUnavailableError(index));
    const outcome = (async () => {
      const api = await getApi(index);
      const response = await api.search(term, {
        filters,
        ...(order === 'date' ? { sort: { date: 'desc' as const } } : {}),
      });
      parts.onSearched?.(index, term);
      const results = response?.results ?? [];
      const responseFilters = response?.filters ?? {};
      return {
        results,
        filters: responseFilters,
        days: order === 'date' ? assignDays(results.length, responseFilters.day) : [],
      };
    })();
    outcome.catch(() => outcomes.delete(key));
    outcomes.set(key, outcome);
    for (const old of outcomes.keys()) {
      if (outcomes.size <= KEPT_OUTCOMES) break;
      outcomes.delete(old);
    }
    return outcome;
  };

  return {
    async close() {
      const opened = [...apis.values()];
      apis.clear();
      outcomes.clear();
      await Promise.all(
        opened.map((api) => api.then((instance) => instance.destroy?.()).catch(() => {})),
      );
    },
    async run(request) {
      const empty: SearchOutcome = {
        total: 0,
        hits: [],
        categories: [],
        tags: [],
        months: [],
        since: null,
        more: false,
      };
      const term = toPagefindQuery(request.q);
      if (term === null) return empty;
      const shared: Record<string, FilterValue> = {};
      if (request.category) shared.category = request.category;
      if (request.tag) shared.tag = request.tag;
      // The parts whose days meet the date range, each with the range's days when it cuts the part.
      const relevant = newestFirst.flatMap((index) => {
        const first = request.from && request.from > index.first ? request.from : index.first;
        const last = request.to && request.to < index.last ? request.to : index.last;
        if (first > last) return [];
        const cut = first !== index.first || last !== index.last;
        const filters = cut ? { ...shared, day: { any: listDays(first, last) } } : shared;
        return [{ index, filters }];
      });
      const start = (Math.max(1, request.page) - 1) * PAGE_SIZE;
      const end = start + PAGE_SIZE;

      type Searched = { position: number; outcome: PartOutcome };
      let searched: Searched[];
      let reached = relevant.length;
      if (request.order === 'relevance' || request.whole) {
        searched = await mapLimited(
          relevant.map((part, position) => ({ part, position })),
          async ({ part, position }) => ({
            position,
            outcome: await searchPart(part.index, term, part.filters, request.order),
          }),
          PARTS_AT_ONCE,
        );
      } else {
        searched = [];
        // Results newer than every part not yet searched are in their final order.
        const settled = (next: SearchIndex | undefined) =>
          searched.reduce(
            (sum, entry) =>
              sum +
              (next
                ? entry.outcome.days.filter((day) => day > next.last).length
                : entry.outcome.results.length),
            0,
          );
        // The newest part first (most queries fill their page there), then as many posts again
        // as were read, or fewer when the results so far say the page needs fewer: after a
        // month's tiny first part comes one more part, not two, and a rare word reads back
        // through the archive in a few rounds, not one per part.
        let read = 0;
        reached = 0;
        reading: while (reached < relevant.length) {
          const next = relevant[reached];
          if (!next || settled(next.index) >= end) break;
          const found = settled(next.index);
          const wanted =
            found > 0 ? Math.min(read, Math.ceil(((end - found) * read) / found)) : read;
          const group = [next];
          let posts = next.index.posts;
          for (const part of relevant.slice(reached + 1)) {
            if (posts >= wanted || group.length >= PARTS_AT_ONCE) break;
            group.push(part);
            posts += part.index.posts;
          }
          const results = await Promise.allSettled(
            group.map((part) => searchPart(part.index, term, part.filters, 'date')),
          );
          for (const result of results) {
            if (result.status === 'rejected') {
              // Offline, a page already full from the parts before needs no more.
              const missing = relevant[reached];
              if (
                result.reason instanceof PartUnavailableError &&
                missing &&
                settled(missing.index) >= end
              )
                break reading;
              throw result.reason;
            }
            searched.push({ position: reached, outcome: result.value });
            read += relevant[reached]?.index.posts ?? 0;
            reached++;
          }
        }
      }

      const categories: Record<string, number> = {};
      const tags: Record<string, number> = {};
      const days: Record<string, number> = {};
      let total = 0;
      for (const { outcome } of searched) {
        total += outcome.results.length;
        addCounts(categories, outcome.filters.category);
        addCounts(tags, outcome.filters.tag);
        addCounts(days, outcome.filters.day);
      }
      const complete = reached >= relevant.length;
      const oldest = searched.reduce<string | null>((day, { position }) => {
        const first = relevant[position]?.index.first ?? '';
        const clamped = request.from && request.from > first ? request.from : first;
        return day === null || clamped < day ? clamped : day;
      }, null);
      const outcome: SearchOutcome = {
        total,
        hits: [],
        categories: toCounts(categories),
        tags: toCounts(tags),
        months: toMonths(days),
        since: complete ? null : oldest,
        more: !complete || end < total,
      };

      const next = complete ? undefined : relevant[reached]?.index;
      const ranked = searched.flatMap(({ position, outcome: part }) =>
        part.results.map((result, rank) => ({
          result,
          rank,
          position,
          day: part.days[rank] ?? '',
        })),
      );
      if (request.order === 'relevance') {
        ranked.sort(
          (a, b) => b.result.score - a.result.score || a.position - b.position || a.rank - b.rank,
        );
      } else {
        ranked.sort((a, b) =>
          a.day !== b.day ? (a.day < b.day ? 1 : -1) : a.position - b.position || a.rank - b.rank,
        );
      }
      const ordered = next ? ranked.filter((entry) => entry.day > next.last) : ranked;
      outcome.hits = await Promise.all(
        ordered.slice(start, end).map((entry) => toHit(entry.result)),
      );
      return outcome;
    },
  };
}
