/**
 * Bookmarks must outlive us: every kind of URL, opened cold on a static host without rewrites
 * (and on one with an SPA fallback, and under a sub-path), renders its view.
 */
import { expect, test } from 'vitest';
import { z } from 'zod';
import { getE2eEnv, getPageUrl, openFileSession } from './support/browser';
import { CHINESE_CATEGORY, CHINESE_POSTS } from './support/fixture-site';

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const window: { scrollY: number };
declare const navigator: { serviceWorker: { ready: Promise<{ scope: string }> } };

const env = getE2eEnv();
const category = encodeURIComponent(CHINESE_CATEGORY);
/** The category's titles as its list shows them. */
const newestFirst = CHINESE_POSTS.map((post) => post.title).reverse();

const { session, page } = await openFileSession();

async function open(root: string, appPath: string): Promise<number | undefined> {
  const response = await page.goto(getPageUrl(root, appPath));
  return response?.status();
}

function articleHeading(title: string) {
  return page.getByRole('heading', { level: 1, name: title });
}

/** Titles of the posts the list in the main area links to. */
async function getListedTitles(): Promise<string[]> {
  await page.getByRole('main').getByRole('list').last().waitFor();
  const titles = await page
    .getByRole('main')
    .getByRole('article')
    .getByRole('heading')
    .allTextContents();
  return titles.map((title) => title.trim());
}

test('a cold deep link to an article renders it, with and without .html', async () => {
  for (const suffix of ['.html', '']) {
    expect(await open(env.E2E_URL, `${CHINESE_POSTS[0]!.path}${suffix}`)).toBe(200);
    await articleHeading(CHINESE_POSTS[0]!.title).waitFor();
  }
  expect(await page.title()).toContain(CHINESE_POSTS[0]!.title);
});

test('a category list opens from /category/<name>, its .html and the old /<name>/ page', async () => {
  for (const appPath of [`/category/${category}`, `/category/${category}.html`, `/${category}/`]) {
    expect(await open(env.E2E_URL, appPath)).toBe(200);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await getListedTitles()).toEqual(newestFirst);
  }
});

test('a tag list opens cold', async () => {
  expect(await open(env.E2E_URL, `/tag/${encodeURIComponent('观察')}`)).toBe(200);
  expect(await getListedTitles()).toEqual(newestFirst);
});

test('a two-tag filter and a filtered category list open from bookmarked URLs', async () => {
  const twoTags = `?tag=${encodeURIComponent('资金')}&tag=${encodeURIComponent('盘面')}`;
  await open(env.E2E_URL, `/category/${category}${twoTags}`);
  await page.getByRole('checkbox', { name: /资金/ }).waitFor();
  expect(await page.getByRole('checkbox', { name: /资金/ }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: /盘面/ }).isChecked()).toBe(true);
  await page.getByRole('article').filter({ hasText: '午间资金流向' }).waitFor();
  expect(await getListedTitles()).toEqual(['午间资金流向', '上午盘面综述']);

  await open(env.E2E_URL, `/category/${category}?tag=${encodeURIComponent('收盘')}`);
  await page.getByRole('article').filter({ hasText: '收盘要点回顾' }).waitFor();
  expect(await getListedTitles()).toEqual(['收盘要点回顾']);
});

/** The host's own answer, without the service worker that answers navigations once installed. */
async function getHostStatus(root: string, appPath: string): Promise<number> {
  return (await fetch(getPageUrl(root, appPath))).status;
}

test('an unknown address shows the not-found view, and the host answers 404', async () => {
  expect(await getHostStatus(env.E2E_URL, '/no/such/page')).toBe(404);
  await open(env.E2E_URL, '/no/such/page');
  await page.getByRole('heading', { name: '找不到这个页面' }).waitFor();
});

test('going back to a list restores where the reader was', async () => {
  await open(env.E2E_URL, '/category/fnnews');
  const links = page.getByRole('main').getByRole('article').getByRole('heading').getByRole('link');
  await links.first().waitFor();
  const target = links.nth(Math.min(20, (await links.count()) - 1));
  await target.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(400);
  const title = (await target.textContent())?.trim() ?? '';
  await target.click();
  await articleHeading(title).waitFor();
  await page.goBack();
  await page.getByRole('link', { name: title }).waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 50, before, { timeout: 5_000 });
});

test('deep links work the same under /finews/', async () => {
  expect(await open(env.E2E_SUB_URL, `${CHINESE_POSTS[1]!.path}.html`)).toBe(200);
  await articleHeading(CHINESE_POSTS[1]!.title).waitFor();
  expect(await open(env.E2E_SUB_URL, `/category/${category}`)).toBe(200);
  expect(await getListedTitles()).toEqual(newestFirst);
  // In-app links carry the base too.
  await page.getByRole('link', { name: CHINESE_POSTS[2]!.title }).click();
  await articleHeading(CHINESE_POSTS[2]!.title).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/finews${CHINESE_POSTS[2]!.path}.html`);
  expect(await getHostStatus(env.E2E_SUB_URL, '/no/such/page')).toBe(404);
  await open(env.E2E_SUB_URL, '/no/such/page');
  await page.getByRole('heading', { name: '找不到这个页面' }).waitFor();
});

test('under /finews/ the web app manifest and the service worker keep to the base', async () => {
  const response = await fetch(getPageUrl(env.E2E_SUB_URL, '/manifest.webmanifest'));
  const manifest = z
    .object({
      start_url: z.string(),
      scope: z.string(),
      lang: z.string(),
      icons: z.array(z.object({ sizes: z.string(), purpose: z.string().optional() })),
    })
    .parse(await response.json());
  expect(manifest).toMatchObject({ start_url: '/finews/', scope: '/finews/', lang: 'zh-CN' });
  expect(
    manifest.icons.map((icon) => `${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`),
  ).toEqual(['192x192', '512x512', '512x512 maskable']);
  await open(env.E2E_SUB_URL, '/');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/finews/');
});

test('search finds a post by a Chinese word (Pagefind runs under the policy)', async () => {
  await open(env.E2E_URL, `/search?q=${encodeURIComponent('资金流向')}`);
  await page
    .getByRole('link', { name: /午间资金流向/ })
    .first()
    .waitFor();
});

test('a host with an SPA fallback serves the same views', async () => {
  expect(await open(env.E2E_SPA_URL, CHINESE_POSTS[2]!.path)).toBe(200);
  await articleHeading(CHINESE_POSTS[2]!.title).waitFor();
  expect(await getHostStatus(env.E2E_SPA_URL, '/no/such/page')).toBe(200);
  await open(env.E2E_SPA_URL, '/no/such/page');
  await page.getByRole('heading', { name: '找不到这个页面' }).waitFor();
});

test('nothing broke the Content-Security-Policy, threw, or opened a dialog', () => {
  expect(session.problems).toEqual({ csp: [], errors: [], dialogs: [] });
});
