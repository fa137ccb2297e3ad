import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { createQueryClient } from '../../src/lib/query-client';
import { AppProviders } from '../../src/app/providers';
import { createRoutes } from '../../src/app/router';

/** Render the real route tree on a memory router, as the browser router would at `path`. */
export function renderApp(path: string) {
  const queryClient = createQueryClient({ retry: 0 });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}
