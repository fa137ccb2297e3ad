import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeBuiltSite } from './build-fixtures';
import { buildPages } from '../../scripts/build-pages';
import { getLastPageFile, readListPageFiles } from '../../src/shared/list-page-files';

/** Pages 2..n of the unfiltered lists as files of their own (docs/decisions/027). */

/** 120 posts in one category and tag: pages of 50, 50 and 20, newest first. */
const POSTS = 120;
const titleOf = (index: number) => `测试快讯第${index}号`;

let root: string;
let dist: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-list-pages-'));
  const site = path.join(root, 'site');
  dist = path.join(root, 'dist');
  await mkdir(path.join(site, '_posts'), { recursive: true });
  await writeFile(
    path.join(site, '_config.yml'),
    'title: 测试站\nurl: https://news.example.org\ntimezone: Asia/Shanghai\nlang: zh-CN\n',
  );
  for (let index = 1; index <= POSTS; index++) {
    const minute = String(index % 60).padStart(2, '0');
    const hour = String(Math.floor(index / 60)).padStart(2, '0');
    await writeFile(
      path.join(site, '_posts', `2024-03-01-p${index}.md`),
      `---\ntitle: ${titleOf(index)}\ndate: 2024-03-01 ${hour}:${minute}:00 +0800\ncategories: kuaixun\ntags: [滚动]\n---\n<p>第${index}篇的正文。</p>\n`,
    );
  }
  await writeFile(
    path.join(site, '_posts', '2024-02-01-other.md'),
    '---\ntitle: 另一栏目\ncategories: qita\n---\n<p>只有一篇。</p>\n',
  );
  await writeBuiltSite(site, dist);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (file: string) => readFile(path.join(dist, file), 'utf8');
const has = (file: string) => existsSync(path.join(dist, file));
/** The hrefs of the pager's links, by their accessible names. */
function pagerLinks(html: string): Record<string, string> {
  const nav = /<nav aria-label="[^"]*分页[^"]*"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  const links: Record<string, string> = {};
  for (const match of nav.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)) {
    const attributes = match[1] ?? '';
    const href = /href="([^"]*)"/.exec(attributes)?.[1] ?? '';
    const label = /aria-label="([^"]*)"/.exec(attributes)?.[1] ?? match[2] ?? '';
    links[label] = href.replaceAll('&amp;', '&');
  }
  return links;
}

test('the window: a page has a file when its first post is among the views newest of its list', () => {
  expect(getLastPageFile(1000)).toBe(20);
  expect(getLastPageFile(60)).toBe(2);
  expect(getLastPageFile(50)).toBe(1);
  expect(getLastPageFile(Infinity)).toBe(Infinity);
  expect(readListPageFiles('all')).toBe(Infinity);
  expect(readListPageFiles('20')).toBe(20);
  expect(readListPageFiles(null)).toBe(0);
  expect(readListPageFiles('x')).toBe(0);
});

test('with every view, pages 2 and 3 of the category and the tag are files holding their own posts', async () => {
  const result = await buildPages({ dist, base: '/', views: Infinity });
  // Pages 2 and 3 of the category and of the tag.
  expect(result.listPages.files).toBe(4);
  for (const list of ['category/kuaixun', 'tag/滚动']) {
    expect(has(`page/1/${list}/index.html`)).toBe(false);
    expect(has(`page/4/${list}/index.html`)).toBe(false);
    const second = await read(`page/2/${list}/index.html`);
    // Page 2 holds posts 51..100 counted from the newest: numbers 70 down to 21.
    expect(second).toContain(titleOf(70));
    expect(second).toContain(titleOf(21));
    expect(second).not.toContain(titleOf(71));
    expect(second).not.toContain(titleOf(20));
    const address = list.replace('滚动', '%E6%BB%9A%E5%8A%A8');
    expect(second).toContain(
      `<link rel="canonical" href="https://news.example.org/${address}?page=2" />`,
    );
    expect(second).toContain('data-list-pages="all"');
    const third = await read(`page/3/${list}/index.html`);
    expect(third).toContain(titleOf(20));
    expect(third).toContain(titleOf(1));
  }
  // A list of one page has none, and the all-posts list (no view in latest.html) neither.
  expect(has('page/2/category/qita/index.html')).toBe(false);
  expect(has('page/2/latest/index.html')).toBe(false);
});

test("the pre-rendered pager links the pages' files: page 1 is the list's address", async () => {
  await buildPages({ dist, base: '/', views: Infinity });
  const first = pagerLinks(await read('category/kuaixun.html'));
  expect(first['第 2 页']).toBe('/page/2/category/kuaixun/');
  expect(first['第 3 页']).toBe('/page/3/category/kuaixun/');
  const second = pagerLinks(await read('page/2/category/kuaixun/index.html'));
  expect(second['第 1 页']).toBe('/category/kuaixun');
  expect(second['第 3 页']).toBe('/page/3/category/kuaixun/');
  expect(Object.values(second)).toContain('/category/kuaixun');
});

test('only the pages within the views window get a file; the pager links the rest by query', async () => {
  await rm(path.join(dist, 'page'), { recursive: true, force: true });
  await buildPages({ dist, base: '/', views: 60 });
  expect(has('page/2/category/kuaixun/index.html')).toBe(true);
  expect(has('page/3/category/kuaixun/index.html')).toBe(false);
  const second = await read('page/2/category/kuaixun/index.html');
  expect(second).toContain('data-list-pages="2"');
  const links = pagerLinks(second);
  expect(links['第 1 页']).toBe('/category/kuaixun');
  expect(links['第 3 页']).toBe('/category/kuaixun?page=3');
  // The default window (1,000 posts) holds 20 pages.
  await buildPages({ dist, base: '/' });
  expect(await read('category/kuaixun.html')).toContain('data-list-pages="20"');
});
