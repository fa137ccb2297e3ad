/**
 * Offline reading: what was read opens again without a network (reload and in-app), what was not
 * shows the offline view instead of the browser's error page, and a category saved for offline
 * opens articles that were never opened.
 */
import { expect, test } from 'vitest';
import { getE2eEnv, getPageUrl, openFileSession, waitForServiceWorker } from './support/browser';
import { CHINESE_CATEGORY, CHINESE_POSTS } from './support/fixture-site';

const env = getE2eEnv();
const category = encodeURIComponent(CHINESE_CATEGORY);
const firstPost = CHINESE_POSTS[0]!;
const article = { title: firstPost.title, path: `${firstPost.path}.html` };
const visited = [
  { path: '/', heading: null },
  { path: `/category/${category}`, heading: null },
  { path: article.path, heading: article.title },
  { path: `/tag/${encodeURIComponent('观察')}`, heading: null },
];

const { session, page } = await openFileSession();

async function open(appPath: string): Promise<void> {
  await page.goto(getPageUrl(env.E2E_URL, appPath));
}

/** A view has rendered: its level-1 heading (the given one, or any). */
async function waitForView(heading: string | null): Promise<void> {
  await page
    .getByRole('main')
    .getByRole('heading', { level: 1, ...(heading ? { name: heading } : {}) })
    .first()
    .waitFor();
}

test('pages read online open again offline, by reload and in the app', async () => {
  await open('/');
  await waitForServiceWorker(page);
  for (const view of visited) {
    await open(view.path);
    await waitForView(view.heading);
    // A reader stays longer than the query cache's one-second save throttle.
    await page.waitForTimeout(1200);
  }

  await session.context.setOffline(true);
  for (const view of visited) {
    await open(view.path);
    await waitForView(view.heading);
    await page.reload();
    await waitForView(view.heading);
  }
  await open(`/category/${category}`);
  await page.getByRole('link', { name: article.title }).click();
  await waitForView(article.title);
  await page.getByRole('link', { name: '首页' }).click();
  await page.getByRole('link', { name: article.title }).first().waitFor();
});

test('an unvisited page offline explains itself and offers what was read', async () => {
  await session.context.setOffline(true);
  await open('/category/haigangshangbao');
  await page.getByRole('heading', { name: '离线中，此页尚未保存' }).waitFor();
  await page
    .getByRole('navigation', { name: '最近阅读' })
    .getByRole('link', { name: article.title })
    .waitFor();
  // In the app too, not only on a cold load.
  await open(`/category/${category}`);
  await waitForView(null);
  await page.getByRole('link', { name: '海港商报新闻' }).click();
  await page.getByRole('heading', { name: '离线中，此页尚未保存' }).waitFor();
});

test('a category saved for offline opens articles never opened before, and can be removed', async () => {
  await session.context.setOffline(false);
  await open('/category/fnnews');
  const links = page.getByRole('main').getByRole('article').getByRole('heading').getByRole('link');
  await links.first().waitFor();
  const last = links.last();
  const title = (await last.textContent())?.trim() ?? '';
  const href = (await last.getAttribute('href')) ?? '';
  expect(title).not.toBe('');

  await page.getByRole('button', { name: '离线保存', exact: true }).click();
  await page.getByRole('button', { name: '取消离线保存' }).waitFor({ timeout: 60_000 });
  await page.getByText(/已用存储/).waitFor();

  await session.context.setOffline(true);
  await page.goto(new URL(href, env.E2E_URL).href);
  await waitForView(title);
  // The offline view lists the saved category.
  await open('/category/haigangshangbao');
  await page
    .getByRole('navigation', { name: '已离线保存的栏目' })
    .getByRole('link')
    .first()
    .waitFor();

  await session.context.setOffline(false);
  await open('/category/fnnews');
  await page.getByRole('button', { name: '取消离线保存' }).click();
  await page.getByRole('button', { name: '离线保存', exact: true }).waitFor();
});

test('nothing broke the Content-Security-Policy, threw, or opened a dialog', () => {
  expect(session.problems).toEqual({ csp: [], errors: [], dialogs: [] });
});
