/**
 * The e2e test site: the demo archive in `content/` plus posts written here to attack the reader
 * (a body full of XSS vectors, a hostile title) and a Chinese category with a few posts of its own.
 * Every text here is invented for the tests.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderVectorPost, getVectorPost, xssVectors as suiteVectors } from './xss-vectors';

/** Set by any vector that manages to run. */
export const XSS_FLAG = '__broadsheetXss';

const run = `window.${XSS_FLAG}=1`;

/** Each one tries to run `run` (or `alert`) or leave a `javascript:` link behind. */
export const xssVectors: readonly string[] = [
  `<script>${run}</script>`,
  `<img src="x-missing.png" onerror="${run}">`,
  `<svg onload="${run}"><circle r="4"></circle></svg>`,
  `<a href="javascript:${run}">链接一</a>`,
  `<a href="JaVaScRiPt:alert(1)">链接二</a>`,
  `<a href="&#106;avascript:alert(1)">链接三</a>`,
  `<a href=" javascript:alert(1)">链接四</a>`,
  `<a href="java&#x09;script:alert(1)">链接五</a>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<iframe srcdoc="<script>parent.${XSS_FLAG}=1</script>"></iframe>`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="javascript:alert(1)">`,
  `<form action="javascript:alert(1)"><button>提交</button></form>`,
  `<button formaction="javascript:alert(1)">按钮</button>`,
  `<details open ontoggle="${run}"><summary>摘要</summary>内容</details>`,
  `<video><source onerror="${run}"></video>`,
  `<audio src="x-missing.mp3" onerror="alert(1)"></audio>`,
  `<input autofocus onfocus="${run}">`,
  `<marquee onstart="${run}">滚动</marquee>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}></style></mglyph></table></mtext></math>`,
  `<style>@import 'javascript:alert(1)'; body { display: none }</style>`,
  `<div style="background:url(javascript:alert(1))">样式</div>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<base href="javascript:alert(1)//">`,
  `<link rel="stylesheet" href="data:text/css,body{display:none}">`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">数据链接</a>`,
  `<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">矢量</text></a></svg>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>"></p></noscript>`,
  `<template><img src=x onerror="${run}"></template>`,
  `<svg><script>${run}</script></svg>`,
  `<img srcset="x-missing.png 1x" onerror="${run}">`,
  `<object data="data:text/html,<script>alert(1)</script>"></object>`,
  `<p onclick="${run}" onmouseover="${run}">悬停段落</p>`,
  `[Markdown 链接](javascript:alert(1))`,
  `<a href="vbscript:msgbox(1)">旧脚本</a>`,
];

/** A title that would break out of every context it is written into if it were not escaped. */
export const HOSTILE_TITLE = `恶意标题 </title><script>window.${XSS_FLAG}=1</script> "引号" & 'x' <img src=x onerror=alert(1)>`;

export const CHINESE_CATEGORY = '市场观察';

/** The Chinese category's posts, oldest first, each tagged 观察 and its own `tag`. */
export const CHINESE_POSTS = [
  { title: '上午盘面综述', tag: '盘面' },
  { title: '午间资金流向', tag: '资金' },
  { title: '收盘要点回顾', tag: '收盘' },
].map((post, index) => ({
  ...post,
  file: `2024-04-2${2 + index}-guancha-${index + 1}.md`,
  date: `2024-04-2${2 + index} 15:0${index}:00 +0800`,
  /** The app path, without the `.html` Jekyll gives it (both open the article). */
  path: `/${encodeURIComponent(CHINESE_CATEGORY)}/2024/04/2${2 + index}/guancha-${index + 1}`,
}));

export const XSS_POST = {
  title: '安全测试：各种注入尝试',
  path: '/anquan/2024/04/20/xss-vectors.html',
};
export const HOSTILE_POST = { title: HOSTILE_TITLE, path: '/anquan/2024/04/21/hostile-title.html' };

export type FixturePost = { file: string; title: string; url: string };

function writePost(dir: string, name: string, frontMatter: string, body: string): void {
  writeFileSync(path.join(dir, '_posts', name), `---\n${frontMatter}\n---\n${body}\n`);
}

/** Copy the demo site into `dir` and add the fixture posts. */
export function writeFixtureSite(demoSite: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  cpSync(demoSite, dir, { recursive: true });
  mkdirSync(path.join(dir, '_posts'), { recursive: true });

  writePost(
    dir,
    '2024-04-20-xss-vectors.md',
    [
      `title: "${XSS_POST.title}"`,
      'date: 2024-04-20 10:00:00 +0800',
      'categories: anquan',
      'tags: [安全测试]',
    ].join('\n'),
    [
      '<p>本文收集了各种注入写法，阅读器应当把它们全部无害化。</p>',
      ...xssVectors.map((vector) => `<div>${vector}</div>`),
      '<p>正文结束。</p>',
    ].join('\n\n'),
  );
  writePost(
    dir,
    '2024-04-21-hostile-title.md',
    [
      `title: ${JSON.stringify(HOSTILE_TITLE)}`,
      'date: 2024-04-21 09:30:00 +0800',
      'categories: anquan',
      'tags: [安全测试]',
    ].join('\n'),
    '<p>标题里藏着标记，页面应当原样显示为文字。</p>',
  );
  // The XSS suite: one post per vector (test/e2e/xss.test.ts).
  suiteVectors.forEach((vector, index) => {
    writeFileSync(
      path.join(dir, '_posts', getVectorPost(index, vector).file),
      renderVectorPost(index, vector),
    );
  });
  CHINESE_POSTS.forEach((post, index) => {
    writePost(
      dir,
      post.file,
      [
        `title: "${post.title}"`,
        `date: ${post.date}`,
        `categories: ${CHINESE_CATEGORY}`,
        `tags: [观察, ${post.tag}]`,
      ].join('\n'),
      `<p>${post.title}：这是为测试写的一段示例文字，第 ${index + 1} 篇。</p>`,
    );
  });
}

/** One more post, newer than every other, for the "new posts" test. */
export function addNewestPost(dir: string): FixturePost {
  const title = '突发：新一期数据发布';
  writePost(
    dir,
    '2024-06-01-breaking.md',
    [
      `title: "${title}"`,
      'date: 2024-06-01 08:00:00 +0800',
      'categories: fnnews',
      'tags: 财讯滚动新闻',
    ].join('\n'),
    '<p>这是重建之后才出现的一篇新文章。</p>',
  );
  return { file: '_posts/2024-06-01-breaking.md', title, url: '/fnnews/2024/06/01/breaking.html' };
}
