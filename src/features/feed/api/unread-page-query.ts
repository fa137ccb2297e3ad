import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import {
  readListPageWithout,
  type ListPage,
  type ListSelection,
} from '../../../shared/bundle-reader';
import { createBundleLoader } from '../../../lib/bundle-queries';
import { bundleKeys } from '../../../lib/query-keys';
import { getReadUrls, startReaderState } from '../../../lib/reader-state';

/** Each page load starts its own snapshots: a result persisted by an earlier visit is never reused. */
const pageLoad = Math.random().toString(36).slice(2);

/** One page of a list under a filter without the posts read when this visit of the view began. */
export function unreadPageQueryOptions(selection: ListSelection, page: number, visit: string) {
  return queryOptions({
    queryKey: bundleKeys.unreadPage(selection, page, `${pageLoad}:${visit}`),
    queryFn: async ({ client }) => {
      await startReaderState();
      const read = getReadUrls();
      return readListPageWithout(createBundleLoader(client), selection, page, (post) =>
        read.has(post.url),
      );
    },
    staleTime: Infinity,
    // A snapshot is worth nothing once its visit is over.
    gcTime: 5 * 60 * 1000,
    retry: false,
  });
}

export function useUnreadPage(selection: ListSelection, page: number, visit: string): ListPage {
  return useSuspenseQuery(unreadPageQueryOptions(selection, page, visit)).data;
}
