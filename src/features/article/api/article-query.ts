import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { Article, Manifest } from '../../../shared/schema';
import { readArticle } from '../../../shared/bundle-reader';
import { getArticleLocation } from '../../../shared/post-key';
import { createBundleLoader } from '../../../lib/bundle-queries';
import { bundleKeys } from '../../../lib/query-keys';

/** What lives at an app path: an article, a redirect to one, or `null` (the caller tries other views). */
export function articleQueryOptions(manifest: Manifest, path: string) {
  const location = getArticleLocation(manifest.articles, path);
  return queryOptions({
    // Keyed by the index page it is found through: a new build that leaves that page alone keeps the result.
    queryKey: bundleKeys.article(location.indexPage, manifest.articles.buckets, location.key),
    queryFn: ({ client }) => readArticle(createBundleLoader(client), manifest, path),
    staleTime: Infinity,
    // Built from file queries, which retry on their own; retrying here too would multiply the attempts.
    retry: false,
  });
}

/** The article at a path; a redirect or nothing reads as null here (the loader redirected already). */
export function useArticle(manifest: Manifest, path: string): Article | null {
  const found = useSuspenseQuery(articleQueryOptions(manifest, path)).data;
  return found?.kind === 'article' ? found.article : null;
}
