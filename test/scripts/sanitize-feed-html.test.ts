import { expect, test } from 'vitest';
import { sanitizeFeedHtml } from '../../scripts/pages/sanitize-feed-html';

const context = {
  postUrl: '/wire/2024/05/02/story.html',
  siteUrl: 'https://news.example.org',
  hosts: ['news.example.org', 'old.example.net'],
};

const body = '<p>第一段。</p><p class="em_media">（来源：样例社）</p>';

test('the archive back-link footer goes, in each style the archive wrote it', () => {
  const footers = [
    // Protocol-relative links to the site's host, joined by a full-width bar.
    '<p><a href="//news.example.org/category/wire.html">回到快讯栏目</a>｜<a href="//news.example.org/">回到首页</a></p>',
    // Relative links, one per line.
    '<p><a href="../wire/">回到快讯栏目</a><br>\n<a href="../">回到首页</a></p>',
    // The host the archive lived on before.
    '<p><a href="//old.example.net/wire/">回到快讯栏目</a>\n<a href="//old.example.net/">回到首页</a></p>',
    // After a rule, in two paragraphs.
    '<hr><p><a href="./wire/">回到快讯栏目</a></p>\n<p><a href="./">回到首页</a></p>',
  ];
  for (const footer of footers) {
    const html = sanitizeFeedHtml(`${body}\n${footer}\n`, context);
    expect(html).not.toContain('回到');
    expect(html).toContain('第一段');
    expect(html).toContain('（来源：样例社）');
  }
});

test('links elsewhere, and archive links inside the story, stay', () => {
  const source =
    '<p><a href="https://source.example.com/story/1">https://source.example.com/story/1</a></p>';
  expect(sanitizeFeedHtml(`${body}${source}`, context)).toContain('source.example.com/story/1');
  // A trailing paragraph with words besides its link is the story's.
  const sentence = '<p>详见<a href="//news.example.org/wire/">快讯栏目</a>的后续报道。</p>';
  expect(sanitizeFeedHtml(`${body}${sentence}`, context)).toContain('后续报道');
  // Only the tail is navigation: the same links earlier in the body stay.
  const early = '<p><a href="//news.example.org/">回到首页</a></p>';
  expect(sanitizeFeedHtml(`${early}${body}`, context)).toContain('回到首页');
});

test('no inline style, no style element, no class of the scraped site', () => {
  const html = sanitizeFeedHtml(
    '<style>p{color:red}</style><p style="color:red"><span class="stock_key keytip" style="font-weight:bold">某公司</span></p><center><img src="https://img.example.com/a.jpg" style="border:1px solid" width="552"></center><pre><code class="language-js">x</code></pre>',
    context,
  );
  expect(html).not.toMatch(/style/i);
  expect(html).not.toContain('keytip');
  expect(html).toContain('<span>某公司</span>');
  expect(html).toContain('width="552"');
  // The build's own tokens (syntax colouring) stay.
  expect(html).toContain('class="language-js"');
});

test('without a post context the footer cannot be told apart and stays', () => {
  const footer = '<p><a href="//news.example.org/">回到首页</a></p>';
  expect(sanitizeFeedHtml(`${body}${footer}`)).toContain('回到首页');
});
