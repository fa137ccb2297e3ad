import type { QueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { useManifest } from '../../lib/manifest-query';
import { useMessages } from '../../lib/i18n';
import { NotFoundView } from '../../components/not-found-view';
import { ListView } from '../../features/feed/components/list-view';
import { readListParams } from '../../features/feed/list-query-params';
import { SaveOfflineButton } from '../../features/offline/components/save-offline-button';
import { listIds, paths, readCategorySegment } from '../../shared/paths';
import { createListLoader } from './list-route';
import { formatPageTitle } from '../../shared/page-title';

export function createLoader(queryClient: QueryClient) {
  return createListLoader(queryClient, ({ params }) => ({
    kind: 'category',
    slug: readCategorySegment(params.name),
  }));
}

export function CategoryRoute() {
  const { t } = useMessages();
  const manifest = useManifest();
  const { name } = useParams();
  const [searchParams] = useSearchParams();
  const slug = readCategorySegment(name);
  const category = manifest.categories.find((candidate) => candidate.slug === slug);
  if (!category) return <NotFoundView />;
  return (
    <>
      <title>{formatPageTitle(t.categoryList(category.name), manifest.site.title)}</title>
      <ListView
        target={{ kind: 'category', slug }}
        params={readListParams(searchParams)}
        actions={
          <SaveOfflineButton
            manifest={manifest}
            target={{
              list: listIds.category(slug),
              title: category.name,
              path: paths.category(slug),
              ref: category.list,
            }}
          />
        }
      />
    </>
  );
}
