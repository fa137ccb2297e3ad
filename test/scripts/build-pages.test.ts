import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { APP_SHELL as SHELL, writeBuiltSite } from './build-fixtures';
import { buildPages, getPageFile, getSiteRoot } from '../../scripts/build-pages';

const HOSTILE = `</title><script>alert(1)</script> "引号" & <b>粗</b> ]]> \u0001`;

let root: string;
let dist: string;

async function writeFixtureSite(site: string) {
  await mkdir(path.join(site, '_posts'), { recursive: true });
  await writeFile(
    path.join(site, '_config.yml'),
    'title: 测试站\nurl: https://news.example.org\ntimezone: Asia/Shanghai\nlang: zh-CN\n',
  );
  const posts = [
    [
      '2024-03-01-a.md',
      `title: ${JSON.stringify(HOSTILE)}\ncategories: kuaixun\ntags: [快讯]`,
      `<p>正文 ${HOSTILE}</p>`,
    ],
    [
      '2024-03-02-b.md',
      'title: 第二篇\ncategories: 财经\ntags: [快讯, 宏观]',
      // The archive's back-link footer, and inline styles: neither belongs in a feed.
      '<p style="color:red">第二篇正文</p>\n<p><a href="//news.example.org/category/财经.html">回到财经栏目</a>｜<a href="../../../">回到首页</a></p>',
    ],
    [
      '2024-03-03-c.md',
      'title: 第三篇\ncategories: kuaixun\npermalink: /pretty/c/',
      '<p>第三篇正文</p>',
    ],
  ];
  for (const [name, front, body] of posts)
    await writeFile(path.join(site, '_posts', name!), `---\n${front}\n---\n${body}\n`);
}

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(folder, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(folder, relative)));
    else files.push(relative);
  }
  return files.sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-pages-'));
  const site = path.join(root, 'site');
  dist = path.join(root, 'dist');
  await writeFixtureSite(site);
  await writeBuiltSite(site, dist);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

test('a page file is the decoded permalink, and unsafe paths get none', () => {
  expect(getPageFile('/kuaixun/2024/03/01/a.html')).toBe('kuaixun/2024/03/01/a.html');
  expect(getPageFile('/%E8%B4%A2%E7%BB%8F/2024/03/02/b.html')).toBe('财经/2024/03/02/b.html');
  expect(getPageFile('/pretty/c/')).toBe('pretty/c/index.html');
  expect(getPageFile('/no-extension')).toBe('no-extension.html');
  expect(getPageFile('/a/../../etc/passwd')).toBeNull();
  expect(getPageFile('/a/%2E%2E/b.html')).toBeNull();
  expect(getPageFile('/a%2Fb.html')).toBeNull();
  expect(getPageFile('/index.html')).toBeNull();
  expect(getPageFile('/assets/index-abc12345.js')).toBeNull();
});

test('every post, category and tag gets the shell with its own escaped head', async () => {
  await buildPages({ render: false, dist, base: '/' });
  const files = await listFiles(dist);
  for (const file of [
    '404.html',
    'kuaixun/2024/03/01/a.html',
    '财经/2024/03/02/b.html',
    'pretty/c/index.html',
    'category/kuaixun.html',
    'category/财经.html',
    'kuaixun/index.html',
    'tag/快讯.html',
    'feed.xml',
    'feed/kuaixun.xml',
    'sitemap.xml',
    'robots.txt',
  ]) {
    expect(files).toContain(file);
  }
  const html = await readFile(path.join(dist, 'kuaixun/2024/03/01/a.html'), 'utf8');
  expect(html).not.toContain('<script>alert(1)');
  expect(html).toContain(
    '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;引号&quot; &amp; &lt;b&gt;粗&lt;/b&gt;',
  );
  expect(html).toContain(
    '<link rel="canonical" href="https://news.example.org/kuaixun/2024/03/01/a.html" />',
  );
  expect(html).toContain(
    '<meta property="article:published_time" content="2024-03-01T00:00:00+08:00" />',
  );
  expect(html).toContain(
    '<script type="module" crossorigin src="/assets/index-abc12345.js"></script>',
  );
  const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
  expect(JSON.parse(jsonLd)).toMatchObject({
    '@type': 'NewsArticle',
    datePublished: '2024-03-01T00:00:00+08:00',
  });
  expect(JSON.parse(jsonLd).headline).toContain('</title><script>');
  const notFound = await readFile(path.join(dist, '404.html'), 'utf8');
  expect(notFound).toContain('<meta name="robots" content="noindex" />');
});

test('a category page advertises its own feed in the head, beside the site feed', async () => {
  await buildPages({ dist, base: '/' });
  const html = await readFile(path.join(dist, 'category/kuaixun.html'), 'utf8');
  expect(html).toContain(
    '<link rel="alternate" type="application/atom+xml" title="测试站 | kuaixun" href="https://news.example.org/feed/kuaixun.xml" data-page-feed />',
  );
  const chinese = await readFile(path.join(dist, 'category/财经.html'), 'utf8');
  expect(chinese).toContain('href="https://news.example.org/feed/%E8%B4%A2%E7%BB%8F.xml"');
  // A post page names no category feed of its own.
  const post = await readFile(path.join(dist, 'kuaixun/2024/03/01/a.html'), 'utf8');
  expect(post).not.toContain('data-page-feed');
  const feed = await readFile(path.join(dist, 'feed/kuaixun.xml'), 'utf8');
  expect(feed).toContain('<title type="html">测试站 | kuaixun</title>');
});

test('only the newest posts hold their view, and the writer runs again over its own output', async () => {
  const copy = path.join(root, 'dist-views');
  await cp(dist, copy, { recursive: true });
  await writeFile(path.join(copy, 'index.html'), SHELL);
  const pageOf = (file: string) => readFile(path.join(copy, file), 'utf8');
  for (let run = 0; run < 2; run += 1) {
    await buildPages({ dist: copy, base: '/', views: 2 });
    const oldest = await pageOf('kuaixun/2024/03/01/a.html');
    expect(oldest).toContain('<div id="root"></div>');
    expect(oldest).not.toContain('data-page=');
    const newer = await pageOf('财经/2024/03/02/b.html');
    expect(newer).toContain('data-page="/财经/2024/03/02/b"');
    expect(newer).toContain('第二篇正文');
    // The home view is in index.html; the shell `vite build` wrote is kept beside it.
    expect(await pageOf('index.html')).toContain('data-page="/"');
    expect(await pageOf('app-shell.html')).toBe(SHELL);
  }
});

test('pre-rendered heads speak with the app: its not-found title, list names and counts', async () => {
  await buildPages({ render: false, dist, base: '/' });
  const read = (file: string) => readFile(path.join(dist, file), 'utf8');
  expect(await read('404.html')).toMatch(/<title>找不到这个页面[^<]*<\/title>/);
  expect(await read('category/财经.html')).toMatch(
    /<meta name="description" content="[^"：]+：\d+ 篇"/,
  );
  expect(await read('tag/快讯.html')).toMatch(/<meta name="description" content="快讯：\d+ 篇"/);
  expect(await read('latest.html')).toMatch(/<title>最新[^<]*<\/title>/);
  expect(await read('search.html')).toMatch(/<title>搜索[^<]*<\/title>/);
});

test('the feed holds the newest posts as jekyll-feed writes them, well-formed', async () => {
  const feed = await readFile(path.join(dist, 'feed.xml'), 'utf8');
  expect(
    feed.startsWith(
      '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"',
    ),
  ).toBe(true);
  expect(feed.match(/<entry>/g)).toHaveLength(3);
  expect(feed.indexOf('第三篇')).toBeLessThan(feed.indexOf('第二篇'));
  expect(feed).toContain('<id>https://news.example.org/kuaixun/2024/03/01/a</id>');
  expect(feed).toContain('<category term="宏观" />');
  expect(feed).not.toContain('\u0001');
  // Bodies are sanitized HTML inside CDATA, as jekyll-feed writes them; the serializer escapes a
  // `]]>` in the text, so no CDATA section can end early.
  expect(feed).not.toContain('<script');
  expect(feed).toContain('<![CDATA[<p>正文  "引号" &amp; <b>粗</b> ]]&gt; </p>');
  // A `type="html"` title is HTML once the XML is read, so the text is escaped twice.
  expect(feed).toContain(
    '<title type="html">&amp;lt;/title&amp;gt;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;quot;引号&amp;quot;',
  );
  const categoryFeed = await readFile(path.join(dist, 'feed/kuaixun.xml'), 'utf8');
  expect(categoryFeed.match(/<entry>/g)).toHaveLength(2);
  // The clean body: no footer of links back into the archive, no inline style.
  const bodies = [...feed.matchAll(/<content[^>]*>([\s\S]*?)<\/content>/g)].map((m) => m[1]);
  expect(bodies).toContain('<![CDATA[<p>第二篇正文</p>]]>');
  expect(bodies.join('')).not.toContain('回到');
  expect(feed).not.toContain('style=');
  const robots = await readFile(path.join(dist, 'robots.txt'), 'utf8');
  expect(robots).toContain('Sitemap: https://news.example.org/sitemap.xml');
});

test('a second run writes byte-identical files', async () => {
  const read = async () => {
    const contents = new Map<string, string>();
    for (const file of await listFiles(dist))
      contents.set(file, await readFile(path.join(dist, file), 'utf8'));
    return contents;
  };
  const first = await read();
  await buildPages({ render: false, dist, base: '/' });
  expect(await read()).toEqual(first);
});

test('under a base path without a site address, links are root-relative and no sitemap is written', async () => {
  const copy = path.join(root, 'dist-sub');
  await mkdir(copy, { recursive: true });
  await writeFile(path.join(copy, 'index.html'), SHELL);
  await cp(path.join(dist, 'data'), path.join(copy, 'data'), { recursive: true });
  const result = await buildPages({
    render: false,
    dist: copy,
    base: '/finews/',
    siteUrl: '',
    pages: 'none',
  });
  const files = await listFiles(copy);
  expect(files).not.toContain('kuaixun/2024/03/01/a.html');
  expect(files).not.toContain('sitemap.xml');
  expect(files).toContain('404.html');
  expect(result.files).toBeGreaterThan(0);
  const feed = await readFile(path.join(copy, 'feed.xml'), 'utf8');
  expect(feed).toContain('<link href="/finews/kuaixun/2024/03/01/a.html" rel="alternate"');
});

test('under a base path, absolute addresses keep the base: the host comes from _config.yml', async () => {
  const copy = path.join(root, 'dist-base');
  await mkdir(copy, { recursive: true });
  await writeFile(path.join(copy, 'index.html'), SHELL);
  await cp(path.join(dist, 'data'), path.join(copy, 'data'), { recursive: true });
  await buildPages({ render: false, dist: copy, base: '/finews/', pages: 'posts' });
  const html = await readFile(path.join(copy, 'kuaixun/2024/03/01/a.html'), 'utf8');
  expect(html).toContain(
    '<link rel="canonical" href="https://news.example.org/finews/kuaixun/2024/03/01/a.html" />',
  );
  expect(await readFile(path.join(copy, 'robots.txt'), 'utf8')).toContain(
    'Sitemap: https://news.example.org/finews/sitemap.xml',
  );
});

test('the site root: SITE_URL whole, else the config host with the base path', () => {
  expect(getSiteRoot('https://cdn.example.org/x/', 'https://a.example.org', '/y/')).toBe(
    'https://cdn.example.org/x',
  );
  expect(getSiteRoot(undefined, 'https://a.example.org/old-baseurl', '/finews/')).toBe(
    'https://a.example.org/finews',
  );
  expect(getSiteRoot(undefined, 'https://a.example.org', '/')).toBe('https://a.example.org');
  expect(getSiteRoot('', 'https://a.example.org', '/')).toBe('');
  expect(getSiteRoot(undefined, 'not a url', '/')).toBe('');
});

test('a category feed of a Chinese category is a decoded file with an encoded self link', async () => {
  const feed = await readFile(path.join(dist, 'feed/财经.xml'), 'utf8');
  expect(feed).toContain(
    '<link href="https://news.example.org/feed/%E8%B4%A2%E7%BB%8F.xml" rel="self"',
  );
});
