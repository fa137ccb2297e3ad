import type { QueryClient } from '@tanstack/react-query';
import type { Manifest } from '../shared/schema';
import { getPageAddress } from '../shared/paths';
import { isFiltered, readListParams } from '../features/feed/list-query-params';
import { bundleKeys } from '../lib/query-keys';
import type { createAppRouter } from './router';

type AppRouter = ReturnType<typeof createAppRouter>;

/**
 * Whether the query asks a list for more than its pre-rendered first page: a later page, tags, a
 * date range, a language or unread posts only. Other queries (a share link's `?from=…` tracking
 * words, say) leave every view as it was rendered. `public/page-settings.js` reads it the same way.
 */
export function asksForOtherListView(search: string): boolean {
  const params = readListParams(new URLSearchParams(search));
  return params.page > 1 || params.unread || isFiltered(params);
}

/**
 * The page writer's view of this address is in `#root` (docs/decisions/022): `<html>` names the
 * address and the build it was rendered for. Null for the empty shell, the not-found page, a page
 * the service worker answered with for another address, and a list asked for another view than
 * its first page by the query (hydrating page 1's markup as page 3 would not match).
 */
export function isPrerenderedFor(
  html: HTMLElement,
  root: HTMLElement,
  pathname: string,
  search = '',
): { build: string } | null {
  const page = html.getAttribute('data-page');
  const build = html.getAttribute('data-build');
  if (page === null || build === null || root.firstElementChild === null) return null;
  if (asksForOtherListView(search)) return null;
  return getPageAddress(pathname) === page ? { build } : null;
}

/**
 * Resolves once the router has run the loaders of the first address (the pre-rendered markup
 * stays on screen meanwhile): true when the view can be hydrated, because the manifest the
 * loaders read is the build the page was rendered from; false when it must be drawn afresh (a
 * page kept by a cache across a redeploy, or a failed load showing its error view).
 */
export function waitForRouter(
  router: AppRouter,
  queryClient: QueryClient,
  build: string,
): Promise<boolean> {
  const judge = () => {
    const manifest = queryClient.getQueryData<Manifest>(bundleKeys.manifest);
    return manifest?.buildId === build && router.state.errors === null;
  };
  return new Promise((resolve) => {
    if (router.state.initialized && router.state.navigation.state === 'idle')
      return resolve(judge());
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized || state.navigation.state !== 'idle') return;
      unsubscribe();
      resolve(judge());
    });
  });
}
