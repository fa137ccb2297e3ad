import type { QueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { manifestQueryOptions, useManifest } from '../../lib/manifest-query';
import { useMessages } from '../../lib/i18n';
import { SearchView } from '../../features/search/components/search-view';
import { readSearchRequest } from '../../features/search/search-params';
import { formatPageTitle } from '../../shared/page-title';

export function createLoader(queryClient: QueryClient) {
  return async () => {
    await queryClient.ensureQueryData(manifestQueryOptions());
    return null;
  };
}

export function SearchRoute() {
  const { t } = useMessages();
  const manifest = useManifest();
  const [searchParams] = useSearchParams();
  const request = readSearchRequest(searchParams);
  const q = request.q;
  return (
    <>
      <title>
        {formatPageTitle(q ? `${q} · ${t.searchTitle}` : t.searchTitle, manifest.site.title)}
      </title>
      <SearchView request={request} />
    </>
  );
}
