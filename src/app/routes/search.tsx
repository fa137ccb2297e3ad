import type { QueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { manifestQueryOptions, useManifest } from '../../lib/manifest-query';
import { useMessages } from '../../lib/i18n';
import { SearchView } from '../../features/search/components/search-view';

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
  const q = searchParams.get('q') ?? '';
  return (
    <>
      <title>{`${q ? `${q} · ` : ''}${t.searchTitle} · ${manifest.site.title}`}</title>
      <SearchView q={q} />
    </>
  );
}
