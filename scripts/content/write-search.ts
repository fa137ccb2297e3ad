/**
 * The search index, split (docs/decisions/013-search-index-split.md): one Pagefind index per
 * language and stretch of whole days inside one month, at most `PART_POSTS` posts and
 * `PART_CHARS` indexed characters each, so Pagefind's memory stays bounded whatever the archive's
 * size. Each index lives in a folder named by a hash of its records and is kept in the cache
 * folder under that name: a rebuild indexes only the parts whose posts changed (after one new
 * post, the newest part), and closed months are never indexed again. The reader merges the
 * parts in the browser.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { getCategorySlug } from '../../src/shared/paths';
import type { SearchIndex, SearchRuntime } from '../../src/shared/schema';
import { toIndexedText } from '../../src/shared/search-text';
import type { SourcePost } from './types';

/** Folder of the search index under the out dir, as the manifest names it. */
export const SEARCH_FOLDER = 'pagefind/';

/** Bump when the records, the Pagefind options or the cache's layout change. */
const SEARCH_CACHE_VERSION = 3;

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

/** Indexes built at once: the machine's two cores, each Pagefind index on one. */
const CONCURRENCY = 2;

/** Records sent to Pagefind before waiting for its answers. */
const BATCH = 500;

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

function toRecord(post: SourcePost, language: string): CustomRecord {
  return {
    url: post.url,
    content: toIndexedText(post.title, post.text),
    language,
    meta: { title: post.title, date: post.date },
    filters: {
      category: [...new Set(post.categories.map(getCategorySlug))],
      tag: [...new Set(post.tags)],
      day: [getDay(post)],
    },
    sort: { date: post.date },
  };
}

export type SearchPart = SearchIndex & { records: CustomRecord[] };

/** What the manifest says of a part. */
export function toSearchIndex({ path: folder, tag, language, first, last, posts }: SearchPart): SearchIndex {
  return { path: folder, tag, language, first, last, posts };
}

/**
 * Cuts the posts (oldest first) into parts: by language, then month, then runs of whole days
 * within the bounds. A day is never split, so the reader knows which index holds a day.
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
    let current: { days: string[]; records: CustomRecord[]; chars: number } | null = null;
    const flush = () => {
      if (current && current.records.length > 0) parts.push(toPart(group.language, current.days, current.records));
      current = null;
    };
    for (const [day, posts] of group.days) {
      const records = posts.map((post) => toRecord(post, group.language));
      const chars = records.reduce((sum, record) => sum + record.content.length, 0);
      if (
        current &&
        (current.records.length + records.length > PART_POSTS || current.chars + chars > PART_CHARS)
      )
        flush();
      current ??= { days: [], records: [], chars: 0 };
      current.days.push(day);
      current.records.push(...records);
      current.chars += chars;
    }
    flush();
  }
  return parts;
}

function toPart(language: string, days: string[], records: CustomRecord[]): SearchPart {
  const tag = createHash('sha256')
    .update(`search-v${SEARCH_CACHE_VERSION}\0pagefind-${PAGEFIND_VERSION}\0${language}\0`)
    .update(JSON.stringify(records))
    .digest('hex')
    .slice(0, 16);
  const first = days[0] ?? '';
  return {
    path: `${language.replace(/[^\w.-]/g, '_')}/${first}-${tag}/`,
    tag,
    language,
    first,
    last: days[days.length - 1] ?? '',
    posts: records.length,
    records,
  };
}

type IndexFiles = Map<string, Uint8Array>;

/** Runs Pagefind over one part's records and returns its files by name inside the index folder. */
async function buildIndex(part: SearchPart): Promise<IndexFiles> {
  const { index, errors } = await createIndex({ forceLanguage: part.language });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (let start = 0; start < part.records.length; start += BATCH) {
      const added = await Promise.all(
        part.records.slice(start, start + BATCH).map((record) => index.addCustomRecord(record)),
      );
      for (const result of added) {
        if (result.errors.length > 0) throw new Error(`Pagefind: ${result.errors.join('; ')}`);
      }
    }
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind: ${fileErrors.join('; ')}`);
    return new Map(files.map((file) => [file.path.split(path.sep).join('/'), file.content]));
  } finally {
    await index.deleteIndex();
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

function getPackName(part: SearchPart, runtime: boolean): string {
  return `${runtime ? 'runtime-' : ''}${part.tag}${PACK}`;
}

export type SearchStats = { indexes: number; indexed: number; reused: number };

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

function toRuntimePart(runtime: SearchRuntime): SearchPart {
  return {
    ...runtime,
    first: '',
    last: '',
    posts: 1,
    records: [{ ...RUNTIME_RECORD, language: runtime.language }],
  };
}

/**
 * Builds the parts and the runtimes (reusing each one the cache holds) and hands every file to
 * `write` under its path in the out dir, a part at a time, so the whole index is never in memory
 * at once. `cacheDir` null builds every part in memory.
 */
export async function writeSearchFiles(
  parts: readonly SearchPart[],
  cacheDir: string | null,
  write: (name: string, bytes: Uint8Array) => void,
): Promise<SearchStats> {
  const root = cacheDir ? path.join(cacheDir, `search-v${SEARCH_CACHE_VERSION}`) : null;
  const stats: SearchStats = { indexes: parts.length, indexed: 0, reused: 0 };
  const runtimes = planSearchRuntimes(parts);
  const all = [...runtimes.map(toRuntimePart), ...parts];
  const isRuntime = (position: number) => position < runtimes.length;
  // Whether Pagefind's indexer was started, so it must be closed.
  let started = false;
  const load = async (part: SearchPart, runtime: boolean): Promise<IndexFiles> => {
    const pack = root ? path.join(root, getPackName(part, runtime)) : '';
    if (root) {
      try {
        const files = await readPack(pack);
        if (!runtime) stats.reused++;
        return files;
      } catch {
        // Not built yet for these records.
      }
    }
    const built = await buildIndex(part);
    started = true;
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
    // Parts are built two at a time but written in order, each dropped once written.
    const flush = () => {
      while (results.has(written)) {
        const files = results.get(written);
        results.delete(written);
        const part = all[written];
        if (files && part)
          for (const name of [...files.keys()].sort()) {
            const bytes = files.get(name) ?? new Uint8Array();
            // Pagefind's module sits at the search folder's root, once.
            if (name === MODULE) {
              if (!moduleWritten) write(`${SEARCH_FOLDER}${MODULE}`, bytes);
              moduleWritten = true;
            } else write(`${SEARCH_FOLDER}${part.path}${name}`, bytes);
          }
        written++;
      }
    };
    const run = async () => {
      while (next < all.length) {
        const position = next++;
        const part = all[position];
        if (!part) break;
        results.set(position, await load(part, isRuntime(position)));
        flush();
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, all.length) }, run));
    flush();
  } finally {
    if (started) await close();
  }
  if (root)
    await pruneCache(
      root,
      all.map((part, position) => getPackName(part, isRuntime(position))),
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
