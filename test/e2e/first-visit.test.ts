/**
 * A small first visit (decision 023): the shell that every page loads holds neither language's
 * strings, nor the search engine, the sanitizer or the worker's client; the service worker
 * precaches that shell only; a cold visit reads the reader's language and not the other. Bytes
 * are measured and printed here, never asserted (`npm run bench` reports them).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { measureFirstVisit } from '../../scripts/bench/measure-first-visit';
import { getE2eEnv, getPageUrl, openFileSession, waitForServiceWorker } from './support/browser';
import { CHINESE_CATEGORY, CHINESE_POSTS } from './support/fixture-site';

// The page's own globals, used inside callbacks that run in the browser (this file is checked as Node code).
declare const caches: { match(url: string): Promise<unknown> };
declare const location: { href: string };

const env = getE2eEnv();
const dist = env.E2E_DIST;

/** Text only a given piece of code carries, as it stands in the minified output. */
const markers = {
  english: 'Skip to content',
  chinese: '跳到正文',
  searchEngine: 'SearchUnavailableError',
  sanitizer: 'ALLOWED_TAGS',
};

function readAsset(file: string): string {
  return readFileSync(path.join(dist, file), 'utf8');
}

/**
 * The shell's scripts and styles (`app-shell.html`: `index.html` as Vite wrote it, before it held
 * the home view), and every chunk they import statically (not `import()`).
 */
function getShellFiles(): Set<string> {
  const html = readAsset('app-shell.html');
  const files = new Set<string>();
  const pending = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (match) => match[1]!,
  );
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    for (const match of readAsset(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g))
      pending.push(`assets/${match[1]!}`);
  }
  return files;
}

test('the shell holds no catalogue, search engine, sanitizer or worker client', () => {
  const shell = getShellFiles();
  expect([...shell].some((file) => /^assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
  const code = [...shell].map(readAsset).join('\n');
  for (const [name, marker] of Object.entries(markers))
    expect([name, code.includes(marker)]).toEqual([name, false]);
  // workbox-window loads after the first paint.
  expect([...shell].filter((file) => file.includes('workbox-window'))).toEqual([]);
});

test('the service worker precaches the shell only', () => {
  const worker = readAsset('sw.js');
  const precached = [...worker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]!);
  const shell = getShellFiles();
  expect(precached).toContain('index.html');
  // It starts the app on a pre-rendered page, the worker's fallback page offline included.
  expect(precached).toContain('page-settings.js');
  for (const file of precached) {
    expect(existsSync(path.join(dist, file))).toBe(true);
    if (file.startsWith('assets/')) expect([file, shell.has(file)]).toEqual([file, true]);
    else expect(['index.html', 'manifest.webmanifest', 'page-settings.js']).toContain(file);
  }
});

test('a cold visit loads the reader’s language only, and its code stays for offline', async () => {
  const { page } = await openFileSession();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (/\/assets\/[^/]+\.js$/.test(response.url())) scripts.push(new URL(response.url()).pathname);
  });
  await page.goto(getPageUrl(env.E2E_URL, `/category/${encodeURIComponent(CHINESE_CATEGORY)}`));
  await page.getByRole('link', { name: CHINESE_POSTS[0]!.title }).first().waitFor();
  const loaded = scripts.map((pathname) => readAsset(pathname.slice(1))).join('\n');
  expect(loaded).toContain(markers.chinese);
  expect(loaded).not.toContain(markers.english);
  expect(loaded).not.toContain(markers.searchEngine);

  // The list's code was fetched before the worker took the page; it is copied into its cache.
  await waitForServiceWorker(page);
  const listChunk = scripts.find((pathname) => pathname.includes('/list-route-'));
  expect(listChunk).toBeDefined();
  await expect
    .poll(() =>
      page.evaluate(
        async (url) => Boolean(await caches.match(new URL(url, location.href).href)),
        listChunk!,
      ),
    )
    .toBe(true);
});

test('cold-visit bytes over gzip (measured, not asserted)', async () => {
  const article = `${CHINESE_POSTS[0]!.path}.html`;
  const results = await measureFirstVisit(env.E2E_URL, [
    '/',
    `/category/${encodeURIComponent(CHINESE_CATEGORY)}`,
    article,
  ]);
  for (const result of results) {
    console.log(
      `first visit ${result.path}: ${(result.bytes / 1000).toFixed(1)} kB in ${result.requests} requests`,
    );
    expect(result.requests).toBeGreaterThan(0);
  }
});
