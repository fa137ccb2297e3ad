import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { manifestSchema, type Manifest } from '../shared/schema';
import { dataPaths } from '../shared/paths';
import { fetchJson, isGoneError } from './fetch-json';
import { bundleKeys } from './query-keys';

/**
 * Always revalidated with the server (`no-cache`): hosts let caches keep it for minutes (GitHub
 * Pages says `max-age=600`), and a tab recovering from a redeploy must see the new build, not
 * the copy that names the shards just found gone. An unchanged manifest costs a 304.
 */
export function fetchManifest(signal?: AbortSignal): Promise<Manifest> {
  return fetchJson(dataPaths.manifest(), manifestSchema, signal, 'no-cache');
}

/**
 * The manifest is small and changes with every build, so it goes stale after a minute and a view
 * that mounts (a reload from the persisted cache, say) revalidates it; the shards it names never
 * go stale. It is not refetched on focus: a build that lands while the reader is on a page is
 * offered as "N new posts" instead of swapping the lists under them.
 */
export function manifestQueryOptions() {
  return queryOptions({
    queryKey: bundleKeys.manifest,
    queryFn: ({ signal }) => fetchManifest(signal),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useManifest(): Manifest {
  return useSuspenseQuery(manifestQueryOptions()).data;
}

/**
 * Fetch the manifest now, whatever the cache holds, and show it: for when a file the cached one
 * names is gone (a redeploy under an open tab) or the reader retries after an error. Resolves to
 * the manifest that was fetched. The posts the reader had been shown are remembered (the first
 * such count only, so two swaps in a row still count from what the reader last saw), so the
 * "N new posts" notice can still say how many arrived.
 */
export async function refreshManifest(client: QueryClient): Promise<Manifest> {
  const before = client.getQueryData<Manifest>(bundleKeys.manifest);
  const fresh = await client.fetchQuery({ ...manifestQueryOptions(), staleTime: 0 });
  if (
    before &&
    before.buildId !== fresh.buildId &&
    client.getQueryData<number | null>(bundleKeys.shownSince) == null
  )
    client.setQueryData<number | null>(bundleKeys.shownSince, before.posts);
  return fresh;
}

/** Drop every failed data query, so the next load fetches again instead of rethrowing. */
export function removeFailedQueries(client: QueryClient): void {
  client.removeQueries({
    queryKey: bundleKeys.all,
    predicate: (query) => query.state.status === 'error',
  });
}

/**
 * Run a loader; when it fails because a file is gone from the deployed build, fetch the
 * manifest afresh and, if it names another build, run the loader once more against it. The
 * archive is redeployed every few minutes, and a fresh-machine deploy drops the old build's
 * shards, so an open tab's manifest goes out of date while it is read. A second failure, or
 * the same build again, is a real error and is thrown for the route's error view.
 */
export async function runWithFreshManifest<T>(
  client: QueryClient,
  run: () => Promise<T>,
): Promise<T> {
  const used = client.getQueryData<Manifest>(bundleKeys.manifest);
  try {
    return await run();
  } catch (error) {
    if (!isGoneError(error)) throw error;
    let fresh: Manifest;
    try {
      fresh = await refreshManifest(client);
    } catch {
      throw error;
    }
    if (used && fresh.buildId === used.buildId) throw error;
    removeFailedQueries(client);
    return await run();
  }
}
