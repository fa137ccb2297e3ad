import { useQueryClient } from '@tanstack/react-query';
import { useRevalidator, useRouteError } from 'react-router-dom';
import { ErrorView } from '../components/ui/error-view';
import { OfflineView } from '../features/offline/components/offline-view';
import { isOfflineError } from '../features/offline/network-status';

/** Any failed load or render below a route: explain and offer a retry, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();

  function retry() {
    // Failed queries are dropped so the loaders fetch them again instead of rethrowing the old error.
    queryClient.removeQueries({ predicate: (query) => query.state.status === 'error' });
    void revalidator.revalidate();
  }

  // Offline and not saved: say so and offer what can be read, rather than a generic failure.
  if (isOfflineError(error)) return <OfflineView onRetry={retry} />;
  return <ErrorView onRetry={retry} error={error} />;
}
