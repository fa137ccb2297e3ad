/**
 * What searching costs the reader, measured in headless Chromium over the built app and a real
 * bundle: bytes transferred by the first query of a visit (Pagefind's module, worker, wasm and
 * every index's entry, metadata and filters, plus the chunks and fragments of the query) and by a
 * second query typed after it, and the time from the last keystroke of that second query to its
 * results on screen; then what counting that query in the whole archive costs (newest first
 * reads back only as far as its page needs, decision 030). Transfer is what the network carried (headers included, compression as
 * the local server sends it: none), with no service worker and an empty HTTP cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Request } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../ensure-chromium';
import { startServer } from '../serve';

export type SearchCost = {
  query: string;
  total: number;
  requests: number;
  kib: number;
  searchKiB: number;
  /** Search files fetched by Pagefind (module, worker, wasm, index files). */
  searchRequests: number;
  /** The search files by kind (`entry`, `meta`, `filter`, `index`, `fragment`, `wasm`, …). */
  byKind: Record<string, { requests: number; kib: number }>;
};

/** The kind of a search file, from its name. */
function getSearchFileKind(url: string): string {
  const name = new URL(url).pathname.split('/').pop() ?? '';
  if (name.startsWith('pagefind-entry')) return 'entry';
  if (name.endsWith('.pf_meta')) return 'meta';
  if (name.endsWith('.pf_filter')) return 'filter';
  if (name.endsWith('.pf_index')) return 'index';
  if (name.endsWith('.pf_fragment')) return 'fragment';
  if (name.startsWith('wasm.')) return 'wasm';
  return 'runtime';
}

export type SearchCosts = {
  first: SearchCost;
  second: SearchCost;
  /** Last keystroke of the second query → its results on screen (debounce included). */
  secondMs: number;
  /**
   * The second query counted in the whole archive (its "count the whole archive" link), from the
   * click to the exact count on screen; null when newest first had already read every part.
   */
  whole: (SearchCost & { ms: number }) | null;
};

/** The little of the page's DOM the measurement reads (this file is compiled for Node). */
declare const document: {
  querySelector: (selector: string) => { getAttribute: (name: string) => string | null } | null;
};

const FIRST = '人民币';
const SECOND = '同比增长';

export async function measureSearchCosts(dist: string): Promise<SearchCosts> {
  const server = await startServer({ root: dist, spa: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    serviceWorkers: 'block',
    args: CHROMIUM_ARGS,
  });
  let finished: { url: string; bytes: number }[] = [];
  context.on('requestfinished', (request: Request) => {
    void request.sizes().then(
      (sizes) =>
        finished.push({
          url: request.url(),
          bytes: sizes.requestHeadersSize + sizes.responseHeadersSize + sizes.responseBodySize,
        }),
      () => {},
    );
  });
  const take = (query: string, total: number): SearchCost => {
    const search = finished.filter((entry) => entry.url.includes('/data/pagefind/'));
    const byKind: SearchCost['byKind'] = {};
    for (const entry of search) {
      const kind = (byKind[getSearchFileKind(entry.url)] ??= { requests: 0, kib: 0 });
      kind.requests++;
      kind.kib += entry.bytes / 1024;
    }
    const cost = {
      query,
      total,
      requests: finished.length,
      kib: finished.reduce((sum, entry) => sum + entry.bytes, 0) / 1024,
      searchKiB: search.reduce((sum, entry) => sum + entry.bytes, 0) / 1024,
      searchRequests: search.length,
      byKind,
    };
    finished = [];
    return cost;
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Runs in the page: the count of the results once they are on screen for this query.
    const settled = (q: string) =>
      page.waitForFunction(
        (text) => {
          const status = document.querySelector('[data-total][data-busy="false"]');
          return status?.getAttribute('data-query') === text
            ? Number(status.getAttribute('data-total'))
            : null;
        },
        q,
        { timeout: 120_000, polling: 20 },
      );
    await page.goto(server.url);
    await page
      .locator('#site-search')
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        throw new Error(`the app did not start: ${await page.locator('body').innerText()}`, {
          cause: error,
        });
      });
    await page.waitForLoadState('networkidle');
    finished = [];
    await page.locator('#site-search').fill(FIRST);
    const firstTotal = Number(await (await settled(FIRST)).jsonValue());
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const first = take(FIRST, firstTotal);
    await page.locator('#site-search').fill('');
    await page.locator('#site-search').pressSequentially(SECOND, { delay: 60 });
    const typed = performance.now();
    const secondTotal = Number(await (await settled(SECOND)).jsonValue());
    const secondMs = performance.now() - typed;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const second = take(SECOND, secondTotal);
    let whole: SearchCosts['whole'] = null;
    const countAll = page.locator('[data-count-all]');
    if ((await countAll.count()) > 0) {
      const clicked = performance.now();
      await countAll.click();
      const wholeTotal = await page.waitForFunction(
        (text) => {
          const status = document.querySelector('[data-total][data-busy="false"]');
          return status?.getAttribute('data-query') === text && !status.getAttribute('data-since')
            ? Number(status.getAttribute('data-total'))
            : null;
        },
        SECOND,
        { timeout: 300_000, polling: 20 },
      );
      const ms = performance.now() - clicked;
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      whole = { ...take(SECOND, Number(await wholeTotal.jsonValue())), ms };
    }
    return { first, second, secondMs, whole };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}
