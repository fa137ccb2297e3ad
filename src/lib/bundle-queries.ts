import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  bundleFiles,
  getBundleFilePath,
  type BundleFile,
  type BundleFileKind,
  type LoadBundleFile,
} from '../shared/bundle-reader';
import { fetchJson } from './fetch-json';
import { bundleKeys } from './query-keys';

/** One hashed data file: fetched once, parsed with its schema, never stale (its name is its content). */
export function bundleFileQueryOptions<K extends BundleFileKind>(kind: K, hash: string) {
  const schema = bundleFiles[kind].schema;
  return queryOptions({
    queryKey: bundleKeys.file(kind, hash),
    queryFn: ({ signal }): Promise<BundleFile<K>> =>
      fetchJson(getBundleFilePath({ kind, hash }), schema, signal),
    staleTime: Infinity,
  });
}

/** The bundle reader's loader backed by the query cache: every file it reads is shared with the views. */
export function createBundleLoader(client: QueryClient): LoadBundleFile {
  return (kind, hash) => client.ensureQueryData(bundleFileQueryOptions(kind, hash));
}
