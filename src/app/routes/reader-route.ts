import type { QueryClient } from '@tanstack/react-query';
import { manifestQueryOptions } from '../../lib/manifest-query';
import { startReaderState } from '../../lib/reader-state';

/** The loader of the views drawn from the reader's own state: the manifest, and that state read in. */
export function createReaderStateLoader(queryClient: QueryClient) {
  return async () => {
    await queryClient.ensureQueryData(manifestQueryOptions());
    await startReaderState();
    return null;
  };
}
