/**
 * Search in the browser, on the demo site and on a generated archive built into a copy of the
 * test site's shell: a query typed without spaces, precision and recall against a substring scan,
 * paging past the first 30, date order, a category filter from a bookmarked URL, the same results
 * in both UI languages, and search offline (a repeated query works, a new one says it needs the
 * network). The generated archive spans several months, so its index has several parts and newest
 * first reads back in time: a page reads only the parts it needs, and `all=1` counts them all.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSite } from '../../scripts/generate-corpus';
import { startServer, type RunningServer } from '../../scripts/serve';
import { getE2eEnv, getPageUrl, openFileSession, waitForServiceWorker } from './support/browser';
import { rebuildContent } from './support/build-site';

const env = getE2eEnv();
const GENERATED_POSTS = 600;
/** About 4 hours apart on average: the 600 posts span some 100 days, so several index parts. */
const GENERATED_GAP_MINUTES = 500;

const { session, page } = await openFileSession();
let generated: RunningServer;
let generatedSite = '';
let generatedDist = '';

beforeAll(async () => {
  // The generated archive gets the test site's app shell and its own bundle and pages.
  const work = path.join(env.E2E_WORK, 'search-generated');
  const dist = path.join(work, 'dist');
  generatedDist = dist;
  generatedSite = path.join(work, 'site');
  mkdirSync(work, { recursive: true });
  cpSync(env.E2E_DIST, dist, { recursive: true });
  generateSite({
    out: generatedSite,
    posts: GENERATED_POSTS,
    seed: 4,
    maxGapMinutes: GENERATED_GAP_MINUTES,
  } as Parameters<typeof generateSite>[0]);
  await rebuildContent({ site: generatedSite, work: path.join(work, 'build'), dist });
  generated = await startServer({ root: dist });
}, 300_000);

afterAll(async () => {
  await generated?.close();
});

type Result = { title: string; url: string; date: string };

/** The results on screen once the count for page `pageNumber` is shown. */
async function readResults(
  target: Page,
  pageNumber?: number,
): Promise<{ total: number; results: Result[] }> {
  // Not the last results, kept on screen while the next ones load.
  const status = target.locator(
    `[data-total][data-busy="false"]${pageNumber === undefined ? '' : `[data-page="${pageNumber}"]`}`,
  );
  await status.waitFor();
  const total = Number(await status.getAttribute('data-total'));
  const results = await target.locator('main ol > li').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('h2')?.textContent ?? '',
      url: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      date: item.querySelector('time')?.getAttribute('datetime') ?? '',
    })),
  );
  return { total, results };
}

/** Opens a search URL and waits for its results. */
async function openSearch(root: string, query: string) {
  await page.goto(getPageUrl(root, `/search?${query}`));
  return readResults(page);
}

/**
 * Every result of a query, counted in the whole archive (`all=1`): the first page opened, then
 * page after page by the pager's Next, as a reader goes.
 */
async function readAllPages(
  root: string,
  query: string,
): Promise<{ total: number; results: Result[] }> {
  const first = await openSearch(root, `${query}&all=1`);
  const results = [...first.results];
  const next = page
    .getByRole('navigation', { name: '搜索结果分页' })
    .getByRole('link', { name: '下一页' });
  for (let pageNumber = 2; results.length < first.total && pageNumber <= 100; pageNumber++) {
    await next.click();
    const shown = await readResults(page, pageNumber);
    if (shown.results.length === 0) break;
    results.push(...shown.results);
  }
  return { total: first.total, results };
}

/** The generated archive's posts as the reader gets them: URL → title and text of its article. */
function readGeneratedPosts(category = ''): Map<string, string> {
  const dir = path.join(generatedDist, 'data', 'articles');
  const posts = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const bucket = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as {
      posts: { url: string; title: string; html: string; categories: string[] }[];
    };
    for (const post of bucket.posts)
      if (!category || post.categories.includes(category))
        posts.set(
          decodeURIComponent(post.url),
          `${post.title}\n${post.html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&')}`,
        );
  }
  return posts;
}

test('a query typed without spaces into the header box shows results as you type, marked as whole words', async () => {
  await page.goto(getPageUrl(env.E2E_URL, '/'));
  await page.getByRole('main').getByRole('heading').first().waitFor();
  expect(await page.locator('input[type="search"]').count()).toBe(1);
  const historyBefore = await page.evaluate<number>('history.length');
  await page.keyboard.press('/');
  expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('site-search');
  await page.keyboard.type('市场', { delay: 80 });
  await page.waitForURL(
    (url) => url.pathname === '/search' && url.searchParams.get('q') === '市场',
  );
  const { total, results } = await readResults(page);
  expect(total).toBeGreaterThan(0);
  expect(results.length).toBeGreaterThan(0);
  // Each mark is the whole query, never single characters of it.
  const marks = await page.locator('main ol mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) expect(mark).toBe('市场');
  // The first keystroke opened the search page; the later ones replaced it.
  expect(await page.evaluate<number>('history.length')).toBe(historyBefore + 1);
  await page.keyboard.type('观察', { delay: 80 });
  await page.waitForURL((url) => url.searchParams.get('q') === '市场观察');
  expect(await page.evaluate<number>('history.length')).toBe(historyBefore + 1);
  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/');
  await page.goForward();
  await page.waitForURL((url) => url.searchParams.get('q') === '市场观察');
  await expect.poll(() => page.locator('#site-search').inputValue()).toBe('市场观察');
});

test('precision and recall against a substring scan of the generated archive are at least 95%', async () => {
  const posts = readGeneratedPosts();
  let found = 0;
  let correct = 0;
  let relevant = 0;
  for (const q of ['PPI', '人民币', '同比增长', '消费电子', 'A股', '发改委表示', '5G', '2022年']) {
    const expected = [...posts.values()].filter((text) =>
      text.toLowerCase().includes(q.toLowerCase()),
    ).length;
    const { total, results } = await readAllPages(generated.url, `q=${encodeURIComponent(q)}`);
    expect(results).toHaveLength(total);
    found += total;
    relevant += expected;
    for (const result of results) {
      if (posts.get(decodeURIComponent(result.url))?.toLowerCase().includes(q.toLowerCase()))
        correct++;
    }
  }
  const precision = found === 0 ? 1 : correct / found;
  const recall = relevant === 0 ? 1 : correct / relevant;
  console.log(
    `browser, generated archive: precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
  );
  expect(relevant).toBeGreaterThan(100);
  expect(precision).toBeGreaterThanOrEqual(0.95);
  expect(recall).toBeGreaterThanOrEqual(0.95);
  // Every page of eight queries, each counted in the whole archive: slow on a loaded machine.
}, 300_000);

test('every result is reachable: newest first reads back in time page by page past the first 30, the whole archive is counted on demand, and best match', async () => {
  const manifest = JSON.parse(
    readFileSync(path.join(generatedDist, 'data', 'manifest.json'), 'utf8'),
  ) as { searchIndexes: { path: string }[] };
  expect(manifest.searchIndexes.length).toBeGreaterThan(2);
  const parts = new Set<string>();
  const onRequest = (request: { url: () => string }) => {
    const part = manifest.searchIndexes.find((index) => request.url().includes(index.path));
    if (part) parts.add(part.path);
  };
  page.on('request', onRequest);
  const first = await openSearch(generated.url, `q=${encodeURIComponent('市场')}`);
  page.off('request', onRequest);
  // Page 1 read only the newest parts of the index, and says since when it counted.
  expect(parts.size).toBeGreaterThan(0);
  expect(parts.size).toBeLessThan(manifest.searchIndexes.length);
  expect(await page.locator('[data-total]').textContent()).toContain('以来找到');
  const seen = [...first.results];
  for (let pageNumber = 2; pageNumber <= 3; pageNumber++) {
    await page
      .getByRole('navigation', { name: '搜索结果分页' })
      .getByRole('link', { name: '下一页' })
      .click();
    await page.waitForURL((url) => url.searchParams.get('page') === String(pageNumber));
    await page.getByText(new RegExp(`^第 ${pageNumber} (页|/)`)).waitFor();
    seen.push(...(await readResults(page, pageNumber)).results);
  }
  expect(seen.length).toBeGreaterThan(30);
  expect(new Set(seen.map((result) => result.url)).size).toBe(seen.length);
  const dates = seen.map((result) => Date.parse(result.date));
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
  // Back returns to the page before, from the URL alone.
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('page') === '2');
  await page.getByText(/^第 2 (页|\/)/).waitFor();

  // Counting the whole archive is a choice in the URL; the page shows the same posts.
  const pageTwo = await readResults(page);
  await page.locator('[data-count-all]').click();
  await page.waitForURL((url) => url.searchParams.get('all') === '1');
  await page.locator('[data-total][data-busy="false"]', { hasText: '共找到' }).waitFor();
  const whole = await readResults(page, 2);
  expect(whole.results).toEqual(pageTwo.results);
  expect(whole.total).toBeGreaterThan(pageTwo.total);
  expect(await page.locator('[data-total]').textContent()).toContain(
    `共找到 ${whole.total.toLocaleString('zh-CN')} 条`,
  );
  await page.getByText('第 2 / ').waitFor();

  // Best match: the choice is in the URL, and the last page is reachable.
  await page.getByRole('link', { name: '最相关' }).click();
  await page.waitForURL((url) => url.searchParams.get('sort') === 'relevance');
  const pages = Math.ceil(whole.total / 20);
  const last = await openSearch(
    generated.url,
    `q=${encodeURIComponent('市场')}&sort=relevance&page=${pages}`,
  );
  expect(last.results.length).toBe(whole.total - (pages - 1) * 20);
});

test('a category filter from a bookmarked URL narrows the results, with counts', async () => {
  const all = await openSearch(generated.url, `q=${encodeURIComponent('市场')}&all=1`);
  const facet = page.locator('[data-facet="category"] a').first();
  const label = (await facet.textContent()) ?? '';
  const count = Number(/([\d,]+)\s*$/.exec(label)?.[1]?.replace(/,/g, ''));
  const href = (await facet.getAttribute('href')) ?? '';
  const category = new URL(href, generated.url).searchParams.get('category') ?? '';
  expect(category).not.toBe('');
  expect(count).toBeLessThan(all.total);
  // A fresh tab opens the bookmarked address.
  const other = await session.context.newPage();
  await other.goto(
    getPageUrl(
      generated.url,
      `/search?q=${encodeURIComponent('市场')}&category=${encodeURIComponent(category)}&all=1`,
    ),
  );
  const narrowed = await readResults(other);
  expect(narrowed.total).toBe(count);
  for (const result of narrowed.results) expect(result.url.startsWith(`/${category}/`)).toBe(true);
  await other.close();
});

test('the same query gives the same results in the Chinese and the English UI', async () => {
  const query = `q=${encodeURIComponent('人民币')}&sort=relevance`;
  const zh = await openSearch(generated.url, query);
  await page.evaluate(`(() => {
    const key = 'broadsheet:settings';
    const settings = JSON.parse(localStorage.getItem(key) ?? '{}');
    localStorage.setItem(key, JSON.stringify({ ...settings, lang: 'en' }));
  })()`);
  await page.goto(getPageUrl(generated.url, `/search?${query}`));
  await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
  const en = await readResults(page);
  expect(en.total).toBe(zh.total);
  expect(en.results.map((result) => result.url)).toEqual(zh.results.map((result) => result.url));
  await page.evaluate("localStorage.removeItem('broadsheet:settings')");
});

test('offline, a query run before works again and a new one says search needs the network', async () => {
  await page.goto(getPageUrl(env.E2E_URL, '/'));
  await waitForServiceWorker(page);
  const online = await openSearch(env.E2E_URL, `q=${encodeURIComponent('收盘')}`);
  expect(online.total).toBeGreaterThan(0);
  await session.context.setOffline(true);
  try {
    const again = await openSearch(env.E2E_URL, `q=${encodeURIComponent('收盘')}`);
    expect(again.results.map((result) => result.url)).toEqual(
      online.results.map((result) => result.url),
    );
    // Typed anew in the same tab.
    await page.locator('#site-search').fill('不曾搜索过的词');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('这个搜索需要联网');
    // And after a reload (Pagefind starts again, with a fresh timestamp of its own).
    await page.reload();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('这个搜索需要联网');
    expect(session.problems.errors.filter((error) => /Pagefind/i.test(error))).toEqual([]);
  } finally {
    await session.context.setOffline(false);
  }
});

test('offline in an archive of several parts, a page read before works again; one further back says search needs the network', async () => {
  await page.goto(getPageUrl(generated.url, '/'));
  await waitForServiceWorker(page);
  // A word no other test here searches for, in about half of the posts.
  const query = `q=${encodeURIComponent('公司')}`;
  const online = await openSearch(generated.url, query);
  expect(await page.locator('[data-total]').textContent()).toContain('以来找到');
  await session.context.setOffline(true);
  try {
    const again = await openSearch(generated.url, query);
    expect(again.results).toEqual(online.results);
    expect(again.total).toBe(online.total);
    // The whole archive was never counted online: its parts are not at hand.
    await page.goto(getPageUrl(generated.url, `/search?${query}&all=1`));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('这个搜索需要联网');
    expect(session.problems.errors.filter((error) => /Pagefind/i.test(error))).toEqual([]);
  } finally {
    await session.context.setOffline(false);
  }
});

test('a category saved for offline is searchable offline with a query never run; outside it, search needs the network', async () => {
  const manifest = JSON.parse(
    readFileSync(path.join(generatedDist, 'data', 'manifest.json'), 'utf8'),
  ) as { categories: { slug: string; count: number }[] };
  const category = [...manifest.categories].sort((a, b) => b.count - a.count)[1];
  expect(category).toBeDefined();
  const slug = category?.slug ?? '';
  const posts = [...readGeneratedPosts(slug)];
  expect(posts.length).toBe(category?.count);
  // Words not searched before in this file, found in some of the category's posts.
  const q = ['投资', '经济', '企业', '央行', '利润', '增长'].find((word) => {
    const count = posts.filter(([, text]) => text.includes(word)).length;
    return count > 0 && count < posts.length;
  });
  expect(q).toBeDefined();
  const word = q ?? '';
  const expected = posts.filter(([, text]) => text.includes(word)).map(([url]) => url);

  await page.goto(getPageUrl(generated.url, '/'));
  await waitForServiceWorker(page);
  await page.goto(getPageUrl(generated.url, `/category/${encodeURIComponent(slug)}`));
  await page.getByRole('button', { name: '离线保存', exact: true }).click();
  await page.getByRole('button', { name: '取消离线保存' }).waitFor({ timeout: 120_000 });

  await session.context.setOffline(true);
  try {
    const query = `q=${encodeURIComponent(word)}&category=${encodeURIComponent(slug)}`;
    const { total, results } = await readAllPages(generated.url, query);
    expect(total).toBe(expected.length);
    expect(results.map((result) => decodeURIComponent(result.url)).sort()).toEqual(
      [...expected].sort(),
    );
    const dates = results.map((result) => Date.parse(result.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await page.locator('[data-saved-list]').waitFor();
    const marks = await page.locator('main ol mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toBe(word);

    // The same words over the whole archive were never searched online: they need the network,
    // and the saved category is offered instead.
    await page.goto(getPageUrl(generated.url, `/search?q=${encodeURIComponent(word)}`));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('这个搜索需要联网');
    await alert.getByRole('link').first().click();
    await page.waitForURL((url) => url.searchParams.get('category') === slug);
    expect((await readResults(page)).total).toBe(expected.length);
    expect(session.problems.errors.filter((error) => /Pagefind/i.test(error))).toEqual([]);
  } finally {
    await session.context.setOffline(false);
  }
});
