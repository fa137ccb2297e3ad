/**
 * The search index: one Pagefind record per post, built through Pagefind's Node API and
 * returned as files, so the output writer treats them like every other file of the bundle.
 * Indexing Chinese text costs Pagefind a few milliseconds a post, so the files of the last
 * index are kept in the cache folder under a hash of every record and reused while the posts
 * stay the same.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { CustomRecord } from 'pagefind';
import { getCategorySlug } from '../../src/shared/paths';
import type { SourcePost } from './types';

/** Folder of the search index under the out dir, as the manifest names it. */
export const SEARCH_FOLDER = 'pagefind/';

/** Bump when the records or the Pagefind options change. */
const SEARCH_CACHE_VERSION = 1;

/** Records sent to the Pagefind process before waiting for its answers. */
const BATCH = 500;

/** Pagefind's own ready-made UIs; the app brings its own, so they are not shipped. */
const UNUSED_FILE = /^pagefind-(?:ui|modular-ui|component-ui)\./;

/** Title and text are both indexed (Pagefind indexes only `content`); categories and tags filter. */
function toRecord(post: SourcePost, language: string): CustomRecord {
  return {
    url: post.url,
    content: `${post.title}\n${post.text}`,
    language,
    meta: { title: post.title, date: post.date },
    filters: {
      category: [...new Set(post.categories.map(getCategorySlug))],
      tag: [...new Set(post.tags)],
    },
  };
}

async function readFolder(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const name = path.relative(dir, full).split(path.sep).join('/');
    if (!UNUSED_FILE.test(name)) files.set(`${SEARCH_FOLDER}${name}`, await readFile(full));
  }
  return files;
}

/** Runs Pagefind over the records and writes its bundle into `dir`. */
async function writeIndex(records: readonly CustomRecord[], language: string, dir: string): Promise<void> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (let start = 0; start < records.length; start += BATCH) {
      const added = await Promise.all(records.slice(start, start + BATCH).map((record) => index.addCustomRecord(record)));
      for (const result of added) {
        if (result.errors.length > 0) throw new Error(`Pagefind: ${result.errors.join('; ')}`);
      }
    }
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await close();
  }
}

/**
 * Indexes the posts (in the order given: equal order gives equal bytes) and returns path under
 * the out dir → bytes. With a cache folder, an unchanged set of records reuses the last index.
 */
export async function createSearchFiles(
  posts: readonly SourcePost[],
  lang: string,
  cacheDir: string | null,
): Promise<Map<string, Uint8Array>> {
  const language = lang.trim().toLowerCase() || 'en';
  const records = posts.map((post) => toRecord(post, language));
  if (cacheDir === null) {
    const temporary = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-search-'));
    try {
      await writeIndex(records, language, temporary);
      return await readFolder(temporary);
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
  }
  const key = createHash('sha256')
    .update(`search-v${SEARCH_CACHE_VERSION}\0${language}\0`)
    .update(JSON.stringify(records))
    .digest('hex');
  const root = path.join(cacheDir, `search-v${SEARCH_CACHE_VERSION}`);
  const folder = path.join(root, key);
  try {
    return await readFolder(folder);
  } catch {
    // Not built yet for these records.
  }
  const temporary = path.join(cacheDir, `search-${key}.${process.pid}.tmp`);
  await rm(temporary, { recursive: true, force: true });
  await writeIndex(records, language, temporary);
  // Keep only the newest index: an older one is never asked for again.
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await rename(temporary, folder);
  return readFolder(folder);
}
