import { queryOptions } from '@tanstack/react-query';
import { listIndexSchema } from '../../../shared/schema';
import { dataPaths } from '../../../shared/paths';
import { fetchJson } from '../../../lib/fetch-json';
import { queryKeys } from '../../../lib/query-keys';

/** Every chunk of one list; only deep pages and filters need it (the manifest names the newest chunks). */
export function listIndexQueryOptions(hash: string) {
  return queryOptions({
    queryKey: queryKeys.listIndex(hash),
    queryFn: ({ signal }) => fetchJson(dataPaths.listIndex(hash), listIndexSchema, signal),
    staleTime: Infinity,
  });
}
