import { useSyncExternalStore } from 'react';
import { DataError } from '../../lib/fetch-json';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the browser believes it is online. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * Whether a failed load failed for want of a network (as opposed to a broken or missing file):
 * the browser says it is offline, or the request never got an answer.
 */
export function isOfflineError(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return true;
  if (error instanceof DataError) return error.status === null;
  return error instanceof TypeError;
}
