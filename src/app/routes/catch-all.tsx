import type { QueryClient } from '@tanstack/react-query';
import { redirect, replace, useLoaderData, type LoaderFunctionArgs } from 'react-router-dom';
import type { Manifest } from '../../shared/schema';
import { paths, readCategorySegment, readDateArchivePath } from '../../shared/paths';
import { manifestQueryOptions, refreshManifest, useManifest } from '../../lib/manifest-query';
import { useMessages } from '../../lib/i18n';
import { NotFoundView } from '../../components/not-found-view';
import { articleQueryOptions, useArticle } from '../../features/article/api/article-query';
import { ArticleView } from '../../features/article/components/article-view';
import { formatPageTitle } from '../../shared/page-title';

type CatchAllData = { kind: 'post'; path: string } | { kind: 'not-found' };

/** The category an old index page (`/emnews/`, `/emnews`, `/emnews/index.html`) stood for, if any. */
function getOldCategoryIndex(path: string, manifest: Manifest): string | null {
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length === 2 && segments[1] === 'index.html') segments.pop();
  if (segments.length !== 1 || !segments[0]) return null;
  const slug = readCategorySegment(segments[0]);
  return manifest.categories.some((category) => category.slug === slug) ? slug : null;
}

/**
 * Any other path: a Jekyll date archive, a post permalink (bookmarks of posts must outlive us), then the page URL
 * of a post in an archive folder, then an old category index page, else the not-found view.
 */
export function createLoader(queryClient: QueryClient) {
  return async ({ params, request }: LoaderFunctionArgs): Promise<CatchAllData | Response> => {
    const path = `/${params['*'] ?? ''}`;
    // Jekyll's date archives (`/2022/05/31/`, `/2022/05/`, `/2022/`): that day, month or year of
    // every post. `replace`, so Back does not land on the old address again.
    const range = readDateArchivePath(path);
    if (range) return replace(paths.all(range));
    let manifest = await queryClient.ensureQueryData(manifestQueryOptions());
    let found = await queryClient.ensureQueryData(articleQueryOptions(manifest, path));
    if (!found) {
      // A post newer than the tab's build is "not found" in its (cached) index rather than gone:
      // look once more in the current build before saying so (decision 010).
      const fresh = await refreshManifest(queryClient).catch(() => null);
      if (fresh && fresh.buildId !== manifest.buildId) {
        manifest = fresh;
        found = await queryClient.ensureQueryData(articleQueryOptions(manifest, path));
      }
    }
    if (found?.kind === 'article') return { kind: 'post', path };
    // The page URL of an archive folder's file: the permalink is the post's one address.
    if (found?.kind === 'redirect') {
      const { search, hash } = new URL(request.url);
      // `replace`: Back must not land on the old address, which would only redirect again.
      return replace(`${found.url}${search}${hash}`);
    }
    const slug = getOldCategoryIndex(path, manifest);
    if (slug !== null) return redirect(`${paths.category(slug)}${new URL(request.url).search}`);
    return { kind: 'not-found' };
  };
}

function ArticleRoute({ path }: { path: string }) {
  const manifest = useManifest();
  const article = useArticle(manifest, path);
  if (!article) return <NotFoundView />;
  return (
    <>
      <title>{formatPageTitle(article.title, manifest.site.title)}</title>
      <ArticleView manifest={manifest} article={article} />
    </>
  );
}

export function CatchAllRoute() {
  const { t } = useMessages();
  const manifest = useManifest();
  const data = useLoaderData<CatchAllData>();
  if (data.kind === 'post') return <ArticleRoute path={data.path} />;
  return (
    <>
      <title>{formatPageTitle(t.notFoundTitle, manifest.site.title)}</title>
      <NotFoundView />
    </>
  );
}
