import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { ChunkRef, ListRef, PostSummary } from '../../../shared/schema';
import { LIST_CHUNK_SIZE } from '../../../shared/schema';
import { queryKeys } from '../../../lib/query-keys';
import { getPageChunkRange } from '../list-math';
import { listChunkQueryOptions } from './list-chunk-query';
import { listIndexQueryOptions } from './list-index-query';

export type ListPage = { posts: PostSummary[]; total: number };

/** The file of chunk `index`: from the manifest's head when it is there, else from the list index. */
async function getChunkRef(client: QueryClient, list: ListRef, index: number): Promise<ChunkRef> {
  const head = list.head.find((chunk) => chunk.index === index);
  if (head) return head;
  const listIndex = await client.ensureQueryData(listIndexQueryOptions(list.index));
  const ref = listIndex.chunks[index];
  if (!ref) throw new Error(`List ${listIndex.list} has no chunk ${index}`);
  return ref;
}

/** One UI page (newest first) of an unfiltered list, built from the stored oldest-first chunks. */
async function fetchListPage(client: QueryClient, list: ListRef, page: number): Promise<ListPage> {
  const range = getPageChunkRange(list.count, page);
  if (!range) return { posts: [], total: list.count };
  const indexes: number[] = [];
  for (let index = range.first; index <= range.last; index++) indexes.push(index);
  const chunks = await Promise.all(
    indexes.map(async (index) => {
      const ref = await getChunkRef(client, list, index);
      return client.ensureQueryData(listChunkQueryOptions(ref.file));
    }),
  );
  const posts: PostSummary[] = [];
  for (const chunk of chunks) {
    chunk.posts.forEach((post, offset) => {
      const position = chunk.index * LIST_CHUNK_SIZE + offset;
      if (position >= range.lo && position <= range.hi) posts.push(post);
    });
  }
  return { posts: posts.reverse(), total: list.count };
}

export function listPageQueryOptions(listId: string, list: ListRef, page: number) {
  return queryOptions({
    queryKey: queryKeys.listPage(listId, list.index, list.count, page),
    queryFn: ({ client }) => fetchListPage(client, list, page),
    staleTime: Infinity,
    // Built from other queries, which retry on their own; retrying here too would multiply the attempts.
    retry: false,
  });
}

export function useListPage(listId: string, list: ListRef, page: number): ListPage {
  return useSuspenseQuery(listPageQueryOptions(listId, list, page)).data;
}
