import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import {
  persistQueryClientRestore,
  persistQueryClientSubscribe,
  type PersistedClient,
} from '@tanstack/react-query-persist-client';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { BUNDLE_SCHEMA_VERSION } from '../../shared/schema';
import { reportStorageProblem } from '../../lib/storage-health';
import { PERSIST_MAX_AGE } from '../../lib/query-client';

/** A broken or slow IndexedDB must not hold the first paint longer than this. */
const RESTORE_TIMEOUT = 3000;

/**
 * The persisted cache is thrown away when the app version or the bundle layout changes, not on
 * every new build of the archive: shard keys are content hashes, so a cached shard from an older
 * build is still exactly right, and a new build must not wipe what was saved for offline.
 */
export function getCacheBuster(): string {
  return `${import.meta.env.APP_VERSION ?? 'dev'}/${BUNDLE_SCHEMA_VERSION}`;
}

const STORAGE_KEY = 'broadsheet-query-cache';

/** Without IndexedDB (old browsers, some private modes, jsdom) nothing is persisted. */
function openStore(): UseStore | null {
  if (typeof indexedDB === 'undefined') {
    reportStorageProblem('offline-cache');
    return null;
  }
  try {
    return createStore('broadsheet', 'query-cache');
  } catch {
    reportStorageProblem('offline-cache');
    return null;
  }
}

/** A refused open, a full quota or a broken database: reading goes on from memory, and says so. */
async function guard<T>(action: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await action();
  } catch {
    reportStorageProblem('offline-cache');
    return fallback;
  }
}

function createPersister(store: UseStore | null) {
  return createAsyncStoragePersister({
    key: STORAGE_KEY,
    throttleTime: 1000,
    storage: store && {
      getItem: (key) => guard(async () => (await get<string>(key, store)) ?? null, null),
      setItem: (key, value) => guard(() => set(key, value, store), undefined),
      removeItem: (key) => guard(() => del(key, store), undefined),
    },
  });
}

/**
 * Saves are throttled; when the tab is hidden (switched away from, or a phone puts the browser
 * in the background and may kill it later) write at once, in the persister's own format.
 */
function saveWhenLeaving(queryClient: QueryClient, store: UseStore, buster: string): void {
  const save = () => {
    const client: PersistedClient = {
      buster,
      timestamp: Date.now(),
      clientState: dehydrate(queryClient),
    };
    void guard(() => set(STORAGE_KEY, JSON.stringify(client), store), undefined);
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
}

/**
 * Restore the query cache saved in IndexedDB, then keep saving it. Await it before the router
 * starts its loaders: they then find the last visit's data in the cache and paint at once, even
 * offline, instead of waiting on the network.
 */
export async function startQueryPersistence(queryClient: QueryClient): Promise<void> {
  const store = openStore();
  const persister = createPersister(store);
  const options = { queryClient, persister, maxAge: PERSIST_MAX_AGE, buster: getCacheBuster() };
  const restored = persistQueryClientRestore(options).catch(() => {});
  // Saving starts only once the old cache is back: a save before that would overwrite it with
  // the little this page has loaded so far.
  void restored.then(() => {
    persistQueryClientSubscribe(options);
    if (store) saveWhenLeaving(queryClient, store, options.buster);
  });
  await Promise.race([restored, new Promise((resolve) => setTimeout(resolve, RESTORE_TIMEOUT))]);
}
