import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';

export type AppProvidersProps = {
  queryClient: QueryClient;
  children: ReactNode;
};

/**
 * Everything the routes need above them. The query cache provider is the one place to swap for a
 * persisting provider (IndexedDB) so a reload offline paints at once.
 */
export function AppProviders({ queryClient, children }: AppProvidersProps) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
