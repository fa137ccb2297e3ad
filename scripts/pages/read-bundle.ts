/**
 * Reads a built bundle (`dist/data/`) back through the same schemas the app uses, so the pages,
 * feeds and sitemap are made from exactly what readers will fetch.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { dataPaths } from '../../src/shared/paths';
import { getBucket, getPostKey } from '../../src/shared/post-key';
import {
  ARTICLE_INDEX_PAGE_SIZE,
  articleBucketSchema,
  articleIndexPageSchema,
  listChunkSchema,
  listIndexSchema,
  manifestSchema,
  type Article,
  type ArticleAlias,
  type ArticleBucket,
  type ListRef,
  type Manifest,
  type PostSummary,
} from '../../src/shared/schema';

export type BundleReader = {
  manifest: Manifest;
  /** Every post of a list, newest first. */
  readList: (list: ListRef) => Promise<PostSummary[]>;
  /** The newest `limit` posts of a list, reading only the chunks needed. */
  readNewest: (list: ListRef, limit: number) => Promise<PostSummary[]>;
  readArticle: (url: string) => Promise<Article | null>;
  /** Every alias of the bundle (page URLs of archive folder files), by path. */
  readAliases: () => Promise<ArticleAlias[]>;
};

async function readJson<T>(root: string, relative: string, schema: z.ZodType<T>): Promise<T> {
  const text = await readFile(path.join(root, relative), 'utf8');
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${relative} does not match the bundle schema: ${parsed.error.message}`);
  return parsed.data;
}

/** `root` is the deployed folder holding `data/`. */
export async function openBundle(root: string): Promise<BundleReader> {
  const manifest = await readJson(root, dataPaths.manifest(), manifestSchema);
  const buckets = new Map<string, Promise<ArticleBucket>>();
  const indexPages = new Map<number, Promise<(string | null)[]>>();

  const readChunk = async (file: string) =>
    (await readJson(root, dataPaths.listChunk(file), listChunkSchema)).posts;

  const readList = async (list: ListRef): Promise<PostSummary[]> => {
    const index = await readJson(root, dataPaths.listIndex(list.index), listIndexSchema);
    const posts: PostSummary[] = [];
    for (const chunk of [...index.chunks].reverse())
      posts.push(...(await readChunk(chunk.file)).reverse());
    return posts;
  };

  const readNewest = async (list: ListRef, limit: number): Promise<PostSummary[]> => {
    const posts: PostSummary[] = [];
    for (const chunk of [...list.head].reverse()) {
      posts.push(...(await readChunk(chunk.file)).reverse());
      if (posts.length >= limit) return posts.slice(0, limit);
    }
    // The head holds fewer posts than asked for: fall back to the whole list.
    return list.count > posts.length ? (await readList(list)).slice(0, limit) : posts;
  };

  const readIndexPage = (page: number) => {
    let pending = indexPages.get(page);
    if (!pending) {
      const hash = manifest.articles.pages[page];
      pending = hash
        ? readJson(root, dataPaths.articleIndex(hash), articleIndexPageSchema).then(
            (file) => file.buckets,
          )
        : Promise.resolve([]);
      indexPages.set(page, pending);
    }
    return pending;
  };

  const readArticle = async (url: string): Promise<Article | null> => {
    const bucket = getBucket(url, manifest.articles.buckets);
    const page = await readIndexPage(Math.floor(bucket / ARTICLE_INDEX_PAGE_SIZE));
    const hash = page[bucket % ARTICLE_INDEX_PAGE_SIZE];
    if (!hash) return null;
    const key = getPostKey(url);
    return (await readBucket(hash)).posts.find((post) => getPostKey(post.url) === key) ?? null;
  };

  const readBucket = (hash: string) => {
    let pending = buckets.get(hash);
    if (!pending) {
      pending = readJson(root, dataPaths.articleBucket(hash), articleBucketSchema);
      buckets.set(hash, pending);
    }
    return pending;
  };

  // Every bucket once, without keeping them: at 100,000 posts they hold the whole archive.
  const readAliases = async (): Promise<ArticleAlias[]> => {
    const aliases: ArticleAlias[] = [];
    for (const [page] of manifest.articles.pages.entries()) {
      for (const hash of await readIndexPage(page)) {
        if (!hash) continue;
        const bucket = await readJson(root, dataPaths.articleBucket(hash), articleBucketSchema);
        aliases.push(...bucket.aliases);
      }
    }
    return aliases.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  };

  return { manifest, readList, readNewest, readArticle, readAliases };
}
