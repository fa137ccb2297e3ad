/**
 * Reads a built bundle (`dist/data/`) back through the shared bundle reader and the schemas the
 * app uses, so the pages, feeds and sitemap are made from exactly what readers will fetch.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dataPaths } from '../../src/shared/paths';
import {
  bundleFiles,
  getBundleFilePath,
  readAliases,
  readArticle,
  readNewestPosts,
  type BundleFile,
  type BundleFileKind,
  type LoadBundleFile,
} from '../../src/shared/bundle-reader';
import {
  manifestSchema,
  safeParse,
  type Schema,
  type Article,
  type ArticleAlias,
  type ListRef,
  type Manifest,
  type PostSummary,
} from '../../src/shared/schema';

export type BundleReader = {
  manifest: Manifest;
  /** The newest `limit` posts of a list (every post without a limit), reading only the chunks needed. */
  readNewest: (list: ListRef, limit?: number) => Promise<PostSummary[]>;
  readArticle: (url: string) => Promise<Article | null>;
  /** Every alias of the bundle (page URLs of archive folder files), by path. */
  readAliases: () => Promise<ArticleAlias[]>;
};

async function readJson<T>(root: string, relative: string, schema: Schema<T>): Promise<T> {
  const text = await readFile(path.join(root, relative), 'utf8');
  const parsed = safeParse(schema, JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${relative} does not match the bundle schema: ${parsed.error.message}`);
  }
  return parsed.data;
}

type FileMemo = { [K in BundleFileKind]: Map<string, Promise<BundleFile<K>>> };

/** A loader over the files of a folder; each file is read and parsed once. */
export function createFileLoader(root: string): LoadBundleFile {
  const memo: FileMemo = {
    home: new Map(),
    listIndex: new Map(),
    listChunk: new Map(),
    articleIndex: new Map(),
    articleBucket: new Map(),
  };
  return <K extends BundleFileKind>(kind: K, hash: string) => {
    const files: FileMemo[K] = memo[kind];
    let pending = files.get(hash);
    if (!pending) {
      pending = readJson(root, getBundleFilePath({ kind, hash }), bundleFiles[kind].schema);
      // Article buckets hold the whole archive (300 MB at 100,000 posts): never kept.
      if (kind !== 'articleBucket') files.set(hash, pending);
    }
    return pending;
  };
}

/** `root` is the deployed folder holding `data/`. */
export async function openBundle(root: string): Promise<BundleReader> {
  const manifest = await readJson(root, dataPaths.manifest(), manifestSchema);
  const load = createFileLoader(root);
  return {
    manifest,
    readNewest: (list, limit) => readNewestPosts(load, list, limit),
    readArticle: async (url) => {
      const found = await readArticle(load, manifest, url);
      return found?.kind === 'article' ? found.article : null;
    },
    readAliases: () => readAliases(load, manifest),
  };
}
