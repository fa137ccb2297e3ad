import { LIST_PAGES_ATTRIBUTE, readListPageFiles } from '../shared/list-page-files';

/**
 * How many pages of each unfiltered list have a file of their own (decision 027), so the pager of
 * a pre-rendered page links them for readers without JavaScript. The page writer sets it while
 * rendering; in the browser it comes from `<html data-list-pages>`, which every pre-rendered page
 * carries, so server and client render the same links. 0 on an address the app draws alone: every
 * page link is then `?page=n`, as a click on one is anyway.
 */
let known: number | undefined;

export function setListPageFiles(last: number): void {
  known = last;
}

/** The last page number of a list that has its own file (`Infinity`: all of them). */
export function getListPageFiles(): number {
  known ??= readListPageFiles(
    typeof document === 'undefined'
      ? null
      : document.documentElement.getAttribute(LIST_PAGES_ATTRIBUTE),
  );
  return known;
}
