/**
 * Pages 2..n of each unfiltered category and tag list as files of their own
 * (`paths.categoryPage`, `paths.tagPage`), written by the page writer within the views window:
 * page n has one when its first post is among the list's `views` newest, so the pager can tell
 * from the page number alone, without reading another page. Decision 027.
 */
import { PAGE_SIZE } from './list-math';

/** On `<html>` of every pre-rendered page: the last page number of a list that has its own file. */
export const LIST_PAGES_ATTRIBUTE = 'data-list-pages';

/** The last page number with a file for a views window of `views` posts (`Infinity`: all). */
export function getLastPageFile(views: number): number {
  return views === Infinity ? Infinity : Math.ceil(views / PAGE_SIZE);
}

export function formatListPageFiles(last: number): string {
  return last === Infinity ? 'all' : String(last);
}

/** The attribute's text: `all` or a whole number; anything else (or none) counts as no files. */
export function readListPageFiles(value: string | null): number {
  if (value === 'all') return Infinity;
  return value !== null && /^\d+$/.test(value) ? Number(value) : 0;
}
