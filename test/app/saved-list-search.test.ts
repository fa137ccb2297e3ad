import { expect, test } from 'vitest';
import type { Article } from '../../src/shared/schema';
import type { SavedList } from '../../src/lib/saved-lists';
import { containsQuery } from '../../src/shared/search-text';
import { PAGE_SIZE, type SearchRequest } from '../../src/features/search/api/search-engine';
import { readSearchRequest } from '../../src/features/search/search-params';
import {
  findSavedListFor,
  searchPosts,
  toSearchText,
} from '../../src/features/search/api/saved-list-search';

function article(
  n: number,
  category: string,
  title: string,
  html: string,
  tags: string[] = [],
): Article {
  const day = String(1 + (n % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(n / 28) % 12)).padStart(2, '0');
  return {
    url: `/${category}/2023/${month}/${day}/post-${n}.html`,
    title,
    date: `2023-${month}-${day}T${String(n % 24).padStart(2, '0')}:00:00+08:00`,
    categories: [category],
    tags,
    excerpt: `摘要${n}`,
    chars: html.length,
    lang: 'zh-cn',
    html,
    source: null,
    prev: null,
    next: null,
  };
}

/** A request with the URL's defaults, changed where given. */
const request = (change: Partial<SearchRequest>): SearchRequest => ({
  ...readSearchRequest(new URLSearchParams()),
  ...change,
});

const words = ['央行', '利率', '新能源', '汽车', '出口', 'A股', '5G', '基金'];
const posts: Article[] = Array.from({ length: 300 }, (_, n) =>
  article(
    n,
    n % 3 === 0 ? 'markets' : 'economy',
    `第${n}号：${words[n % words.length]}动态`,
    `<p>${words[(n * 7) % words.length]}与${words[(n * 5) % words.length]}</p><p>A<b>股</b>市场 &amp; 观察${n % 11 === 0 ? '<script>利率</script>' : ''}</p>`,
    n % 4 === 0 ? ['快讯'] : [],
  ),
);

test('the text searched is what a reader sees: tags out, script content dropped, entities decoded', () => {
  expect(
    toSearchText('<p>一</p><p>二<b>三</b>&amp;&#x56DB;</p><script>五</script><!-- 六 -->七'),
  ).toBe('一 二三&四 七');
});

test('a saved list answers a query restricted to it, exactly as a substring scan and in order', () => {
  for (const q of ['利率', 'A股', '5G', '新能源汽车', '观察']) {
    const wanted = posts.filter(
      (post) =>
        post.categories.includes('markets') &&
        containsQuery(`${post.title}\n${toSearchText(post.html)}`, q),
    );
    const outcome = searchPosts(posts, request({ q, category: 'markets' }), '市场');
    expect(outcome.total).toBe(wanted.length);
    expect(outcome.savedList).toBe('市场');
    const all = [];
    for (let page = 1; page <= Math.ceil(outcome.total / PAGE_SIZE); page++)
      all.push(...searchPosts(posts, request({ q, category: 'markets', page }), '').hits);
    expect(all.map((hit) => hit.url).sort()).toEqual(wanted.map((post) => post.url).sort());
    const dates = all.map((hit) => hit.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(outcome.categories).toEqual(
      wanted.length ? [{ value: 'markets', count: wanted.length }] : [],
    );
  }
  // 'A股' spans an inline tag (`A<b>股</b>`) in every post.
  expect(searchPosts(posts, request({ q: 'A股', category: 'markets' }), '').total).toBe(100);
  // Text inside a script is not text of the post.
  const inScript = searchPosts(posts, request({ q: '利率', category: 'markets' }), '');
  for (const hit of inScript.hits)
    expect(containsQuery(`${hit.title}\n${hit.excerpt}`, '利率')).toBe(true);
});

test('a saved list narrows by tag and date, and best match puts title matches first', () => {
  const tagged = searchPosts(posts, request({ q: '观察', category: 'markets', tag: '快讯' }), '');
  expect(tagged.total).toBe(
    posts.filter((p) => p.categories.includes('markets') && p.tags.includes('快讯')).length,
  );
  const dated = searchPosts(
    posts,
    request({ q: '观察', category: 'markets', from: '2023-02-01', to: '2023-02-28' }),
    '',
  );
  expect(dated.months).toEqual([{ value: '2023-02', count: dated.total }]);
  const ask = (page: number) =>
    searchPosts(posts, request({ q: '利率', category: 'markets', order: 'relevance', page }), '');
  const best = [1, 2, 3, 4, 5].flatMap((page) => ask(page).hits);
  expect(best).toHaveLength(ask(1).total);
  const inTitle = best.findIndex((hit) => !hit.title.includes('利率'));
  expect(inTitle).toBeGreaterThan(0);
  for (const hit of best.slice(inTitle)) expect(hit.title.includes('利率')).toBe(false);
  for (const hit of best) expect(containsQuery(`${hit.title}\n${hit.excerpt}`, '利率')).toBe(true);
});

test('which saved list can answer a request', () => {
  const saved = (list: string): SavedList => ({
    list,
    title: list,
    path: '/',
    posts: 1,
    files: [],
    index: 'x',
  });
  expect(findSavedListFor([saved('c:markets')], request({ category: 'markets' }))?.list).toBe(
    'c:markets',
  );
  expect(findSavedListFor([saved('c:markets')], request({ category: 'economy' }))).toBeNull();
  expect(findSavedListFor([saved('c:markets')], request({}))).toBeNull();
  expect(findSavedListFor([saved('t:快讯')], request({ tag: '快讯' }))?.list).toBe('t:快讯');
  expect(findSavedListFor([saved('all')], request({}))?.list).toBe('all');
});
