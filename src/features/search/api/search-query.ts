import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { dataPaths } from '../../../shared/paths';
import type { Manifest, SearchIndex } from '../../../shared/schema';
import { getDataUrl } from '../../../lib/data-base';
import { createStoredValue } from '../../../lib/stored-value';
import { toPagefindQuery } from '../../../shared/search-text';
import { bundleKeys } from '../../../lib/query-keys';
import { trustedTypesPolicies } from '../../../shared/content-security-policy';
import { createBundleLoader } from '../../../lib/bundle-queries';
import { mapLimited } from '../../../shared/bundle-reader';
import { savedLists } from '../../../lib/saved-lists';
import { createSearchEngine } from './search-engine';
import { findSavedListFor, searchPosts } from './saved-list-search';
import type { PagefindApi, SearchEngine, SearchOutcome, SearchRequest } from './search-engine';

export type { SearchHit, SearchOutcome, SearchRequest } from './search-engine';

/** Search could not load what it needs (offline, or the index is missing): the view says so. */
export class SearchUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The search index could not be loaded', { cause });
    this.name = 'SearchUnavailableError';
  }
}

/**
 * Queries searched online in this build, newest last. Pagefind reads a missing index chunk as
 * "no such word" and answers with no results, so offline only a query run online before (whose
 * chunks the service worker then cached, for every part) is run; any other says it needs the
 * network instead of claiming that nothing matches (docs/decisions/014-search-offline.md).
 */
const SEARCHED_KEEP = 300;
const searched = createStoredValue(
  'broadsheet:searched-online',
  z.array(z.string()).check(z.maxLength(SEARCHED_KEEP * 2)),
  [],
);

function getSearchedKey(manifest: Manifest, term: string): string {
  return `${manifest.buildId}\u0000${term}`;
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

type PagefindInstance = PagefindApi & {
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  destroy: () => Promise<void>;
};
type PagefindModule = { createInstance: (options: Record<string, unknown>) => PagefindInstance };

function isPagefindModule(value: unknown): value is PagefindModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'createInstance' in value &&
    typeof value.createInstance === 'function'
  );
}

let workerPolicy: unknown = null;

/**
 * Pagefind searches in a worker it starts with `new Worker(string)`, a script-URL sink under
 * `require-trusted-types-for 'script'`. It cannot be handed a TrustedScriptURL, so the default
 * policy (which browsers consult only for plain strings) accepts exactly the worker of the first
 * index and refuses everything else; it has no HTML or script rules, so those sinks stay closed.
 */
function allowPagefindWorker(workerUrl: string): void {
  if (workerPolicy || typeof window.trustedTypes !== 'object') return;
  const allowed = new URL(workerUrl, window.location.href).href;
  workerPolicy = window.trustedTypes.createPolicy(trustedTypesPolicies.pagefindWorker, {
    createScriptURL: (url: string) => {
      if (new URL(url, window.location.href).href !== allowed)
        throw new TypeError(`Not Pagefind's worker: ${url}`);
      return url;
    },
  });
}

/** The parts to merge; a bundle from before the split has one index at the search folder. */
function getIndexes(manifest: Pick<Manifest, 'searchIndexes'>): readonly (SearchIndex | null)[] {
  return manifest.searchIndexes.length > 0 ? manifest.searchIndexes : [null];
}

/**
 * Pagefind takes the language it reads queries in from `<html lang>`, the reader's UI language.
 * The index is in the site's language, so for the moment the instance is made the page says so:
 * the same query then gives the same results in every UI language.
 */
function createInSiteLanguage(
  module: PagefindModule,
  options: Record<string, unknown>,
  lang: string,
) {
  const root = document.documentElement;
  const uiLang = root.getAttribute('lang');
  root.setAttribute('lang', lang);
  try {
    return module.createInstance(options);
  } finally {
    if (uiLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', uiLang);
  }
}

const engines = new Map<string, Promise<SearchEngine>>();

async function openEngine(manifest: Manifest, folder: string): Promise<SearchEngine> {
  const moduleUrl = getDataUrl(dataPaths.pagefind(folder));
  const folderUrl = moduleUrl.slice(0, moduleUrl.lastIndexOf('/') + 1);
  const [first, ...rest] = getIndexes(manifest);
  const firstUrl = `${folderUrl}${first?.path ?? ''}`;
  allowPagefindWorker(`${firstUrl}pagefind-worker.js`);
  const loaded: unknown = await import(/* @vite-ignore */ moduleUrl);
  if (!isPagefindModule(loaded)) throw new Error('Not a Pagefind module');
  // Each index's entry is asked for under its records' hash, never a fresh timestamp, so the
  // service worker can answer it offline.
  const shared = { baseUrl: '/', excerptLength: 40 };
  const instance = createInSiteLanguage(
    loaded,
    { ...shared, basePath: firstUrl, ...(first ? { metaCacheTag: first.tag } : {}) },
    first?.language ?? manifest.site.lang.toLowerCase(),
  );
  await instance.init();
  await Promise.all(
    rest.map((index) =>
      index
        ? instance.mergeIndex(`${folderUrl}${index.path}`, {
            ...shared,
            metaCacheTag: index.tag,
            language: index.language,
          })
        : Promise.resolve(),
    ),
  );
  return createSearchEngine(instance, manifest.searchIndexes);
}

function getEngine(manifest: Manifest, folder: string): Promise<SearchEngine> {
  const key = `${manifest.buildId}\0${folder}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = openEngine(manifest, folder);
    // A failed load (offline) must not stick: the next search tries again.
    engine.catch(() => engines.delete(key));
    engines.set(key, engine);
  }
  return engine;
}

/**
 * Offline, a query restricted to a list saved for offline (its category or tag, or any query when
 * everything is saved) is answered from that list's article buckets; null when no saved list
 * holds every post the query can match, or its buckets are not at hand.
 */
async function searchSavedList(
  client: QueryClient,
  request: SearchRequest,
): Promise<SearchOutcome | null> {
  const saved = findSavedListFor(savedLists.read(), request);
  if (!saved) return null;
  const load = createBundleLoader(client);
  const buckets = saved.files.filter((file) => file.kind === 'articleBucket');
  try {
    const loaded = await mapLimited(buckets, (file) => load('articleBucket', file.hash));
    return searchPosts(
      loaded.flatMap((bucket) => bucket.posts),
      request,
      saved.title,
    );
  } catch {
    return null;
  }
}

async function runSearch(
  client: QueryClient,
  manifest: Manifest,
  folder: string,
  request: SearchRequest,
): Promise<SearchOutcome> {
  const term = toPagefindQuery(request.q) ?? '';
  const key = getSearchedKey(manifest, term);
  if (isOffline() && !searched.read().includes(key)) {
    const local = await searchSavedList(client, request);
    if (local) return local;
    throw new SearchUnavailableError(new Error('Offline, and not searched online before'));
  }
  try {
    const engine = await getEngine(manifest, folder);
    const outcome = await engine.run(request);
    if (!isOffline()) {
      const earlier = searched.read().filter((entry) => entry !== key);
      searched.write([...earlier, key].slice(-SEARCHED_KEEP));
    }
    return outcome;
  } catch (error) {
    // Pagefind reports a file it could not fetch as a plain Error: offline, or the index is gone.
    // A saved list still answers what it holds.
    const local = await searchSavedList(client, request);
    if (local) return local;
    throw new SearchUnavailableError(error);
  }
}

export function searchQueryOptions(manifest: Manifest, request: SearchRequest) {
  return queryOptions({
    queryKey: bundleKeys.search(manifest.search ?? '', JSON.stringify(request)),
    queryFn: ({ client }) => runSearch(client, manifest, manifest.search ?? '', request),
    staleTime: Infinity,
    retry: false,
  });
}

export function useSearch(manifest: Manifest, request: SearchRequest) {
  return useQuery({
    ...searchQueryOptions(manifest, request),
    enabled: manifest.search !== null && request.q.trim() !== '',
    // While the next keystroke's results load, the last ones stay on screen.
    placeholderData: keepPreviousData,
  });
}
