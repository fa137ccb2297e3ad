// First: zod must be jitless before any schema exists (see the module and build.strictExecutionOrder).
import './lib/configure-zod';
import { StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from './lib/query-client';
import { loadMessages } from './lib/i18n';
import {
  applySettingsToDocument,
  defaultLanguage,
  getSettings,
  watchSystemTheme,
} from './lib/settings';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/router';
import { isPrerenderedFor, waitForRouter } from './app/prerendered-page';
import { startQueryPersistence } from './features/offline/persist-query-cache';
import { dropPrerenderedFeedLinks } from './features/feed/components/feed-link';
import { useIsHydrated } from './lib/hydration';
import './index.css';

// Theme, text size and language go on <html> before the first render: no flash of the wrong
// theme, and no inline script (the Content-Security-Policy forbids those). A pre-rendered page
// had them set already by public/page-settings.js.
applySettingsToDocument();
watchSystemTheme();

const queryClient = createQueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
/**
 * Marks `<html>` once the first view is committed and, on a pre-rendered page, once the render
 * after hydration (the reader's settings, state and day names) is: the page is live from then on.
 */
function MarkLive() {
  const hydrated = useIsHydrated();
  useEffect(() => {
    if (hydrated) document.documentElement.setAttribute('data-hydrated', '');
  }, [hydrated]);
  return null;
}

const app = (router: ReturnType<typeof createAppRouter>) => (
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
    <MarkLive />
  </StrictMode>
);

// A page the page writer rendered for this address is hydrated once the router has loaded exactly
// the data it was rendered from (docs/decisions/022); anything else is drawn afresh.
dropPrerenderedFeedLinks();
const prerendered = isPrerenderedFor(
  document.documentElement,
  root,
  window.location.pathname,
  window.location.search,
);
// Only the reader's language's strings load (each is its own chunk); a pre-rendered page is
// hydrated in the default language it was rendered in, then shown in the reader's.
const messages = loadMessages(getSettings().lang);
if (prerendered) {
  const router = createAppRouter(queryClient);
  const [matches] = await Promise.all([
    waitForRouter(router, queryClient, prerendered.build),
    messages,
    loadMessages(defaultLanguage),
  ]);
  if (matches) hydrateRoot(root, app(router));
  else createRoot(root).render(app(router));
  void startQueryPersistence(queryClient);
} else {
  // The last visit's data comes back from IndexedDB before the first loader runs, so a reload
  // (offline too) paints at once.
  await Promise.all([startQueryPersistence(queryClient), messages]);
  const router = createAppRouter(queryClient);
  document.documentElement.removeAttribute('data-other-page');
  createRoot(root).render(app(router));
}
