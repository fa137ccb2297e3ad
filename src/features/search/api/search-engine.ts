/**
 * Searching the split index (docs/decisions/013-search-index-split.md) through one Pagefind
 * instance that merged every part. Pure of the DOM, so the same code runs in the browser and in
 * the precision tests under Node.
 *
 * Best match is Pagefind's order over all parts. Newest first cannot come from a merged search
 * (each part ranks its own results), so it is paged by day: the first search's per-day counts say
 * which days hold the page asked for, and each part that holds some of them is searched alone,
 * sorted by date, in order from the newest.
 */
import { z } from 'zod/mini';
import type { SearchIndex } from '../../../shared/schema';
import { WORD_BREAK, toPagefindQuery } from '../../../shared/search-text';

export const PAGE_SIZE = 20;

export type SearchOrder = 'date' | 'relevance';

export type SearchRequest = {
  q: string;
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

/** The part of Pagefind's instance API this module uses. */
export type PagefindApi = {
  search: (term: string | null, options?: PagefindOptions) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
};

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
};

/** The index a day's posts are in (days are never split between parts of one language). */
function findIndex(indexes: readonly SearchIndex[], day: string): string {
  return indexes.find((index) => index.first <= day && day <= index.last)?.path ?? '';
}

export function createSearchEngine(
  api: PagefindApi,
  indexes: readonly SearchIndex[],
): SearchEngine {
  let allDays: Promise<string[]> | null = null;
  const getAllDays = () =>
    (allDays ??= api.filters().then((filters) => Object.keys(filters.day ?? {}).sort()));

  return {
    async run(request) {
      const empty: SearchOutcome = { total: 0, hits: [], categories: [], tags: [], months: [] };
      const term = toPagefindQuery(request.q);
      if (term === null) return empty;
      // Pagefind counts results per filter value only for the filters it has loaded, and loads
      // them when asked for all of them; the days also bound a date range.
      const allDayList = await getAllDays();
      const filters: Record<string, FilterValue> = {};
      if (request.category) filters.category = request.category;
      if (request.tag) filters.tag = request.tag;
      if (request.from || request.to) {
        const days = allDayList.filter(
          (day) => (!request.from || day >= request.from) && (!request.to || day <= request.to),
        );
        if (days.length === 0) return empty;
        filters.day = { any: days };
      }
      const base = await api.search(term, { filters });
      const results = base?.results ?? [];
      const outcome: SearchOutcome = {
        total: results.length,
        hits: [],
        categories: toCounts(base?.filters.category),
        tags: toCounts(base?.filters.tag),
        months: toMonths(base?.filters.day),
      };
      const start = (Math.max(1, request.page) - 1) * PAGE_SIZE;
      if (start >= results.length) return outcome;
      if (request.order === 'relevance') {
        outcome.hits = await Promise.all(results.slice(start, start + PAGE_SIZE).map(toHit));
        return outcome;
      }
      // Newest first: the days (newest first) whose results hold positions start … start + PAGE_SIZE.
      const days = Object.entries(base?.filters.day ?? {})
        .filter(([, count]) => count > 0)
        .sort(([a], [b]) => (a < b ? 1 : -1));
      let before = 0;
      let skip = 0;
      const groups: { index: string; days: string[] }[] = [];
      for (const [day, count] of days) {
        if (before + count <= start) {
          before += count;
          continue;
        }
        if (groups.length === 0) skip = start - before;
        const index = findIndex(indexes, day);
        const last = groups[groups.length - 1];
        if (last && last.index === index) last.days.push(day);
        else groups.push({ index, days: [day] });
        before += count;
        if (before >= start + PAGE_SIZE) break;
      }
      const ordered: PagefindResult[] = [];
      for (const group of groups) {
        const response = await api.search(term, {
          filters: { ...filters, day: { any: group.days } },
          sort: { date: 'desc' },
        });
        ordered.push(...(response?.results ?? []));
      }
      outcome.hits = await Promise.all(ordered.slice(skip, skip + PAGE_SIZE).map(toHit));
      return outcome;
    },
  };
}
