import type { QueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useManifest } from '../../lib/manifest-query';
import { useMessages } from '../../lib/i18n';
import { ListView } from '../../features/feed/components/list-view';
import { readListParams } from '../../features/feed/list-query-params';
import { createListLoader } from './list-route';
import { formatPageTitle } from '../../shared/page-title';

export function createLoader(queryClient: QueryClient) {
  return createListLoader(queryClient, () => ({ kind: 'all' }));
}

export function LatestRoute() {
  const { t } = useMessages();
  const manifest = useManifest();
  const [searchParams] = useSearchParams();
  return (
    <>
      <title>{formatPageTitle(t.allPosts, manifest.site.title)}</title>
      <ListView target={{ kind: 'all' }} params={readListParams(searchParams)} />
    </>
  );
}
