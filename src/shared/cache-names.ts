/**
 * Names of the service worker's runtime caches. The worker's config (vite.config.ts) and the
 * offline feature (which fills and empties them for "save for offline") must agree on them.
 */
export const cacheNames = {
  manifest: 'broadsheet-manifest',
  shards: 'broadsheet-shards',
  search: 'broadsheet-search',
  searchEntry: 'broadsheet-search-entry',
  /** The app's own code beyond the precached shell: views, search, dialogs (content-hashed files). */
  code: 'broadsheet-code',
  icons: 'broadsheet-icons',
} as const;
