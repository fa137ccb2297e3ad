import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { routePatterns } from '../shared/paths';
import { manifestQueryOptions } from '../lib/manifest-query';
import { HydrateFallback } from './hydrate-fallback';
import { Layout } from './layout';
import { RouteError } from './route-error';

/**
 * The route tree, shared by the browser router and the tests' memory router. Each view is its own
 * chunk (`lazy`), so opening an article does not download list code and the other way round.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
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
      loader: async () => {
        await queryClient.ensureQueryData(manifestQueryOptions());
        return null;
      },
      children: [
        {
          // A pathless route keeps the header and footer around the error view of any child.
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              lazy: async () => {
                const route = await import('./routes/home');
                return { loader: route.createLoader(queryClient), Component: route.HomeRoute };
              },
            },
            {
              path: routePatterns.category,
              lazy: async () => {
                const route = await import('./routes/category');
                return { loader: route.createLoader(queryClient), Component: route.CategoryRoute };
              },
            },
            {
              path: routePatterns.tag,
              lazy: async () => {
                const route = await import('./routes/tag');
                return { loader: route.createLoader(queryClient), Component: route.TagRoute };
              },
            },
            {
              path: routePatterns.all,
              lazy: async () => {
                const route = await import('./routes/latest');
                return { loader: route.createLoader(queryClient), Component: route.LatestRoute };
              },
            },
            {
              path: routePatterns.search,
              lazy: async () => {
                const route = await import('./routes/search');
                return { loader: route.createLoader(queryClient), Component: route.SearchRoute };
              },
            },
            {
              path: '*',
              lazy: async () => {
                const route = await import('./routes/catch-all');
                return { loader: route.createLoader(queryClient), Component: route.CatchAllRoute };
              },
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
  return createBrowserRouter(createRoutes(queryClient), { basename: getBasename() });
}
