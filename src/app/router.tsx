import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, type LoaderFunction, type RouteObject } from 'react-router-dom';
import { routePatterns } from '../shared/paths';
import { setOfflineViewLoader } from '../lib/app-code-cache';
import { manifestQueryOptions, runWithFreshManifest } from '../lib/manifest-query';
import { HydrateFallback } from './hydrate-fallback';
import { Layout } from './layout';
import { RouteError } from './route-error';

type RouteModule = { createLoader: (queryClient: QueryClient) => LoaderFunction };

/**
 * The route tree, shared by the browser router and the tests' memory router. Each view is its own
 * chunk (`lazy`), so opening an article does not download list code and the other way round.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  // Every route module has a loader factory and a component: one adapter maps them all. It is
  // also where a shard gone after a redeploy is caught: the loader runs once more against a
  // fresh manifest (docs/decisions/010-live-deploys.md), so no route can forget to.
  const lazyRoute =
    <M extends RouteModule>(load: () => Promise<M>, getComponent: (route: M) => ComponentType) =>
    async () => {
      const route = await load();
      const loader = route.createLoader(queryClient);
      return {
        loader: (...args: Parameters<LoaderFunction>) =>
          runWithFreshManifest(queryClient, async () => await loader(...args)),
        Component: getComponent(route),
      };
    };
  return [
    {
      path: routePatterns.home,
      element: <Layout />,
      // Without a manifest there is no header to keep; the error still sits in a main landmark.
      errorElement: (
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          <RouteError />
        </main>
      ),
      HydrateFallback,
      loader: () =>
        runWithFreshManifest(queryClient, async () => {
          await queryClient.ensureQueryData(manifestQueryOptions());
          return null;
        }),
      children: [
        {
          // A pathless route keeps the header and footer around the error view of any child.
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              lazy: lazyRoute(
                () => import('./routes/home'),
                (route) => route.HomeRoute,
              ),
            },
            {
              path: routePatterns.category,
              lazy: lazyRoute(
                () => import('./routes/category'),
                (route) => route.CategoryRoute,
              ),
            },
            {
              path: routePatterns.tag,
              lazy: lazyRoute(
                () => import('./routes/tag'),
                (route) => route.TagRoute,
              ),
            },
            {
              path: routePatterns.categoryPage,
              lazy: lazyRoute(
                () => import('./routes/list-page-file'),
                (route) => route.ListPageFileRoute,
              ),
            },
            {
              path: routePatterns.tagPage,
              lazy: lazyRoute(
                () => import('./routes/list-page-file'),
                (route) => route.ListPageFileRoute,
              ),
            },
            {
              path: routePatterns.all,
              lazy: lazyRoute(
                () => import('./routes/latest'),
                (route) => route.LatestRoute,
              ),
            },
            {
              path: routePatterns.search,
              lazy: lazyRoute(
                () => import('./routes/search'),
                (route) => route.SearchRoute,
              ),
            },
            {
              path: routePatterns.saved,
              lazy: lazyRoute(
                () => import('./routes/saved'),
                (route) => route.SavedRoute,
              ),
            },
            {
              path: routePatterns.history,
              lazy: lazyRoute(
                () => import('./routes/history'),
                (route) => route.HistoryRoute,
              ),
            },
            {
              path: routePatterns.archive,
              lazy: lazyRoute(
                () => import('./routes/archive'),
                (route) => route.ArchiveRoute,
              ),
            },
            {
              path: '*',
              lazy: lazyRoute(
                () => import('./routes/catch-all'),
                (route) => route.CatchAllRoute,
              ),
            },
          ],
        },
      ],
    },
  ];
}

/** The router basename is the deploy base without its trailing slash (`/finews/` → `/finews`). */
export function getBasename(): string {
  return import.meta.env.BASE_URL.replace(/\/+$/, '') || '/';
}

export function createAppRouter(queryClient: QueryClient) {
  // What a list or article saved for offline needs to be shown without a network.
  setOfflineViewLoader(() =>
    Promise.all([
      import('./routes/home'),
      import('./routes/category'),
      import('./routes/tag'),
      import('./routes/latest'),
      import('./routes/catch-all'),
    ]),
  );
  return createBrowserRouter(createRoutes(queryClient), { basename: getBasename() });
}
