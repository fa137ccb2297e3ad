/**
 * The archive's history in `old_post/` (an archive folder): its posts open at their permalink and
 * at the page URL Jekyll gave the file, cold, on a host without rewrites; links through the
 * site's former host stay in the app; search and lists hold them.
 */
import { expect, test } from 'vitest';
import { getE2eEnv, getPageUrl, openFileSession } from './support/browser';
import { ARCHIVED_POST, CHINESE_POSTS, FORMER_HOST } from './support/fixture-site';

const env = getE2eEnv();
const { session, page } = await openFileSession();

function articleHeading(title: string) {
  return page.getByRole('heading', { level: 1, name: title });
}

/** What the host itself serves, before any service worker: status and the page's head. */
async function fetchFromHost(root: string, appPath: string) {
  const response = await fetch(getPageUrl(root, appPath));
  const html = await response.text();
  return { status: response.status, head: html.slice(0, html.indexOf('</head>')) };
}

test('the page URL, with and without .html, is a real file whose canonical link is the permalink', async () => {
  for (const appPath of [ARCHIVED_POST.page, ARCHIVED_POST.page.replace(/\.html$/, '')]) {
    const { status, head } = await fetchFromHost(env.E2E_URL, appPath);
    expect(status).toBe(200);
    expect(head).toContain(
      `<link rel="canonical" href="https://news.example-archive.cn${ARCHIVED_POST.permalink}" />`,
    );
    expect(head).toContain(ARCHIVED_POST.title);
  }
});

test('both page URL forms open the article cold and land on the permalink', async () => {
  // The first visit of this browser profile: no service worker, no cache.
  for (const appPath of [ARCHIVED_POST.page, ARCHIVED_POST.page.replace(/\.html$/, '')]) {
    await page.goto(getPageUrl(env.E2E_URL, appPath));
    await articleHeading(ARCHIVED_POST.title).waitFor();
    expect(new URL(page.url()).pathname).toBe(ARCHIVED_POST.permalink);
  }
  await page.goto(getPageUrl(env.E2E_URL, ARCHIVED_POST.permalink));
  await articleHeading(ARCHIVED_POST.title).waitFor();
});

test('under /finews/ the page URL redirects to the permalink under the base', async () => {
  expect((await fetchFromHost(env.E2E_SUB_URL, ARCHIVED_POST.page)).status).toBe(200);
  await page.goto(getPageUrl(env.E2E_SUB_URL, ARCHIVED_POST.page));
  await articleHeading(ARCHIVED_POST.title).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/finews${ARCHIVED_POST.permalink}`);
});

test('a link through the former host is an in-app link', async () => {
  await page.goto(getPageUrl(env.E2E_URL, ARCHIVED_POST.permalink));
  await articleHeading(ARCHIVED_POST.title).waitFor();
  const link = page.getByRole('main').getByRole('link', { name: '上午盘面综述' });
  expect(await link.getAttribute('href')).not.toContain(FORMER_HOST);
  expect(await link.getAttribute('target')).toBeNull();
  await link.click();
  await articleHeading(CHINESE_POSTS[0]!.title).waitFor();
  expect(new URL(page.url()).origin).toBe(new URL(env.E2E_URL).origin);
});

test('the archived post is in its category list and in search', async () => {
  await page.goto(getPageUrl(env.E2E_URL, '/category/guidang'));
  await page.getByRole('main').getByRole('link', { name: ARCHIVED_POST.title }).waitFor();
  await page.goto(getPageUrl(env.E2E_URL, `/search?q=${encodeURIComponent(ARCHIVED_POST.word)}`));
  await page
    .getByRole('link', { name: new RegExp(ARCHIVED_POST.title) })
    .first()
    .waitFor();
});

test('nothing broke the Content-Security-Policy, threw, or opened a dialog', () => {
  expect(session.problems).toEqual({ csp: [], errors: [], dialogs: [] });
});
