import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { ChunkRef, ListRef, PostSummary } from '../../../shared/schema';
import { queryKeys } from '../../../lib/query-keys';
import {
  comparePostsNewestFirst,
  getHeadIfComplete,
  isChunkInRange,
  isPostInRange,
} from '../list-math';
import { listChunkQueryOptions } from './list-chunk-query';
import { listIndexQueryOptions } from './list-index-query';

export type FilterSpec = {
  /** Lists whose union is filtered: the chosen tags' lists, or the list itself when only dates are set. */
  sources: ListRef[];
  /** Keep only posts of this category (a category list filtered by tags). */
  category: string | null;
  from: string;
  to: string;
};

async function getAllChunkRefs(client: QueryClient, list: ListRef): Promise<ChunkRef[]> {
  const head = getHeadIfComplete(list);
  if (head) return head;
  return (await client.ensureQueryData(listIndexQueryOptions(list.index))).chunks;
}

/**
 * Every post matching a filter, newest first. Chunks whose date span misses the range are never
 * fetched; a post in several chosen tags appears once.
 */
async function fetchFilteredList(client: QueryClient, spec: FilterSpec): Promise<PostSummary[]> {
  const refsPerSource = await Promise.all(
    spec.sources.map((source) => getAllChunkRefs(client, source)),
  );
  const files = new Set<string>();
  for (const refs of refsPerSource) {
    for (const ref of refs) if (isChunkInRange(ref, spec.from, spec.to)) files.add(ref.file);
  }
  const chunks = await Promise.all(
    [...files].map((file) => client.ensureQueryData(listChunkQueryOptions(file))),
  );
  const byUrl = new Map<string, PostSummary>();
  for (const chunk of chunks) {
    for (const post of chunk.posts) {
      if (byUrl.has(post.url)) continue;
      if (spec.category !== null && !post.categories.includes(spec.category)) continue;
      if (!isPostInRange(post, spec.from, spec.to)) continue;
      byUrl.set(post.url, post);
    }
  }
  return [...byUrl.values()].sort(comparePostsNewestFirst);
}

/** `scope` names the view (`c:emnews`, `all`, …) so equal filters on different views do not share a result. */
export function filteredListQueryOptions(scope: string, tags: readonly string[], spec: FilterSpec) {
  return queryOptions({
    queryKey: queryKeys.filteredList(
      scope,
      spec.sources.map((source) => source.index).join(','),
      tags,
      spec.from,
      spec.to,
    ),
    queryFn: ({ client }) => fetchFilteredList(client, spec),
    staleTime: Infinity,
    // Built from other queries, which retry on their own; retrying here too would multiply the attempts.
    retry: false,
  });
}

export function useFilteredList(
  scope: string,
  tags: readonly string[],
  spec: FilterSpec,
): PostSummary[] {
  return useSuspenseQuery(filteredListQueryOptions(scope, tags, spec)).data;
}
