import type { QueryClient } from '@tanstack/react-query';
import { collectListFiles, getBundleFilePath } from '../../../shared/bundle-reader';
import type { ListRef, Manifest } from '../../../shared/schema';
import {
  collectSavedArticleFiles,
  getAbsoluteDataUrl,
  keepFilesOffline,
  openShardCache,
} from '../../../lib/offline-files';
import { bundleFileQueryOptions, createBundleLoader } from '../../../lib/bundle-queries';
import { savedLists as savedStore, type SavedList } from '../../../lib/saved-lists';

export type { SavedList } from '../../../lib/saved-lists';

export function useSavedLists(): SavedList[] {
  return savedStore.use();
}

export type SaveTarget = { list: string; title: string; path: string; ref: ListRef };

export type SaveProgress = { done: number; total: number };

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
  await keepFilesOffline(client, files, () => {
    progress.done += 1;
    report();
  });

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

/**
 * Forget a saved list and delete its files from the caches, except those another saved list or
 * a saved article still needs.
 */
export async function removeSavedList(
  client: QueryClient,
  manifest: Manifest,
  list: string,
): Promise<void> {
  const all = savedStore.read();
  const removed = all.find((entry) => entry.list === list);
  const rest = all.filter((entry) => entry.list !== list);
  savedStore.write(rest);
  if (!removed) return;
  const articleFiles = await collectSavedArticleFiles(client, manifest);
  const kept = new Set(
    [...rest.flatMap((entry) => entry.files), ...(articleFiles ?? [])].map(
      (file) => `${file.kind}:${file.hash}`,
    ),
  );
  const cache = await openShardCache();
  for (const file of removed.files) {
    if (kept.has(`${file.kind}:${file.hash}`)) continue;
    if (!articleFiles && (file.kind === 'articleIndex' || file.kind === 'articleBucket')) continue;
    if (cache) await cache.delete(getAbsoluteDataUrl(getBundleFilePath(file)));
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
