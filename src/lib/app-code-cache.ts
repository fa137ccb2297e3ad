import { cacheNames } from '../shared/cache-names';

/**
 * The service worker precaches only the shell; every other chunk goes into its `code` cache as the
 * worker sees it fetched (vite.config.ts, decision 023). What a page loaded before the worker
 * controlled it (a first visit's view) never passed the worker, so it is copied in from here: the
 * browser's HTTP cache answers those requests, nothing crosses the network again.
 */

let preloadViews: () => Promise<unknown> = () => Promise.resolve();

/** The app names the views a reader needs offline (set by the router, which knows them). */
export function setOfflineViewLoader(load: () => Promise<unknown>): void {
  preloadViews = load;
}

/** Copy every chunk this page has loaded that the code cache lacks into it. */
export async function keepLoadedCodeOffline(): Promise<void> {
  if (typeof caches === 'undefined' || typeof performance === 'undefined') return;
  const prefix = new URL(`${import.meta.env.BASE_URL}assets/`, window.location.href).href;
  const urls = new Set(
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(prefix) && /\.(js|css)$/.test(name)),
  );
  const cache = await caches.open(cacheNames.code);
  await Promise.allSettled(
    [...urls].map(async (url) => {
      if (!(await cache.match(url))) await cache.add(url);
    }),
  );
}

/** Load the reading views' code (lists, articles) and keep it: for "save for offline". */
export async function keepViewsOffline(): Promise<void> {
  await preloadViews();
  await keepLoadedCodeOffline();
}
