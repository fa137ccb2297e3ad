import { useQueryClient } from '@tanstack/react-query';
import { useRevalidator, useRouteError } from 'react-router-dom';
import { ErrorView } from '../components/ui/error-view';
import { OfflineView } from '../features/offline/components/offline-view';
import { isOfflineError } from '../features/offline/network-status';
import { refreshManifest, removeFailedQueries } from '../lib/manifest-query';

/** Any failed load or render below a route: explain and offer a retry, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();

  async function retry() {
    // Failed queries are dropped so the loaders fetch them again instead of rethrowing the old
    // error, and the manifest is fetched afresh first: loaders read the cached one, and if the
    // failure came from a redeploy, retrying the old manifest's shard names would fail forever.
    await refreshManifest(queryClient).catch(() => {
      // Offline or the manifest failed too: the loaders will show why.
    });
    removeFailedQueries(queryClient);
    await revalidator.revalidate();
  }

  // Offline and not saved: say so and offer what can be read, rather than a generic failure.
  if (isOfflineError(error)) return <OfflineView onRetry={() => void retry()} />;
  return <ErrorView onRetry={() => void retry()} error={error} />;
}
