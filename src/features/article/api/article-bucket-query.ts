import { queryOptions } from '@tanstack/react-query';
import { articleBucketSchema } from '../../../shared/schema';
import { dataPaths } from '../../../shared/paths';
import { fetchJson } from '../../../lib/fetch-json';
import { queryKeys } from '../../../lib/query-keys';

export function articleBucketQueryOptions(hash: string) {
  return queryOptions({
    queryKey: queryKeys.articleBucket(hash),
    queryFn: ({ signal }) => fetchJson(dataPaths.articleBucket(hash), articleBucketSchema, signal),
    staleTime: Infinity,
  });
}
