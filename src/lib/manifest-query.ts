import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { manifestSchema, type Manifest } from '../shared/schema';
import { dataPaths } from '../shared/paths';
import { fetchJson } from './fetch-json';
import { bundleKeys } from './query-keys';

export function fetchManifest(signal?: AbortSignal): Promise<Manifest> {
  return fetchJson(dataPaths.manifest(), manifestSchema, signal);
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
