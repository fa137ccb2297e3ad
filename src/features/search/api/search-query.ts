import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { dataPaths, paths } from '../../../shared/paths';
import { getDataUrl } from '../../../lib/data-base';
import { bundleKeys } from '../../../lib/query-keys';
import { trustedTypesPolicies } from '../../../shared/content-security-policy';

/** Results whose details are loaded per search; Pagefind loads each result's fragment separately. */
const RESULT_LIMIT = 30;

const resultDataSchema = z.object({
  url: z.string(),
  excerpt: z.string(),
  meta: z.record(z.string(), z.string()).catch({}),
});

export type SearchHit = { url: string; title: string; date: string | null; excerpt: string };
export type SearchOutcome = { total: number; hits: SearchHit[] };

/** Search could not start (offline, or the index is missing): the view says so instead of failing. */
export class SearchUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The search index could not be loaded', { cause });
    this.name = 'SearchUnavailableError';
  }
}

type PagefindResult = { data: () => Promise<unknown> };
type Pagefind = {
  options?: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string) => Promise<{ results: PagefindResult[] } | null>;
};

function isPagefind(value: unknown): value is Pagefind {
  return (
    typeof value === 'object' &&
    value !== null &&
    'search' in value &&
    typeof value.search === 'function'
  );
}

const modules = new Map<string, Promise<Pagefind>>();
let workerPolicy: { createScriptURL: (url: string) => unknown } | null = null;

/**
 * Pagefind searches in a worker it starts with `new Worker(string)`, a script-URL sink under
 * `require-trusted-types-for 'script'`. It cannot be handed a TrustedScriptURL, so the default
 * policy (which browsers consult only for plain strings) accepts exactly the worker beside the
 * module and refuses everything else; it has no HTML or script rules, so those sinks stay closed.
 */
function allowPagefindWorker(moduleUrl: string): void {
  if (workerPolicy || typeof window.trustedTypes !== 'object') return;
  const workerUrl = new URL('pagefind-worker.js', new URL(moduleUrl, window.location.href)).href;
  workerPolicy = window.trustedTypes.createPolicy(trustedTypesPolicies.pagefindWorker, {
    createScriptURL: (url: string) => {
      if (new URL(url, window.location.href).href !== workerUrl)
        throw new TypeError(`Not Pagefind's worker: ${url}`);
      return url;
    },
  });
}

/** Pagefind ships as an ES module next to its index; it is imported at run time, never bundled. */
function loadPagefind(url: string): Promise<Pagefind> {
  let module = modules.get(url);
  if (!module) {
    allowPagefindWorker(url);
    module = import(/* @vite-ignore */ url).then(async (loaded: unknown) => {
      if (!isPagefind(loaded)) throw new Error('Not a Pagefind module');
      await loaded.options?.({ baseUrl: '/' });
      return loaded;
    });
    // A failed load (offline) must not stick: the next search tries again.
    module.catch(() => modules.delete(url));
    modules.set(url, module);
  }
  return module;
}

async function runSearch(bundle: string, q: string): Promise<SearchOutcome> {
  let pagefind: Pagefind;
  try {
    pagefind = await loadPagefind(getDataUrl(dataPaths.pagefind(bundle)));
  } catch (error) {
    throw new SearchUnavailableError(error);
  }
  const response = await pagefind.search(q);
  const results = response?.results ?? [];
  const hits = await Promise.all(
    results.slice(0, RESULT_LIMIT).map(async (result) => {
      const data = resultDataSchema.parse(await result.data());
      return {
        // Records hold the post's permalink, which is already an app path (the router adds the base).
        url: paths.post(data.url),
        title: data.meta.title ?? data.url,
        date: data.meta.date && !Number.isNaN(Date.parse(data.meta.date)) ? data.meta.date : null,
        excerpt: data.excerpt,
      };
    }),
  );
  return { total: results.length, hits };
}

export function searchQueryOptions(bundle: string, q: string) {
  return queryOptions({
    queryKey: bundleKeys.search(bundle, q),
    queryFn: () => runSearch(bundle, q),
    staleTime: Infinity,
    retry: false,
  });
}

export function useSearch(bundle: string | null, q: string) {
  return useQuery({
    ...searchQueryOptions(bundle ?? '', q),
    enabled: bundle !== null && q.trim() !== '',
  });
}
