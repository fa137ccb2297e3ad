import {
  LIST_CHUNK_SIZE,
  type ChunkRef,
  type ListRef,
  type PostSummary,
} from '../../shared/schema';

/** Posts per UI page. */
export const PAGE_SIZE = 50;

export function getPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/**
 * Which stored chunks hold UI page `page` of a list of `count` posts. UI pages count newest first,
 * chunks count oldest first (so old chunks never change): newest-first position k is oldest-first
 * position count-1-k, which lives in chunk floor(that / LIST_CHUNK_SIZE).
 */
export function getPageChunkRange(
  count: number,
  page: number,
): { first: number; last: number; lo: number; hi: number } | null {
  const start = (page - 1) * PAGE_SIZE;
  if (page < 1 || start >= count) return null;
  const end = Math.min(page * PAGE_SIZE, count);
  const lo = count - end;
  const hi = count - 1 - start;
  return {
    first: Math.floor(lo / LIST_CHUNK_SIZE),
    last: Math.floor(hi / LIST_CHUNK_SIZE),
    lo,
    hi,
  };
}

/** The manifest's head chunks when they cover the whole list, so a short list needs no index. */
export function getHeadIfComplete(list: ListRef): ChunkRef[] | null {
  const first = list.head[0];
  if (list.count === 0) return [];
  return first && first.index === 0 ? list.head : null;
}

/** Calendar day (`YYYY-MM-DD`) of a stored date: dates carry the site's offset, so the prefix is the site's day. */
export function getSiteDay(iso: string): string {
  return iso.slice(0, 10);
}

/** Whether a chunk can hold posts between the calendar days `from` and `to` (either may be empty). */
export function isChunkInRange(chunk: ChunkRef, from: string, to: string): boolean {
  if (from && getSiteDay(chunk.last) < from) return false;
  if (to && getSiteDay(chunk.first) > to) return false;
  return true;
}

export function isPostInRange(post: PostSummary, from: string, to: string): boolean {
  const day = getSiteDay(post.date);
  return (!from || day >= from) && (!to || day <= to);
}

/** Newest first; equal instants fall back to the URL so the order is stable. */
export function comparePostsNewestFirst(a: PostSummary, b: PostSummary): number {
  const diff = Date.parse(b.date) - Date.parse(a.date);
  if (diff !== 0) return diff;
  return a.url < b.url ? -1 : a.url > b.url ? 1 : 0;
}
