/**
 * Liquid in posts, rendered before Markdown as Jekyll renders it. The expected text and links
 * are what Jekyll 4.3.1 published for the fixture site (the oracle test asks Jekyll again where
 * it is installed).
 */
import { afterAll, expect, test } from 'vitest';
import { getPlainText } from '../../scripts/content/read-markdown';
import { readPostFile } from '../../scripts/content/read-post';
import { resolvePostLinks } from '../../scripts/content/read-liquid';
import {
  getLinks,
  JEKYLL_LIQUID_LINKS,
  JEKYLL_LIQUID_TEXT,
  liquidSite,
  withPlainQuotes,
} from './fixtures/liquid-site';
import { readFixtureSite } from './fixtures/read-fixture-site';
import { removeSite, writePost, writeSite } from './fixtures/write-site';
import { testConfig } from './build-fixtures';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeSite));
});

async function readLiquidSite() {
  const root = await writeSite(liquidSite, 'broadsheet-liquid-');
  roots.push(root);
  const site = await readFixtureSite(root);
  const posts = [...site.posts.values()];
  const post = site.posts.get('_posts/2021-12-02-liquid.md');
  if (!post) throw new Error('not published');
  const html = resolvePostLinks(post.html, posts, site.config.baseurl, (message) => {
    throw new Error(message);
  });
  return { site, html };
}

test('site, site.data (YAML, JSON, CSV, subfolder), page, tags and filters render as in Jekyll', async () => {
  const { site, html } = await readLiquidSite();
  expect(site.diagnostics).toEqual([]);
  expect(withPlainQuotes(getPlainText(html))).toBe(withPlainQuotes(JEKYLL_LIQUID_TEXT));
  expect(getLinks(html)).toEqual(JEKYLL_LIQUID_LINKS);
});

test('highlight colours at build time, numbers lines in a table, and keeps # comments as code', async () => {
  const { html } = await readLiquidSite();
  expect(html).toContain(
    '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby"><table class="rouge-table">',
  );
  expect(html).toContain('<pre class="lineno">1\n2\n3\n4\n</pre>');
  expect(html).toContain('<span class="hljs-comment"># a comment, not a heading</span>');
  expect(html).not.toContain('<h1');
  expect(html).toContain(
    '<code class="language-python" data-lang="python"><span class="hljs-built_in">print</span>',
  );
});

const broken: [name: string, body: string, line: number, message: RegExp][] = [
  ['an unknown filter', '第一行\n\n{{ page.title | nope }}\n', 7, /undefined filter: nope/],
  ['an unknown tag', '第一行\n{% seo %}\n', 6, /tag "seo" not found/],
  ['an unclosed block', '{% if page.title %}\n没有结束\n', 5, /not closed/],
  ['a missing include', '\n{% include missing.html %}\n', 6, /missing\.html/],
];

for (const [name, body, line, message] of broken) {
  test(`${name} is an error naming the file and line; the post is published with its Liquid as code`, () => {
    const file = '_posts/2021-12-08-broken.md';
    const result = readPostFile(
      file,
      Buffer.from(writePost('title: 坏模板\ncategories: x', body)),
      testConfig,
      new Date(),
    );
    expect(result.kind).toBe('post');
    if (result.kind !== 'post') return;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        file,
        line,
        severity: 'error',
        message: expect.stringMatching(message),
      }),
    ]);
    const markup = /\{[{%][^]*?[}%]\}/.exec(body)?.[0] ?? '';
    expect(result.post.html).toContain(`<code>${markup}</code>`);
  });
}

test('render_with_liquid: false leaves the Liquid as written', () => {
  const result = readPostFile(
    '_posts/2021-12-08-literal.md',
    Buffer.from(writePost('title: 原样\nrender_with_liquid: false', '{{ site.title }}\n')),
    testConfig,
    new Date(),
  );
  expect(result.kind === 'post' && result.post.html).toBe('<p>{{ site.title }}</p>\n');
});

test('markdownify turns its text into HTML, also in an .html post', () => {
  const result = readPostFile(
    '_posts/2021-12-09-markdownify.html',
    Buffer.from(writePost('title: 转换', '{{ "**粗体**与 [链接](/a/)" | markdownify }}\n')),
    testConfig,
    new Date(),
  );
  expect(result.kind === 'post' && result.post.html).toContain(
    '<p><strong>粗体</strong>与 <a href="/a/">链接</a></p>',
  );
});

test('a post_url to no post is reported and links nowhere', () => {
  const messages: string[] = [];
  expect(
    resolvePostLinks('<a href="/~bs-post-url~2000-01-01-gone~">x</a>', [], '', (m) =>
      messages.push(m),
    ),
  ).toBe('<a href="#">x</a>');
  expect(messages).toEqual([
    '{% post_url 2000-01-01-gone %} names no post of the site; the link goes nowhere',
  ]);
});
