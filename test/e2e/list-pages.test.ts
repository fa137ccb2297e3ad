/**
 * A list's pages without JavaScript (docs/decisions/027): pages 2..n of an unfiltered list are
 * files of their own, which the pre-rendered pager links; in the app a click still lands on
 * `?page=n`, and opening a page's file replaces the address with that one. And the system's dark
 * theme on a pre-rendered page that ran no script.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { paths } from '../../src/shared/paths';
import { getE2eEnv, getPageUrl, openFileSession } from './support/browser';
import { CHINESE_POSTS } from './support/fixture-site';
import { XSS_CATEGORY } from './support/xss-vectors';

declare const document: { documentElement: { hasAttribute(name: string): boolean } };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

const env = getE2eEnv();
/** The fixture's largest category: its vector posts fill four pages of 50. */
const listPath = `${paths.category(XSS_CATEGORY)}.html`;
const [firstPost] = CHINESE_POSTS;
if (!firstPost) throw new Error('The fixture site has Chinese posts.');

/** The post links of the list on screen, in order. */
async function listedPosts(page: Page): Promise<string[]> {
  return page
    .locator('main article a[href], main li a[href]')
    .evaluateAll(
      (links, prefix) =>
        links
          .map((link) => link.getAttribute('href') ?? '')
          .filter((href, index, all) => href.startsWith(prefix) && all.indexOf(href) === index),
      `/${XSS_CATEGORY}/`,
    );
}

/** The pager's own text, `第 n / m 页`. */
const pageOfText = (page: Page) => page.locator('nav[aria-label="分页"] p').textContent();

describe('without JavaScript', async () => {
  const { page } = await openFileSession({ javaScriptEnabled: false });

  test("the pager's next link opens page 2's own file, with page 2's posts", async () => {
    await page.goto(getPageUrl(env.E2E_URL, listPath));
    const first = await listedPosts(page);
    expect(first.length).toBeGreaterThan(0);
    expect(await pageOfText(page)).toBe('第 1 / 4 页');
    await page.getByRole('link', { name: '下一页' }).click();
    await page.waitForURL((url) => url.pathname === `/page/2/category/${XSS_CATEGORY}/`);
    expect(await pageOfText(page)).toBe('第 2 / 4 页');
    const second = await listedPosts(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((href) => first.includes(href))).toEqual([]);
    // Page 3 by its number, then back to page 1: the list's own address.
    await page.getByRole('link', { name: '第 3 页' }).click();
    await page.waitForURL((url) => url.pathname === `/page/3/category/${XSS_CATEGORY}/`);
    expect(await pageOfText(page)).toBe('第 3 / 4 页');
    await page.getByRole('link', { name: '第 1 页' }).click();
    await page.waitForURL((url) => url.pathname === `/category/${XSS_CATEGORY}`);
    expect(await listedPosts(page)).toEqual(first);
  });

  test("a page's file names its ?page= address as canonical", async () => {
    await page.goto(getPageUrl(env.E2E_URL, `/page/2/category/${XSS_CATEGORY}/`));
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toMatch(new RegExp(`/category/${XSS_CATEGORY}\\?page=2$`));
  });
});

describe('with JavaScript', async () => {
  const { session, page } = await openFileSession({ serviceWorkers: 'block' });
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/^(Failed to load resource|Service Worker registration blocked)/.test(message.text()))
      return;
    if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
  });

  test('a click on page 2 lands on ?page=2, without a console error', async () => {
    await page.goto(getPageUrl(env.E2E_URL, listPath));
    const first = await listedPosts(page);
    // The pre-rendered link and the hydrated one are the same: the page's file.
    const link = page.getByRole('link', { name: '第 2 页' });
    expect(await link.getAttribute('href')).toBe(`/page/2/category/${XSS_CATEGORY}/`);
    await link.click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    expect(new URL(page.url()).pathname).toBe(`/category/${XSS_CATEGORY}`);
    await page.getByText('第 2 / 4 页').waitFor();
    const second = await listedPosts(page);
    expect(second.filter((href) => first.includes(href))).toEqual([]);
    expect(messages).toEqual([]);
    expect(session.problems.errors).toEqual([]);
  });

  test('a filtered list keeps query links: it has no files of its pages', async () => {
    // Filtered in the app (the pre-rendered page is the unfiltered list's).
    await page.goto(getPageUrl(env.E2E_URL, listPath));
    await page.getByRole('link', { name: '只看未读' }).click();
    await page.waitForURL((url) => url.search === '?unread=1');
    await page.locator('main p[role="status"]').waitFor();
    const link = page.getByRole('link', { name: '第 2 页' });
    expect(await link.getAttribute('href')).toBe(`/category/${XSS_CATEGORY}?unread=1&page=2`);
    await link.click();
    await page.waitForURL((url) => url.search === '?unread=1&page=2');
    expect(messages).toEqual([]);
    expect(session.problems.errors).toEqual([]);
  });

  test("opening a page's file shows that page at its ?page= address", async () => {
    await page.goto(getPageUrl(env.E2E_URL, `/page/3/category/${XSS_CATEGORY}/`));
    await page.waitForURL(
      (url) => url.pathname === `/category/${XSS_CATEGORY}` && url.search === '?page=3',
    );
    await page.getByText('第 3 / 4 页').waitFor();
    expect(messages).toEqual([]);
    expect(session.problems.errors).toEqual([]);
  });

  test('a bookmarked ?page= or filter address opens cold on its own view, not page 1 hydrated', async () => {
    // Page 2 of the whole list, and of its unread posts (fewer pages once some were read).
    for (const search of ['?page=2', '?unread=1&page=2']) {
      await page.goto(getPageUrl(env.E2E_URL, `${listPath}${search}`));
      await page.getByText(/^第 2 \/ \d+ 页$/).waitFor();
    }
    // A share link's tracking words keep the pre-rendered page, hydrated in place.
    await page.goto(getPageUrl(env.E2E_URL, `${listPath}?from=singlemessage`));
    await page.getByText('第 1 / 4 页').waitFor();
    expect(messages).toEqual([]);
    expect(session.problems.errors).toEqual([]);
  });

  test('a page number that is no page gets the list, not a crash', async () => {
    for (const [number, shown] of [
      ['0', '第 1 / 4 页'],
      ['abc', '第 1 / 4 页'],
    ] as const) {
      // No such file: the static host answers with 404.html, and the app draws the address.
      await page.goto(getPageUrl(env.E2E_URL, `/page/${number}/category/${XSS_CATEGORY}/`));
      await page.waitForURL((url) => url.pathname === `/category/${XSS_CATEGORY}`);
      await page.getByText(shown).waitFor();
    }
    // Beyond the last page: the list's usual view of a page it has no posts for.
    await page.goto(getPageUrl(env.E2E_URL, `/page/9/category/${XSS_CATEGORY}/`));
    await page.waitForURL((url) => url.search === '?page=9');
    await page.locator('main h1').waitFor();
    expect(session.problems.errors).toEqual([]);
  });
});

/** The page's background, as the reader sees it. */
const background = (page: Page) =>
  page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
const DARK_PAPER = 'rgb(21, 21, 20)';
const LIGHT_PAPER = 'rgb(251, 250, 247)';

describe('the system dark theme', () => {
  test('without JavaScript, an article and a list are dark', async () => {
    const { page } = await openFileSession({ javaScriptEnabled: false, colorScheme: 'dark' });
    for (const path of [`${firstPost.path}.html`, listPath]) {
      await page.goto(getPageUrl(env.E2E_URL, path));
      expect(await background(page)).toBe(DARK_PAPER);
    }
  });

  test('without JavaScript on a light system, they are light', async () => {
    const { page } = await openFileSession({ javaScriptEnabled: false });
    await page.goto(getPageUrl(env.E2E_URL, listPath));
    expect(await background(page)).toBe(LIGHT_PAPER);
  });

  test('with JavaScript, a reader who chose light gets light on a dark system', async () => {
    const { page } = await openFileSession({ colorScheme: 'dark', serviceWorkers: 'block' });
    await page.goto(getPageUrl(env.E2E_URL, listPath));
    expect(await background(page)).toBe(DARK_PAPER);
    await page.evaluate(() =>
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('broadsheet:settings', JSON.stringify({ theme: 'light' })),
    );
    // Before the app's scripts arrive (the settings script alone), and with the app live.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto(getPageUrl(env.E2E_URL, `${firstPost.path}.html`));
    expect(await background(page)).toBe(LIGHT_PAPER);
    await page.unrouteAll();
    await page.goto(getPageUrl(env.E2E_URL, `${firstPost.path}.html`));
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-hydrated'))).toBe(
      true,
    );
    expect(await background(page)).toBe(LIGHT_PAPER);
  });
});
