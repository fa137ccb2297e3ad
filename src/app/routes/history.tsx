import { useManifest } from '../../lib/manifest-query';
import { createReaderStateLoader } from './reader-route';
import { useMessages } from '../../lib/i18n';
import { formatPageTitle } from '../../shared/page-title';
import { HistoryView } from '../../features/reader-state/components/history-view';

export const createLoader = createReaderStateLoader;

export function HistoryRoute() {
  const { t } = useMessages();
  const manifest = useManifest();
  return (
    <>
      <title>{formatPageTitle(t.historyTitle, manifest.site.title)}</title>
      <HistoryView />
    </>
  );
}
