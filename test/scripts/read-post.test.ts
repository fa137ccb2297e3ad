import { expect, test } from 'vitest';
import type { SiteConfig } from '../../scripts/content/types';
import { MAX_BODY_CHARS, readPostFile } from '../../scripts/content/read-post';
import { writePost } from './fixtures/write-site';

const config: SiteConfig = {
  title: '测试',
  description: '',
  lang: 'zh-CN',
  timezone: 'Asia/Shanghai',
  permalink: 'date',
  url: '',
  baseurl: '',
  archive: [],
  formerHosts: [],
};
const now = new Date('2024-06-01T00:00:00Z');

function read(file: string, content: string | Buffer, site: SiteConfig = config) {
  return readPostFile(
    file,
    typeof content === 'string' ? Buffer.from(content) : content,
    site,
    now,
  );
}

function readPost(file: string, content: string | Buffer, site: SiteConfig = config) {
  const result = read(file, content, site);
  if (result.kind !== 'post') throw new Error(`${file} was skipped: ${result.reason}`);
  return result;
}

const digestPost = writePost(
  'layout: post\ntitle: "央行宣布下调存款准备金率"\ndate: 2022-02-26 21:22:00 +0800\ncategories: caijing\ntags: 财经新闻',
  [
    '> 央行决定下调金融机构存款准备金率0.5个百分点，释放长期资金约一万亿元。',
    '',
    '<p class="em_media">（文章来源：示例通讯社）</p><p>央行决定下调金融机构存款准备金率0.5个百分点。</p>',
    '',
    '<http://news.example.com/a/1.html>',
    '',
    '[返回财经新闻](//archive.example.com/category/caijing.html)｜[返回首页](//archive.example.com/)',
    '',
  ].join('\n'),
);

test('a typical post: URL, date in the site zone, categories, tags, body, source', () => {
  const { post, diagnostics } = readPost('_posts/2022-02-26-NW2022.md', digestPost);
  expect(diagnostics).toEqual([]);
  expect(post).toMatchObject({
    file: '_posts/2022-02-26-NW2022.md',
    url: '/caijing/2022/02/26/NW2022.html',
    title: '央行宣布下调存款准备金率',
    date: '2022-02-26T21:22:00+08:00',
    categories: ['caijing'],
    tags: ['财经新闻'],
    source: 'http://news.example.com/a/1.html',
  });
  expect(post.excerpt).toBe(
    '央行决定下调金融机构存款准备金率0.5个百分点，释放长期资金约一万亿元。',
  );
  expect(post.html).toContain('<p class="em_media">');
  expect(post.html).toContain('返回首页');
  expect(post.text).not.toContain('返回首页');
  expect(post.text).not.toContain('<');
});

test('a front-matter time without offset is UTC, then shown in the site zone (and moves the URL day)', () => {
  const { post } = readPost(
    '_posts/2021-12-08-late.md',
    writePost('title: 深夜\ndate: 2021-12-08 20:00:00'),
  );
  expect(post.date).toBe('2021-12-09T04:00:00+08:00');
  expect(post.url).toBe('/2021/12/09/late.html');
});

test('a quoted date string without offset is local to the site zone, as Ruby parses it', () => {
  const { post } = readPost(
    '_posts/2021-12-08-q.md',
    writePost('title: 引号\ndate: "2021-12-08 20:00:00"'),
  );
  expect(post.date).toBe('2021-12-08T20:00:00+08:00');
});

test('a YAML date alone is midnight in the site zone; the front-matter date beats the file name', () => {
  const { post } = readPost('_posts/2021-01-01-d.md', writePost('title: 日期\ndate: 2022-03-04'));
  expect(post.date).toBe('2022-03-04T00:00:00+08:00');
  expect(post.url).toBe('/2022/03/04/d.html');
});

test('a file-name date alone is midnight in the site zone', () => {
  const { post } = readPost('_posts/2021-12-08-x.md', writePost('title: 仅文件名'));
  expect(post.date).toBe('2021-12-08T00:00:00+08:00');
  const utc = readPost('_posts/2021-12-08-x.md', writePost('title: 仅文件名'), {
    ...config,
    timezone: 'UTC',
  });
  expect(utc.post.date).toBe('2021-12-08T00:00:00+00:00');
});

test('an impossible file-name date rolls over like Ruby, with a warning', () => {
  const { post, diagnostics } = readPost('_posts/2022-02-30-x.md', writePost('title: 二月三十'));
  expect(post.url).toBe('/2022/03/02/x.html');
  expect(diagnostics).toEqual([
    expect.objectContaining({ file: '_posts/2022-02-30-x.md', line: 0, severity: 'warning' }),
  ]);
});

test("an impossible unquoted front-matter date keeps Jekyll's rolled-over day, with a warning on its line", () => {
  // Psych reads an unquoted timestamp itself and rolls Feb 30 over to Mar 2; this used to pass in silence.
  for (const value of ['2021-02-30 10:00:00 +0800', '"2021-02-30 10:00:00 +0800"']) {
    const file = '_posts/2021-02-28-rollover.md';
    const { post, diagnostics } = readPost(file, writePost(`title: 滚动\ndate: ${value}`));
    expect(post.url).toBe('/2021/03/02/rollover.html');
    expect(post.date).toBe('2021-03-02T10:00:00+08:00');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file,
        line: 3,
        severity: 'warning',
        message: expect.stringContaining(
          '2021-02-30 10:00:00 +0800" is out of range; read as 2021-03-02',
        ),
      }),
    ]);
  }
});

test('an alias to no anchor or an alias bomb is invalid front matter on its line, not a crash', () => {
  // Found by the fuzzer: the YAML parser throws for these instead of reporting them.
  const file = '_posts/2021-12-08-alias.md';
  const cases = [
    { yaml: 'layout: post\ntitle: *nowhere', line: 3 },
    {
      yaml: `a: &a [x, x]\n${Array.from({ length: 12 }, (_, i) => `b${i}: &b${i} [*${i === 0 ? 'a' : `b${i - 1}`}, *${i === 0 ? 'a' : `b${i - 1}`}]`).join('\n')}\ntitle: *b11`,
      line: 1,
    },
  ];
  for (const { yaml, line } of cases) {
    const result = read(file, writePost(yaml));
    expect(result).toMatchObject({ kind: 'skipped', reason: 'invalid front matter' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file, line, severity: 'error' }),
    ]);
  }
});

test('a list or mapping that holds itself through an anchor is read, not a stack overflow', () => {
  // Found by the fuzzer (`categories: &a [*a]` recursed without end).
  const { post } = readPost(
    '_posts/2021-12-08-loop.md',
    writePost('title: &t {self: *t}\ncategories: &a [x, *a]\ntags: &b [*b]'),
  );
  expect(post.title).toBe('{...}');
  // As Ruby's `to_s` writes the list inside itself.
  expect(post.categories).toEqual(['x', '["x", [...]]']);
  expect(post.tags).toEqual(['[[...]]']);
});

test('an invalid front-matter date is an error on its line and the file is skipped', () => {
  for (const value of ['不是日期', '', ' +0800', '2021-13-01', '2021-12-08 25:00:00']) {
    const file = '_posts/2021-12-08-bad.md';
    const result = read(file, writePost(`title: 坏\nlayout: post\ndate: ${value}`));
    expect(result).toMatchObject({ kind: 'skipped', reason: 'invalid date' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file, line: 4, severity: 'error' }),
    ]);
  }
});

test('a file name without a date is skipped and reported', () => {
  const result = read('_posts/-202205262391921712.md', writePost('title: ""\ndate:  +0800'));
  expect(result).toMatchObject({ kind: 'skipped', reason: 'file name has no date' });
  expect(result.diagnostics).toEqual([expect.objectContaining({ line: 0, severity: 'warning' })]);
  expect(read('_posts/notes.txt', '笔记')).toMatchObject({
    kind: 'skipped',
    reason: 'file name has no date',
  });
});

test('files Jekyll ignores are skipped with the reason', () => {
  expect(read('_posts/2021-12-08-x.md~', writePost('title: a'))).toMatchObject({
    reason: 'backup file',
  });
  expect(read('_posts/.2021-12-08-x.md', writePost('title: a'))).toMatchObject({
    reason: 'hidden file',
  });
  expect(read('_posts/_2021-12-08-x.md', writePost('title: a'))).toMatchObject({
    reason: 'hidden file',
  });
  expect(read('_posts/#2021-12-08-x.md', writePost('title: a'))).toMatchObject({
    reason: 'hidden file',
  });
  expect(read('_posts/_old/2021-12-08-x.md', writePost('title: a'))).toMatchObject({
    reason: 'hidden file',
  });
  expect(read('_posts/a/.b/2021-12-08-x.md', writePost('title: a'))).toMatchObject({
    reason: 'hidden file',
  });
  expect(read('_posts/2021-12-08-x.yml', 'a: 1')).toMatchObject({ reason: 'data file' });
});

test('published: false (or an empty value) is skipped; the string "false" is published', () => {
  expect(read('_posts/2021-12-08-a.md', writePost('title: a\npublished: false'))).toMatchObject({
    kind: 'skipped',
    reason: 'published: false',
  });
  expect(read('_posts/2021-12-08-a.md', writePost('title: a\npublished: no'))).toMatchObject({
    kind: 'skipped',
  });
  expect(read('_posts/2021-12-08-a.md', writePost('title: a\npublished:'))).toMatchObject({
    kind: 'skipped',
  });
  expect(read('_posts/2021-12-08-a.md', writePost('title: a\npublished: "false"'))).toMatchObject({
    kind: 'post',
  });
  expect(read('_posts/2021-12-08-a.md', writePost('title: a\npublished: 0'))).toMatchObject({
    kind: 'post',
  });
});

test('a future-dated post is skipped as "future-dated"', () => {
  const result = read('_posts/2024-06-02-soon.md', writePost('title: 明天'));
  expect(result).toMatchObject({ kind: 'skipped', reason: 'future-dated' });
  expect(read('_posts/2024-05-31-past.md', writePost('title: 昨天'))).toMatchObject({
    kind: 'post',
  });
});

test('a file without front matter is published with the file-name date and title', () => {
  const { post } = readPost('news/_posts/2021-12-08-my-first-post.md', '没有头信息的正文。\n');
  expect(post).toMatchObject({
    title: 'My First Post',
    url: '/news/2021/12/08/my-first-post.html',
    categories: ['news'],
  });
});

test('categories: a string splits on ASCII whitespace only, a list is kept, folders come first', () => {
  const split = readPost(
    '_posts/2021-12-08-a.md',
    writePost('title: a\ncategories: Markets  财经\u3000新闻'),
  );
  expect(split.post.categories).toEqual(['Markets', '财经\u3000新闻']);
  const list = readPost(
    'Top/_posts/2021-12-08-a.md',
    writePost('title: a\ncategories: [财经 新闻, Top, b]'),
  );
  expect(list.post.categories).toEqual(['Top', '财经 新闻', 'b']);
  expect(list.post.url).toBe('/top/%E8%B4%A2%E7%BB%8F%20%E6%96%B0%E9%97%BB/b/2021/12/08/a.html');
});

test('category and tag (singular) are not split; tag replaces tags', () => {
  const { post } = readPost(
    '_posts/2021-12-08-a.md',
    writePost('title: a\ncategory: Foo Bar\ntag: 港股 美股\ntags: x y'),
  );
  expect(post.categories).toEqual(['Foo Bar']);
  expect(post.tags).toEqual(['港股 美股']);
  expect(post.url).toBe('/foo%20bar/2021/12/08/a.html');
});

test('an empty or missing title warns and falls back to the file name; HTML in a title stays text', () => {
  const empty = readPost('_posts/2021-12-08-rate-cut.md', writePost('layout: post\ntitle: ""'));
  expect(empty.post.title).toBe('Rate Cut');
  expect(empty.diagnostics).toEqual([expect.objectContaining({ line: 3, severity: 'warning' })]);
  const html = readPost('_posts/2021-12-08-a.md', writePost('title: "<b>加粗</b> & 标题"'));
  expect(html.post.title).toBe('<b>加粗</b> & 标题');
});

test('invalid YAML is an error at its real line in the file, and the file is skipped', () => {
  const file = '_posts/2021-12-08-a.md';
  const result = read(file, '---\nlayout: post\ntitle: "未闭合\ncategories: [a\n---\n正文\n');
  expect(result).toMatchObject({ kind: 'skipped', reason: 'invalid front matter' });
  expect(result.diagnostics).toHaveLength(1);
  expect(result.diagnostics[0]).toMatchObject({ file, severity: 'error' });
  expect(result.diagnostics[0]?.line).toBeGreaterThanOrEqual(3);
  const tab = read(file, '\n\n---\ntitle: a\n\tlayout: post\n---\n');
  expect(tab.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.line).toBe(5);
  const quote = read(file, '---\nlayout: post\ntitle: "未闭合\n---\n');
  expect(quote.diagnostics).toEqual([expect.objectContaining({ line: 3, severity: 'error' })]);
});

test('a blank line or BOM before --- is tolerated with a warning, keeping the URL Jekyll gave', () => {
  const blank = readPost(
    '_posts/2021-12-08-a.md',
    `\n${writePost('title: 空行\ncategories: emnews')}`,
  );
  // Jekyll saw no front matter, so it published the post without its category.
  expect(blank.post.url).toBe('/2021/12/08/a.html');
  expect(blank.post.categories).toEqual(['emnews']);
  expect(blank.diagnostics).toEqual([
    expect.objectContaining({
      line: 2,
      severity: 'warning',
      message: expect.stringContaining('/2021/12/08/a.html'),
    }),
  ]);
  const bom = readPost('_posts/2021-12-08-a.md', `\uFEFF${writePost('title: BOM')}`);
  expect(bom.post.title).toBe('BOM');
  expect(bom.diagnostics).toEqual([expect.objectContaining({ line: 1, severity: 'warning' })]);
});

test('CRLF files read like LF files', () => {
  const crlf = digestPost.replaceAll('\n', '\r\n');
  const { post, diagnostics } = readPost('_posts/2022-02-26-NW2022.md', crlf);
  expect(diagnostics).toEqual([]);
  expect(post.title).toBe('央行宣布下调存款准备金率');
  expect(post.html).not.toContain('\r');
});

test('non-UTF-8 bytes are an error at their line and the file is skipped, as Jekyll skips it', () => {
  const bytes = Buffer.concat([
    Buffer.from(writePost('title: a', '第一行\n')),
    Buffer.from([0xb2, 0xe2, 0x0a]),
  ]);
  const result = read('_posts/2021-12-08-gbk.md', bytes);
  expect(result).toMatchObject({ kind: 'skipped', reason: 'not valid UTF-8' });
  expect(result.diagnostics).toEqual([expect.objectContaining({ line: 5, severity: 'error' })]);
});

test('the first bad byte is found after valid multi-byte characters', () => {
  const bytes = Buffer.concat([
    Buffer.from(writePost('title: a', '中文😀\n第二行\n')),
    Buffer.from([0xe4, 0xb8]),
    Buffer.from('\n'),
  ]);
  expect(read('_posts/2021-12-08-cut.md', bytes).diagnostics).toEqual([
    expect.objectContaining({
      line: 6,
      severity: 'error',
      message: expect.stringContaining('UTF-8'),
    }),
  ]);
});

test('a date outside the years 1 to 9999 is an error', () => {
  const result = read(
    '_posts/2021-12-08-old.md',
    writePost('title: a\ndate: -2021-01-01 00:00:00'),
  );
  expect(result).toMatchObject({ kind: 'skipped', reason: 'invalid date' });
  expect(result.diagnostics).toEqual([expect.objectContaining({ line: 3, severity: 'error' })]);
});

test('a binary file is skipped', () => {
  const result = read(
    '_posts/2021-12-08-photo.md',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00, 0x01]),
  );
  expect(result).toMatchObject({ kind: 'skipped', reason: 'binary file' });
  expect(result.diagnostics).toEqual([expect.objectContaining({ line: 2 })]);
});

test('a 10 MB body warns and is cut, without blowing up', () => {
  const paragraph = '这是一段很长的测试正文，用来检查超大文件的处理。\n\n';
  const body = paragraph.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph)));
  const { post, diagnostics } = readPost(
    '_posts/2021-12-08-big.md',
    writePost('title: 大文件', body),
  );
  expect(diagnostics).toEqual([
    expect.objectContaining({
      line: 4,
      severity: 'warning',
      message: expect.stringContaining('MB'),
    }),
  ]);
  expect(post.text.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
  expect(post.chars).toBeGreaterThan(100_000);
  // The reader sees the cut too, at the end of the body, in the site's language.
  expect(post.html.endsWith('<p><em>原文长达 10.0 MB，这里只保留了开头部分。</em></p>')).toBe(true);
});

test('unknown front-matter keys give no diagnostic', () => {
  const { diagnostics } = readPost(
    '_posts/2021-12-08-a.md',
    writePost('title: a\nauthor: 某人\nlayout: post\nextra: [1, 2]'),
  );
  expect(diagnostics).toEqual([]);
});

test('.html posts keep their body and extension; other dated files are published with a warning', () => {
  const html = readPost('_posts/2021-12-08-page.html', writePost('title: 网页', '<p>段落</p>\n'));
  expect(html.post).toMatchObject({
    url: '/2021/12/08/page.html',
    html: '<p>段落</p>\n',
    text: '段落',
  });
  const text = readPost('_posts/2021-12-08-notes.txt', '纯文本\n');
  expect(text.post.url).toBe('/2021/12/08/notes.txt');
  expect(text.diagnostics).toContainEqual(
    expect.objectContaining({ severity: 'warning', message: expect.stringContaining('.txt') }),
  );
});

test('a post permalink wins over the site style; a missing placeholder is an error', () => {
  const own = readPost(
    '_posts/2021-12-08-a.md',
    writePost('title: a\npermalink: /custom/:year/:title/'),
  );
  expect(own.post.url).toBe('/custom/2021/a/');
  const broken = read('_posts/2021-12-08-a.md', writePost('title: a\npermalink: /:nope/:title'));
  expect(broken).toMatchObject({ kind: 'skipped', reason: 'invalid permalink' });
  expect(broken.diagnostics).toEqual([expect.objectContaining({ line: 3, severity: 'error' })]);
});

test('an unpublished post is left out before its URL is made, as in Jekyll', () => {
  const result = read(
    '_posts/2021-12-08-a.md',
    writePost('title: a\npublished: false\npermalink: /:nope/'),
  );
  expect(result).toMatchObject({ kind: 'skipped', reason: 'published: false', diagnostics: [] });
});

test('reading is pure: the same input gives the same output', () => {
  const first = read('_posts/2022-02-26-NW2022.md', digestPost);
  const second = read('_posts/2022-02-26-NW2022.md', digestPost);
  expect(JSON.stringify(second)).toBe(JSON.stringify(first));
});
