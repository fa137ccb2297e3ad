import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { dataPaths } from '../../../shared/paths';
import type { Manifest, SearchIndex } from '../../../shared/schema';
import { getDataUrl } from '../../../lib/data-base';
import { createStoredValue } from '../../../lib/stored-value';
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
 * The parts searched online for each query, newest last, as `<part tag>\0<query>`. Pagefind reads
 * a missing index chunk as "no such word" and answers with no results, so offline a part is
 * searched only for a query it was searched for online (the service worker then holds its
 * chunks); a search that needs any other part says it needs the network instead of claiming that
 * nothing matches (docs/decisions/014-search-offline.md). A part keeps its tag across builds
 * while its posts are unchanged, and so does what was searched in it.
 */
const SEARCHED_KEEP = 4_000;
const searched = createStoredValue(
  'broadsheet:searched-parts',
  z.array(z.string()).check(z.maxLength(SEARCHED_KEEP * 2)),
  [],
);

function getSearchedKey(index: SearchIndex, term: string): string {
  return `${index.tag}\u0000${term}`;
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
 * policy (which browsers consult only for plain strings) accepts exactly the runtimes' workers
 * and refuses everything else; it has no HTML or script rules, so those sinks stay closed.
 */
function allowPagefindWorker(workerUrls: readonly string[]): void {
  if (workerPolicy || typeof window.trustedTypes !== 'object') return;
  const allowed = new Set(workerUrls.map((url) => new URL(url, window.location.href).href));
  workerPolicy = window.trustedTypes.createPolicy(trustedTypesPolicies.pagefindWorker, {
    createScriptURL: (url: string) => {
      if (!allowed.has(new URL(url, window.location.href).href))
        throw new TypeError(`Not Pagefind's worker: ${url}`);
      return url;
    },
  });
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

/** Parts searched in this visit, to be remembered once the search is done. */
let searchedNow: string[] = [];
/** What was searched online, read once per search. */
let searchedBefore = new Set<string>();

async function openEngine(manifest: Manifest, folder: string): Promise<SearchEngine> {
  const moduleUrl = getDataUrl(dataPaths.pagefind(folder));
  const folderUrl = moduleUrl.slice(0, moduleUrl.lastIndexOf('/') + 1);
  const runtimes = new Map(manifest.searchRuntimes.map((runtime) => [runtime.language, runtime]));
  allowPagefindWorker(
    manifest.searchRuntimes.map((runtime) => `${folderUrl}${runtime.path}pagefind-worker.js`),
  );
  const loaded: unknown = await import(/* @vite-ignore */ moduleUrl);
  if (!isPagefindModule(loaded)) throw new Error('Not a Pagefind module');
  // Each index's entry is asked for under its records' hash, never a fresh timestamp, so the
  // service worker can answer it offline.
  const shared = { baseUrl: '/', excerptLength: 40 };
  return createSearchEngine({
    indexes: manifest.searchIndexes,
    // A part is its language's runtime index (which matches nothing) with the part merged in.
    async open(index) {
      const runtime = runtimes.get(index.language) ?? manifest.searchRuntimes[0];
      if (!runtime) throw new Error('The manifest names no search runtime');
      const instance = createInSiteLanguage(
        loaded,
        { ...shared, basePath: `${folderUrl}${runtime.path}`, metaCacheTag: runtime.tag },
        index.language,
      );
      await instance.init();
      await instance.mergeIndex(`${folderUrl}${index.path}`, {
        ...shared,
        metaCacheTag: index.tag,
        language: index.language,
      });
      return instance;
    },
    isAvailable: (index, term) => !isOffline() || searchedBefore.has(getSearchedKey(index, term)),
    onSearched: (index, term) => {
      if (!isOffline()) searchedNow.push(getSearchedKey(index, term));
    },
  });
}

/** Remembers the parts this search reached online. */
function rememberSearched(): void {
  if (searchedNow.length === 0) return;
  const now = new Set(searchedNow);
  searchedNow = [];
  const earlier = searched.read().filter((entry) => !now.has(entry));
  searched.write([...earlier, ...now].slice(-SEARCHED_KEEP));
}

function getEngine(manifest: Manifest, folder: string): Promise<SearchEngine> {
  const key = `${manifest.buildId}\0${folder}`;
  let engine = engines.get(key);
  if (!engine) {
    // A new build under an open tab: the last build's parts are let go of.
    for (const [old, opened] of engines) {
      engines.delete(old);
      void opened.then((last) => last.close()).catch(() => {});
    }
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
  searchedBefore = new Set(searched.read());
  try {
    const engine = await getEngine(manifest, folder);
    return await engine.run(request);
  } catch (error) {
    // A part not searched online before, or a file Pagefind could not fetch (offline, or the
    // index is gone): a saved list still answers what it holds.
    const local = await searchSavedList(client, request);
    if (local) return local;
    throw new SearchUnavailableError(error);
  } finally {
    rememberSearched();
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
