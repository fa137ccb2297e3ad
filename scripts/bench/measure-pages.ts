/**
 * What reading costs in a browser, measured in headless Chromium over a built app served by
 * `scripts/serve.ts` (pre-rendered pages, no SPA fallback, as a static host serves them):
 * (a cold visit's bytes and requests are measured on the wire by `measure-first-visit.ts`)
 * - time to the first article text on a cold visit over a slow-4G link (`SLOW_4G`, no CPU
 *   slowdown): from the navigation's start to the first frame with the article's title and body;
 * - an in-app click from a list to an article with a warm cache: from the click to the first frame
 *   with that article's body, after the article was opened once and the reader went back;
 * - the JS heap after paging through a category with the pager's "next" link (after a forced GC).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../ensure-chromium';

/** Lighthouse's slow-4G profile (its mobile default): 150 ms round trip, 1.6 Mbps down, 750 Kbps up. */
export const SLOW_4G = {
  latencyMs: 150,
  downloadKbps: 1.6 * 1024,
  uploadKbps: 750,
} as const;

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const document: {
  body: unknown;
  querySelector: (selector: string) => { textContent: string | null } | null;
  querySelectorAll: (selector: string) => ArrayLike<{
    getAttribute: (name: string) => string | null;
    click: () => void;
  }>;
};
declare function requestAnimationFrame(callback: () => void): number;
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: Record<string, boolean>): void;
  disconnect(): void;
}

async function openContext(options: { serviceWorkers: 'allow' | 'block' }) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-pages-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    serviceWorkers: options.serviceWorkers,
    viewport: { width: 375, height: 812 },
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

function joinUrl(baseUrl: string, pagePath: string): string {
  return new URL(pagePath.replace(/^\//, ''), baseUrl).href;
}

/** Resolves in the page with `performance.now()` at the first frame where an article shows its text. */
function waitForArticleText(page: Page, timeout: number): Promise<number> {
  return page
    .waitForFunction(
      () => {
        const title = document.querySelector('article h1')?.textContent?.trim();
        const body = document.querySelector('article .post-body')?.textContent?.trim();
        return title && body ? performance.now() : null;
      },
      undefined,
      { polling: 'raf', timeout },
    )
    .then(async (handle) => Number(await handle.jsonValue()));
}

/** Milliseconds from the navigation's start to the article's text on screen, cold, over slow 4G. */
export async function measureSlowArticle(baseUrl: string, articlePath: string): Promise<number> {
  const { context, page, close } = await openContext({ serviceWorkers: 'block' });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW_4G.latencyMs,
      downloadThroughput: (SLOW_4G.downloadKbps * 1024) / 8,
      uploadThroughput: (SLOW_4G.uploadKbps * 1024) / 8,
    });
    const shown = waitForArticleText(page, 120_000);
    await page.goto(joinUrl(baseUrl, articlePath), { waitUntil: 'commit', timeout: 120_000 });
    return await shown;
  } finally {
    await close();
  }
}

/**
 * Clicks from a list to its first article `runs` times with a warm cache (the article opened once
 * before, then Back each time), returning the milliseconds from each click to the article's text.
 */
/**
 * Resolves once the app is live on the page (`data-hydrated` on `<html>`, set by src/main.tsx): a
 * pre-rendered page shows its links before the app runs, and a click then would load the next
 * page from the network instead of opening it in the app.
 */
async function waitForApp(page: Page): Promise<void> {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 120_000 });
}

export async function measureInAppClick(
  baseUrl: string,
  listPath: string,
  runs: number,
): Promise<number[]> {
  const { page, close } = await openContext({ serviceWorkers: 'block' });
  try {
    await page.goto(joinUrl(baseUrl, listPath), { timeout: 120_000 });
    await waitForApp(page);
    const link = page.locator('main article a[href]').first();
    await link.waitFor({ timeout: 60_000 });
    const href = (await link.getAttribute('href')) ?? '';
    const clickAndWait = () =>
      page.evaluate(
        (target) =>
          new Promise<number>((resolve, reject) => {
            const links = Array.from(document.querySelectorAll('main article a[href]'));
            const anchor = links.find((candidate) => candidate.getAttribute('href') === target);
            if (!anchor) {
              reject(new Error(`no link to ${target} on the list`));
              return;
            }
            const started = performance.now();
            // Named helpers would not survive the trip into the page, so the observer is inline.
            const observer = new MutationObserver(() => {
              if (!document.querySelector('article .post-body')?.textContent?.trim()) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - started));
            });
            observer.observe(document.body, {
              childList: true,
              subtree: true,
              characterData: true,
            });
            anchor.click();
          }),
        href,
      );
    // Warm up: the article's files are in the cache afterwards.
    await clickAndWait();
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.goBack();
      await page.locator(`main article a[href="${href}"]`).first().waitFor({ timeout: 60_000 });
      samples.push(await clickAndWait());
    }
    return samples;
  } finally {
    await close();
  }
}

export type HeapAfterPaging = {
  /** Pages the reader went through with "next", from page 1. */
  pages: number;
  /** Posts those pages listed. */
  posts: number;
  /** JS heap in use after a forced GC: on the list's first page, and after the paging. */
  startMiB: number;
  endMiB: number;
  /** Mean time per page turn, ms. */
  msPerPage: number;
};

/** Pages through `listPath` with the pager's "next" link `pages - 1` times, then reads the JS heap. */
export async function measureHeapAfterPaging(
  baseUrl: string,
  listPath: string,
  pages: number,
  onProgress: (page: number) => void = () => {},
): Promise<HeapAfterPaging> {
  const { context, page, close } = await openContext({ serviceWorkers: 'block' });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const readHeapMiB = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
      return used / 1024 / 1024;
    };
    await page.goto(joinUrl(baseUrl, listPath), { timeout: 120_000 });
    await waitForApp(page);
    await page.locator('main article a[href]').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const startMiB = await readHeapMiB();
    let posts = await page.locator('main article').count();
    let turned = 1;
    const started = performance.now();
    for (; turned < pages; turned++) {
      const next = page.locator('a[rel="next"]').first();
      if ((await next.count()) === 0) break;
      await next.click();
      await page
        .locator('a[aria-current="page"][aria-label]', { hasText: new RegExp(`^${turned + 1}$`) })
        .first()
        .waitFor({ timeout: 60_000 });
      await page.locator('main article a[href]').first().waitFor({ timeout: 60_000 });
      posts += await page.locator('main article').count();
      if (turned % 100 === 0) onProgress(turned);
    }
    const msPerPage = (performance.now() - started) / Math.max(1, turned - 1);
    return { pages: turned, posts, startMiB, endMiB: await readHeapMiB(), msPerPage };
  } finally {
    await close();
  }
}
