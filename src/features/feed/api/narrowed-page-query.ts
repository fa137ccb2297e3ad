import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import {
  readListPageWithout,
  type ListPage,
  type ListSelection,
} from '../../../shared/bundle-reader';
import type { PostSummary } from '../../../shared/schema';
import { createBundleLoader } from '../../../lib/bundle-queries';
import { bundleKeys } from '../../../lib/query-keys';
import { getReadUrls, startReaderState } from '../../../lib/reader-state';

/** Each page load starts its own snapshots: a result persisted by an earlier visit is never reused. */
const pageLoad = Math.random().toString(36).slice(2);

/** What narrows a list past its stored chunks: the reader's unread posts, a language. */
export type Narrowing = { unread: boolean; lang: string };

/**
 * One page of a list under a filter, keeping only the posts in `lang` (when set) and, for unread
 * only, without the posts read when this visit of the view began.
 */
export function narrowedPageQueryOptions(
  selection: ListSelection,
  page: number,
  { unread, lang }: Narrowing,
  visit: string,
) {
  return queryOptions({
    queryKey: bundleKeys.narrowedPage(selection, page, lang, unread ? `${pageLoad}:${visit}` : ''),
    queryFn: async ({ client }) => {
      let read: ReadonlySet<string> = new Set();
      if (unread) {
        await startReaderState();
        read = getReadUrls();
      }
      const skip = (post: PostSummary) =>
        (lang !== '' && post.lang !== lang) || (unread && read.has(post.url));
      return readListPageWithout(createBundleLoader(client), selection, page, skip);
    },
    staleTime: Infinity,
    // An unread snapshot is worth nothing once its visit is over.
    gcTime: 5 * 60 * 1000,
    retry: false,
  });
}

export function useNarrowedPage(
  selection: ListSelection,
  page: number,
  narrowing: Narrowing,
  visit: string,
): ListPage {
  return useSuspenseQuery(narrowedPageQueryOptions(selection, page, narrowing, visit)).data;
}
