/**
 * Feeds advertised on their lists, the installed app named after the site, and reading offline
 * told apart: the header says the network is gone, and the rows that open offline are marked.
 */
import { expect, test } from 'vitest';
import { getE2eEnv, getPageUrl, openFileSession, waitForServiceWorker } from './support/browser';

const env = getE2eEnv();
const WIRE = '/category/fnnews';

const { session, page } = await openFileSession();

async function open(appPath: string): Promise<void> {
  await page.goto(getPageUrl(env.E2E_URL, appPath));
  await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
}

/** The Atom feeds the document head names, by address. */
function readHeadFeeds(): Promise<string[]> {
  return page
    .locator('head link[rel="alternate"][type="application/atom+xml"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

test('a category links its feed, in the page and in the head, also after moving in the app', async () => {
  await open(WIRE);
  const link = page.getByRole('main').getByRole('link', { name: /Atom/ });
  expect(await link.getAttribute('href')).toBe('/feed/fnnews.xml');
  // The pre-rendered head's link is replaced by the app's own: one link for the category.
  // The app's own is added once the page is hydrated.
  await expect
    .poll(async () => (await readHeadFeeds()).sort())
    .toEqual(['/feed.xml', '/feed/fnnews.xml']);
  const feed = await page.request.get(getPageUrl(env.E2E_URL, '/feed/fnnews.xml'));
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');

  await page
    .getByRole('navigation', { name: '栏目导航' })
    .getByRole('link', { name: /^晨间财经新闻/ })
    .click();
  await page.getByRole('heading', { level: 1, name: '晨间财经新闻' }).waitFor();
  await expect.poll(() => readHeadFeeds()).toEqual(['/feed.xml', '/feed/chenjiancaijing.xml']);
  await page
    .getByRole('navigation', { name: '栏目导航' })
    .getByRole('link', { name: '首页' })
    .click();
  await expect.poll(() => readHeadFeeds()).toEqual(['/feed.xml']);
  // All posts link the site's feed.
  await open('/latest');
  expect(
    await page.getByRole('main').getByRole('link', { name: /Atom/ }).getAttribute('href'),
  ).toBe('/feed.xml');
});

test("the web app manifest is named after the site's title, with an id", async () => {
  const response = await page.request.get(getPageUrl(env.E2E_URL, '/manifest.webmanifest'));
  const manifest = (await response.json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({
    name: '金融消息 · 演示',
    short_name: '金融消息 · 演示',
    id: '/',
    start_url: '/',
  });
});

test('offline, the header says so, and the rows that open offline are marked truly', async () => {
  await open(WIRE);
  await waitForServiceWorker(page);
  await open(WIRE);
  const rows = page.getByRole('main').getByRole('article');
  await rows.first().waitFor();
  expect(await page.locator('main [data-offline]').count()).toBe(0);

  // Read the first post: its article files are now on the device.
  const first = rows.first().getByRole('heading').getByRole('link');
  const firstTitle = (await first.textContent()) ?? '';
  await first.click();
  await page.getByRole('heading', { level: 1, name: firstTitle }).waitFor();
  await page.waitForTimeout(1200);
  await page.goBack();
  const marked = rows.filter({ has: page.locator('[data-offline]') });
  await marked.first().waitFor();
  expect(await rows.first().locator('[data-offline]').count()).toBe(1);
  const unmarked = rows.filter({ hasNot: page.locator('[data-offline]') });
  expect(await unmarked.count()).toBeGreaterThan(0);
  const unmarkedTitle = (await unmarked.first().getByRole('heading').textContent()) ?? '';

  // An empty live region has no box, so it is found by its role attribute until it speaks.
  const status = page.getByRole('banner').locator('[role="status"]');
  expect(await status.textContent()).toBe('');
  await session.context.setOffline(true);
  await status.getByText('离线').first().waitFor();
  expect(await status.textContent()).toContain('没有网络连接');

  // A marked row opens offline; an unmarked one would not.
  const markedTitle = (await marked.last().getByRole('heading').textContent()) ?? '';
  await marked.last().getByRole('heading').getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: markedTitle }).waitFor();
  await page.goBack();
  await page.getByRole('link', { name: unmarkedTitle }).click();
  await page.getByRole('heading', { name: '离线中，此页尚未保存' }).waitFor();

  await session.context.setOffline(false);
  await expect.poll(() => status.getByText('离线', { exact: true }).count()).toBe(0);
});

test('a list jumps to a day, and its chips count that day only', async () => {
  await session.context.setOffline(false);
  await page.setViewportSize({ width: 375, height: 812 });
  await open(WIRE);
  const chip = page
    .locator('label.tag-chip', { hasText: '财讯滚动新闻' })
    .locator('.tag-chip-count');
  expect(await chip.textContent()).toBe('43');
  const jump = page.getByRole('form', { name: '跳到日期' });
  await jump.getByLabel('跳到日期').fill('2024-05-07');
  await jump.getByRole('button', { name: '跳转' }).click();
  await page.waitForURL(/from=2024-05-07&to=2024-05-07/);
  const rows = page.getByRole('main').getByRole('article');
  await expect.poll(() => chip.textContent()).toBe(String(await rows.count()));
  expect(await rows.count()).toBeGreaterThan(1);
  const days = await page
    .getByRole('main')
    .locator('.day-heading time')
    .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
  expect(days).toEqual(['2024-05-07']);
  // The field keeps the day it is at; the list is a bookmark of it.
  expect(await jump.getByLabel('跳到日期').inputValue()).toBe('2024-05-07');
  await page.reload();
  await page.getByRole('main').locator('.day-heading time').first().waitFor();
  expect(await chip.textContent()).toBe(String(await rows.count()));
});
