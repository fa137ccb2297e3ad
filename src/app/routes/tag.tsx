import type { QueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { useManifest } from '../../lib/manifest-query';
import { useMessages } from '../../lib/i18n';
import { NotFoundView } from '../../components/not-found-view';
import { ListView } from '../../features/feed/components/list-view';
import { readListParams } from '../../features/feed/list-query-params';
import { createListLoader, readTagName } from './list-route';
import { formatPageTitle } from '../../shared/page-title';

export function createLoader(queryClient: QueryClient) {
  return createListLoader(queryClient, ({ params }, manifest) => ({
    kind: 'tag',
    name: readTagName(params.name, manifest),
  }));
}

export function TagRoute() {
  const { t } = useMessages();
  const manifest = useManifest();
  const name = readTagName(useParams().name, manifest);
  const [searchParams] = useSearchParams();
  if (!manifest.tags.some((tag) => tag.name === name)) return <NotFoundView />;
  return (
    <>
      <title>{formatPageTitle(t.tagList(name), manifest.site.title)}</title>
      <ListView target={{ kind: 'tag', name }} params={readListParams(searchParams)} />
    </>
  );
}
