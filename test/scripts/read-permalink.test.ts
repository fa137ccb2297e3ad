import { expect, test } from 'vitest';
import {
  buildPostUrl,
  escapePath,
  getPermalinkTemplate,
  sanitizeUrl,
  slugify,
  titleizeSlug,
  type UrlFacts,
} from '../../scripts/content/read-permalink';
import { getDatePlaceholders } from '../../scripts/content/read-date';

// 2021-12-05 is a Sunday; 21:22:03 in Shanghai.
const instant = Date.parse('2021-12-05T13:22:03Z');
const facts: UrlFacts = {
  file: '_posts/2021-12-05-Hello World.md',
  slug: 'Hello World',
  categories: ['Markets', '财经'],
  outputExt: '.html',
  date: getDatePlaceholders(instant, 'Asia/Shanghai'),
};

function url(template: string, overrides: Partial<UrlFacts> = {}): string {
  const built = buildPostUrl(getPermalinkTemplate(template), { ...facts, ...overrides });
  if (!built.ok) throw new Error(built.message);
  return built.url;
}

test('the built-in styles', () => {
  const categories = '/markets/%E8%B4%A2%E7%BB%8F';
  expect(url('date')).toBe(`${categories}/2021/12/05/Hello-World.html`);
  expect(url('pretty')).toBe(`${categories}/2021/12/05/Hello-World/`);
  expect(url('ordinal')).toBe(`${categories}/2021/339/Hello-World.html`);
  expect(url('weekdate')).toBe(`${categories}/2021/W48/Sun/Hello-World.html`);
  expect(url('none')).toBe(`${categories}/Hello-World.html`);
});

test('every placeholder of a custom template', () => {
  expect(url('/:year/:month/:day/:i_month/:i_day/:y_day/:short_year/:hour/:minute/:second')).toBe(
    '/2021/12/05/12/5/339/21/21/22/03',
  );
  expect(url('/:short_month/:long_month/:short_day/:long_day/:w_year/:week/:w_day')).toBe(
    '/Dec/December/Sun/Sunday/2021/48/7',
  );
  expect(url('/:collection/:path/:name/:slug/:title:output_ext')).toBe(
    '/posts/2021-12-05-Hello%20World/2021-12-05-hello-world/hello-world/Hello-World.html',
  );
  expect(url('/:slugified_categories/:title')).toBe('/markets/%E8%B4%A2%E7%BB%8F/Hello-World');
  // `:month_` is :month followed by an underscore.
  expect(url('/:year_:month_:day')).toBe('/2021_12_05');
});

test('categories are lower-cased, de-duplicated and vanish when empty', () => {
  expect(url('date', { categories: ['News', 'news', 'NEWS'] })).toBe(
    '/news/2021/12/05/Hello-World.html',
  );
  expect(url('date', { categories: [] })).toBe('/2021/12/05/Hello-World.html');
});

test('an unknown placeholder is an error', () => {
  expect(buildPostUrl('/:nope/:title', facts)).toMatchObject({ ok: false });
});

test('slugify keeps letters, marks and digits; pretty mode keeps URL-safe punctuation and case', () => {
  expect(slugify("Special chars (1) & co's!", 'pretty')).toBe("Special-chars-(1)-&-co's!");
  expect(slugify("Special chars (1) & co's!", 'default')).toBe('special-chars-1-co-s');
  expect(slugify('  新闻 稿  ', 'pretty')).toBe('新闻-稿');
  expect(slugify('Ünïcödé', 'default')).toBe('ünïcödé');
});

test('titleizeSlug capitalizes each word like Ruby', () => {
  expect(titleizeSlug('my-FIRST-post')).toBe('My First Post');
  expect(titleizeSlug('202112082206703990')).toBe('202112082206703990');
  expect(titleizeSlug('trailing-')).toBe('Trailing');
});

test('escapePath percent-encodes like Jekyll (Addressable) does', () => {
  expect(escapePath('abc/DEF-1.2')).toEqual({ ok: true, path: 'abc/DEF-1.2' });
  expect(escapePath('财经')).toEqual({ ok: true, path: '%E8%B4%A2%E7%BB%8F' });
  expect(escapePath('a b')).toEqual({ ok: true, path: 'a%20b' });
  expect(escapePath('100%')).toEqual({ ok: true, path: '100%25' });
  expect(escapePath('q?a')).toEqual({ ok: true, path: 'q?a' });
  expect(escapePath('c#d#e')).toEqual({ ok: true, path: 'c%23d%23e' });
  expect(escapePath("it's (1) & co")).toEqual({ ok: true, path: "it's%20(1)%20&%20co" });
  expect(escapePath('a:b')).toEqual({ ok: true, path: 'a:b' });
  expect(escapePath('新闻:快讯')).toMatchObject({ ok: false });
});

test('sanitizeUrl adds the leading slash and removes .. ./ and repeated slashes', () => {
  expect(sanitizeUrl('a//b/../c/./d')).toBe('/a/b/c/d');
  expect(sanitizeUrl('//x')).toBe('/x');
});
