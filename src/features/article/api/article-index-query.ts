import { queryOptions } from '@tanstack/react-query';
import { articleIndexPageSchema } from '../../../shared/schema';
import { dataPaths } from '../../../shared/paths';
import { fetchJson } from '../../../lib/fetch-json';
import { queryKeys } from '../../../lib/query-keys';

export function articleIndexQueryOptions(hash: string) {
  return queryOptions({
    queryKey: queryKeys.articleIndex(hash),
    queryFn: ({ signal }) =>
      fetchJson(dataPaths.articleIndex(hash), articleIndexPageSchema, signal),
    staleTime: Infinity,
  });
}
