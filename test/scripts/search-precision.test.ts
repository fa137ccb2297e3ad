/**
 * Precision and recall of search against a plain substring scan: the prebuild's real split
 * index, searched through Pagefind's own module under Node by the reader's search engine, on a
 * generated archive (always) and on the real sample (when present).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildContent } from '../../scripts/build-content';
import { readSiteConfig } from '../../scripts/content/read-config';
import { readPostFile } from '../../scripts/content/read-post';
import { listPostFiles } from '../../scripts/content/read-site';
import { generateSite } from '../../scripts/generate-corpus';
import {
  createSearchEngine,
  PAGE_SIZE,
  PartUnavailableError,
} from '../../src/features/search/api/search-engine';
import type {
  SearchParts,
  PagefindApi,
  SearchEngine,
  SearchRequest,
} from '../../src/features/search/api/search-engine';
import { manifestSchema } from '../../src/shared/schema';
import type { Manifest } from '../../src/shared/schema';

const SAMPLE = path.resolve(__dirname, '../../../shared/corpus/finews-sample');
const SLOW = 240_000;

type Post = { url: string; title: string; text: string; date: string };

/** Pagefind's browser module fetches its files; under Node they are read from the out dir. */
const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = (async (url: string | URL) => {
    const file = fileURLToPath(String(url).replace(/\?.*$/, ''));
    return new Response(readFileSync(file));
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

async function openSite(source: string, work: string) {
  const out = path.join(work, 'out');
  // The oracle reads the posts the prebuild read: title and text as indexed, before any bound.
  const read = new Map<string, Post>();
  const reader = {
    readSiteConfig,
    listPostFiles,
    readPostFile: (...args: Parameters<typeof readPostFile>) => {
      const result = readPostFile(...args);
      if (result.kind === 'post') {
        const { url, title, text, date } = result.post;
        read.set(url, { url, title, text, date });
      }
      return result;
    },
  };
  await buildContent(
    {
      source,
      out,
      cache: null,
      strict: false,
      search: true,
      quietIfUnchanged: false,
      now: new Date('2030-01-01T00:00:00Z'),
      keepBuilds: 0,
    },
    reader,
  );
  const manifest: Manifest = manifestSchema.parse(
    JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')),
  );
  const folder = path.join(out, manifest.search ?? '');
  const module = (await import(
    /* @vite-ignore */ pathToFileURL(path.join(folder, 'pagefind.js')).href
  )) as {
    createInstance: (options: Record<string, unknown>) => PagefindApi & {
      init: () => Promise<void>;
      mergeIndex: (p: string, o: Record<string, unknown>) => Promise<void>;
    };
  };
  const base = pathToFileURL(folder).href + '/';
  const shared = { baseUrl: '/', excerptLength: 40 };
  /** A fresh engine, and the parts it opened so far (newest first or not). */
  const makeEngine = (parts: Partial<SearchParts> = {}) => {
    const opened: string[] = [];
    const engine = createSearchEngine({
      indexes: manifest.searchIndexes,
      ...parts,
      async open(index) {
        opened.push(index.path);
        const runtime = manifest.searchRuntimes.find((entry) => entry.language === index.language);
        const instance = module.createInstance({
          ...shared,
          basePath: `${base}${runtime?.path ?? ''}`,
          metaCacheTag: runtime?.tag,
        });
        await instance.init();
        await instance.mergeIndex(`${base}${index.path}`, {
          ...shared,
          metaCacheTag: index.tag,
          language: index.language,
        });
        return instance;
      },
    });
    return { engine, opened };
  };
  const { engine } = makeEngine();
  // Duplicates the bundle left out are not searchable: only the posts in the article shards count.
  const kept = new Set(readBundleUrls(out));
  const articles = [...read.values()].filter((post) => kept.has(post.url));
  return { engine, articles, manifest, makeEngine };
}

/** The URLs of the posts in the bundle's article shards. */
function readBundleUrls(out: string): string[] {
  const dir = path.join(out, 'articles');
  return readdirSync(dir).flatMap((name) =>
    (
      JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { posts: { url: string }[] }
    ).posts.map((post) => post.url),
  );
}

const request = (q: string, change: Partial<SearchRequest> = {}): SearchRequest => ({
  q,
  whole: false,
  category: '',
  tag: '',
  from: '',
  to: '',
  order: 'date',
  page: 1,
  ...change,
});

/**
 * Every result of a query, page by page as the reader gets them (newest first reads back in
 * time), and the exact total from a search of every part.
 */
async function allResults(
  engine: SearchEngine,
  q: string,
  change: Partial<SearchRequest> = {},
): Promise<{ total: number; urls: string[] }> {
  const { total } = await engine.run(request(q, { ...change, whole: true }));
  const urls: string[] = [];
  for (let page = 1; ; page++) {
    const outcome = await engine.run(request(q, { ...change, page }));
    urls.push(...outcome.hits.map((hit) => hit.url));
    if (!outcome.more || page > 10_000) break;
  }
  return { total, urls };
}

/** Queries: the words and mixed forms, plus CJK runs of 2–6 characters taken from the posts. */
function pickQueries(posts: readonly Post[], count: number): string[] {
  const queries = new Set(['人民币', 'A股', '东数西算', '九霄鲲鹏', '5G', '2022年']);
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  while (queries.size < count) {
    const post = posts[next() % posts.length];
    if (!post) break;
    const runs = `${post.title}\n${post.text}`.match(/[\p{Script=Han}]{2,}/gu) ?? [];
    const run = runs[next() % Math.max(1, runs.length)];
    if (!run) continue;
    const length = 2 + (next() % 5);
    const start = next() % Math.max(1, run.length - length + 1);
    if (run.length >= length) queries.add(run.slice(start, start + length));
  }
  return [...queries];
}

async function measure(engine: SearchEngine, posts: readonly Post[], queries: readonly string[]) {
  let found = 0;
  let relevant = 0;
  let correct = 0;
  for (const q of queries) {
    const expected = new Set(
      posts
        .filter((post) => `${post.title}\n${post.text}`.toLowerCase().includes(q.toLowerCase()))
        .map((post) => post.url),
    );
    const { total, urls } = await allResults(engine, q);
    expect(urls).toHaveLength(total);
    expect(new Set(urls).size).toBe(urls.length);
    if (process.env.SEARCH_DEBUG) {
      const got = new Set(urls);
      const missed = [...expected].filter((url) => !got.has(url));
      const extra = urls.filter((url) => !expected.has(url));
      if (missed.length || extra.length)
        console.log(q, 'missed', missed.slice(0, 2), 'extra', extra.slice(0, 2));
    }
    found += urls.length;
    relevant += expected.size;
    correct += urls.filter((url) => expected.has(url)).length;
  }
  return {
    precision: found === 0 ? 1 : correct / found,
    recall: relevant === 0 ? 1 : correct / relevant,
  };
}

type OpenSite = Awaited<ReturnType<typeof openSite>>;

async function expectPrecise(site: OpenSite, name: string): Promise<void> {
  const queries = pickQueries(site.articles, 40);
  const { precision, recall } = await measure(site.engine, site.articles, queries);
  console.log(
    `${name}: precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`,
  );
  expect(precision).toBeGreaterThanOrEqual(0.95);
  expect(recall).toBeGreaterThanOrEqual(0.95);
}

describe('a generated archive', () => {
  let work = '';
  let site: OpenSite;
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-precision-'));
    const source = path.join(work, 'site');
    generateSite({ out: source, posts: 2500, seed: 9 } as never);
    site = await openSite(source, work);
  }, SLOW);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('is split into several indexes', () => {
    expect(site.manifest.searchIndexes.length).toBeGreaterThan(1);
  });

  test(
    'finds what a substring scan finds: precision and recall of at least 95%',
    () => expectPrecise(site, 'generated archive'),
    SLOW,
  );

  test(
    'newest first pages through every result in date order',
    async () => {
      const { urls } = await allResults(site.engine, '市场');
      const dates = new Map(site.articles.map((post) => [post.url, post.date]));
      const ordered = urls.map((url) => dates.get(url) ?? '');
      expect(urls.length).toBeGreaterThan(PAGE_SIZE * 3);
      expect(ordered).toEqual([...ordered].sort().reverse());
    },
    SLOW,
  );

  test(
    'newest first reads back in time: a page opens only the parts it needs and says since when it counted',
    async () => {
      const { engine, opened } = site.makeEngine();
      const newest = [...site.manifest.searchIndexes].sort((a, b) => (a.last < b.last ? 1 : -1));
      const first = await engine.run(request('市场'));
      expect(first.hits).toHaveLength(PAGE_SIZE);
      expect(opened.length).toBeLessThan(newest.length);
      expect(opened).toEqual(newest.slice(0, opened.length).map((index) => index.path));
      expect(first.since).toBe(newest[opened.length - 1]?.first);
      expect(first.more).toBe(true);
      const inRange = site.articles.filter(
        (post) =>
          post.date.slice(0, 10) >= (first.since ?? '') &&
          `${post.title}\n${post.text}`.includes('市场'),
      );
      expect(first.total).toBe(inRange.length);
      expect(first.months.reduce((sum, month) => sum + month.count, 0)).toBe(first.total);
      const whole = await engine.run(request('市场', { whole: true }));
      expect(opened).toHaveLength(newest.length);
      expect(whole.since).toBeNull();
      expect(whole.hits.map((hit) => hit.url)).toEqual(first.hits.map((hit) => hit.url));
      expect(whole.total).toBeGreaterThan(first.total);
    },
    SLOW,
  );

  test(
    'a date range opens only the parts it meets, and counts exactly within it',
    async () => {
      const { engine, opened } = site.makeEngine();
      const [oldest] = site.manifest.searchIndexes;
      const from = oldest?.first ?? '';
      const to = oldest?.last ?? '';
      const { total, urls } = await allResults(engine, '市场', { from, to });
      const expected = site.articles.filter((post) => {
        const day = post.date.slice(0, 10);
        return day >= from && day <= to && `${post.title}\n${post.text}`.includes('市场');
      });
      expect(new Set(opened)).toEqual(new Set([oldest?.path]));
      expect(total).toBe(expected.length);
      expect(new Set(urls)).toEqual(new Set(expected.map((post) => post.url)));
    },
    SLOW,
  );

  test(
    'offline, a part not searched before stops the search unless the page is already full',
    async () => {
      const newest = [...site.manifest.searchIndexes].sort((a, b) => (a.last < b.last ? 1 : -1));
      const online = site.makeEngine();
      const page1 = await online.engine.run(request('市场'));
      const reached = new Set(online.opened);
      const offline = site.makeEngine({ isAvailable: (index) => reached.has(index.path) });
      expect((await offline.engine.run(request('市场'))).hits).toEqual(page1.hits);
      const beyond = Math.ceil(page1.total / PAGE_SIZE) + 1;
      await expect(offline.engine.run(request('市场', { page: beyond }))).rejects.toBeInstanceOf(
        PartUnavailableError,
      );
      await expect(offline.engine.run(request('市场', { whole: true }))).rejects.toBeInstanceOf(
        PartUnavailableError,
      );
      expect(newest.length).toBeGreaterThan(reached.size);
    },
    SLOW,
  );
});

describe.skipIf(!existsSync(SAMPLE))('the real sample', () => {
  let work = '';
  let site: OpenSite;
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-precision-'));
    site = await openSite(SAMPLE, work);
  }, SLOW);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test(
    'finds what a substring scan finds: precision and recall of at least 95%',
    () => expectPrecise(site, 'sample'),
    SLOW,
  );
});
