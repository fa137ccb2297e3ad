import { expect, test } from 'vitest';
import { createBundle, type Bundle } from '../../scripts/content/write-bundle';
import type { SourcePost } from '../../scripts/content/types';
import { testConfig } from '../scripts/build-fixtures';
import {
  collectListFiles,
  countTagsInRange,
  readArticle,
  readListPage,
  readListPageWithout,
  readNewestPosts,
  readSelection,
  selectList,
  type ListBase,
  type LoadBundleFile,
} from '../../src/shared/bundle-reader';
import { getSiteDay, isDayInRange, PAGE_SIZE } from '../../src/shared/list-math';
import type { Manifest } from '../../src/shared/schema';
import { createMemoryLoader, getFoundArticle, readMemoryManifest } from './memory-bundle';

const CATEGORIES = ['alpha', 'beta', 'gamma'];
const TAGS = ['快讯', '公告', '评论', '研报'];

/** Post n: one every 40 minutes; categories and tags rotate; every 7th carries two tags. */
function makePost(n: number, twoTags = n % 7 === 0): SourcePost {
  const minutes = n * 40;
  const date = new Date(Date.UTC(2023, 0, 1) + minutes * 60_000 - 8 * 3_600_000);
  const local = new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  const day = local.slice(0, 10).replace(/-/g, '/');
  const category = CATEGORIES[n % CATEGORIES.length] ?? 'alpha';
  const tags = [TAGS[n % TAGS.length] ?? '快讯'];
  if (twoTags) tags.push(TAGS[(n + 1) % TAGS.length] ?? '公告');
  const text = `第${n}条测试消息。`;
  return {
    file: `_posts/${local.slice(0, 10)}-p${n}.md`,
    url: `/${category}/${day}/p${n}.html`,
    title: `测试消息 ${n}`,
    date: `${local}+08:00`,
    categories: [category],
    tags,
    html: `<p>${text}</p>`,
    text,
    excerpt: text,
    chars: text.length,
    lang: 'zh-CN',
    source: null,
    page: null,
  };
}

const POSTS = 3_000;
const bundle: Bundle = createBundle({
  config: testConfig,
  posts: Array.from({ length: POSTS }, (_, n) => makePost(n)),
});
const manifest: Manifest = readMemoryManifest(bundle);

const createCountingLoader = () => createMemoryLoader(bundle);

function getBase(slug: string | null): ListBase {
  if (slug === null) return { ref: manifest.all, category: null, tagCounts: manifest.tags };
  const category = manifest.categories.find((candidate) => candidate.slug === slug);
  if (!category) throw new Error(`no category ${slug}`);
  return { ref: category.list, category: slug, tagCounts: category.tags };
}

/** What a page must hold, worked out the slow way from every post. */
function getExpected(filter: (post: SourcePost) => boolean, page: number) {
  const matching = bundle.posts.filter(filter);
  return {
    urls: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((post) => post.url),
    total: matching.length,
  };
}

const hasTag = (tags: string[]) => (post: SourcePost) =>
  post.tags.some((tag) => tags.includes(tag));

test('a two-tag filter merges the tags lazily: right posts, no repeats, few files', async () => {
  const tags = ['快讯', '公告'];
  const selection = selectList(manifest, getBase(null), { tags, from: '', to: '' });
  for (const page of [1, 5]) {
    const { load, loaded } = createCountingLoader();
    const result = await readListPage(load, selection, page);
    const expected = getExpected(hasTag(tags), page);
    expect(result.posts.map((post) => post.url)).toEqual(expected.urls);
    expect(new Set(result.posts.map((post) => post.url)).size).toBe(result.posts.length);
    // Posts carrying both tags are counted twice by the manifest: the total is a bound until the end.
    expect(result.exact).toBe(false);
    expect(result.total).toBeGreaterThanOrEqual(expected.total);
    const chunks = loaded.filter((file) => file.kind === 'listChunk').length;
    const tagChunks = manifest.tags
      .filter((tag) => tags.includes(tag.name))
      .reduce((sum, tag) => sum + tag.list.head.length + tag.list.count / 100, 0);
    expect(chunks).toBeLessThan(page === 1 ? 6 : 12);
    expect(chunks).toBeLessThan(tagChunks / 2);
  }
});

test('tags that share no post give an exact total on every page, from the manifest alone', async () => {
  const single = createBundle({
    config: testConfig,
    posts: Array.from({ length: 600 }, (_, n) => makePost(n, false)),
  });
  const singleManifest = readMemoryManifest(single);
  expect(singleManifest.tags.every((tag) => tag.shared === 0)).toBe(true);
  const tags = ['快讯', '公告'];
  const base = { ref: singleManifest.all, category: null, tagCounts: singleManifest.tags };
  const result = await readListPage(
    createMemoryLoader(single).load,
    selectList(singleManifest, base, { tags, from: '', to: '' }),
    1,
  );
  const matching = single.posts.filter(hasTag(tags));
  expect(result).toMatchObject({ exact: true, total: matching.length });
  expect(result.posts.map((post) => post.url)).toEqual(
    matching.slice(0, PAGE_SIZE).map((post) => post.url),
  );
});

test('the last page of a merged filter knows the exact total', async () => {
  const tags = ['评论', '研报'];
  const selection = selectList(manifest, getBase(null), { tags, from: '', to: '' });
  const expected = getExpected(hasTag(tags), 1);
  const lastPage = Math.ceil(expected.total / PAGE_SIZE);
  const { load } = createCountingLoader();
  const result = await readListPage(load, selection, lastPage);
  expect(result.posts.map((post) => post.url)).toEqual(getExpected(hasTag(tags), lastPage).urls);
  expect(result).toMatchObject({ exact: true, total: expected.total });
});

test('a category filtered by tags and dates keeps exactly the matching posts', async () => {
  const tags = ['快讯', '评论'];
  const from = '2023-01-20';
  const to = '2023-02-10';
  const selection = selectList(manifest, getBase('beta'), { tags, from, to });
  const inRange = (post: SourcePost) =>
    getSiteDay(post.date) >= from && getSiteDay(post.date) <= to;
  for (const page of [1, 2]) {
    const { load } = createCountingLoader();
    const result = await readListPage(load, selection, page);
    const expected = getExpected(
      (post) => post.categories.includes('beta') && hasTag(tags)(post) && inRange(post),
      page,
    );
    expect(result.posts.map((post) => post.url)).toEqual(expected.urls);
  }
});

test('a date range on one list is exact and reads only its own chunks', async () => {
  const from = '2023-02-01';
  const to = '2023-02-03';
  const selection = selectList(manifest, getBase(null), { tags: [], from, to });
  const { load, loaded } = createCountingLoader();
  const result = await readListPage(load, selection, 2);
  const expected = getExpected(
    (post) => getSiteDay(post.date) >= from && getSiteDay(post.date) <= to,
    2,
  );
  expect(result.posts.map((post) => post.url)).toEqual(expected.urls);
  expect(result).toMatchObject({ exact: true, total: expected.total });
  expect(loaded.filter((file) => file.kind === 'listChunk').length).toBeLessThanOrEqual(4);
});

test('an unfiltered page is read by position from the head chunks alone', async () => {
  const selection = selectList(manifest, getBase(null), { tags: [], from: '', to: '' });
  const { load, loaded } = createCountingLoader();
  const result = await readListPage(load, selection, 1);
  expect(result.posts.map((post) => post.url)).toEqual(getExpected(() => true, 1).urls);
  expect(result).toMatchObject({ exact: true, total: POSTS });
  expect(loaded.map((file) => file.kind)).not.toContain('listIndex');
});

test('every post is found at its permalink, with or without .html; other paths find nothing', async () => {
  const { load } = createCountingLoader();
  for (const post of bundle.posts.slice(0, 200)) {
    expect(getFoundArticle(await readArticle(load, manifest, post.url))?.url).toBe(post.url);
    expect(
      getFoundArticle(await readArticle(load, manifest, post.url.replace(/\.html$/, '')))?.url,
    ).toBe(post.url);
  }
  expect(await readArticle(load, manifest, '/alpha/2023/01/01/missing.html')).toBeNull();
});

test('the newest posts of a list come newest first, across chunks', async () => {
  const { load } = createCountingLoader();
  const newest = await readNewestPosts(load, manifest.all, 250);
  expect(newest.map((post) => post.url)).toEqual(
    bundle.posts.slice(0, 250).map((post) => post.url),
  );
});

test('the files a list needs offline are its index, every chunk and the buckets of its posts', async () => {
  const { load } = createCountingLoader();
  const category = manifest.categories.find((candidate) => candidate.slug === 'gamma');
  if (!category) throw new Error('no gamma');
  let found = 0;
  const files = await collectListFiles(load, manifest, category.list, (count) => {
    found += count;
  });
  expect(found).toBe(files.length);
  expect(files.filter((file) => file.kind === 'listChunk')).toHaveLength(
    Math.ceil(category.count / 100),
  );
  // Each of the category's posts can be read from the collected files alone.
  const names = new Set(files.map((file) => `${file.kind}:${file.hash}`));
  const { load: strict } = createCountingLoader();
  const onlyCollected: LoadBundleFile = (kind, hash) => {
    if (!names.has(`${kind}:${hash}`)) throw new Error(`${kind} ${hash} was not collected`);
    return strict(kind, hash);
  };
  for (const post of bundle.posts.filter((candidate) => candidate.categories.includes('gamma'))) {
    expect(getFoundArticle(await readArticle(onlyCollected, manifest, post.url))?.url).toBe(
      post.url,
    );
  }
});

test('readSelection walks every page of a filtered list, each post once', async () => {
  const tags = ['快讯', '公告'];
  const selection = selectList(manifest, getBase('alpha'), { tags, from: '', to: '' });
  const { load } = createCountingLoader();
  const urls: string[] = [];
  for await (const post of readSelection(load, selection)) urls.push(post.url);
  const expected = bundle.posts
    .filter((post) => post.categories.includes('alpha') && hasTag(tags)(post))
    .map((post) => post.url);
  expect(new Set(urls).size).toBe(urls.length);
  expect(urls.length).toBeGreaterThan(PAGE_SIZE * 2);
  expect(new Set(urls)).toEqual(new Set(expected));
});

test('a page without the read posts skips them and says when it knows the total', async () => {
  const selection = selectList(manifest, getBase('beta'), { tags: [], from: '', to: '' });
  const all: string[] = [];
  for await (const post of readSelection(createCountingLoader().load, selection))
    all.push(post.url);
  // Every other post read.
  const read = new Set(all.filter((_, index) => index % 2 === 0));
  const unread = all.filter((url) => !read.has(url));
  const skip = (post: { url: string }) => read.has(post.url);
  const first = await readListPageWithout(createCountingLoader().load, selection, 1, skip);
  expect(first.posts.map((post) => post.url)).toEqual(unread.slice(0, PAGE_SIZE));
  expect(first).toMatchObject({ total: PAGE_SIZE + 1, exact: false });
  const lastPage = Math.ceil(unread.length / PAGE_SIZE);
  const last = await readListPageWithout(createCountingLoader().load, selection, lastPage, skip);
  expect(last.posts.map((post) => post.url)).toEqual(unread.slice((lastPage - 1) * PAGE_SIZE));
  expect(last).toMatchObject({ total: unread.length, exact: true });
});

/** Tag counts the slow way: every post of the list on those days, counted. */
function countSlowly(base: ListBase, from: string, to: string) {
  const posts = bundle.posts.filter(
    (post) =>
      (base.category === null || post.categories.includes(base.category)) &&
      isDayInRange(post.date, from, to),
  );
  return base.tagCounts.map((tag) => ({
    name: tag.name,
    count: posts.filter((post) => post.tags.includes(tag.name)).length,
  }));
}

test('chip counts under a date range are exact, for all posts and for a category', async () => {
  const ranges = [
    ['2023-02-01', '2023-02-03'],
    ['2023-01-10', ''],
    ['', '2023-01-05'],
    ['2023-01-01', '2023-03-30'],
    ['2024-01-01', '2024-02-01'],
  ] as const;
  for (const slug of [null, 'beta']) {
    const base = getBase(slug);
    for (const [from, to] of ranges) {
      const { load } = createCountingLoader();
      expect(
        await countTagsInRange(load, manifest, base, from, to),
        `${slug} ${from}..${to}`,
      ).toEqual(countSlowly(base, from, to));
    }
  }
  // Without dates, the manifest's counts, nothing read.
  const { load, loaded } = createCountingLoader();
  expect(await countTagsInRange(load, manifest, getBase('beta'), '', '')).toEqual(
    getBase('beta').tagCounts,
  );
  expect(loaded).toHaveLength(0);
});

test('a wide range counts each tag from its own list: its index and two chunks at most', async () => {
  const { load, loaded } = createCountingLoader();
  await countTagsInRange(load, manifest, getBase(null), '2023-01-02', '2023-03-20');
  const chunks = loaded.filter((file) => file.kind === 'listChunk').length;
  // Walking the range would read every one of its ~28 chunks of all posts.
  expect(chunks).toBeLessThanOrEqual(2 + 2 * TAGS.length);
});
