import { queryOptions } from '@tanstack/react-query';
import { listChunkSchema } from '../../../shared/schema';
import { dataPaths } from '../../../shared/paths';
import { fetchJson } from '../../../lib/fetch-json';
import { queryKeys } from '../../../lib/query-keys';

export function listChunkQueryOptions(hash: string) {
  return queryOptions({
    queryKey: queryKeys.listChunk(hash),
    queryFn: ({ signal }) => fetchJson(dataPaths.listChunk(hash), listChunkSchema, signal),
    staleTime: Infinity,
  });
}
