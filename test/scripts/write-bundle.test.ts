import { expect, test } from 'vitest';
import {
  LIST_CHUNK_SIZE,
  homeSchema,
  listChunkSchema,
  listIndexSchema,
  manifestSchema,
} from '../../src/shared/schema';
import type { Manifest } from '../../src/shared/schema';
import { readArticle } from '../../src/shared/bundle-reader';
import { createMemoryLoader, getFoundArticle, readMemoryManifest } from '../shared/memory-bundle';
import { createBundle, HOME_LATEST, HOME_SECTION_SIZE } from '../../scripts/content/write-bundle';
import type { Bundle } from '../../scripts/content/write-bundle';
import { createSourcePost, createSourcePosts, testConfig } from './build-fixtures';

function readJson(bundle: Bundle, name: string): unknown {
  const text = bundle.files.get(name);
  if (text === undefined) throw new Error(`missing ${name}`);
  return JSON.parse(text);
}

function readList(bundle: Bundle, manifest: Manifest, id: string) {
  const ref =
    id === 'all'
      ? manifest.all
      : manifest.categories.find((category) => `c:${category.slug}` === id)?.list;
  if (!ref) throw new Error(`no list ${id}`);
  const index = listIndexSchema.parse(readJson(bundle, `list-index/${ref.index}.json`));
  return index.chunks.map((chunk) =>
    listChunkSchema.parse(readJson(bundle, `lists/${chunk.file}.json`)),
  );
}

async function findArticle(bundle: Bundle, url: string) {
  return getFoundArticle(
    await readArticle(createMemoryLoader(bundle).load, readMemoryManifest(bundle), url),
  );
}

test('lists are chunked from the oldest post and read newest first', () => {
  const posts = createSourcePosts(250);
  const bundle = createBundle({ config: testConfig, posts });
  const manifest = manifestSchema.parse(readJson(bundle, 'manifest.json'));
  const chunks = readList(bundle, manifest, 'all');
  expect(chunks.map((chunk) => chunk.posts.length)).toEqual([LIST_CHUNK_SIZE, LIST_CHUNK_SIZE, 50]);
  const newestFirst = chunks
    .flatMap((chunk) => chunk.posts)
    .reverse()
    .map((post) => post.url);
  expect(newestFirst).toEqual(posts.map((post) => post.url).reverse());
  expect(manifest.all.head.map((chunk) => chunk.index)).toEqual([1, 2]);
  expect(manifest.newest).toBe(posts[249]?.date);
});

test('a newer post changes only the newest chunk, so old chunk files stay as they were', () => {
  const posts = createSourcePosts(230);
  const before = createBundle({ config: testConfig, posts });
  const after = createBundle({
    config: testConfig,
    posts: [...posts, createSourcePost('latest', '2022-03-09 10:00:00')],
  });
  const oldChunks = (bundle: Bundle) =>
    readList(bundle, manifestSchema.parse(readJson(bundle, 'manifest.json')), 'all').map(
      (chunk) => chunk.posts.length,
    );
  expect(oldChunks(before)).toEqual([100, 100, 30]);
  const beforeIndex = readList(
    before,
    manifestSchema.parse(readJson(before, 'manifest.json')),
    'all',
  );
  const afterIndex = readList(after, manifestSchema.parse(readJson(after, 'manifest.json')), 'all');
  expect(afterIndex.slice(0, 2)).toEqual(beforeIndex.slice(0, 2));
  const beforeManifest = manifestSchema.parse(readJson(before, 'manifest.json'));
  const afterManifest = manifestSchema.parse(readJson(after, 'manifest.json'));
  const names = (manifest: Manifest, bundle: Bundle) =>
    listIndexSchema
      .parse(readJson(bundle, `list-index/${manifest.all.index}.json`))
      .chunks.map((chunk) => chunk.file);
  expect(names(afterManifest, after).slice(0, 2)).toEqual(
    names(beforeManifest, before).slice(0, 2),
  );
  expect(names(afterManifest, after)[2]).not.toBe(names(beforeManifest, before)[2]);
  expect(afterManifest.buildId).not.toBe(beforeManifest.buildId);
});

test('every article is found through its bucket, with or without .html', async () => {
  const posts = createSourcePosts(300);
  const bundle = createBundle({ config: testConfig, posts });
  for (const post of posts) {
    expect((await findArticle(bundle, post.url))?.title).toBe(post.title);
    expect((await findArticle(bundle, post.url.replace(/\.html$/, '')))?.title).toBe(post.title);
  }
  const first = posts[0]?.url ?? '';
  const article = await findArticle(bundle, first);
  expect(article?.prev).toBeNull();
  expect(article?.next?.url).toBe(posts[1]?.url);
});

test('the same posts in any order give the same bytes', () => {
  const posts = createSourcePosts(120);
  const a = createBundle({ config: testConfig, posts });
  const b = createBundle({ config: testConfig, posts: [...posts].reverse() });
  expect([...b.files]).toEqual([...a.files]);
});

test('duplicate URLs keep the first file by path and report both', () => {
  const kept = createSourcePost('same', '2022-03-01 09:00:00', { file: '_posts/2022-03-01-a.md' });
  const dropped = createSourcePost('same', '2022-03-01 10:00:00', {
    file: '_posts/2022-03-01-b.md',
  });
  const bundle = createBundle({ config: testConfig, posts: [dropped, kept] });
  expect(bundle.report.posts).toBe(1);
  expect(bundle.report.skipped).toEqual([
    { file: '_posts/2022-03-01-b.md', reason: 'duplicate URL of _posts/2022-03-01-a.md' },
  ]);
  const errors = bundle.report.diagnostics.filter((item) => item.severity === 'error');
  expect(errors.map((item) => item.file)).toEqual([
    '_posts/2022-03-01-a.md',
    '_posts/2022-03-01-b.md',
  ]);
  expect(
    errors.every(
      (item) =>
        item.message.includes('2022-03-01-a.md') || item.message.includes('2022-03-01-b.md'),
    ),
  ).toBe(true);
  expect(bundle.report.urls).toEqual({ '_posts/2022-03-01-a.md': kept.url });
});

test("the reader's skipped files are reported, and inputs == posts + skipped", () => {
  const posts = createSourcePosts(3);
  const bundle = createBundle({
    config: testConfig,
    posts,
    skipped: [
      { file: '_posts/notes.txt', reason: 'not a post file name' },
      { file: '_posts/2099-01-01-future.md', reason: 'future-dated' },
    ],
    diagnostics: [{ file: '_posts/notes.txt', line: 0, severity: 'warning', message: 'skipped' }],
  });
  expect(bundle.report.inputs).toBe(5);
  expect(bundle.report.inputs).toBe(bundle.report.posts + bundle.report.skipped.length);
  expect(bundle.report.skipped.map((item) => item.file)).toEqual([
    '_posts/2099-01-01-future.md',
    '_posts/notes.txt',
  ]);
  expect(Object.keys(bundle.report.urls)).toHaveLength(3);
});

test('categories merge by lower-cased slug, take the name of their source tag and rank by size', () => {
  const posts = [
    ...createSourcePosts(6),
    createSourcePost('t1', '2022-03-02 08:00:00', {
      categories: ['TechWeb'],
      tags: ['科技前线新闻'],
    }),
    createSourcePost('t2', '2022-03-02 09:00:00', {
      categories: ['Techweb'],
      tags: ['科技前线新闻', '芯片'],
    }),
    createSourcePost('c1', '2022-03-02 10:00:00', { categories: ['财经'], tags: ['评论'] }),
    createSourcePost('c2', '2022-03-02 11:00:00', { categories: ['财经'], tags: ['央行'] }),
    createSourcePost('c3', '2022-03-02 12:00:00', { categories: ['财经'], tags: ['央行'] }),
    createSourcePost('c4', '2022-03-02 12:30:00', { categories: ['kuaixun'], tags: ['央行'] }),
  ];
  const bundle = createBundle({ config: testConfig, posts });
  const manifest = manifestSchema.parse(readJson(bundle, 'manifest.json'));
  expect(
    manifest.categories.map((category) => [category.slug, category.name, category.count]),
  ).toEqual([
    ['kuaixun', '快讯滚动新闻', 7],
    ['财经', '财经', 3],
    ['techweb', '科技前线新闻', 2],
  ]);
  expect(manifest.categories[2]?.tags).toEqual([
    { name: '科技前线新闻', count: 2 },
    { name: '芯片', count: 1 },
  ]);
  const home = homeSchema.parse(readJson(bundle, `home/${manifest.home}.json`));
  expect(home.latest[0]?.title).toBe('标题 c4');
  // All twelve posts are in the stream, so no section repeats one of them.
  expect(home.sections.map((section) => [section.category, section.posts.length])).toEqual([
    ['kuaixun', 0],
    ['财经', 0],
    ['techweb', 0],
  ]);
  expect(manifest.tags[0]).toMatchObject({ name: '快讯滚动新闻', count: 6 });
});

test("the home's sections hold a category's newest posts that the stream does not show", () => {
  const posts = createSourcePosts(60).map((post, index) => ({
    ...post,
    categories: [index % 3 === 0 ? 'kuaixun' : 'caijing'],
  }));
  const bundle = createBundle({ config: testConfig, posts });
  const manifest = manifestSchema.parse(readJson(bundle, 'manifest.json'));
  const home = homeSchema.parse(readJson(bundle, `home/${manifest.home}.json`));
  const inStream = new Set(home.latest.map((post) => post.url));
  expect(home.latest).toHaveLength(HOME_LATEST);
  for (const section of home.sections) {
    expect(section.posts).toHaveLength(HOME_SECTION_SIZE);
    expect(section.posts.filter((post) => inStream.has(post.url))).toEqual([]);
    // Newest first, and the newest of those left.
    const dates = section.posts.map((post) => post.date);
    expect(dates).toEqual([...dates].sort().reverse());
  }
  const kuaixun = home.sections.find((section) => section.category === 'kuaixun');
  expect(kuaixun?.posts[0]?.title).toBe('标题 p00039');
});

test('the manifest counts posts per day, every day from the first to the newest', () => {
  const posts = [
    createSourcePost('a', '2022-03-01 23:30:00'),
    createSourcePost('b', '2022-03-02 00:10:00'),
    createSourcePost('c', '2022-03-02 09:00:00'),
    createSourcePost('d', '2022-03-04 09:00:00'),
  ];
  const manifest = manifestSchema.parse(
    readJson(createBundle({ config: testConfig, posts }), 'manifest.json'),
  );
  expect(manifest.days).toEqual({ first: '2022-03-01', counts: [1, 2, 0, 1] });
});

test('old hosts come from the config and the back-link footers', () => {
  const posts = [
    createSourcePost('a', '2022-03-01 08:00:00', {
      html: '<p>x</p><p><a href="//old.example.net/kuaixun/">返回</a>｜<a href="//old.example.net/">返回首页</a></p>',
    }),
  ];
  const manifest = createBundle({ config: testConfig, posts }).manifest;
  expect(manifest.site.hosts).toEqual(['news.example.org', 'old.example.net']);
});

test('an empty site still gives a valid bundle', () => {
  const bundle = createBundle({ config: testConfig, posts: [] });
  const manifest = manifestSchema.parse(readJson(bundle, 'manifest.json'));
  expect(manifest.posts).toBe(0);
  expect(manifest.newest).toBeNull();
  expect(manifest.all.head).toEqual([]);
});

test('on a blog, where few categories have a naming tag, categories keep their own names as written', () => {
  const posts = [
    ...['react', 'node', 'deno', 'bun'].map((tag, n) =>
      createSourcePost(`a${n}`, `2022-03-02 0${n}:00:00`, {
        categories: ['JavaScript'],
        tags: [tag],
      }),
    ),
    ...['shell', 'kernel', 'systemd'].map((tag, n) =>
      createSourcePost(`b${n}`, `2022-03-03 0${n}:00:00`, { categories: ['Linux'], tags: [tag] }),
    ),
    createSourcePost('c1', '2022-03-04 12:00:00', { categories: ['Rust'], tags: ['cargo'] }),
  ];
  const bundle = createBundle({ config: testConfig, posts });
  const manifest = manifestSchema.parse(readJson(bundle, 'manifest.json'));
  // `rust` alone has a tag on all its posts; naming it `cargo` would be a rename at random.
  expect(manifest.categories.map((category) => [category.slug, category.name])).toEqual([
    ['javascript', 'JavaScript'],
    ['linux', 'Linux'],
    ['rust', 'Rust'],
  ]);
  expect(manifest.site.languages).toEqual(['zh-CN']);
});
