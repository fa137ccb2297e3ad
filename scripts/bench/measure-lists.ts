/**
 * What a cold visit to a list page costs in data files: requests and bytes (raw and gzipped), read
 * through the shared bundle reader exactly as the app reads them. The manifest is left out: every
 * view needs it, and it is measured with the first visit elsewhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  getBundleFilePath,
  readListPage,
  selectList,
  type ListFilter,
  type LoadBundleFile,
} from '../../src/shared/bundle-reader';
import { dataPaths } from '../../src/shared/paths';
import { manifestSchema, type Manifest } from '../../src/shared/schema';
import { createFileLoader } from '../pages/read-bundle';

export type ListCost = {
  view: string;
  page: number;
  requests: number;
  kib: number;
  gzipKiB: number;
  posts: number;
};

/** A loader that counts each distinct file once, as a browser's cache would. */
function createMeteredLoader(root: string, seen: Set<string>): LoadBundleFile {
  const load = createFileLoader(root);
  return (kind, hash) => {
    seen.add(getBundleFilePath({ kind, hash }));
    return load(kind, hash);
  };
}

function measureFiles(root: string, files: Iterable<string>): { kib: number; gzipKiB: number } {
  let bytes = 0;
  let gzipped = 0;
  for (const file of files) {
    const data = readFileSync(path.join(root, file));
    bytes += data.length;
    gzipped += gzipSync(data).length;
  }
  return { kib: bytes / 1024, gzipKiB: gzipped / 1024 };
}

/** `root` holds `data/` (a dist folder), or is the data folder's parent of a prebuild's out dir. */
export async function measureListCosts(root: string): Promise<ListCost[]> {
  const manifest: Manifest = manifestSchema.parse(
    JSON.parse(readFileSync(path.join(root, dataPaths.manifest()), 'utf8')),
  );
  const [first, second] = manifest.tags;
  const biggest = manifest.categories[0];
  const cases: { view: string; base: Parameters<typeof selectList>[1]; filter: ListFilter }[] = [
    {
      view: 'all posts',
      base: { ref: manifest.all, category: null, tagCounts: manifest.tags },
      filter: { tags: [], from: '', to: '' },
    },
  ];
  if (first && second) {
    cases.push({
      view: `two tags (${first.name} ${first.count} + ${second.name} ${second.count})`,
      base: { ref: manifest.all, category: null, tagCounts: manifest.tags },
      filter: { tags: [first.name, second.name], from: '', to: '' },
    });
  }
  if (biggest && biggest.tags.length >= 2) {
    cases.push({
      view: `category ${biggest.slug} (${biggest.count}) with two tags`,
      base: { ref: biggest.list, category: biggest.slug, tagCounts: biggest.tags },
      filter: { tags: biggest.tags.slice(0, 2).map((tag) => tag.name), from: '', to: '' },
    });
  }
  const costs: ListCost[] = [];
  for (const { view, base, filter } of cases) {
    for (const page of [1, 5]) {
      const seen = new Set<string>();
      const selection = selectList(manifest, base, filter);
      const result = await readListPage(createMeteredLoader(root, seen), selection, page);
      costs.push({
        view,
        page,
        requests: seen.size,
        ...measureFiles(root, seen),
        posts: result.posts.length,
      });
    }
  }
  return costs;
}

export type BenchPaths = {
  /** The category with the most posts, its slug and count. */
  category: { slug: string; count: number };
  /** Permalink of the newest post of that category. */
  article: string;
};

/** The pages the browser measurements visit: the biggest category and its newest article. */
export async function findBenchPaths(root: string): Promise<BenchPaths> {
  const manifest: Manifest = manifestSchema.parse(
    JSON.parse(readFileSync(path.join(root, dataPaths.manifest()), 'utf8')),
  );
  const biggest = [...manifest.categories].sort((a, b) => b.count - a.count)[0];
  if (!biggest) throw new Error(`${path.join(root, dataPaths.manifest())} lists no category`);
  const selection = selectList(
    manifest,
    { ref: biggest.list, category: biggest.slug, tagCounts: biggest.tags },
    { tags: [], from: '', to: '' },
  );
  const { posts } = await readListPage(createFileLoader(root), selection, 1);
  const newest = posts[0];
  if (!newest) throw new Error(`category ${biggest.slug} has no posts`);
  return { category: { slug: biggest.slug, count: biggest.count }, article: newest.url };
}
