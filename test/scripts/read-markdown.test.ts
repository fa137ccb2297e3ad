import { expect, test } from 'vitest';
import {
  countChars,
  getExcerpt,
  getPlainText,
  renderMarkdown,
} from '../../scripts/content/read-markdown';

test('raw HTML passes through, autolinks become links, bare URLs do not', () => {
  const { html } = renderMarkdown(
    '<center><img src="a.png"></center>\n\n<http://example.com/x>\n\nhttp://example.com/y\n',
  );
  expect(html).toContain('<center><img src="a.png"></center>');
  expect(html).toContain('<a href="http://example.com/x">http://example.com/x</a>');
  expect(html).not.toContain('href="http://example.com/y"');
});

test('the source is the last http autolink; an empty <> is not a link', () => {
  expect(renderMarkdown('<http://a.example/1>\n\n正文\n\n<https://b.example/2>\n').source).toBe(
    'https://b.example/2',
  );
  expect(renderMarkdown('正文\n\n<>\n').source).toBeNull();
  expect(renderMarkdown('<mailto:x@example.com>\n').source).toBeNull();
  expect(renderMarkdown('<p>段落</p>\n<http://c.example/3>\n').source).toBe('http://c.example/3');
});

test('plain text: no tags, entities decoded, inline tags do not split CJK words, blocks do', () => {
  expect(getPlainText('<p>新<span>能源</span>汽车</p><p>第二段&amp;&lt;x&gt; &#x4E2D;</p>')).toBe(
    '新能源汽车 第二段&<x> 中',
  );
  expect(getPlainText('<p>a<script>alert(1)</script><style>p{}</style><!-- note -->b</p>')).toBe(
    'ab',
  );
  expect(getPlainText('a < b and C:\\path\\*')).toBe('a < b and C:\\path\\*');
});

test('the excerpt is the digest when the body starts with one, else the start of the text', () => {
  const digest = renderMarkdown('> 一句摘要。\n\n<p>一句摘要。后面还有很多正文。</p>\n');
  expect(digest.excerpt).toBe('一句摘要。');
  const long = renderMarkdown(`${'很长的正文'.repeat(50)}\n`);
  expect(Array.from(long.excerpt)).toHaveLength(141);
  expect(long.excerpt.endsWith('…')).toBe(true);
});

test('a Latin excerpt is cut at a space', () => {
  const excerpt = getExcerpt('word '.repeat(60).trim());
  expect(excerpt).toMatch(/word…$/);
  expect(excerpt.length).toBeLessThanOrEqual(141);
});

test('chars counts non-space characters, one per CJK character or emoji', () => {
  expect(countChars('新闻 news 😀')).toBe(7);
});

test('text leaves out paragraphs of bare links (source address, back-link footer); html keeps them', () => {
  const body = [
    '<p>正文第一段。</p>',
    '',
    '<http://news.example.com/a/1.html>',
    '',
    '[返回财经](//archive.example.com/category/caijing.html)｜[返回首页](//archive.example.com/)',
    '',
    '更多内容见[原文](http://news.example.com/a/1.html)。',
    '',
  ].join('\n');
  const rendered = renderMarkdown(body);
  expect(rendered.text).toBe('正文第一段。 更多内容见原文。');
  expect(rendered.chars).toBe(14);
  expect(rendered.html).toContain('返回首页');
  expect(rendered.source).toBe('http://news.example.com/a/1.html');
});
