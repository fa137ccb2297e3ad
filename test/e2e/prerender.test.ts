/**
 * Pre-rendered pages (docs/decisions/022): the text is in the HTML before any script runs, the app
 * hydrates it without a mismatch, the reader's theme applies without the app, and no page the
 * writer rendered carries a script, a handler or a `javascript:` URL, however hostile the post.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { getE2eEnv, getPageUrl, launchSession, openFileSession } from './support/browser';
import { CHINESE_CATEGORY, CHINESE_POSTS, HOSTILE_POST, XSS_POST } from './support/fixture-site';

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
type Attr = { name: string; value: string };
type El = {
  tagName: string;
  attributes: Iterable<Attr>;
  getAttribute(name: string): string | null;
};
declare class DOMParser {
  parseFromString(text: string, type: string): { querySelectorAll(selector: string): Iterable<El> };
}
declare class MutationObserver {
  constructor(callback: (records: { removedNodes: { length: number } }[]) => void);
  observe(target: unknown, options: { childList: boolean }): void;
}
declare const document: {
  documentElement: {
    classList: { contains(name: string): boolean };
    hasAttribute(name: string): boolean;
  };
  getElementById(id: string): unknown;
  addEventListener(type: string, listener: () => void): void;
};
declare const window: Record<string, unknown>;

const env = getE2eEnv();
const [firstPost] = CHINESE_POSTS;
if (!firstPost) throw new Error('The fixture site has Chinese posts.');
const categoryPath = `/category/${encodeURIComponent(CHINESE_CATEGORY)}.html`;

describe('without JavaScript', async () => {
  const { page } = await openFileSession({ javaScriptEnabled: false });

  test("an article's title, date, tags and body are in the page", async () => {
    await page.goto(getPageUrl(env.E2E_URL, `${firstPost.path}.html`));
    const article = page.getByRole('article');
    await expect(
      article.getByRole('heading', { level: 1, name: firstPost.title }).count(),
    ).resolves.toBe(1);
    await expect(article.getByText('这是为测试写的一段示例文字，第 1 篇。').count()).resolves.toBe(
      1,
    );
    await expect(article.locator('time').count()).resolves.toBeGreaterThan(0);
    await expect(article.getByRole('link', { name: firstPost.tag }).count()).resolves.toBe(1);
  });

  test("a category page lists its posts, and its links lead to the posts' text", async () => {
    await page.goto(getPageUrl(env.E2E_URL, categoryPath));
    const main = page.locator('main');
    for (const post of CHINESE_POSTS)
      await expect(main.getByRole('link', { name: post.title }).count()).resolves.toBe(1);
    await main.getByRole('link', { name: firstPost.title }).click();
    await page.getByRole('heading', { level: 1, name: firstPost.title }).waitFor();
  });

  test('the header search is a plain GET form to the search page', async () => {
    await page.goto(getPageUrl(env.E2E_URL, categoryPath));
    const form = page.getByRole('search');
    expect(await form.getAttribute('method')).toBe('get');
    expect(await form.getAttribute('action')).toBe('/search');
    await form.getByRole('searchbox').fill('盘面');
    await form.getByRole('button').click();
    await page.waitForURL(/\/search\?q=%E7%9B%98%E9%9D%A2$/);
  });
});

/** Console errors and warnings, and whether the app replaced the pre-rendered nodes. */
async function visitWatched(page: Page, url: string) {
  const messages: string[] = [];
  const listener = (message: { type(): string; text(): string }) => {
    // Remote images of the fixture posts cannot load here, and the worker is kept out on purpose
    // (it would answer later visits with its copy of the home page): the network, not the page.
    if (/^(Failed to load resource|Service Worker registration blocked)/.test(message.text()))
      return;
    if (message.type() === 'error' || message.type() === 'warning') messages.push(message.text());
  };
  page.on('console', listener);
  await page.goto(url);
  // The app marks `<html>` once the view is live (src/main.tsx).
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-hydrated'));
  page.off('console', listener);
  return { messages, removed: await page.evaluate(() => window.__bsRemoved) };
}

describe('with JavaScript', async () => {
  const { session, page } = await openFileSession({ serviceWorkers: 'block' });
  // Counts nodes the app takes out of `#root`: hydration keeps them, a fresh render replaces them.
  await session.context.addInitScript(() => {
    window.__bsRemoved = 0;
    document.addEventListener('DOMContentLoaded', () => {
      const root = document.getElementById('root');
      new MutationObserver((records) => {
        for (const record of records)
          window.__bsRemoved = Number(window.__bsRemoved) + record.removedNodes.length;
      }).observe(root, { childList: true });
    });
  });
  for (const [name, path] of [
    ['home', '/'],
    ['a category', categoryPath],
    ['an article', `${firstPost.path}.html`],
  ] as const)
    test(`${name} hydrates without an error or a warning, keeping the pre-rendered nodes`, async () => {
      const { messages, removed } = await visitWatched(page, getPageUrl(env.E2E_URL, path));
      expect(messages).toEqual([]);
      expect(removed).toBe(0);
      expect(session.problems.errors).toEqual([]);
    });

  test('the stored theme applies before (and without) the app', async () => {
    await page.goto(getPageUrl(env.E2E_URL, '/'));
    await page.evaluate(() =>
      (window.localStorage as { setItem(k: string, v: string): void }).setItem(
        'broadsheet:settings',
        JSON.stringify({ theme: 'dark', textSize: 'large' }),
      ),
    );
    // The app's scripts never arrive: only the pre-rendered page and its settings script.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto(getPageUrl(env.E2E_URL, `${firstPost.path}.html`));
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    );
    expect(await page.locator('html').getAttribute('data-text-size')).toBe('large');
    await expect(
      page.getByRole('heading', { level: 1, name: firstPost.title }).count(),
    ).resolves.toBe(1);
    await page.unrouteAll();
  });
});

test.each([XSS_POST, HOSTILE_POST])(
  'the pre-rendered page of $path carries no script, handler or javascript: URL',
  async (post) => {
    const html = await (await fetch(getPageUrl(env.E2E_URL, post.path))).text();
    expect(html).toContain('<article');
    const session = await launchSession();
    try {
      const page = await session.newPage();
      // Parsed on a blank page: the app's pages enforce Trusted Types, which a plain string fails.
      await page.goto('about:blank');
      const found = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'text/html');
        const bad: string[] = [];
        for (const element of doc.querySelectorAll('*')) {
          const tag = element.tagName.toLowerCase();
          const src = element.getAttribute('src') ?? '';
          const type = element.getAttribute('type') ?? '';
          // The app's own scripts (same origin, by path) and the JSON-LD data block only.
          if (
            tag === 'script' &&
            !(src.startsWith('/') && !src.startsWith('//')) &&
            type !== 'application/ld+json'
          )
            bad.push(`script ${src} ${type}`);
          if (tag === 'script' && type === 'application/ld+json' && src)
            bad.push('ld+json with src');
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) bad.push(`${tag} ${attribute.name}`);
            if (/^\s*(javascript|vbscript):/i.test(attribute.value.replace(/\s/g, '')))
              bad.push(`${tag} ${attribute.name}=${attribute.value}`);
          }
          if (['iframe', 'object', 'embed', 'base'].includes(tag)) bad.push(tag);
        }
        return bad;
      }, html);
      expect(found).toEqual([]);
    } finally {
      await session.close();
    }
  },
);
