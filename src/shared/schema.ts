/**
 * The bundle contract: what the prebuild writes under `data/` and what the app reads.
 * The prebuild validates everything it writes with these schemas and the app parses every
 * fetched file with them, so a shard from another build or a broken host fails loudly
 * instead of rendering garbage. See docs/decisions/002-bundle-layout.md.
 */
import { z } from 'zod/mini';

/** A schema of any flavour of zod 4 (the app uses zod/mini; Node scripts may use classic zod). */
export type Schema<T> = z.core.$ZodType<T>;

/** Parse `value` with `schema`, without throwing. */
export const safeParse = <T>(schema: Schema<T>, value: unknown) => z.safeParse(schema, value);

/** Version of the on-disk layout; bump when a reader of an older layout would misread it. */
export const BUNDLE_SCHEMA_VERSION = 2;

/** Summaries per list chunk. Chunks are numbered from the oldest post, so old chunks never change. */
export const LIST_CHUNK_SIZE = 100;

/** Chunks of a list named directly in the manifest (the newest ones), enough for a first page. */
export const LIST_HEAD_CHUNKS = 2;

/** Article buckets named per article-index page. */
export const ARTICLE_INDEX_PAGE_SIZE = 512;

/** Target number of posts per article bucket (the bucket count is a power of two). */
export const ARTICLES_PER_BUCKET = 16;

/** A content hash used as a file name: lower-case hex. */
const hashSchema = z.string().check(z.regex(/^[0-9a-f]{8,64}$/));

/** ISO 8601 date-time with the site's UTC offset, e.g. `2022-02-26T21:22:00+08:00`. */
const isoDateSchema = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/));

/** What a list shows of a post. */
export const postSummarySchema = z.object({
  /** The post's Jekyll permalink, percent-encoded as Jekyll writes it, starting with `/`. */
  url: z.string().check(z.startsWith('/')),
  /** Plain text, never HTML. */
  title: z.string(),
  date: isoDateSchema,
  /** Category slugs as they stand in permalinks (lower-cased, not percent-encoded). */
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  /** Plain-text excerpt, at most ~140 characters. */
  excerpt: z.string(),
  /** Characters of body text (a CJK character counts as one), for the reading length. */
  chars: z.int().check(z.nonnegative()),
  /**
   * The post's language (BCP 47): front matter `lang`, else `defaults:`, else the site's `lang`.
   * Dates, `<html lang>` and the search index per language follow it.
   */
  lang: z.string(),
});
export type PostSummary = z.infer<typeof postSummarySchema>;

const postLinkSchema = z.object({ url: z.string().check(z.startsWith('/')), title: z.string() });
export type PostLink = z.infer<typeof postLinkSchema>;

/** A whole post: its summary, the rendered (still untrusted) body and its neighbours. */
export const articleSchema = z.extend(postSummarySchema, {
  /** Rendered Markdown/HTML. Untrusted: the app sanitizes it before display. */
  html: z.string(),
  /** The original story's address (the `<http://…>` source link), if any. */
  source: z.nullable(z.string()),
  /** Older and newer post in the post's first category. */
  prev: z.nullable(postLinkSchema),
  next: z.nullable(postLinkSchema),
});
export type Article = z.infer<typeof articleSchema>;

/**
 * A second address of a post: the page URL Jekyll gives a file of an archive folder
 * (`/old_post/2021-12-08-x.html`), answered with a redirect to the post's permalink `url`.
 */
export const articleAliasSchema = z.object({
  path: z.string().check(z.startsWith('/')),
  url: z.string().check(z.startsWith('/')),
});
export type ArticleAlias = z.infer<typeof articleAliasSchema>;

/**
 * `data/articles/<hash>.json`: the posts whose key hashes to one bucket, and the aliases whose
 * path's key hashes to it (so one lookup finds either).
 */
export const articleBucketSchema = z.object({
  bucket: z.int().check(z.nonnegative()),
  posts: z.array(articleSchema),
  aliases: z.array(articleAliasSchema),
});
export type ArticleBucket = z.infer<typeof articleBucketSchema>;

/** `data/article-index/<hash>.json`: bucket number → bucket file hash, for one page of buckets. */
export const articleIndexPageSchema = z.object({
  page: z.int().check(z.nonnegative()),
  /** `buckets[i]` is the file hash of bucket `page * ARTICLE_INDEX_PAGE_SIZE + i`, or null when empty. */
  buckets: z.array(z.nullable(hashSchema)),
});
export type ArticleIndexPage = z.infer<typeof articleIndexPageSchema>;

/** `data/lists/<hash>.json`: one chunk of a list, oldest first. */
export const listChunkSchema = z.object({
  list: z.string(),
  /** Chunk number counted from the oldest post. */
  index: z.int().check(z.nonnegative()),
  posts: z.array(postSummarySchema),
});
export type ListChunk = z.infer<typeof listChunkSchema>;

const chunkRefSchema = z.object({
  file: hashSchema,
  /** Date of the oldest and newest post in the chunk, for date-range filters. */
  first: isoDateSchema,
  last: isoDateSchema,
});
export type ChunkRef = z.infer<typeof chunkRefSchema>;

/** `data/list-index/<hash>.json`: every chunk of one list, oldest first. */
export const listIndexSchema = z.object({
  list: z.string(),
  chunks: z.array(chunkRefSchema),
});
export type ListIndex = z.infer<typeof listIndexSchema>;

/** How the manifest names one list. */
export const listRefSchema = z.object({
  count: z.int().check(z.nonnegative()),
  /** Hash of the list index (all chunks). */
  index: hashSchema,
  /** The newest `LIST_HEAD_CHUNKS` chunks (fewer for short lists), oldest first, so a first page needs no index. */
  head: z.array(z.extend(chunkRefSchema, { index: z.int().check(z.nonnegative()) })),
});
export type ListRef = z.infer<typeof listRefSchema>;

export const categorySchema = z.object({
  /** As in permalinks: lower-cased, not percent-encoded. */
  slug: z.string().check(z.minLength(1)),
  /** Readable name: the tag that names the source when one fits, else the slug. */
  name: z.string().check(z.minLength(1)),
  count: z.int().check(z.nonnegative()),
  list: listRefSchema,
  /** Tags used in this category with their counts, most used first. */
  tags: z.array(z.object({ name: z.string(), count: z.int().check(z.nonnegative()) })),
});
export type Category = z.infer<typeof categorySchema>;

export const tagSchema = z.object({
  name: z.string().check(z.minLength(1)),
  count: z.int().check(z.nonnegative()),
  /**
   * How many of its posts carry another tag too. When none of the tags a filter chooses shares a
   * post, their union's size is the sum of their counts, known without reading a list.
   */
  shared: z.int().check(z.nonnegative()),
  list: listRefSchema,
});
export type Tag = z.infer<typeof tagSchema>;

export const siteSchema = z.object({
  title: z.string(),
  description: z.string(),
  lang: z.string(),
  /** Every post language of the site, most posts first; lists can be narrowed when it has several. */
  languages: z.array(z.string()),
  /** IANA zone every date is shown in, whatever the reader's clock says. */
  timezone: z.string(),
  /** Absolute site address from `_config.yml` (`url` + `baseurl`), or empty. */
  url: z.string(),
  /** Old host names of the archive whose links become in-app links. */
  hosts: z.array(z.string()),
});
export type Site = z.infer<typeof siteSchema>;

/**
 * Posts per calendar day in the site's timezone, for the archive by date: `counts[i]` is the day
 * `i` days after `first` (`YYYY-MM-DD`), up to the newest post's day. One number a day keeps it
 * small (a year is ~1.5 kB) however many posts a day has.
 */
export const dayCountsSchema = z.object({
  first: z.string(),
  counts: z.array(z.int().check(z.nonnegative())),
});
export type DayCounts = z.infer<typeof dayCountsSchema>;

/**
 * One Pagefind index of the split search index (docs/decisions/013-search-index-split.md): the
 * posts of one language and one stretch of whole days, in a folder named by a hash of its records.
 */
export const searchIndexSchema = z.object({
  /** Folder relative to the search folder, ending in `/`: `zh-cn/2021-12-01-3fa2b1c94d5e6f70/`. */
  path: z.string().check(z.regex(/^[\w.-]+\/[\w.-]+\/$/)),
  /** Hash of the index's records; Pagefind's `metaCacheTag`, so its entry URL is stable. */
  tag: hashSchema,
  language: z.string(),
  /** First and last day (`YYYY-MM-DD`, the site's calendar) of the index's posts. */
  first: z.string(),
  last: z.string(),
  posts: z.int().check(z.nonnegative()),
});
export type SearchIndex = z.infer<typeof searchIndexSchema>;

/**
 * Pagefind's worker and wasm for one language, with an index that matches nothing: the reader
 * opens each part as this index with the part merged in (docs/decisions/030-search-reads-back-in-time.md).
 */
export const searchRuntimeSchema = z.object({
  language: z.string(),
  /** Folder relative to the search folder: `zh-cn/runtime-3fa2b1c94d5e6f70/`. */
  path: z.string().check(z.regex(/^[\w.-]+\/[\w.-]+\/$/)),
  tag: hashSchema,
});
export type SearchRuntime = z.infer<typeof searchRuntimeSchema>;

/** `data/manifest.json`: small, always revalidated; names every other file by hash. */
export const manifestSchema = z.object({
  schema: z.literal(BUNDLE_SCHEMA_VERSION),
  /** Hash of the whole bundle: equal inputs give an equal id. */
  buildId: hashSchema,
  site: siteSchema,
  posts: z.int().check(z.nonnegative()),
  /** Date of the newest post, if any. */
  newest: z.nullable(isoDateSchema),
  /** Hash of `data/home/<hash>.json`. */
  home: hashSchema,
  all: listRefSchema,
  /** Most posts first. */
  categories: z.array(categorySchema),
  /** Most posts first. */
  tags: z.array(tagSchema),
  articles: z.object({
    /** Number of buckets, a power of two. */
    buckets: z.int().check(z.positive()),
    /** Hash of each article-index page. */
    pages: z.array(hashSchema),
  }),
  /** Path of the Pagefind bundle relative to `data/`, or null when search was not built. */
  search: z.nullable(z.string()),
  /** Missing in a manifest of an older build: no archive by date then. */
  days: z._default(dayCountsSchema, { first: '', counts: [] }),
  /** The indexes under `search`, oldest first. */
  searchIndexes: z._default(z.array(searchIndexSchema), []),
  /** Pagefind's runtime for each language of `searchIndexes`. */
  searchRuntimes: z._default(z.array(searchRuntimeSchema), []),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** `data/home/<hash>.json`: what the home page shows, in one request. */
export const homeSchema = z.object({
  latest: z.array(postSummarySchema),
  sections: z.array(z.object({ category: z.string(), posts: z.array(postSummarySchema) })),
});
export type Home = z.infer<typeof homeSchema>;

export const diagnosticSchema = z.object({
  /** Relative to the site root, e.g. `_posts/2022-02-26-x.md`. */
  file: z.string(),
  /** 1-based line, or 0 when the problem is the whole file. */
  line: z.int().check(z.nonnegative()),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** `data/build-report.json`: `inputs == posts + skipped.length`, always. */
export const buildReportSchema = z.object({
  inputs: z.int().check(z.nonnegative()),
  posts: z.int().check(z.nonnegative()),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  diagnostics: z.array(diagnosticSchema),
  /** File under the site root → permalink. */
  urls: z.record(z.string(), z.string()),
});
export type BuildReport = z.infer<typeof buildReportSchema>;
