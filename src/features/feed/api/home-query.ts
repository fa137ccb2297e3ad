import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { homeSchema, type Home } from '../../../shared/schema';
import { dataPaths } from '../../../shared/paths';
import { fetchJson } from '../../../lib/fetch-json';
import { queryKeys } from '../../../lib/query-keys';

export function homeQueryOptions(hash: string) {
  return queryOptions({
    queryKey: queryKeys.home(hash),
    queryFn: ({ signal }) => fetchJson(dataPaths.home(hash), homeSchema, signal),
    staleTime: Infinity,
  });
}

export function useHome(hash: string): Home {
  return useSuspenseQuery(homeQueryOptions(hash)).data;
}
