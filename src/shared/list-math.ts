/**
 * The arithmetic of stored lists, shared by the prebuild (which writes them) and every reader:
 * chunks count oldest first, UI pages newest first. See docs/decisions/002-bundle-layout.md.
 */
import { LIST_CHUNK_SIZE, type ChunkRef, type ListRef } from './schema';

/** Posts per UI page. */
export const PAGE_SIZE = 50;

export function getPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** The number of chunks a list of `count` posts is stored in. */
export function getChunkCount(count: number): number {
  return Math.ceil(count / LIST_CHUNK_SIZE);
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

export function isDayInRange(iso: string, from: string, to: string): boolean {
  const day = getSiteDay(iso);
  return (!from || day >= from) && (!to || day <= to);
}

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Dated = { date: string; url: string };

/** The order lists are stored in: oldest first by instant, then by URL, so ties sort the same way every time. */
export function comparePostsOldestFirst(a: Dated, b: Dated): number {
  return Date.parse(a.date) - Date.parse(b.date) || compareText(a.url, b.url);
}

/** Exactly the stored order reversed, so a merged list and a stored one never disagree on ties. */
export function comparePostsNewestFirst(a: Dated, b: Dated): number {
  return comparePostsOldestFirst(b, a);
}
