import { QueryClient } from '@tanstack/react-query';
import { isGoneError } from './fetch-json';

/**
 * How long the persisted query cache may be restored (an archive read offline does not go
 * stale). Queries are kept in memory at least as long, or TanStack would garbage-collect them
 * (and the persister drop them) long before: "recently read" and the offline reload would then
 * cover half an hour instead of days. 24 days, not 30: a `gcTime` must fit a timer
 * (`MAX_TIMER_DELAY`).
 */
export const PERSIST_MAX_AGE = 24 * 24 * 60 * 60 * 1000;

/**
 * The longest delay `setTimeout` honours (2^31 − 1 ms, about 24.8 days): a longer `gcTime`
 * overflows to a timer of 1 ms and every unused query is collected at once.
 */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

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
        gcTime: PERSIST_MAX_AGE,
        // Offline, retrying a failed request cannot help: show the offline view at once. A file
        // gone from the build is not retried either: the loader recovers through a fresh manifest.
        retry: (failureCount, error) =>
          failureCount < retry &&
          !isGoneError(error) &&
          (typeof navigator === 'undefined' || navigator.onLine),
        refetchOnWindowFocus: false,
        // The service worker may answer from its cache while the browser says it is offline, so
        // always try; a real failure shows the error view with its retry instead of waiting forever.
        networkMode: 'always',
      },
    },
  });
}
