import type { QueryClient } from '@tanstack/react-query';
import { cacheNames } from '../shared/cache-names';
import { keepViewsOffline } from './app-code-cache';
import { dataPaths } from '../shared/paths';
import { getBundleFilePath, mapLimited, type BundleFileRef } from '../shared/bundle-reader';
import { getArticleLocation } from '../shared/post-key';
import type { Manifest } from '../shared/schema';
import { getDataUrl } from './data-base';
import { bundleFileQueryOptions, createBundleLoader } from './bundle-queries';
import { getSavedUrls, startReaderState } from './reader-state';

/**
 * Keeping data files for offline reading: what a saved list and a saved article both do. The
 * files go into the service worker's shard cache, so a reload offline finds them even when the
 * worker did not control the page when they were read.
 */

export function getAbsoluteDataUrl(dataPath: string): string {
  return new URL(getDataUrl(dataPath), window.location.href).href;
}

export async function openShardCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(cacheNames.shards);
  } catch {
    return null;
  }
}

/**
 * Put `files` into the shard cache, or, without a worker cache (an old browser), into the query
 * cache, which is persisted to IndexedDB. Then the manifest, so an offline reload knows the
 * shard names, and a request that the browser not evict what the reader chose to keep.
 */
export async function keepFilesOffline(
  client: QueryClient,
  files: readonly BundleFileRef[],
  onDone: () => void = () => {},
): Promise<void> {
  const cache = await openShardCache();
  if (cache) {
    await mapLimited(files, async (file) => {
      const url = getAbsoluteDataUrl(getBundleFilePath(file));
      if (!(await cache.match(url))) await cache.add(url);
      onDone();
    });
  } else {
    for (const file of files) {
      await client.ensureQueryData(bundleFileQueryOptions(file.kind, file.hash));
      onDone();
    }
  }
  if (typeof caches !== 'undefined') {
    const manifestCache = await caches.open(cacheNames.manifest);
    const url = getAbsoluteDataUrl(dataPaths.manifest());
    if (!(await manifestCache.match(url))) await manifestCache.add(url);
  }
  // The views that show these files, in case this visit has not opened one yet.
  await keepViewsOffline().catch(() => {});
  // The browser may say no, which is fine.
  await navigator.storage?.persist?.().catch(() => false);
}

/** The two files an article is read from: its article-index page and its bucket. */
export async function collectArticleFiles(
  client: QueryClient,
  manifest: Manifest,
  url: string,
): Promise<BundleFileRef[]> {
  const location = getArticleLocation(manifest.articles, url);
  if (!location.indexPage) return [];
  const page = await createBundleLoader(client)('articleIndex', location.indexPage);
  const bucket = page.buckets[location.slot];
  return [
    { kind: 'articleIndex', hash: location.indexPage },
    ...(bucket ? [{ kind: 'articleBucket' as const, hash: bucket }] : []),
  ];
}

/** Keep one article readable offline (a saved article). */
export async function keepArticleOffline(
  client: QueryClient,
  manifest: Manifest,
  url: string,
): Promise<void> {
  await keepFilesOffline(client, await collectArticleFiles(client, manifest, url));
}

/**
 * The files every saved article is read from, so removing a saved list leaves them in place.
 * Null when they cannot be looked up now (offline, an index page not cached): the caller then
 * keeps every article file, as deleting one a saved article needs would be the worse mistake.
 */
export async function collectSavedArticleFiles(
  client: QueryClient,
  manifest: Manifest,
): Promise<BundleFileRef[] | null> {
  await startReaderState();
  const urls = [...getSavedUrls()];
  try {
    return (await mapLimited(urls, (url) => collectArticleFiles(client, manifest, url))).flat();
  } catch {
    return null;
  }
}

/** Whether the query cache (persisted to IndexedDB) holds a file's data. */
function hasFileQuery(client: QueryClient, file: BundleFileRef): boolean {
  return client.getQueryData(bundleFileQueryOptions(file.kind, file.hash).queryKey) !== undefined;
}

/**
 * Which of `urls` open without a network: a post is available offline when both files it is read
 * from, its article-index page and its bucket, are on this device, in the service worker's shard
 * cache or in the (persisted) query cache. A saved post, a post of a list saved for offline and a
 * post already read (or sharing a bucket with one) all are. Checked once for a whole list page:
 * one listing of the shard cache, then set lookups; an index page is read only when it is stored.
 */
export async function findAvailableOffline(
  client: QueryClient,
  manifest: Manifest,
  urls: readonly string[],
): Promise<Set<string>> {
  const cache = await openShardCache();
  const cached = new Set(cache ? (await cache.keys()).map((request) => request.url) : []);
  const isStored = (file: BundleFileRef) =>
    cached.has(getAbsoluteDataUrl(getBundleFilePath(file))) || hasFileQuery(client, file);
  const load = createBundleLoader(client);
  const available = new Set<string>();
  const pages = new Map<string, Promise<(string | null)[] | null>>();
  for (const url of urls) {
    const location = getArticleLocation(manifest.articles, url);
    const indexPage = location.indexPage;
    if (!indexPage || !isStored({ kind: 'articleIndex', hash: indexPage })) continue;
    let buckets = pages.get(indexPage);
    if (!buckets) {
      buckets = load('articleIndex', indexPage).then(
        (page) => page.buckets,
        () => null,
      );
      pages.set(indexPage, buckets);
    }
    const bucket = (await buckets)?.[location.slot];
    if (bucket && isStored({ kind: 'articleBucket', hash: bucket })) available.add(url);
  }
  return available;
}
