import type { EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { z } from 'zod';
import { cacheNames } from '../../../shared/cache-names';
import { dataPaths } from '../../../shared/paths';
import { getBucket } from '../../../shared/post-key';
import {
  ARTICLE_INDEX_PAGE_SIZE,
  type ArticleBucket,
  type ArticleIndexPage,
  type ListChunk,
  type ListIndex,
  type ListRef,
  type Manifest,
} from '../../../shared/schema';
import { getDataUrl } from '../../../lib/data-base';
import { queryKeys } from '../../../lib/query-keys';
import { createStoredValue } from '../../../lib/stored-value';

type Options<T, K extends QueryKey> = EnsureQueryDataOptions<T, Error, T, K>;
type KeyOf<F extends (...args: never[]) => QueryKey> = ReturnType<F>;

/**
 * The query options of each shard kind, handed in by the app from the features that own them, so
 * saving goes through exactly the queries the views read (and lands in their cache).
 */
export type OfflineSources = {
  listIndex: (hash: string) => Options<ListIndex, KeyOf<typeof queryKeys.listIndex>>;
  listChunk: (hash: string) => Options<ListChunk, KeyOf<typeof queryKeys.listChunk>>;
  articleIndex: (hash: string) => Options<ArticleIndexPage, KeyOf<typeof queryKeys.articleIndex>>;
  articleBucket: (hash: string) => Options<ArticleBucket, KeyOf<typeof queryKeys.articleBucket>>;
};

type ShardKind = keyof OfflineSources;

const savedFileSchema = z.object({
  kind: z.enum(['listIndex', 'listChunk', 'articleIndex', 'articleBucket']),
  hash: z.string(),
});
type SavedFile = z.infer<typeof savedFileSchema>;

const savedListSchema = z.object({
  /** List id (`c:<slug>`, `all`). */
  list: z.string(),
  title: z.string(),
  /** App path of the list view. */
  path: z.string().startsWith('/'),
  posts: z.number().int().nonnegative(),
  files: z.array(savedFileSchema),
  /** Hash of the list index that was saved; a newer build has a newer one. */
  index: z.string(),
});
export type SavedList = z.infer<typeof savedListSchema>;

const savedStore = createStoredValue<SavedList[]>(
  'broadsheet:saved-lists',
  z.array(savedListSchema),
  [],
);

export function useSavedLists(): SavedList[] {
  return savedStore.use();
}

export type SaveTarget = { list: string; title: string; path: string; ref: ListRef };

export type SaveProgress = { done: number; total: number };

const dataPathOf: Record<ShardKind, (hash: string) => string> = {
  listIndex: dataPaths.listIndex,
  listChunk: dataPaths.listChunk,
  articleIndex: dataPaths.articleIndex,
  articleBucket: dataPaths.articleBucket,
};

function getAbsoluteUrl(dataPath: string): string {
  return new URL(getDataUrl(dataPath), window.location.href).href;
}

async function openShardCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(cacheNames.shards);
  } catch {
    return null;
  }
}

/** Run `work` over `items`, a few at a time. */
async function runPooled<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(workers);
}

/**
 * Fetch a list's index, every chunk, and the article buckets of every post in it into the service
 * worker's shard cache (so a reload offline finds them even if the worker did not control the page
 * when they were read); the index and chunks also go through the app's queries, which read them.
 */
export async function saveListForOffline(
  client: QueryClient,
  manifest: Manifest,
  sources: OfflineSources,
  target: SaveTarget,
  onProgress: (progress: SaveProgress) => void,
): Promise<SavedList> {
  const cache = await openShardCache();
  const files: SavedFile[] = [];
  const progress: SaveProgress = { done: 0, total: 1 };
  const storeShard = async (kind: ShardKind, hash: string): Promise<void> => {
    if (cache) {
      const url = getAbsoluteUrl(dataPathOf[kind](hash));
      if (!(await cache.match(url))) await cache.add(url);
    }
    files.push({ kind, hash });
    progress.done += 1;
    onProgress({ ...progress });
  };
  const fetchShard = async <T, K extends QueryKey>(
    kind: ShardKind,
    hash: string,
    options: Options<T, K>,
  ): Promise<T> => {
    const data = await client.ensureQueryData(options);
    await storeShard(kind, hash);
    return data;
  };

  onProgress({ ...progress });
  const index = await fetchShard(
    'listIndex',
    target.ref.index,
    sources.listIndex(target.ref.index),
  );
  progress.total += index.chunks.length;
  const urls: string[] = [];
  await runPooled(index.chunks, 6, async (chunk) => {
    const file = await fetchShard('listChunk', chunk.file, sources.listChunk(chunk.file));
    for (const post of file.posts) urls.push(post.url);
  });

  const buckets = new Set(urls.map((url) => getBucket(url, manifest.articles.buckets)));
  const pages = [
    ...new Set([...buckets].map((bucket) => Math.floor(bucket / ARTICLE_INDEX_PAGE_SIZE))),
  ];
  progress.total += pages.length;
  const bucketFiles = new Set<string>();
  await runPooled(pages, 6, async (page) => {
    const hash = manifest.articles.pages[page];
    if (!hash) return;
    const indexPage = await fetchShard('articleIndex', hash, sources.articleIndex(hash));
    for (const bucket of buckets) {
      if (Math.floor(bucket / ARTICLE_INDEX_PAGE_SIZE) !== page) continue;
      const file = indexPage.buckets[bucket % ARTICLE_INDEX_PAGE_SIZE];
      if (file) bucketFiles.add(file);
    }
  });
  progress.total += bucketFiles.size;
  // Article buckets are the bulk of a saved list and nothing here reads them: with the worker's
  // cache at hand they go there only, since the query cache is copied whole into IndexedDB.
  await runPooled([...bucketFiles].sort(), 6, async (hash) => {
    if (cache) await storeShard('articleBucket', hash);
    else await fetchShard('articleBucket', hash, sources.articleBucket(hash));
  });

  // The manifest too, so an offline reload knows the shard names even without the query cache.
  if (typeof caches !== 'undefined') {
    const manifestCache = await caches.open(cacheNames.manifest);
    const url = getAbsoluteUrl(dataPaths.manifest());
    if (!(await manifestCache.match(url))) await manifestCache.add(url);
  }
  // Ask the browser not to evict what the reader chose to keep; it may say no, which is fine.
  await navigator.storage?.persist?.().catch(() => false);

  const saved: SavedList = {
    list: target.list,
    title: target.title,
    path: target.path,
    posts: target.ref.count,
    files: files.sort((a, b) => a.kind.localeCompare(b.kind) || a.hash.localeCompare(b.hash)),
    index: target.ref.index,
  };
  savedStore.write([...savedStore.read().filter((entry) => entry.list !== target.list), saved]);
  return saved;
}

/** Forget a saved list and delete its files from the caches, except those another saved list still needs. */
export async function removeSavedList(
  client: QueryClient,
  sources: OfflineSources,
  list: string,
): Promise<void> {
  const all = savedStore.read();
  const removed = all.find((entry) => entry.list === list);
  const rest = all.filter((entry) => entry.list !== list);
  savedStore.write(rest);
  if (!removed) return;
  const kept = new Set(
    rest.flatMap((entry) => entry.files.map((file) => `${file.kind}:${file.hash}`)),
  );
  const cache = await openShardCache();
  for (const file of removed.files) {
    if (kept.has(`${file.kind}:${file.hash}`)) continue;
    if (cache) await cache.delete(getAbsoluteUrl(dataPathOf[file.kind](file.hash)));
    client.removeQueries({
      queryKey: sources[file.kind](file.hash).queryKey,
      type: 'inactive',
      exact: true,
    });
  }
}

export type StorageUse = { usage: number; quota: number };

export async function estimateStorage(): Promise<StorageUse | null> {
  if (!navigator.storage?.estimate) return null;
  const estimate = await navigator.storage.estimate();
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
}
