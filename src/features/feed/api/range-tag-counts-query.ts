import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { countTagsInRange, type ListBase } from '../../../shared/bundle-reader';
import type { Manifest } from '../../../shared/schema';
import { createBundleLoader } from '../../../lib/bundle-queries';
import { bundleKeys } from '../../../lib/query-keys';

/** A list's tag chips counted on the active date range (the manifest's counts without one). */
export function rangeTagCountsQueryOptions(
  manifest: Manifest,
  base: ListBase,
  from: string,
  to: string,
) {
  return queryOptions({
    queryKey: bundleKeys.rangeTagCounts(base.ref.index, base.ref.count, from, to),
    queryFn: ({ client }) => countTagsInRange(createBundleLoader(client), manifest, base, from, to),
    // Without dates the manifest's counts are the answer: nothing to wait for.
    initialData: from === '' && to === '' ? [...base.tagCounts] : undefined,
    staleTime: Infinity,
    retry: false,
  });
}

export function useRangeTagCounts(
  manifest: Manifest,
  base: ListBase,
  from: string,
  to: string,
): readonly { name: string; count: number }[] {
  return useSuspenseQuery(rangeTagCountsQueryOptions(manifest, base, from, to)).data;
}
