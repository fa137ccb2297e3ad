/**
 * The search index, split (docs/decisions/013-search-index-split.md): one Pagefind index per
 * language and stretch of whole days inside one month, at most `PART_POSTS` posts and
 * `PART_CHARS` indexed characters each, so Pagefind's memory stays bounded whatever the archive's
 * size. Each index lives in a folder named by a hash of what its records are made of, and is
 * kept in the cache folder under that name: a rebuild indexes only the parts whose posts
 * changed (after one new post, the newest part), and closed months are never indexed again.
 * Parts are indexed at once, each in a Pagefind process of its own (decision 029). The reader
 * merges the parts in the browser.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import type { CustomRecord } from 'pagefind';
import { getCategorySlug } from '../../src/shared/paths';
import type { SearchIndex, SearchRuntime } from '../../src/shared/schema';
import {
  WORD_BREAK,
  countIndexedChars,
  getIndexedBody,
  toIndexedText,
} from '../../src/shared/search-text';
import type { SourcePost } from './types';

/** Folder of the search index under the out dir, as the manifest names it. */
export const SEARCH_FOLDER = 'pagefind/';

/** Bump when the records, the Pagefind options or the cache's layout change. */
const SEARCH_CACHE_VERSION = 4;

/** Part of every index's hash: another Pagefind writes other bytes. */
const PAGEFIND_VERSION = readPagefindVersion();

function readPagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Bounds of one index. Pagefind holds about 0.35 KB per indexed character while it indexes, so
 * 1.2 million characters stay near 450 MB; 2,000 posts keep the rebuild after one new post (which
 * indexes the newest part again) to a few seconds.
 */
export const PART_POSTS = 2_000;
export const PART_CHARS = 1_200_000;

/**
 * Indexes built at once at most, each in its own Pagefind process on a core of its own. At
 * 100,000 posts two such processes (about 215 MB each, measured) beside the build's own 1 GB
 * come to the 1.5 GB the whole build may use (issue 9); a third would not fit.
 */
export const MAX_CONCURRENT_PARTS = 2;

/** Indexes built at once: one per core, bounded by memory (decision 029). */
export const SEARCH_CONCURRENCY = Math.max(1, Math.min(availableParallelism(), MAX_CONCURRENT_PARTS));

/** Shipped once: the module at the search folder's root. */
const MODULE = 'pagefind.js';
/** Pagefind's worker and wasm: shipped with each language's runtime index only. */
const RUNTIME_FILE = /^(?:pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;
/** The parts of an index that are its own. */
const INDEX_FILE = /^(?:pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|(?:fragment|index|filter)\/.+)$/;

/**
 * The language a post is indexed in: its own (front matter, defaults, else the site's `lang`),
 * whatever the reader's UI language, so a multilingual site gets one index per language.
 */
export function getSearchLanguage(post: SourcePost, siteLang: string): string {
  return (post.lang || siteLang).trim().toLowerCase() || 'en';
}

/** The post's day in the site's calendar (its date carries the site's offset). */
function getDay(post: SourcePost): string {
  return post.date.slice(0, 10);
}

function getCategorySlugs(post: SourcePost): string[] {
  return [...new Set(post.categories.map(getCategorySlug))];
}

function toRecord(post: SourcePost, language: string): CustomRecord {
  return {
    url: post.url,
    content: toIndexedText(post.title, post.text),
    language,
    meta: { title: post.title, date: post.date },
    filters: {
      category: getCategorySlugs(post),
      tag: [...new Set(post.tags)],
      day: [getDay(post)],
    },
    sort: { date: post.date },
  };
}

/**
 * A part of the index: what the manifest says of it, and its posts. Its records are built from
 * the posts only when it is indexed (`toSearchRecords`).
 */
export type SearchPart = SearchIndex & { sources: readonly SourcePost[] };

/** The records Pagefind indexes for a part. */
export function toSearchRecords(part: SearchPart): CustomRecord[] {
  return part.sources.map((post) => toRecord(post, part.language));
}

/** What the manifest says of a part. */
export function toSearchIndex({ path: folder, tag, language, first, last, posts }: SearchPart): SearchIndex {
  return { path: folder, tag, language, first, last, posts };
}

/**
 * Cuts the posts (oldest first) into parts: by language, then month, then runs of whole days
 * within the bounds. A day is never split, so the reader knows which index holds a day. No
 * record is built here: the bounds count the indexed characters without making the text, and a
 * part's tag hashes what its records are made of.
 */
export function planSearchParts(oldestFirst: readonly SourcePost[], siteLang: string): SearchPart[] {
  const groups = new Map<string, { language: string; days: Map<string, SourcePost[]> }>();
  for (const post of oldestFirst) {
    const language = getSearchLanguage(post, siteLang);
    const day = getDay(post);
    const key = `${language}\0${day.slice(0, 7)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { language, days: new Map() }));
    let posts = group.days.get(day);
    if (!posts) group.days.set(day, (posts = []));
    posts.push(post);
  }
  const parts: SearchPart[] = [];
  for (const [, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let current: { days: string[]; sources: SourcePost[]; chars: number } | null = null;
    const flush = () => {
      if (current && current.sources.length > 0) parts.push(toPart(group.language, current.days, current.sources));
      current = null;
    };
    for (const [day, posts] of group.days) {
      const chars = posts.reduce((sum, post) => sum + countIndexedChars(post.title, post.text), 0);
      if (
        current &&
        (current.sources.length + posts.length > PART_POSTS || current.chars + chars > PART_CHARS)
      )
        flush();
      current ??= { days: [], sources: [], chars: 0 };
      current.days.push(day);
      current.sources.push(...posts);
      current.chars += chars;
    }
    flush();
  }
  return parts;
}

/** Text as the index holds it: without the word breaks the index adds itself. */
function withoutWordBreaks(text: string): string {
  return text.includes(WORD_BREAK) ? text.replaceAll(WORD_BREAK, '') : text;
}

/**
 * The part's tag hashes every input of its records (url, title, the indexed stretch of the
 * text, date, category slugs, tags, language), each field length-prefixed, so equal records
 * give an equal tag and any change of what is indexed a new one.
 */
function toPart(language: string, days: string[], sources: SourcePost[]): SearchPart {
  const hash = createHash('sha256').update(
    `search-v${SEARCH_CACHE_VERSION}\0pagefind-${PAGEFIND_VERSION}\0${language}\0${sources.length}\0`,
  );
  const field = (value: string) => hash.update(`${value.length}:`).update(value);
  for (const post of sources) {
    field(post.url);
    // The title is also the record's meta as written; the text is only indexed.
    field(post.title);
    field(withoutWordBreaks(getIndexedBody(post.text)));
    field(post.date);
    const categories = getCategorySlugs(post);
    const tags = [...new Set(post.tags)];
    hash.update(`${categories.length}:${tags.length}:`);
    for (const value of [...categories, ...tags]) field(value);
  }
  const tag = hash.digest('hex').slice(0, 16);
  const first = days[0] ?? '';
  return {
    path: `${language.replace(/[^\w.-]/g, '_')}/${first}-${tag}/`,
    tag,
    language,
    first,
    last: days[days.length - 1] ?? '',
    posts: sources.length,
    sources,
  };
}

type IndexFiles = Map<string, Uint8Array>;

/** Builds indexes, each one at a time in a Pagefind process of its own. */
export type SearchIndexer = {
  index(language: string, records: readonly CustomRecord[]): Promise<IndexFiles>;
  /** Stops every Pagefind process it started. */
  close(): Promise<void>;
  /** Pagefind processes started so far. */
  readonly processes: number;
};

type PagefindModule = typeof import('pagefind');

/** Records sent to Pagefind before waiting for its answers. */
const BATCH = 500;

/** Pagefind's module, as a file URL that a query can make into another copy of it. */
const PAGEFIND_URL = import.meta.resolve('pagefind');

/**
 * Pagefind's Node API keeps one service process per loaded copy of its module, and that process
 * indexes on one core however many indexes it is given. A module URL with another query is
 * another copy of the module (ECMAScript modules are loaded once per URL), so each copy, and
 * each index built at once, gets a process and a core of its own, within this thread.
 */
function loadPagefind(copy: number): Promise<PagefindModule> {
  return import(/* @vite-ignore */ `${PAGEFIND_URL}?copy=${copy}`) as Promise<PagefindModule>;
}

/** Up to `concurrency` Pagefind processes, started as indexes are asked for. */
export function createSearchIndexer(concurrency: number): SearchIndexer {
  type Lane = { pagefind: Promise<PagefindModule>; busy: boolean };
  const lanes: Lane[] = [];
  const waiting: (() => void)[] = [];
  let closed = false;

  /** A lane for one index, marked busy before anyone else can pick it. */
  const acquire = async (): Promise<Lane> => {
    for (;;) {
      let lane = lanes.find((candidate) => !candidate.busy);
      if (!lane && lanes.length < concurrency) {
        lane = { pagefind: loadPagefind(lanes.length), busy: false };
        lanes.push(lane);
      }
      if (lane) {
        lane.busy = true;
        return lane;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };

  return {
    get processes() {
      return lanes.length;
    },
    async index(language, records) {
      if (closed) throw new Error('the search indexer is closed');
      const lane = await acquire();
      try {
        return await indexWith(await lane.pagefind, language, records);
      } finally {
        lane.busy = false;
        waiting.shift()?.();
      }
    },
    async close() {
      closed = true;
      // Every copy is closed, also when one failed to load: its error is the index's to report.
      await Promise.allSettled(lanes.map(async (lane) => (await lane.pagefind).close()));
    },
  };
}

async function indexWith(
  pagefind: PagefindModule,
  language: string,
  records: readonly CustomRecord[],
): Promise<IndexFiles> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (let start = 0; start < records.length; start += BATCH) {
      const added = await Promise.all(
        records.slice(start, start + BATCH).map((record) => index.addCustomRecord(record)),
      );
      for (const [at, result] of added.entries()) {
        if (result.errors.length > 0)
          throw new Error(`Pagefind, ${records[start + at]?.url}: ${result.errors.join('; ')}`);
      }
    }
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind: ${fileErrors.join('; ')}`);
    return new Map(files.map((file) => [file.path.split(path.sep).join('/'), file.content]));
  } finally {
    // After a failure the process may be gone: the failure is what the build reports.
    await index.deleteIndex().catch(() => undefined);
  }
}

/** Runs Pagefind over one part's records and returns its files by name inside the index folder. */
async function buildIndex(indexer: SearchIndexer, part: SearchIndex, records: readonly CustomRecord[]): Promise<IndexFiles> {
  try {
    return await indexer.index(part.language, records);
  } catch (error) {
    throw new Error(
      `search index ${part.path} (${part.first}…${part.last}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * A part's files are cached as one pack (a length-prefixed JSON list of names and sizes, then
 * the bytes in that order): one write and one read instead of a file for each of Pagefind's
 * thousand-odd chunks and fragments, which cost as much time as indexing did.
 */
async function readPack(file: string): Promise<IndexFiles> {
  const bytes = await readFile(file);
  const headerLength = bytes.length >= 4 ? bytes.readUInt32BE(0) : -1;
  if (headerLength < 0 || 4 + headerLength > bytes.length) throw new Error(`${file}: not a pack`);
  const entries = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as [string, number][];
  const files: IndexFiles = new Map();
  let offset = 4 + headerLength;
  for (const [name, size] of entries) {
    files.set(name, bytes.subarray(offset, offset + size));
    offset += size;
  }
  if (offset !== bytes.length) throw new Error(`${file}: a pack of the wrong length`);
  return files;
}

async function writePack(file: string, files: IndexFiles): Promise<void> {
  const names = [...files.keys()].sort();
  const contents = names.map((name) => files.get(name) ?? new Uint8Array());
  const header = Buffer.from(JSON.stringify(names.map((name, at) => [name, contents[at]?.length ?? 0])));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const temporary = `${file}.${process.pid}.tmp`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(temporary, Buffer.concat([length, header, ...contents]));
  await rename(temporary, file);
}

const PACK = '.pack';

function getPackName(part: SearchIndex, runtime: boolean): string {
  return `${runtime ? 'runtime-' : ''}${part.tag}${PACK}`;
}

export type SearchStats = {
  indexes: number;
  indexed: number;
  reused: number;
  /** Pagefind processes the indexing used. */
  processes: number;
};

/**
 * The runtime record's only word: `‿` is one of Pagefind's word characters but never one of a
 * query's (`getQueryWords` keeps letters, digits, marks and `_`).
 */
const RUNTIME_RECORD = { url: '/', content: '\u203F\u203F', meta: {}, filters: {} };

/**
 * Pagefind's runtime for each language the parts are indexed in: its worker, its wasm and an
 * index of one record that no query can match, named by what makes its bytes. The reader opens
 * each part as this index with the part merged in, so a part is read only when a search reaches
 * it, and the runtime keeps its name across builds (docs/decisions/030-search-reads-back-in-time.md).
 */
export function planSearchRuntimes(parts: readonly SearchIndex[]): SearchRuntime[] {
  return [...new Set(parts.map((part) => part.language))].sort().map((language) => {
    const tag = createHash('sha256')
      .update(`search-runtime-v${SEARCH_CACHE_VERSION}\0pagefind-${PAGEFIND_VERSION}\0${language}\0`)
      .update(JSON.stringify(RUNTIME_RECORD))
      .digest('hex')
      .slice(0, 16);
    return { language, tag, path: `${language.replace(/[^\w.-]/g, '_')}/runtime-${tag}/` };
  });
}

/** An index to build: a part of the archive, or a language's runtime. */
type Job = { index: SearchIndex; runtime: boolean; records: () => CustomRecord[] };

/**
 * Builds the parts and the runtimes (reusing each one the cache holds) and hands every file to
 * `write` under its path in the out dir, a part at a time, so the whole index is never in memory
 * at once. `cacheDir` null builds every part in memory. Up to `concurrency` indexes are built at
 * once; the files are written in order whatever the order they are done in.
 */
export async function writeSearchFiles(
  parts: readonly SearchPart[],
  cacheDir: string | null,
  write: (name: string, bytes: Uint8Array) => void,
  { concurrency = SEARCH_CONCURRENCY }: { concurrency?: number } = {},
): Promise<SearchStats> {
  const root = cacheDir ? path.join(cacheDir, `search-v${SEARCH_CACHE_VERSION}`) : null;
  const stats: SearchStats = { indexes: parts.length, indexed: 0, reused: 0, processes: 0 };
  const indexer = createSearchIndexer(Math.max(1, concurrency));
  const jobs: Job[] = [
    ...planSearchRuntimes(parts).map((runtime) => ({
      index: { ...runtime, first: '', last: '', posts: 1 },
      runtime: true,
      records: () => [{ ...RUNTIME_RECORD, language: runtime.language }],
    })),
    ...parts.map((part) => ({ index: toSearchIndex(part), runtime: false, records: () => toSearchRecords(part) })),
  ];
  const load = async ({ index, runtime, records }: Job): Promise<IndexFiles> => {
    const pack = root ? path.join(root, getPackName(index, runtime)) : '';
    if (root) {
      try {
        const files = await readPack(pack);
        if (!runtime) stats.reused++;
        return files;
      } catch {
        // Not built yet for these records.
      }
    }
    const built = await buildIndex(indexer, index, records());
    if (!runtime) stats.indexed++;
    const own: IndexFiles = new Map(
      [...built].filter(
        ([name]) => INDEX_FILE.test(name) || (runtime && (RUNTIME_FILE.test(name) || name === MODULE)),
      ),
    );
    if (root) await writePack(pack, own);
    return own;
  };
  try {
    let next = 0;
    const results = new Map<number, IndexFiles>();
    let written = 0;
    let moduleWritten = false;
    // Indexes are built `concurrency` at a time but written in order, each dropped once written.
    const flush = () => {
      while (results.has(written)) {
        const files = results.get(written);
        results.delete(written);
        const job = jobs[written];
        if (files && job)
          for (const name of [...files.keys()].sort()) {
            const bytes = files.get(name) ?? new Uint8Array();
            // Pagefind's module sits at the search folder's root, once.
            if (name === MODULE) {
              if (!moduleWritten) write(`${SEARCH_FOLDER}${MODULE}`, bytes);
              moduleWritten = true;
            } else write(`${SEARCH_FOLDER}${job.index.path}${name}`, bytes);
          }
        written++;
      }
    };
    let failed = false;
    const run = async () => {
      while (next < jobs.length && !failed) {
        const position = next++;
        const job = jobs[position];
        if (!job) break;
        try {
          results.set(position, await load(job));
        } catch (error) {
          failed = true;
          throw error;
        }
        flush();
      }
    };
    // Every run is waited for, so no index is still being built when the indexer is closed.
    const runs = await Promise.allSettled(
      Array.from({ length: Math.min(Math.max(1, concurrency), jobs.length) }, run),
    );
    for (const outcome of runs) if (outcome.status === 'rejected') throw outcome.reason;
    flush();
  } finally {
    stats.processes = indexer.processes;
    await indexer.close();
  }
  if (root)
    await pruneCache(
      root,
      jobs.map((job) => getPackName(job.index, job.runtime)),
    );
  return stats;
}

/**
 * Drops cached parts the build no longer has (a closed month's parts stay while it is unchanged)
 * and the caches of earlier layouts.
 */
async function pruneCache(root: string, packs: readonly string[]): Promise<void> {
  const keep = new Set(packs);
  for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (!keep.has(entry.name)) await rm(path.join(root, entry.name), { recursive: true, force: true });
  }
  const parent = path.dirname(root);
  for (const entry of await readdir(parent, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && /^search-v\d+$/.test(entry.name) && entry.name !== path.basename(root))
      await rm(path.join(parent, entry.name), { recursive: true, force: true });
  }
}
