/**
 * How a path finds its article without an index of all posts: the path is normalised to a
 * key, the key hashes to a bucket, and the bucket file holds the post. The prebuild and the app
 * share this module, so they always agree. See docs/decisions/002-bundle-layout.md.
 */
import { ARTICLE_INDEX_PAGE_SIZE, ARTICLES_PER_BUCKET } from './schema';
import { decodeSegment } from './paths';

/**
 * The key of a post path: percent-decoded, without a trailing `.html`, `/index.html` or `/`.
 * `/emnews/2021/12/08/x.html`, `/emnews/2021/12/08/x` and `/emnews/2021/12/08/x/` share one key.
 */
export function getPostKey(path: string): string {
  let key = path.split(/[?#]/, 1)[0] ?? '';
  key = key.split('/').map(decodeSegment).join('/');
  key = key.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  if (key.length > 1) key = key.replace(/\/+$/, '');
  return key;
}

/** FNV-1a over the UTF-8 bytes: tiny, stable, and identical in Node and the browser. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The bucket count for an archive of `posts` posts: a power of two, so it changes rarely. */
export function getBucketCount(posts: number): number {
  let buckets = 1;
  while (buckets * ARTICLES_PER_BUCKET < posts) buckets *= 2;
  return buckets;
}

export function getBucket(path: string, buckets: number): number {
  return hashKey(getPostKey(path)) & (buckets - 1);
}

/** Where the article at `path` would be stored: its key, bucket, and the index page naming that bucket's file. */
export type ArticleLocation = {
  key: string;
  bucket: number;
  /** Hash of the article-index page to read, or null when the manifest names none (an empty archive). */
  indexPage: string | null;
  /** Position of the bucket in that page. */
  slot: number;
};

export function getArticleLocation(
  articles: { buckets: number; pages: readonly string[] },
  path: string,
): ArticleLocation {
  const bucket = getBucket(path, articles.buckets);
  return {
    key: getPostKey(path),
    bucket,
    indexPage: articles.pages[getIndexPageOf(bucket)] ?? null,
    slot: getBucketSlot(bucket),
  };
}

/** The article-index page that names bucket `bucket`. */
export function getIndexPageOf(bucket: number): number {
  return Math.floor(bucket / ARTICLE_INDEX_PAGE_SIZE);
}

/** The position of bucket `bucket` within its article-index page. */
export function getBucketSlot(bucket: number): number {
  return bucket % ARTICLE_INDEX_PAGE_SIZE;
}
