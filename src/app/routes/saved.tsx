import { useManifest } from '../../lib/manifest-query';
import { createReaderStateLoader } from './reader-route';
import { useMessages } from '../../lib/i18n';
import { formatPageTitle } from '../../shared/page-title';
import { SavedView } from '../../features/reader-state/components/saved-view';

export const createLoader = createReaderStateLoader;

export function SavedRoute() {
  const { t } = useMessages();
  const manifest = useManifest();
  return (
    <>
      <title>{formatPageTitle(t.savedTitle, manifest.site.title)}</title>
      <SavedView />
    </>
  );
}
