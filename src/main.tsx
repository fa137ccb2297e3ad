// First: zod must be jitless before any schema exists (see the module and build.strictExecutionOrder).
import './lib/configure-zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { createQueryClient } from './lib/query-client';
import { loadMessages } from './lib/i18n';
import { applySettingsToDocument, getSettings, watchSystemTheme } from './lib/settings';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/router';
import { startQueryPersistence } from './features/offline/persist-query-cache';
import './index.css';

// Theme, text size and language go on <html> before the first render: no flash of the wrong
// theme, and no inline script (the Content-Security-Policy forbids those).
applySettingsToDocument();
watchSystemTheme();

const queryClient = createQueryClient();
// The last visit's data comes back from IndexedDB before the first loader runs, so a reload
// (offline too) paints at once; meanwhile the reader's language's strings load (only that one).
await Promise.all([startQueryPersistence(queryClient), loadMessages(getSettings().lang)]);
const router = createAppRouter(queryClient);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
