import { expect, test } from 'vitest';
import {
  createSearchEngine,
  PAGE_SIZE,
  type PagefindApi,
  type SearchRequest,
} from '../../src/features/search/api/search-engine';
import type { SearchIndex } from '../../src/shared/schema';

/** A part of a made-up index: its posts, each on a day and matching the query or not. */
type FakePost = { url: string; day: string; matches: boolean };

function makePart(path: string, posts: FakePost[]): { index: SearchIndex; posts: FakePost[] } {
  const days = posts.map((post) => post.day).sort();
  return {
    index: {
      path: `zh-cn/${path}/`,
      tag: path.replace(/[^0-9a-f]/g, '').padEnd(16, '0'),
      language: 'zh-cn',
      first: days[0] ?? '',
      last: days[days.length - 1] ?? '',
      posts: posts.length,
    },
    posts,
  };
}

/** Pagefind as the engine sees one part: matching posts newest first, with per-day counts. */
function fakeApi(posts: FakePost[]): PagefindApi {
  return {
    filters: () => Promise.resolve({}),
    search: (_term, options) => {
      const day = options?.filters?.day;
      const allowed = typeof day === 'object' ? new Set(day.any) : null;
      const found = posts
        .filter((post) => post.matches && (!allowed || allowed.has(post.day)))
        .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
      const perDay: Record<string, number> = {};
      for (const post of found) perDay[post.day] = (perDay[post.day] ?? 0) + 1;
      return Promise.resolve({
        results: found.map((post) => ({
          id: post.url,
          score: 1,
          data: () => Promise.resolve({ url: post.url, excerpt: '', meta: { title: post.url } }),
        })),
        filters: { day: perDay },
      });
    },
  };
}

/** `count` posts on `day`, every `every`-th one matching. */
function posts(prefix: string, day: string, count: number, every: number): FakePost[] {
  return Array.from({ length: count }, (_, at) => ({
    url: `/${prefix}-${at}`,
    day,
    matches: at % every === 0,
  }));
}

const request = (change: Partial<SearchRequest> = {}): SearchRequest => ({
  q: '市场',
  whole: false,
  category: '',
  tag: '',
  from: '',
  to: '',
  order: 'date',
  page: 1,
  ...change,
});

function makeEngine(parts: { index: SearchIndex; posts: FakePost[] }[]) {
  const opened: string[] = [];
  const engine = createSearchEngine({
    indexes: parts.map((part) => part.index),
    open: (index) => {
      opened.push(index.path);
      const part = parts.find((entry) => entry.index.path === index.path);
      return Promise.resolve(fakeApi(part?.posts ?? []));
    },
  });
  return { engine, opened };
}

// Oldest first, as the manifest lists them: a month of four big parts, then a new month's first post.
const archive = [
  makePart('2022-10-01-a', posts('a', '2022-10-05', 1000, 2)),
  makePart('2022-10-10-b', posts('b', '2022-10-15', 1000, 2)),
  makePart('2022-10-20-c', posts('c', '2022-10-25', 1000, 2)),
  makePart('2022-10-28-d', posts('d', '2022-10-30', 1000, 2)),
  makePart('2022-11-01-e', posts('e', '2022-11-01', 1, 2)),
];

test('after a tiny newest part, newest first reads one more part, not two', async () => {
  const { engine, opened } = makeEngine(archive);
  const outcome = await engine.run(request());
  expect(opened).toEqual(['zh-cn/2022-11-01-e/', 'zh-cn/2022-10-28-d/']);
  expect(outcome.hits).toHaveLength(PAGE_SIZE);
  expect(outcome.hits[0]?.url).toBe('/e-0');
  expect(outcome.since).toBe('2022-10-30');
  expect(outcome.total).toBe(501);
  expect(outcome.more).toBe(true);
});

test('a rare word reads back in growing rounds, and counts exactly once every part is read', async () => {
  const rare = [
    makePart('2022-09-01-a', posts('a', '2022-09-05', 1000, 1000)),
    makePart('2022-09-10-b', posts('b', '2022-09-15', 1000, 1000)),
    makePart('2022-09-20-c', posts('c', '2022-09-25', 1000, 1000)),
    makePart('2022-10-01-d', posts('d', '2022-10-05', 1000, 1000)),
    makePart('2022-10-10-e', posts('e', '2022-10-15', 1000, 1000)),
  ];
  const { engine, opened } = makeEngine(rare);
  const outcome = await engine.run(request());
  expect(opened).toHaveLength(5);
  expect(outcome.total).toBe(5);
  expect(outcome.since).toBeNull();
  expect(outcome.more).toBe(false);
  expect(outcome.hits.map((hit) => hit.url)).toEqual(['/e-0', '/d-0', '/c-0', '/b-0', '/a-0']);
});

test('a later page reads back as far as it needs, and `whole` reads every part', async () => {
  const { engine, opened } = makeEngine(archive);
  const page30 = await engine.run(request({ page: 30 }));
  // 20 × 30 = 600 results: the tiny part and two of the month's parts (501 + 500).
  expect(opened).toHaveLength(3);
  expect(page30.hits.map((hit) => hit.url)[0]).toBe(`/c-${2 * (580 - 501)}`);
  const whole = await engine.run(request({ whole: true }));
  expect(opened).toHaveLength(5);
  expect(whole.total).toBe(2001);
  expect(whole.since).toBeNull();
});

test('closing lets go of every part opened, and a later search opens them again', async () => {
  const destroyed: string[] = [];
  const opened: string[] = [];
  const engine = createSearchEngine({
    indexes: archive.map((part) => part.index),
    open: (index) => {
      opened.push(index.path);
      const part = archive.find((entry) => entry.index.path === index.path);
      return Promise.resolve({
        ...fakeApi(part?.posts ?? []),
        destroy: () => {
          destroyed.push(index.path);
          return Promise.resolve();
        },
      });
    },
  });
  await engine.run(request());
  await engine.close();
  expect(destroyed).toEqual(opened);
  await engine.run(request());
  expect(opened).toHaveLength(destroyed.length * 2);
});
