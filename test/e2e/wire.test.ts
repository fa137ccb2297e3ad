/**
 * Reading a wire on a phone and a desktop: no page scrolls sideways, the compact time-led list
 * fits a screenful of headlines and is remembered, days and times are Beijing's whatever the
 * browser's clock says, typed dates apply once, menus close as menus do.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { getE2eEnv, getPageUrl, launchSession, openFileSession } from './support/browser';
import { CHINESE_CATEGORY, CHINESE_POSTS, XSS_POST } from './support/fixture-site';

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const window: { innerWidth: number; innerHeight: number; history: { length: number } };
declare const document: { documentElement: { scrollWidth: number } };

const env = getE2eEnv();
const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 900 };

/** A post of the demo archive at 02:45 Beijing time on 2 May 2024: still 1 May in Los Angeles. */
const EARLY_POST = { title: '2月工业增加值数据出炉 同比增长5%', time: '02:45' };
const WIRE = '/category/fnnews';

const { session, page } = await openFileSession({ serviceWorkers: 'block' });

async function open(target: Page, appPath: string): Promise<void> {
  await target.goto(getPageUrl(env.E2E_URL, appPath));
  await target.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
}

/** Headline links of the list rows whose line ends above the bottom of the first screen. */
async function countHeadlinesAboveFold(target: Page): Promise<number> {
  const boxes = await target
    .getByRole('main')
    .getByRole('article')
    .getByRole('heading')
    .evaluateAll((headings) => headings.map((heading) => heading.getBoundingClientRect().bottom));
  const fold = await target.evaluate(() => window.innerHeight);
  return boxes.filter((bottom) => bottom > 0 && bottom <= fold).length;
}

test('no page scrolls sideways at 320–414 px, nor on a desktop', async () => {
  const tag = encodeURIComponent('财讯滚动新闻');
  const views = [
    '/',
    WIRE,
    `/latest?tag=${tag}&from=2024-05-02&to=2024-05-04`,
    `/category/${encodeURIComponent(CHINESE_CATEGORY)}`,
    CHINESE_POSTS[0]!.path,
    `/search?q=${encodeURIComponent('数据')}`,
    '/archive',
  ];
  const overflowing: string[] = [];
  for (const width of [320, 375, 414, desktop.width]) {
    await page.setViewportSize({ width, height: width > 1000 ? desktop.height : phone.height });
    for (const view of views) {
      await open(page, view);
      // Lazy parts (search results) settle.
      await page.waitForTimeout(300);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) overflowing.push(`${view} at ${width} px: ${scrollWidth} px wide`);
    }
  }
  expect(overflowing).toEqual([]);
});

test('tag chips keep their counts on one line and scroll in a row with a hint of more', async () => {
  await page.setViewportSize(phone);
  await open(page, '/latest');
  const chip = page.getByRole('checkbox', { name: /财讯滚动新闻/ }).locator('..');
  const box = await chip.boundingBox();
  // One line of text, not a column of single characters.
  expect(box!.height).toBeLessThan(40);
  expect(box!.width).toBeGreaterThan(box!.height * 2);
});

test('the compact list shows at least 8 headlines above the fold on a phone, and survives a reload', async () => {
  await page.setViewportSize(phone);
  await open(page, WIRE);
  const toggle = page.getByRole('button', { name: '紧凑' });
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  expect(await countHeadlinesAboveFold(page)).toBeGreaterThanOrEqual(8);

  await toggle.click();
  await page.reload();
  await page.getByRole('button', { name: '紧凑', pressed: false }).waitFor();
  // Cards: fewer headlines, each with its excerpt.
  expect(await countHeadlinesAboveFold(page)).toBeLessThan(8);

  await page.getByRole('button', { name: '紧凑' }).click();
  await page.reload();
  await page.getByRole('button', { name: '紧凑', pressed: true }).waitFor();
  expect(await countHeadlinesAboveFold(page)).toBeGreaterThanOrEqual(8);

  await page.setViewportSize(desktop);
  expect(await countHeadlinesAboveFold(page)).toBeGreaterThanOrEqual(8);
});

test('day headings and times are Beijing’s with the browser in Los Angeles', async () => {
  const losAngeles = await launchSession({
    serviceWorkers: 'block',
    timezoneId: 'America/Los_Angeles',
  });
  try {
    const target = await losAngeles.newPage();
    // 09:00 on 9 May (the newest day of the list) in Beijing is still 8 May in Los Angeles.
    await target.clock.setFixedTime(new Date('2024-05-09T09:00:00+08:00'));
    for (const viewport of [phone, desktop]) {
      await target.setViewportSize(viewport);
      await open(target, WIRE);
      const main = target.getByRole('main');
      await main.getByText('时间均为北京时间').waitFor();
      // The pre-rendered headings are absolute dates; the reader's own "today" follows once live.
      const days = async () =>
        (await main.getByRole('heading', { level: 2 }).allTextContents())
          .map((day) => day.trim())
          .slice(0, 3);
      await expect.poll(days).toEqual(['今天', '昨天', '5月7日 星期二']);
      // The early post belongs to Beijing's 2 May, at its Beijing time.
      const day = main.locator('section').filter({
        has: target.getByRole('heading', { level: 2, name: '5月2日 星期四' }),
      });
      const row = day.getByRole('article').filter({ hasText: EARLY_POST.title });
      expect((await row.locator('time').textContent())?.trim()).toBe(EARLY_POST.time);
    }
  } finally {
    await losAngeles.close();
  }
});

test('a date typed with the keyboard applies once, as one history entry', async () => {
  for (const viewport of [phone, desktop]) {
    await page.setViewportSize(viewport);
    // From another page, so no forward entry of the last round is left to prune.
    await open(page, '/');
    await open(page, WIRE);
    const before = page.url();
    const entries = await page.evaluate(() => window.history.length);
    await page.locator('summary', { hasText: '日期范围' }).click();
    const from = page.getByLabel('起始日期');
    await from.focus();
    // Headless Chromium's date field reads month, day, year whatever the page's language; each
    // keystroke of the year makes a complete date (0002, 0020, 0202, 2024) that must not apply.
    await page.keyboard.type('05032024', { delay: 30 });
    expect(page.url()).toBe(before);
    expect(await from.inputValue()).toBe('2024-05-03');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('from') === '2024-05-03');
    expect(await page.evaluate(() => window.history.length)).toBe(entries + 1);
    expect(await page.getByLabel('起始日期').inputValue()).toBe('2024-05-03');
    // Only posts from 3 May on (Beijing) are listed.
    const days = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
    expect(days.every((day) => !/5月[12]日/.test(day))).toBe(true);

    await page.goBack();
    await page.waitForURL(before);
    await expect.poll(() => page.getByLabel('起始日期').inputValue()).toBe('');
  }
});

test('the settings menu closes on Escape (focus back on it), outside press and navigation', async () => {
  for (const viewport of [phone, desktop]) {
    await page.setViewportSize(viewport);
    await open(page, '/');
    const summary = page.locator('summary', { hasText: '阅读设置' });
    const theme = page.getByLabel('主题');
    await summary.click();
    await theme.waitFor();
    await page.keyboard.press('Escape');
    await theme.waitFor({ state: 'hidden' });
    expect(
      await summary.evaluate((element) => element === element.ownerDocument.activeElement),
    ).toBe(true);

    await summary.click();
    await theme.waitFor();
    await page.getByRole('main').click({ position: { x: 5, y: 5 } });
    await theme.waitFor({ state: 'hidden' });

    await summary.click();
    await theme.waitFor();
    await page
      .getByRole('navigation', { name: '栏目导航' })
      .getByRole('link', { name: '最新' })
      .click();
    await page.waitForURL(/\/latest$/);
    await theme.waitFor({ state: 'hidden' });
  }
});

/** The day headings and post titles a day list shows. */
async function readDayList(target: Page): Promise<{ days: string[]; titles: string[] }> {
  const main = target.getByRole('main');
  await main.getByRole('article').first().waitFor();
  const days = await main.getByRole('heading', { level: 2 }).allTextContents();
  const titles = await main.getByRole('article').getByRole('heading').allTextContents();
  return { days: days.map((day) => day.trim()), titles: titles.map((title) => title.trim()) };
}

test('the archive chart opens a day that lists exactly that day’s posts (Beijing time)', async () => {
  for (const viewport of [phone, desktop]) {
    await page.setViewportSize(viewport);
    await open(page, '/archive');
    await page.getByRole('heading', { level: 2, name: '2024年5月' }).waitFor();
    // The bar of 2 May names its count, as the table behind the chart does.
    const bar = page.getByRole('link', { name: /^2024-05-02：\d+ 篇$/ });
    const count = Number(/：(\d+) 篇/.exec((await bar.getAttribute('aria-label')) ?? '')?.[1]);
    expect(count).toBeGreaterThan(1);
    await page.getByRole('group', { name: '2024年5月每日文章数' }).waitFor();
    await bar.click();
    await page.waitForURL((url) => url.searchParams.get('from') === '2024-05-02');
    expect(new URL(page.url()).searchParams.get('to')).toBe('2024-05-02');
    const { days, titles } = await readDayList(page);
    expect(days).toHaveLength(1);
    expect(days[0]).toMatch(/^2024年5月2日 星期四/);
    expect(titles).toHaveLength(count);
    expect(titles).toContain(EARLY_POST.title);
    // The category summary links each section with its count.
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: '按栏目' }).waitFor();
  }
});

test('a Jekyll date path opens its day, and a month path its month', async () => {
  await page.setViewportSize(phone);
  await page.goto(getPageUrl(env.E2E_URL, '/2024/05/02/'));
  await page.waitForURL((url) => url.searchParams.get('from') === '2024-05-02');
  const day = await readDayList(page);
  expect(day.days).toHaveLength(1);
  expect(day.titles).toContain(EARLY_POST.title);

  await page.goto(getPageUrl(env.E2E_URL, '/2024/05/'));
  await page.waitForURL((url) => url.searchParams.get('to') === '2024-05-31');
  const month = await readDayList(page);
  expect(month.days.length).toBeGreaterThan(1);
  expect(month.days.every((heading) => heading.startsWith('2024年5月'))).toBe(true);
});

test('a remote image that fails collapses to a small placeholder, never a large empty box', async () => {
  await page.setViewportSize(phone);
  await open(page, XSS_POST.path);
  // The vectors' images point at files that do not exist.
  await page.getByRole('article').getByText('图片未能加载').first().waitFor();
  const brokenBoxes = await page
    .getByRole('article')
    .locator('img')
    .evaluateAll((images) =>
      images
        .filter((image) => (image as unknown as { naturalWidth: number }).naturalWidth === 0)
        .map((image) => image.getBoundingClientRect().height)
        .filter((height) => height > 0),
    );
  expect(brokenBoxes).toEqual([]);
});

test('no console errors on the way', () => {
  expect(session.problems.errors).toEqual([]);
});
