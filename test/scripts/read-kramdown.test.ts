/**
 * kramdown syntax on markdown-it, checked against what Jekyll 4.3.1 published for the fixture
 * site (asked again of Jekyll by the oracle test where it is installed).
 */
import { afterAll, expect, test } from 'vitest';
import { getPlainText, renderMarkdown } from '../../scripts/content/read-markdown';
import { getKramdownId, prepareKramdown } from '../../scripts/content/read-kramdown';
import { getHeadingIds, JEKYLL_KRAMDOWN, kramdownSite } from './fixtures/kramdown-site';
import { readFixtureSite } from './fixtures/read-fixture-site';
import { removeSite, writeSite } from './fixtures/write-site';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeSite));
});

test('text and heading ids are the ones Jekyll published', async () => {
  const root = await writeSite(kramdownSite, 'broadsheet-kramdown-');
  roots.push(root);
  const site = await readFixtureSite(root);
  for (const [file, expected] of Object.entries(JEKYLL_KRAMDOWN)) {
    const post = site.posts.get(file);
    expect(post && { text: getPlainText(post.html), ids: getHeadingIds(post.html) }).toEqual(
      expected,
    );
  }
  // excerpt_separator from the site, then from the post's own front matter.
  expect(site.posts.get('_posts/2022-01-01-kramdown.md')?.excerpt).toBe('开头一段，摘要到这里。');
  expect(site.posts.get('_posts/2022-01-02-plain.md')?.excerpt).toBe('前面的文字。');
});

test('{:toc} becomes kramdown’s table of contents, nested by level', () => {
  const { html } = renderMarkdown('* 目录\n{:toc}\n\n## A\n\n### B\n\n## C {#own}\n');
  expect(html).toContain(
    '<ul id="markdown-toc"><li><a href="#a" id="markdown-toc-a">A</a><ul><li><a href="#b" id="markdown-toc-b">B</a></li></ul></li><li><a href="#own" id="markdown-toc-own">C</a></li></ul>',
  );
  expect(html).not.toContain('{:toc}');
  expect(html).not.toContain('目录');
});

test('attribute lists, definition lists, footnotes, ^ and CJK emphasis leave no syntax behind', () => {
  const { html, text } = renderMarkdown(
    '段落\n{: .note #x}\n\n词\n: 释义\n\n^\n\n注[^1]。\n\n[^1]: 内容\n\n**强调：**后文\n\n{: .next}\n下一段 *斜*{: .y}\n\n{:ref: .x}\n',
  );
  expect(html).toContain('<p class="note" id="x">段落</p>');
  expect(html).toContain('<dl>\n<dt>词</dt>\n<dd>释义</dd>\n</dl>');
  expect(html).toContain('<strong>强调：</strong>后文');
  expect(html).toContain('<em class="y">斜</em>');
  expect(text).not.toMatch(/\{:|\^|\*\*/);
});

test('fenced code is left alone by the kramdown pass and coloured at build time', () => {
  const body = '```ruby\n{: .x}\n^\n# comment\n```\n';
  expect(prepareKramdown(body)).toBe(body);
  const { html } = renderMarkdown(body);
  expect(html).toContain('<span class="hljs-comment"># comment</span>');
  expect(html).toContain('{: .x}\n^\n');
});

test('a plain {…} at the end of a line is text, not an attribute list', () => {
  expect(renderMarkdown('集合 {a, b}\n').html).toBe('<p>集合 {a, b}</p>\n');
});

test('kramdown.input: kramdown ids: ASCII only, “section” when nothing is left', () => {
  expect(getKramdownId('第二节')).toBe('section');
  expect(getKramdownId('1. Step One: Go!')).toBe('step-one-go');
  expect(getHeadingIds(renderMarkdown('## 一\n\n## 二\n', [], 'kramdown').html)).toEqual([
    'section',
    'section-1',
  ]);
});

test('smart quotes and kramdown’s dashes, not markdown-it’s (c) or (tm)', () => {
  expect(renderMarkdown('"a" -- b --- c... (c) (tm)\n').html).toBe(
    '<p>“a” – b — c… (c) (tm)</p>\n',
  );
});

test('footnotes carry the ids and marks kramdown gives them, named by their label', () => {
  const { html } = renderMarkdown('甲[^a]乙[^a]丙[^2]。\n\n[^a]: 第一条。\n[^2]: 第二条。\n');
  // As `jekyll build` writes the same body (ids, hrefs and the second back-link's mark).
  expect(html).toContain(
    '甲<sup id="fnref:a" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">1</a></sup>乙<sup id="fnref:a:1" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">1</a></sup>丙<sup id="fnref:2" role="doc-noteref"><a href="#fn:2" class="footnote" rel="footnote">2</a></sup>',
  );
  expect(html).toContain('<div class="footnotes" role="doc-endnotes">');
  expect(html).toContain(
    '<li id="fn:a" role="doc-endnote"><p>第一条。 <a href="#fnref:a" class="reversefootnote" role="doc-backlink">↩</a> <a href="#fnref:a:1" class="reversefootnote" role="doc-backlink">↩<sup>2</sup></a></p>',
  );
  expect(html).not.toContain('footnotes-sep');
});
