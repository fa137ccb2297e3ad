/**
 * The incremental-build cache: what reading each file gave last time, keyed by a hash of
 * everything the reading depends on (path, bytes, site config, cache version). Entries live in
 * 256 shard files by the key's first byte, so a rebuild after one new post rewrites one small
 * shard instead of the whole cache.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { diagnosticSchema } from '../../src/shared/schema';
import type { FileResult, SiteConfig } from './types';

/** Bump when reading a file can give a different result for the same bytes. */
export const CACHE_VERSION = 1;

export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'broadsheet');

const sourcePostSchema = z.object({
  file: z.string(),
  url: z.string(),
  title: z.string(),
  date: z.string(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  html: z.string(),
  text: z.string(),
  excerpt: z.string(),
  chars: z.number(),
  source: z.string().nullable(),
  published: z.boolean(),
  page: z.string().nullable(),
});

const fileResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), post: sourcePostSchema, diagnostics: z.array(diagnosticSchema) }),
  z.object({
    kind: z.literal('skipped'),
    file: z.string(),
    reason: z.string(),
    diagnostics: z.array(diagnosticSchema),
  }),
]);

const entrySchema = z.object({
  /**
   * For a file skipped only because its date is still to come: that date (ms). It is read again
   * once the date has passed. Null for every other skip.
   */
  due: z.number().nullable(),
  result: fileResultSchema,
});
type Entry = z.infer<typeof entrySchema>;

const shardSchema = z.object({
  version: z.literal(CACHE_VERSION),
  entries: z.record(z.string(), entrySchema),
});

export type ReadCache = {
  /** The cached result, unless the clock has since crossed the post's date (either way). */
  get(key: string, now: Date): FileResult | undefined;
  /** `due`: when a skipped file would become a post by the passing of time, else null. */
  set(key: string, result: FileResult, due: number | null): void;
  /** Writes the shards that changed; entries not used since opening are dropped. */
  save(): Promise<void>;
  readonly stats: { hits: number; misses: number };
};

/**
 * Each site gets its own folder in the cache: the cache keeps only what the last build used, so
 * building the demo site must not evict a real archive's entries.
 */
export function getSiteCacheDir(cacheDir: string, source: string): string {
  const site = createHash('sha256').update(path.resolve(source)).digest('hex').slice(0, 16);
  return path.join(cacheDir, site);
}

/** A stable fingerprint of the config, independent of key order. */
export function getConfigFingerprint(config: SiteConfig): string {
  return JSON.stringify(Object.entries(config).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A fingerprint of the code that reads files (every `read-*.ts` module beside this one and the
 * Markdown renderer's version), so changing how a file is read never serves stale results,
 * even when nobody remembers to bump CACHE_VERSION.
 */
export async function getReaderFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const names = (await readdir(import.meta.dirname)).filter((name) => /^read-.*\.ts$/.test(name)).sort();
  for (const name of names) hash.update(name).update(await readFile(path.join(import.meta.dirname, name)));
  const markdownIt = path.join(import.meta.dirname, '..', '..', 'node_modules', 'markdown-it', 'package.json');
  hash.update(await readFile(markdownIt).catch(() => Buffer.alloc(0)));
  return hash.digest('hex').slice(0, 16);
}

export function getCacheKey(file: string, bytes: Uint8Array, configFingerprint: string): string {
  return createHash('sha256')
    .update(`broadsheet-read-v${CACHE_VERSION}\0${configFingerprint}\0${file}\0`)
    .update(bytes)
    .digest('hex');
}

/** Whether the clock gives the cached entry the same outcome now as when it was read. */
function isCurrent(entry: Entry, now: Date): boolean {
  // Posts are compared to the clock in whole seconds.
  const seconds = Math.floor(now.getTime() / 1000);
  if (entry.result.kind === 'post') return Math.floor(Date.parse(entry.result.post.date) / 1000) <= seconds;
  return entry.due === null || Math.floor(entry.due / 1000) > seconds;
}

function getShardName(key: string): string {
  return key.slice(0, 2);
}

async function loadShard(file: string): Promise<Map<string, Entry>> {
  try {
    const parsed = shardSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    // A shard of another version or a damaged one is simply a cold cache.
    return parsed.success ? new Map(Object.entries(parsed.data.entries)) : new Map();
  } catch {
    return new Map();
  }
}

/** Opens the cache in `dir`; a missing or unreadable cache is an empty one. */
export async function openReadCache(dir: string): Promise<ReadCache> {
  const root = path.join(dir, `reads-v${CACHE_VERSION}`);
  let names: string[] = [];
  try {
    names = (await readdir(root)).filter((name) => /^[0-9a-f]{2}\.json$/.test(name));
  } catch {
    names = [];
  }
  const shards = new Map<string, Map<string, Entry>>();
  await Promise.all(
    names.map(async (name) => {
      shards.set(name.slice(0, 2), await loadShard(path.join(root, name)));
    }),
  );
  const used = new Set<string>();
  const dirty = new Set<string>();
  const stats = { hits: 0, misses: 0 };

  return {
    stats,
    get(key, now) {
      const entry = shards.get(getShardName(key))?.get(key);
      if (!entry || !isCurrent(entry, now)) {
        stats.misses++;
        return undefined;
      }
      stats.hits++;
      used.add(key);
      return entry.result;
    },
    set(key, result, due) {
      const name = getShardName(key);
      let shard = shards.get(name);
      if (!shard) {
        shard = new Map();
        shards.set(name, shard);
      }
      shard.set(key, { due, result });
      used.add(key);
      dirty.add(name);
    },
    async save() {
      await mkdir(root, { recursive: true });
      await Promise.all(
        [...shards].map(async ([name, shard]) => {
          for (const key of shard.keys()) {
            if (!used.has(key)) {
              shard.delete(key);
              dirty.add(name);
            }
          }
          if (!dirty.has(name)) return;
          const file = path.join(root, `${name}.json`);
          if (shard.size === 0) {
            await rm(file, { force: true });
            return;
          }
          const entries = Object.fromEntries([...shard].sort(([a], [b]) => (a < b ? -1 : 1)));
          const temporary = `${file}.${process.pid}.tmp`;
          await writeFile(temporary, JSON.stringify({ version: CACHE_VERSION, entries }));
          await rename(temporary, file);
        }),
      );
    },
  };
}
