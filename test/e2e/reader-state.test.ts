/**
 * The reader's own state, kept in the browser: read marks and unread counts across a reload,
 * mark all as read for a filtered list, saved posts read offline, history with removal, export
 * and import into a fresh profile (and a broken file refused), the keyboard, sharing, and the
 * app with IndexedDB refused.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  getE2eEnv,
  getPageUrl,
  launchSession,
  openFileSession,
  waitForServiceWorker,
} from './support/browser';
import { CHINESE_CATEGORY, CHINESE_POSTS } from './support/fixture-site';

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const document: {
  activeElement: { hasAttribute: (name: string) => boolean; textContent: string | null } | null;
};
declare const window: {
  getComputedStyle: (element: unknown) => { outlineStyle: string; color: string };
};
declare const navigator: { clipboard: { readText: () => Promise<string> } };

const env = getE2eEnv();
const category = `/category/${encodeURIComponent(CHINESE_CATEGORY)}`;
const [first, second, third] = CHINESE_POSTS.map((post) => ({
  ...post,
  path: `${post.path}.html`,
}));
if (!first || !second || !third) throw new Error('The fixture category has three posts');
/** The category's name in the section nav (the prebuild names it by its own tag). */
const CATEGORY_NAME = '观察';
/** A tag on every post of the XSS suite: a filtered list several pages long. */
const LONG_FILTER = `/latest?tag=${encodeURIComponent('安全向量')}`;

const { session, page } = await openFileSession();

async function open(target: Page, appPath: string): Promise<void> {
  await target.goto(getPageUrl(env.E2E_URL, appPath));
}

function main(target: Page) {
  return target.getByRole('main');
}

async function waitForArticle(target: Page, title: string): Promise<void> {
  await main(target).getByRole('heading', { level: 1, name: title }).waitFor();
}

/**
 * Waits until the visit of the post titled `title` is in IndexedDB, not only on screen: a page
 * left at once (the next `goto`) may otherwise go before the write.
 */
async function waitForStoredVisit(target: Page, title: string): Promise<void> {
  const source = `new Promise((resolve) => {
    const request = indexedDB.open('broadsheet-reader');
    request.onerror = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('entries')) return resolve(false);
      const all = db.transaction('entries').objectStore('entries').getAll();
      all.onerror = () => resolve(false);
      all.onsuccess = () => resolve(all.result.some((entry) => entry && entry.title === ${JSON.stringify(title)}));
    };
  })`;
  await target.waitForFunction(source, undefined, { polling: 100 });
}

/** The read toggle of a list row, found by the post it names. */
function readToggle(target: Page, title: string) {
  return main(target).getByRole('button', { name: `标为已读：${title}`, exact: true });
}

/** The unread count the section nav shows for the Chinese category (its link's description). */
async function readNavUnread(target: Page): Promise<string> {
  const link = target
    .getByRole('navigation', { name: '栏目导航' })
    .getByRole('link', { name: CATEGORY_NAME, exact: true });
  return link.evaluate((element) => {
    const id = element.getAttribute('aria-describedby');
    return id ? (element.ownerDocument.getElementById(id)?.textContent ?? '') : '';
  });
}

test('opening an article marks it read; rows and unread counts say so, also after a reload', async () => {
  await open(page, category);
  await expect.poll(() => readNavUnread(page)).toBe('3 篇未读');
  await main(page).getByText('3 篇未读').waitFor();
  expect(await readToggle(page, first.title).getAttribute('aria-pressed')).toBe('false');

  await main(page).getByRole('link', { name: first.title, exact: true }).click();
  await waitForArticle(page, first.title);
  await page.goBack();
  await readToggle(page, first.title).and(page.locator('[aria-pressed="true"]')).waitFor();
  await main(page).getByText('2 篇未读').waitFor();

  await page.reload();
  await readToggle(page, first.title).and(page.locator('[aria-pressed="true"]')).waitFor();
  expect(await readToggle(page, second.title).getAttribute('aria-pressed')).toBe('false');
  await expect.poll(() => readNavUnread(page)).toBe('2 篇未读');
  // The read row is quieter than an unread one.
  const colour = (title: string) =>
    main(page)
      .getByRole('link', { name: title, exact: true })
      .evaluate((element) => window.getComputedStyle(element).color);
  expect(await colour(first.title)).not.toBe(await colour(second.title));

  // The home page's section counts the same.
  await open(page, '/');
  await main(page)
    .getByText(/2 篇未读/)
    .first()
    .waitFor();

  // Marked unread again by the row's own button, which also changes the count.
  await open(page, category);
  await readToggle(page, first.title).click();
  await main(page).getByText('3 篇未读').waitFor();
  await readToggle(page, first.title).click();
  await main(page).getByText('2 篇未读').waitFor();
});

test('mark all as read covers every page of a filtered list, and the unread filter is in the URL', async () => {
  await open(page, LONG_FILTER);
  const count = await main(page)
    .getByText(/符合条件的文章共 \d+ 篇/)
    .textContent();
  const matches = Number(/(\d+)/.exec(count ?? '')?.[1]);
  expect(matches).toBeGreaterThan(100);
  await main(page).getByRole('link', { name: '只看未读' }).click();
  await page.waitForURL(/unread=1/);
  await main(page).getByText(`未读至少 51 篇`).waitFor();

  await main(page).getByRole('button', { name: '将筛选结果全部标为已读' }).click();
  await main(page).getByText(`已将 ${matches} 篇标为已读`).waitFor();

  // A new visit of the unread-only list finds nothing left, and page 3 of the full list is read.
  await page.reload();
  await main(page).getByText('这里的文章都读过了。').waitFor();
  await open(page, `${LONG_FILTER}&page=3`);
  const toggles = main(page).getByRole('button', { name: /^标为已读：/ });
  await toggles.first().waitFor();
  const states = await toggles.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('aria-pressed')),
  );
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(['true']));
  // The Chinese category is untouched by it.
  await expect.poll(() => readNavUnread(page)).toBe('2 篇未读');
});

test('a post saved from a list row is listed at /saved, newest first, and opens offline', async () => {
  await open(page, '/');
  await waitForServiceWorker(page);
  await open(page, category);
  // Saved before ever being opened: its data must be fetched for the save.
  await main(page)
    .getByRole('button', { name: `收藏：${third.title}` })
    .click();
  await main(page)
    .getByRole('button', { name: `收藏：${second.title}` })
    .click();
  await main(page)
    .getByRole('button', { name: `收藏：${second.title}` })
    .and(page.locator('[aria-pressed="true"]'))
    .waitFor();
  await page.waitForLoadState('networkidle');

  await page.getByRole('link', { name: '收藏', exact: true }).click();
  await main(page).getByRole('heading', { level: 1, name: '收藏' }).waitFor();
  const titles = await main(page).getByRole('heading', { level: 2 }).allTextContents();
  expect(titles.slice(0, 2)).toEqual([second.title, third.title]);

  await session.context.setOffline(true);
  try {
    await page.reload();
    await main(page).getByRole('link', { name: third.title, exact: true }).click();
    await waitForArticle(page, third.title);
    await page.reload();
    await waitForArticle(page, third.title);
    // Saved and unsaved from the article itself.
    await main(page).getByRole('button', { name: '已收藏' }).click();
    await main(page).getByRole('button', { name: '收藏', exact: true }).waitFor();
  } finally {
    await session.context.setOffline(false);
  }
});

test('history lists what was opened, newest first; an entry can be removed, or all', async () => {
  await open(page, second.path);
  await waitForArticle(page, second.title);
  await waitForStoredVisit(page, second.title);
  await open(page, '/history');
  const history = main(page).getByRole('list').first();
  await history.getByRole('link', { name: second.title }).waitFor();
  const titles = await history.getByRole('heading', { level: 2 }).allTextContents();
  expect(titles.indexOf(second.title)).toBe(0);
  expect(titles).toContain(first.title);

  await main(page)
    .getByRole('button', { name: `删除记录：${first.title}` })
    .click();
  await page.reload();
  await history.getByRole('link', { name: second.title }).waitFor();
  expect(await history.getByRole('link', { name: first.title }).count()).toBe(0);
  // Removing history leaves the read mark.
  await open(page, category);
  await readToggle(page, first.title).and(page.locator('[aria-pressed="true"]')).waitFor();

  await open(page, '/history');
  await main(page).getByRole('button', { name: '清空阅读记录' }).click();
  await main(page).getByRole('button', { name: '清空阅读记录' }).click();
  await main(page).getByText('还没有阅读记录。').waitFor();
  await page.reload();
  await main(page).getByText('还没有阅读记录。').waitFor();
});

test('an export imports into a fresh profile; a broken, foreign or newer file changes nothing', async () => {
  await open(page, category);
  const unreadHere = await readNavUnread(page);
  await open(page, '/saved');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main(page).getByRole('button', { name: '导出' }).click(),
  ]);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'broadsheet-reader-state', version: 1 });

  const fresh = await launchSession();
  try {
    const other = await fresh.newPage();
    await open(other, '/saved');
    await main(other)
      .getByText(/还没有收藏的文章/)
      .waitFor();
    const input = main(other).getByLabel('导入…');

    const refused = [
      {
        name: 'broken.json',
        text: text.slice(0, 80),
        message: /broken\.json：第 \d+ 行第 \d+ 列不是有效的 JSON/,
      },
      {
        name: 'other.json',
        text: '{"posts": []}',
        message: /other\.json：这不是本站导出的阅读数据文件/,
      },
      {
        name: 'newer.json',
        text: JSON.stringify({ ...JSON.parse(text), version: 2 }),
        message: /newer\.json：这个文件由更新版本的阅读器导出（格式版本 2）/,
      },
      {
        name: 'altered.json',
        text: JSON.stringify({ ...JSON.parse(text), saved: [{ url: 'nope' }] }),
        message: /altered\.json：saved\[0\]\.\w+ 处的内容不符合格式/,
      },
    ];
    for (const bad of refused) {
      await input.setInputFiles({
        name: bad.name,
        mimeType: 'application/json',
        buffer: Buffer.from(bad.text),
      });
      await expect.poll(() => main(other).getByRole('alert').textContent()).toMatch(bad.message);
      await main(other)
        .getByText(/没有做任何改动/)
        .waitFor();
    }
    await other.reload();
    await main(other)
      .getByText(/还没有收藏的文章/)
      .waitFor();
    await open(other, category);
    await expect.poll(() => readNavUnread(other)).toBe('3 篇未读');

    await open(other, '/saved');
    await input.setInputFiles(file);
    await main(other)
      .getByText(/已导入：/)
      .waitFor();
    await main(other).getByRole('link', { name: second.title, exact: true }).waitFor();
    await other.reload();
    await main(other).getByRole('link', { name: second.title, exact: true }).waitFor();
    await open(other, category);
    await expect.poll(() => readNavUnread(other)).toBe(unreadHere);
    // Importing the same file again merges: nothing doubles.
    await open(other, '/saved');
    await input.setInputFiles(file);
    await main(other)
      .getByText(/已导入：/)
      .waitFor();
    expect(await main(other).getByRole('link', { name: second.title, exact: true }).count()).toBe(
      1,
    );
    expect(fresh.problems).toEqual({ csp: [], errors: [], dialogs: [] });
  } finally {
    await fresh.close();
  }
});

test('the keyboard moves through a list, opens, saves, marks, goes home and shows its shortcuts', async () => {
  await open(page, category);
  const rowTitle = () =>
    page.evaluate(() =>
      document.activeElement?.hasAttribute('data-list-row')
        ? (document.activeElement.textContent ?? '')
        : null,
    );
  await main(page).getByRole('link', { name: third.title, exact: true }).waitFor();
  await page.keyboard.press('j');
  expect(await rowTitle()).toContain(third.title);
  const ring = await page.evaluate(
    () => window.getComputedStyle(document.activeElement).outlineStyle,
  );
  expect(ring).not.toBe('none');
  await page.keyboard.press('j');
  expect(await rowTitle()).toContain(second.title);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  expect(await rowTitle()).toContain(second.title);

  // m toggles read, s toggles saved (the second post is saved from an earlier test).
  const wasRead = await readToggle(page, second.title).getAttribute('aria-pressed');
  await page.keyboard.press('m');
  await expect
    .poll(() => readToggle(page, second.title).getAttribute('aria-pressed'))
    .toBe(wasRead === 'true' ? 'false' : 'true');
  const save = main(page).getByRole('button', { name: `收藏：${second.title}` });
  const wasSaved = await save.getAttribute('aria-pressed');
  await page.keyboard.press('s');
  await expect.poll(() => save.getAttribute('aria-pressed')).not.toBe(wasSaved);

  await page.keyboard.press('Enter');
  await waitForArticle(page, second.title);
  // In an article, j and k go to the next and the previous post.
  await page.keyboard.press('j');
  await waitForArticle(page, third.title);
  await page.keyboard.press('k');
  await waitForArticle(page, second.title);
  await page.keyboard.press('s');
  await expect
    .poll(() => main(page).getByRole('button', { name: /收藏/ }).getAttribute('aria-pressed'))
    .toBe(wasSaved);

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
  await dialog.waitFor();
  for (const key of ['j', 'k', 'o', 'Enter', 's', 'm', '/', 'g', 'h', '?'])
    await dialog
      .locator('kbd', { hasText: new RegExp(`^${key.replace('?', '\\?')}$`) })
      .first()
      .waitFor();
  // Keys in the open dialog are not shortcuts.
  await page.keyboard.press('j');
  await waitForArticle(page, second.title);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await main(page).getByRole('heading', { level: 1, name: '收藏' }).waitFor();
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await page.waitForURL((url) => url.pathname === '/');
  // Also reachable without a keyboard.
  await page.getByRole('button', { name: '键盘快捷键' }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'hidden' });
});

test('typing j in the search box does not move the selection', async () => {
  await open(page, category);
  await main(page).getByRole('link', { name: third.title, exact: true }).waitFor();
  const search = page.getByRole('searchbox', { name: '搜索文章' });
  await search.click();
  await page.keyboard.type('jjkms');
  expect(await search.inputValue()).toBe('jjkms');
  const focusedRow = await page.evaluate(
    () => document.activeElement?.hasAttribute('data-list-row') ?? false,
  );
  expect(focusedRow).toBe(false);
  expect(new URL(page.url()).pathname).toBe(category);
});

test('share copies the permalink where the browser has no Web Share, and says so', async () => {
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, first.path);
  await waitForArticle(page, first.title);
  // Headless Chromium on Linux has no Web Share; make sure of it, so the fallback is what runs.
  await page.evaluate(
    "Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true })",
  );
  await main(page).getByRole('button', { name: '分享' }).click();
  await main(page).getByRole('status').filter({ hasText: '链接已复制' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    getPageUrl(env.E2E_URL, first.path),
  );
});

test('with IndexedDB refused the app reads everything, keeps state for the visit, and says so once', async () => {
  const blocked = await launchSession();
  try {
    // As a private window that refuses storage does: opening any database throws.
    await blocked.context.addInitScript(`IDBFactory.prototype.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };`);
    const other = await blocked.newPage();
    await open(other, category);
    const notice = other.getByRole('complementary', { name: '本机存储提示' });
    await notice.getByText(/已读标记、收藏和阅读记录只在本次访问中有效/).waitFor();
    await main(other).getByRole('link', { name: first.title, exact: true }).click();
    await waitForArticle(other, first.title);
    await main(other).getByRole('button', { name: '收藏', exact: true }).click();
    await main(other).getByRole('button', { name: '已收藏' }).waitFor();
    await other.getByRole('link', { name: '收藏', exact: true }).click();
    await main(other).getByRole('link', { name: first.title, exact: true }).waitFor();
    await other.getByRole('link', { name: '阅读记录' }).click();
    await main(other).getByRole('link', { name: first.title, exact: true }).waitFor();
    // Said once: one notice, gone for the visit once dismissed.
    expect(await other.getByRole('complementary', { name: '本机存储提示' }).count()).toBe(1);
    await notice.getByRole('button', { name: '知道了' }).click();
    await other
      .getByRole('navigation', { name: '栏目导航' })
      .getByRole('link', { name: CATEGORY_NAME, exact: true })
      .click();
    await readToggle(other, first.title).waitFor();
    expect(await notice.count()).toBe(0);
    expect(blocked.problems).toEqual({ csp: [], errors: [], dialogs: [] });
  } finally {
    await blocked.close();
  }
});

test('nothing broke the Content-Security-Policy, threw, or opened a dialog', () => {
  expect(session.problems).toEqual({ csp: [], errors: [], dialogs: [] });
});
