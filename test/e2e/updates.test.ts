/**
 * The archive grows and the app changes while readers have it open: a new build is offered, never
 * forced. Runs on its own copy of the site, since it rebuilds it.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../scripts/serve';
import { getE2eEnv, openFileSession, waitForServiceWorker } from './support/browser';
import { buildSite, rebuildContent } from './support/build-site';
import { addLaterPosts, addNewestPost } from './support/fixture-site';

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const window: { dispatchEvent(event: Event): boolean };

const env = getE2eEnv();
let work: string;
let site: string;
let dist: string;
let server: RunningServer;
const { session, page } = await openFileSession();

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-updates-'));
  site = path.join(work, 'site');
  dist = path.join(work, 'dist');
  cpSync(env.E2E_SITE, site, { recursive: true });
  cpSync(env.E2E_DIST, dist, { recursive: true });
  server = await startServer({ root: dist });
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('new posts after a rebuild are announced, and shown only when asked for', async () => {
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await page.getByRole('main').getByRole('link').first().waitFor();

  const post = addNewestPost(site);
  await rebuildContent({ site, work: path.join(work, 'build'), dist });
  // Coming back to the tab makes it look at once instead of at the next minute's poll.
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));

  const notice = page.getByRole('button', { name: '1 条新消息' });
  await notice.waitFor({ timeout: 30_000 });
  expect(await page.getByRole('link', { name: post.title }).count()).toBe(0);
  await notice.click();
  await page.getByRole('link', { name: post.title }).first().waitFor();
  expect(await notice.count()).toBe(0);
});

test('a fresh-machine deploy under an open tab: a category, a deeper page and an unvisited article all render', async () => {
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await page.getByRole('main').getByRole('link').first().waitFor();
  let added = 0;
  // Each step first replaces dist/data whole with a build made from nothing, as CI on a new
  // machine does, so every shard the tab's manifest names and has not read yet is gone.
  const deploy = async (count: number) => {
    addLaterPosts(site, added, count);
    added += count;
    await rebuildContent({ site, work: path.join(work, `fresh-${added}`), dist });
  };
  const retry = page.getByRole('button', { name: '重试' });
  const titles = page.getByRole('main').getByRole('article').getByRole('heading').getByRole('link');

  await deploy(120);
  await page
    .getByRole('navigation', { name: '栏目导航' })
    .locator('a[href$="/category/fnnews"]')
    .click();
  await page.getByRole('link', { name: `市场快讯第${added - 1}号：虚构板块午后走强` }).waitFor();
  // The lists moved to the new build without a click, so the reader is told what arrived.
  await page.getByRole('button', { name: /条新消息/ }).waitFor();
  expect(await retry.count()).toBe(0);

  await deploy(1);
  await page
    .getByRole('navigation', { name: '分页' })
    .getByRole('link', { name: '第 2 页' })
    .click();
  // Page 2 renders from the tab's build when the service worker kept the chunks it needs (a page
  // of that build is as good as any), else from the new one after the recovery: 第21号 is on
  // page 2 of both, and on no first page.
  await page.getByRole('link', { name: '市场快讯第21号：虚构板块午后走强' }).waitFor();
  expect(await retry.count()).toBe(0);

  await deploy(1);
  const target = titles.nth(10);
  const title = (await target.textContent())?.trim() ?? '';
  expect(title).not.toBe('');
  await target.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  expect(await retry.count()).toBe(0);
});

test('a new app version is offered, and nothing reloads until the reader accepts', async () => {
  await buildSite({ site, work: path.join(work, 'build'), dist, appVersion: '99.0.0-e2e' });
  await page.reload();
  const prompt = page.getByRole('status', { name: '新版本可用' });
  await prompt.waitFor({ timeout: 60_000 });

  await page.evaluate(() => Reflect.set(globalThis, '__stillHere', true));
  await page.waitForTimeout(2000);
  expect(await page.evaluate(() => Reflect.get(globalThis, '__stillHere'))).toBe(true);

  await Promise.all([
    page.waitForEvent('load'),
    prompt.getByRole('button', { name: '重新加载' }).click(),
  ]);
  expect(await page.evaluate(() => Reflect.get(globalThis, '__stillHere'))).toBeUndefined();
  await page.getByRole('main').getByRole('link').first().waitFor();
  expect(await prompt.count()).toBe(0);
});

test('nothing broke the Content-Security-Policy, threw, or opened a dialog', () => {
  expect(session.problems).toEqual({ csp: [], errors: [], dialogs: [] });
});
