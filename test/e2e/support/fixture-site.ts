/**
 * The e2e test site: the demo archive in `content/` plus posts written here to attack the reader
 * (a body full of XSS vectors, a hostile title) and a Chinese category with a few posts of its own.
 * Every text here is invented for the tests.
 */
import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
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

/** An earlier host of the site, named under `broadsheet.former_hosts`. */
export const FORMER_HOST = 'early.example-archive.net';

/**
 * A post moved to the archive folder `old_post/`, as the real archive's scraper does: it lives at
 * its permalink and answers at the page URL Jekyll gives the file. Its body links to a post of
 * 市场观察 through the former host, which must stay in the app.
 */
export const ARCHIVED_POST = {
  file: 'old_post/2024-04-19-archived-brief.md',
  title: '归档旧闻：虚构港口吞吐量回升',
  /** A word only this post holds, for search. */
  word: '琥珀湾',
  permalink: '/guidang/2024/04/19/archived-brief.html',
  page: '/old_post/2024-04-19-archived-brief.html',
};

function writePost(
  dir: string,
  name: string,
  frontMatter: string,
  body: string,
  folder = '_posts',
): void {
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, name), `---\n${frontMatter}\n---\n${body}\n`);
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
  appendFileSync(
    path.join(dir, '_config.yml'),
    `\nbroadsheet:\n  archive: [old_post]\n  former_hosts: [${FORMER_HOST}]\n`,
  );
  writePost(
    dir,
    path.basename(ARCHIVED_POST.file),
    [
      `title: "${ARCHIVED_POST.title}"`,
      'date: 2024-04-19 09:00:00 +0800',
      'categories: guidang',
      'tags: [归档]',
    ].join('\n'),
    [
      `虚构的${ARCHIVED_POST.word}港口本月吞吐量回升，这段文字为测试而写。`,
      '',
      `相关：[上午盘面综述](https://${FORMER_HOST}${CHINESE_POSTS[0]?.path ?? '/'}.html)`,
      '',
      `[返回归档](//${FORMER_HOST}/guidang/)`,
      `[返回首页](//${FORMER_HOST}/)`,
    ].join('\n'),
    'old_post',
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

/**
 * `count` more 市场快讯 posts, numbered from `from`, each newer than the last and than every
 * other post: the next builds of an archive that grows while a tab is open.
 */
export function addLaterPosts(dir: string, from: number, count: number): FixturePost[] {
  const posts: FixturePost[] = [];
  for (let n = from; n < from + count; n++) {
    const day = String(1 + Math.floor(n / 200)).padStart(2, '0');
    const minute = n % 200;
    const time = `${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const name = `2024-07-${day}-later-${n}.md`;
    const title = `市场快讯第${n}号：虚构板块午后走强`;
    writePost(
      dir,
      name,
      [
        `title: "${title}"`,
        `date: 2024-07-${day} ${time}:00 +0800`,
        'categories: fnnews',
        'tags: 财讯滚动新闻',
      ].join('\n'),
      `<p>${title}。为测试部署而写的虚构稿件。</p>`,
    );
    posts.push({ file: `_posts/${name}`, title, url: `/fnnews/2024/07/${day}/later-${n}.html` });
  }
  return posts;
}
