import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { ARTICLE_INDEX_PAGE_SIZE, type Article, type Manifest } from '../../../shared/schema';
import { getBucket, getPostKey } from '../../../shared/post-key';
import { queryKeys } from '../../../lib/query-keys';
import { articleBucketQueryOptions } from './article-bucket-query';
import { articleIndexQueryOptions } from './article-index-query';

/** path → key → bucket → index page → bucket file → the post with that key, or null when there is none. */
async function findArticle(
  client: QueryClient,
  pageHash: string,
  bucket: number,
  key: string,
): Promise<Article | null> {
  const indexPage = await client.ensureQueryData(articleIndexQueryOptions(pageHash));
  const file = indexPage.buckets[bucket % ARTICLE_INDEX_PAGE_SIZE];
  if (!file) return null;
  const bucketFile = await client.ensureQueryData(articleBucketQueryOptions(file));
  return bucketFile.posts.find((post) => getPostKey(post.url) === key) ?? null;
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

export function useArticle(manifest: Manifest, path: string): Article | null {
  return useSuspenseQuery(articleQueryOptions(manifest, path)).data;
}
