import { QueryClient } from '@tanstack/react-query';

export type QueryClientOptions = {
  /** Retries of a failed fetch before the error view shows; tests use 0. */
  retry?: number;
};

/** Hashed shards never go stale (their name changes with their content); the manifest sets its own staleTime. */
export function createQueryClient({ retry = 2 }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 30 * 60_000,
        // Offline, retrying a failed request cannot help: show the offline view at once.
        retry: (failureCount) =>
          failureCount < retry && (typeof navigator === 'undefined' || navigator.onLine),
        refetchOnWindowFocus: false,
        // The service worker may answer from its cache while the browser says it is offline, so
        // always try; a real failure shows the error view with its retry instead of waiting forever.
        networkMode: 'always',
      },
    },
  });
}
