import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  LIST_CHUNK_SIZE,
  type ChunkRef,
  type ListRef,
  type PostSummary,
} from '../../../shared/schema';
import { queryKeys } from '../../../lib/query-keys';
import { getHeadIfComplete, getSiteDay, PAGE_SIZE } from '../list-math';
import { listChunkQueryOptions } from './list-chunk-query';
import { listIndexQueryOptions } from './list-index-query';
import type { ListPage } from './list-page-query';

async function getChunkRefs(client: QueryClient, list: ListRef): Promise<ChunkRef[]> {
  return (
    getHeadIfComplete(list) ??
    (await client.ensureQueryData(listIndexQueryOptions(list.index))).chunks
  );
}

async function getChunkPosts(
  client: QueryClient,
  refs: readonly ChunkRef[],
  index: number,
): Promise<PostSummary[]> {
  const ref = refs[index];
  if (!ref) throw new Error(`No chunk ${index}`);
  return (await client.ensureQueryData(listChunkQueryOptions(ref.file))).posts;
}

/**
 * One page of a single list limited to a date range. Posts are stored in date order, so the range
 * is one run of positions: its two ends are found by date in at most two chunks, and the page then
 * needs only its own chunks — never the whole list, however long it is.
 */
async function fetchDateRangePage(
  client: QueryClient,
  list: ListRef,
  from: string,
  to: string,
  page: number,
): Promise<ListPage> {
  const refs = await getChunkRefs(client, list);
  let lo = 0;
  let hi = list.count - 1;
  if (from) {
    const index = refs.findIndex((ref) => getSiteDay(ref.last) >= from);
    if (index === -1) return { posts: [], total: 0 };
    const posts = await getChunkPosts(client, refs, index);
    lo =
      index * LIST_CHUNK_SIZE +
      Math.max(
        0,
        posts.findIndex((post) => getSiteDay(post.date) >= from),
      );
  }
  if (to) {
    const index = refs.findLastIndex((ref) => getSiteDay(ref.first) <= to);
    if (index === -1) return { posts: [], total: 0 };
    const posts = await getChunkPosts(client, refs, index);
    const inside = posts.findLastIndex((post) => getSiteDay(post.date) <= to);
    hi = index * LIST_CHUNK_SIZE + inside;
  }
  const total = Math.max(0, hi - lo + 1);
  const newest = hi - (page - 1) * PAGE_SIZE;
  const oldest = Math.max(lo, hi - page * PAGE_SIZE + 1);
  if (total === 0 || newest < lo) return { posts: [], total };
  const chunkIndexes: number[] = [];
  for (
    let index = Math.floor(oldest / LIST_CHUNK_SIZE);
    index <= Math.floor(newest / LIST_CHUNK_SIZE);
    index++
  )
    chunkIndexes.push(index);
  const chunks = await Promise.all(chunkIndexes.map((index) => getChunkPosts(client, refs, index)));
  const posts: PostSummary[] = [];
  chunks.forEach((chunk, position) => {
    const first = (chunkIndexes[position] ?? 0) * LIST_CHUNK_SIZE;
    chunk.forEach((post, offset) => {
      if (first + offset >= oldest && first + offset <= newest) posts.push(post);
    });
  });
  return { posts: posts.reverse(), total };
}

export function dateRangePageQueryOptions(
  listId: string,
  list: ListRef,
  from: string,
  to: string,
  page: number,
) {
  return queryOptions({
    queryKey: queryKeys.dateRangePage(listId, list.index, from, to, page),
    queryFn: ({ client }) => fetchDateRangePage(client, list, from, to, page),
    staleTime: Infinity,
    // Built from other queries, which retry on their own; retrying here too would multiply the attempts.
    retry: false,
  });
}
