import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { readListPage, type ListPage, type ListSelection } from '../../../shared/bundle-reader';
import { createBundleLoader } from '../../../lib/bundle-queries';
import { bundleKeys } from '../../../lib/query-keys';

/** One page of a list under any filter (none, dates, tags, both): one query, one result shape. */
export function listPageQueryOptions(selection: ListSelection, page: number) {
  return queryOptions({
    queryKey: bundleKeys.listPage(selection, page),
    queryFn: ({ client }) => readListPage(createBundleLoader(client), selection, page),
    staleTime: Infinity,
    // Built from file queries, which retry on their own; retrying here too would multiply the attempts.
    retry: false,
  });
}

export function useListPage(selection: ListSelection, page: number): ListPage {
  return useSuspenseQuery(listPageQueryOptions(selection, page)).data;
}
