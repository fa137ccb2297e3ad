import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { cacheNames } from '../../../shared/cache-names';
import { dataPaths } from '../../../shared/paths';
import {
  bundleFileKinds,
  collectListFiles,
  getBundleFilePath,
  mapLimited,
} from '../../../shared/bundle-reader';
import type { ListRef, Manifest } from '../../../shared/schema';
import { getDataUrl } from '../../../lib/data-base';
import { bundleFileQueryOptions, createBundleLoader } from '../../../lib/bundle-queries';
import { createStoredValue } from '../../../lib/stored-value';

const savedFileSchema = z.object({
  kind: z.enum(bundleFileKinds),
  hash: z.string(),
});

const savedListSchema = z.object({
  /** List id (`c:<slug>`, `all`). */
  list: z.string(),
  title: z.string(),
  /** App path of the list view. */
  path: z.string().startsWith('/'),
  posts: z.number().int().nonnegative(),
  files: z.array(savedFileSchema),
  /**
   * Hash of the list index that was saved; a newer build has a newer one. A record only: a saved
   * list is found by `list`, which new posts do not change.
   */
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

/**
 * Put every file a list needs (its index, every chunk, the article buckets of its posts) into the
 * service worker's shard cache, so a reload offline finds them even if the worker did not control
 * the page when they were read. Finding them reads the index and chunks through the views' queries.
 */
export async function saveListForOffline(
  client: QueryClient,
  manifest: Manifest,
  target: SaveTarget,
  onProgress: (progress: SaveProgress) => void,
): Promise<SavedList> {
  const cache = await openShardCache();
  const progress: SaveProgress = { done: 0, total: 0 };
  const report = () => onProgress({ ...progress });
  // What finding the files reads (index, chunks, index pages) goes through the views' queries.
  const files = await collectListFiles(
    createBundleLoader(client),
    manifest,
    target.ref,
    (found) => {
      progress.total += found;
      report();
    },
  );
  if (cache) {
    await mapLimited(files, async (file) => {
      const url = getAbsoluteUrl(getBundleFilePath(file));
      if (!(await cache.match(url))) await cache.add(url);
      progress.done += 1;
      report();
    });
  } else {
    // No worker cache (an old browser): the query cache, persisted to IndexedDB, is all there is.
    for (const file of files) {
      await client.ensureQueryData(bundleFileQueryOptions(file.kind, file.hash));
      progress.done += 1;
      report();
    }
  }

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
    files: [...files].sort((a, b) => a.kind.localeCompare(b.kind) || a.hash.localeCompare(b.hash)),
    index: target.ref.index,
  };
  savedStore.write([...savedStore.read().filter((entry) => entry.list !== target.list), saved]);
  return saved;
}

/** Forget a saved list and delete its files from the caches, except those another saved list still needs. */
export async function removeSavedList(client: QueryClient, list: string): Promise<void> {
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
    if (cache) await cache.delete(getAbsoluteUrl(getBundleFilePath(file)));
    client.removeQueries({
      queryKey: bundleFileQueryOptions(file.kind, file.hash).queryKey,
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
