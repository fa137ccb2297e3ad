// First, as in main.tsx: zod must be jitless before any schema exists.
import '../lib/configure-zod';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom';
import { createQueryClient } from '../lib/query-client';
import { loadMessages } from '../lib/i18n';
import { defaultLanguage } from '../lib/settings';
import { setListPageFiles } from '../lib/list-page-files';
import { AppProviders } from './providers';
import { createRoutes, getBasename } from './router';

/**
 * The page writer's entry (built by Vite for Node, see scripts/pages/render-app.ts): the app's own
 * route tree, loaders and components render a URL to the HTML that goes inside `#root`, which
 * the browser then hydrates (src/main.tsx). One code path: nothing here draws a view of its own.
 */

export type StaticRender =
  /** The markup of `#root` and the HTTP status the route answered with. */
  | { kind: 'page'; html: string; status: number }
  /** The route redirects (an archive folder's page URL): the page is written for its target. */
  | { kind: 'redirect'; location: string };

export type StaticRenderer = {
  /** Render the app at an address below the deploy base (`/finews/x.html`), as the browser would. */
  render: (url: string) => Promise<StaticRender>;
  /** Drop the data files read so far except the manifest and indexes, to keep memory bounded. */
  forgetShards: () => void;
  /** Drop everything, timers too, so the process can end. */
  dispose: () => void;
};

const KEPT = new Set(['manifest', 'home', 'listIndex', 'articleIndex']);

/**
 * `origin` only gives the request an absolute URL; the data is read through `fetch` below the base.
 * `listPages`: the last page number of a list the page writer writes a file for (decision 027).
 */
export function createStaticRenderer(origin: string, listPages = 0): StaticRenderer {
  setListPageFiles(listPages);
  const queryClient = createQueryClient({ retry: 0 });
  const handler = createStaticHandler(createRoutes(queryClient), { basename: getBasename() });
  return {
    async render(url) {
      // The pages are written in the default UI language, the one hydration starts from.
      await loadMessages(defaultLanguage);
      const context = await handler.query(new Request(new URL(url, origin)));
      if (context instanceof Response) {
        const location = context.headers.get('Location');
        if (!location) throw new Error(`${url} answered ${context.status} without a location`);
        return { kind: 'redirect', location };
      }
      if (context.errors) {
        const error = Object.values(context.errors)[0];
        throw error instanceof Error ? error : new Error(`${url} failed: ${String(error)}`);
      }
      const router = createStaticRouter(handler.dataRoutes, context);
      const html = renderToString(
        <StrictMode>
          <AppProviders queryClient={queryClient}>
            <StaticRouterProvider router={router} context={context} hydrate={false} />
          </AppProviders>
        </StrictMode>,
      );
      return { kind: 'page', html, status: context.statusCode };
    },
    dispose() {
      queryClient.clear();
    },
    forgetShards() {
      queryClient.removeQueries({
        predicate: (query) => {
          const key = query.queryKey;
          // The manifest, the home file and the indexes serve every page; shards and results one each.
          return !key.some((part) => typeof part === 'string' && KEPT.has(part));
        },
      });
    },
  };
}
