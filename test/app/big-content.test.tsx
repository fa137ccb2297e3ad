/**
 * Content at the archive's extremes, made by the prebuild's own reader and writer: a post of
 * more than a megabyte, and a category of 50,000 posts whose first and last pages must open
 * after reading only a few files.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import { readPostFile } from '../../scripts/content/read-post';
import { createBundle } from '../../scripts/content/write-bundle';
import type { SourcePost } from '../../scripts/content/types';
import { setDataBase } from '../../src/lib/data-base';
import { messageCatalogs } from '../../src/shared/message-catalogs';
import {
  createFixturePost,
  fixtureConfig,
  getFixtureDate,
  startFixtureServer,
  type FixtureServer,
} from './fixture-site';
import { renderApp } from './render-app';

const t = messageCatalogs['zh-CN'];
const FIND = { timeout: 30_000 };
const SLOW = 120_000;
const HUGE_FILE = '_posts/2022-03-01-huge.md';
const BIG_POSTS = 50_000;

/** A post of 1.2 million characters (3.6 MB), read by the prebuild, which cuts it with a note. */
function createHugePost(): SourcePost {
  // Long paragraphs: the size is in the text, not in thousands of elements for jsdom to walk.
  const paragraph = `${'这是一段为测试而写的很长的正文，反复出现，直到文件超过一兆字节。'.repeat(300)}\n\n`;
  const body = `第一段：超长文章的开头。\n\n${paragraph.repeat(Math.ceil(1_200_000 / paragraph.length))}`;
  const file = `---\ntitle: 超长的文章\ndate: 2022-03-01 10:00:00 +0800\ncategories: changwen\ntags: 长文\n---\n${body}`;
  const result = readPostFile(HUGE_FILE, Buffer.from(file), fixtureConfig, new Date('2024-01-01'));
  if (result.kind !== 'post') throw new Error(`the huge post was skipped: ${result.reason}`);
  return result.post;
}

function createCategoryPost(n: number): SourcePost {
  // One every ten minutes from 2022-01-01 08:00 Shanghai time.
  const date = getFixtureDate(n / 6);
  return createFixturePost({
    url: `/dalei/${date.slice(0, 10).replaceAll('-', '/')}/big${n}.html`,
    title: `大栏目第${n}号`,
    date,
    categories: ['dalei'],
    tags: ['大栏目'],
    html: `<p>大栏目第${n}号的正文。</p>`,
  });
}

let server: FixtureServer;
let hugePost: SourcePost;

beforeAll(async () => {
  hugePost = createHugePost();
  const posts = [
    hugePost,
    ...Array.from({ length: BIG_POSTS }, (_, i) => createCategoryPost(i + 1)),
  ];
  server = await startFixtureServer(createBundle({ config: fixtureConfig, posts }));
  setDataBase(server.base);
}, SLOW);

afterAll(async () => {
  await server.close();
});

function getListTitles(): string[] {
  return within(screen.getByRole('main'))
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading').textContent ?? '');
}

test(
  'a post of over a megabyte opens, cut by the prebuild, and says it was cut',
  async () => {
    server.requests.length = 0;
    renderApp(hugePost.url);
    expect(await screen.findByRole('heading', { level: 1, name: '超长的文章' }, FIND)).toBeTruthy();
    expect(screen.getByText('第一段：超长文章的开头。')).toBeTruthy();
    expect(screen.getByText(t.bodyCut('3.4'))).toBeTruthy();
    // The manifest, one article-index page, one bucket: the size of a post costs no extra request.
    expect(server.requests).toHaveLength(3);
  },
  SLOW,
);

test(
  'a category of 50,000 posts opens at its first and last page, reading only a few files',
  async () => {
    const pages = Math.ceil(BIG_POSTS / 50);
    server.requests.length = 0;
    const first = renderApp('/category/dalei');
    // Every category here has a source tag, as on the real archive, so each is named after it.
    expect(await screen.findByRole('heading', { level: 1, name: '大栏目' }, FIND)).toBeTruthy();
    expect(screen.getByText(t.postCount(BIG_POSTS))).toBeTruthy();
    expect(screen.getByText(t.pageOf(1, pages))).toBeTruthy();
    const newest = getListTitles();
    expect(newest).toHaveLength(50);
    expect(newest[0]).toBe(`大栏目第${BIG_POSTS}号`);
    expect(server.requests.length).toBeLessThanOrEqual(5);
    first.unmount();

    server.requests.length = 0;
    renderApp(`/category/dalei?page=${pages}`);
    expect(await screen.findByText(t.pageOf(pages, pages), {}, FIND)).toBeTruthy();
    const oldest = getListTitles();
    expect(oldest).toHaveLength(50);
    expect(oldest.at(-1)).toBe('大栏目第1号');
    expect(server.requests.length).toBeLessThanOrEqual(5);
  },
  SLOW,
);
