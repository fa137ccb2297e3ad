import type { QueryClient } from '@tanstack/react-query';
import { manifestQueryOptions, useManifest } from '../../lib/manifest-query';
import { homeQueryOptions } from '../../features/feed/api/home-query';
import { HomeView } from '../../features/feed/components/home-view';

export function createLoader(queryClient: QueryClient) {
  return async () => {
    const manifest = await queryClient.ensureQueryData(manifestQueryOptions());
    await queryClient.ensureQueryData(homeQueryOptions(manifest.home));
    return null;
  };
}

export function HomeRoute() {
  const manifest = useManifest();
  return (
    <>
      <title>{manifest.site.title}</title>
      <HomeView />
    </>
  );
}
