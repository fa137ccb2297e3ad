import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { ARTICLE_INDEX_PAGE_SIZE, type Article, type Manifest } from '../../../shared/schema';
import { getBucket, getPostKey } from '../../../shared/post-key';
import { queryKeys } from '../../../lib/query-keys';
import { articleBucketQueryOptions } from './article-bucket-query';
import { articleIndexQueryOptions } from './article-index-query';

/**
 * What lives at a path: an article, a second address of one (the page URL of an archive
 * folder's file) that redirects to its permalink, or nothing (null).
 */
export type ArticleLookup =
  { kind: 'article'; article: Article } | { kind: 'redirect'; url: string } | null;

/** path → key → bucket → index page → bucket file → the post or alias with that key. */
async function findArticle(
  client: QueryClient,
  pageHash: string,
  bucket: number,
  key: string,
): Promise<ArticleLookup> {
  const indexPage = await client.ensureQueryData(articleIndexQueryOptions(pageHash));
  const file = indexPage.buckets[bucket % ARTICLE_INDEX_PAGE_SIZE];
  if (!file) return null;
  const bucketFile = await client.ensureQueryData(articleBucketQueryOptions(file));
  const article = bucketFile.posts.find((post) => getPostKey(post.url) === key);
  if (article) return { kind: 'article', article };
  const alias = bucketFile.aliases.find((entry) => getPostKey(entry.path) === key);
  return alias ? { kind: 'redirect', url: alias.url } : null;
}

/** The article at an app path; `null` data means no post lives there (the caller tries other views). */
export function articleQueryOptions(manifest: Manifest, path: string) {
  const key = getPostKey(path);
  const bucket = getBucket(path, manifest.articles.buckets);
  const pageHash = manifest.articles.pages[Math.floor(bucket / ARTICLE_INDEX_PAGE_SIZE)] ?? '';
  return queryOptions({
    queryKey: queryKeys.article(pageHash, manifest.articles.buckets, key),
    queryFn: ({ client }) =>
      pageHash ? findArticle(client, pageHash, bucket, key) : Promise.resolve(null),
    staleTime: Infinity,
    // Built from other queries, which retry on their own; retrying here too would multiply the attempts.
    retry: false,
  });
}

/** The article at a path; a redirect or nothing reads as null here (the loader redirected already). */
export function useArticle(manifest: Manifest, path: string): Article | null {
  const found = useSuspenseQuery(articleQueryOptions(manifest, path)).data;
  return found?.kind === 'article' ? found.article : null;
}
