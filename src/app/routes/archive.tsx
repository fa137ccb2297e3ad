import type { QueryClient } from '@tanstack/react-query';
import { useManifest, manifestQueryOptions } from '../../lib/manifest-query';
import { useMessages } from '../../lib/i18n';
import { ArchiveView } from '../../features/archive/components/archive-view';
import { formatPageTitle } from '../../shared/page-title';

export function createLoader(queryClient: QueryClient) {
  return async () => {
    // The day counts are in the manifest: nothing else to read.
    await queryClient.ensureQueryData(manifestQueryOptions());
    return null;
  };
}

export function ArchiveRoute() {
  const { t } = useMessages();
  const manifest = useManifest();
  return (
    <>
      <title>{formatPageTitle(t.archive, manifest.site.title)}</title>
      <ArchiveView manifest={manifest} />
    </>
  );
}
