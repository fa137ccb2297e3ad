/// <reference types="node" />
/**
 * A fixture archive written for these tests (invented news-like text), turned into a real bundle
 * by the prebuild's own writer and served over loopback by a real HTTP server.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { createBundle, type Bundle } from '../../scripts/content/write-bundle';
import type { SiteConfig, SourcePost } from '../../scripts/content/types';

export const fixtureConfig: SiteConfig = {
  title: '测试财经档案',
  description: '为测试编写的虚构新闻',
  lang: 'zh-CN',
  timezone: 'Asia/Shanghai',
  permalink: 'date',
  url: 'https://news.example.org',
  baseurl: '',
  archive: ['old_post'],
  formerHosts: [],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** `2022-01-01T08:00:00+08:00` plus `hours`, written with the site's +08:00 offset. */
export function getFixtureDate(hours: number): string {
  const utc = new Date(Date.UTC(2022, 0, 1, 0, 0, 0) + hours * 3_600_000);
  const local = new Date(utc.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00+08:00`;
}

/** A post with the fields a test names; its file, text, excerpt and size follow from them. */
export function createFixturePost(
  partial: Partial<SourcePost> & Pick<SourcePost, 'url' | 'title' | 'date' | 'categories' | 'tags'>,
): SourcePost {
  const html =
    partial.html ?? `<p>${partial.title}。这是一段为测试而写的正文，没有任何真实含义。</p>`;
  const text = html.replace(/<[^>]*>/g, '');
  return {
    file: `_posts/${partial.date.slice(0, 10)}-${
      partial.url
        .split('/')
        .pop()
        ?.replace(/\.html$/, '') ?? 'x'
    }.md`,
    excerpt: text.slice(0, 80),
    text,
    chars: text.length,
    lang: 'zh-CN',
    source: null,
    page: null,
    html,
    ...partial,
  };
}

/** Posts of the 财经 (`caijing`) category: 260 of them, one every three hours, tags rotating. */
export const CAIJING_POSTS = 260;
const caijingTags = ['宏观', '股市', '债市'] as const;

export function getCaijingTitle(n: number): string {
  return `财经快讯第${n}号：虚构指数小幅波动`;
}

export function getCaijingTag(n: number): string {
  return caijingTags[n % caijingTags.length] ?? '宏观';
}

export const hostileBody = [
  '<p>正文第一段。</p>',
  '<script>window.__pwned = true</script>',
  '<img src="x" onerror="window.__pwned = true">',
  '<p><a href="javascript:window.__pwned=true">点我</a></p>',
].join('\n');

export const ARTICLE_URL = '/caijing/2022/02/26/feature-story.html';
/** A permalink with a non-ASCII category, percent-encoded as Jekyll writes it. */
export const ENCODED_URL = '/%E8%AF%84%E8%AE%BA/2022/02/20/opinion.html';
export const HOSTILE_URL = '/keji/2022/02/10/hostile.html';
/** The page URL of the 评论 post, which lives in the archive folder `old_post/`. */
export const ARCHIVE_PAGE_URL = '/old_post/2022-02-20-opinion.html';

export function createFixturePosts(): SourcePost[] {
  const posts: SourcePost[] = [];
  for (let n = 1; n <= CAIJING_POSTS; n++) {
    const date = getFixtureDate(n * 3);
    posts.push(
      createFixturePost({
        url: `/caijing/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/cj${n}.html`,
        title: getCaijingTitle(n),
        date,
        categories: ['caijing'],
        tags: ['财经', getCaijingTag(n)],
      }),
    );
  }
  for (let n = 1; n <= 12; n++) {
    const date = getFixtureDate(n * 40 + 1);
    posts.push(
      createFixturePost({
        url: `/keji/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/kj${n}.html`,
        title: `科技简讯第${n}号：虚构公司发布新品`,
        date,
        categories: ['keji'],
        tags: n % 2 === 0 ? ['科技', '股市'] : ['科技'],
      }),
    );
  }
  posts.push(
    createFixturePost({
      url: ARTICLE_URL,
      title: '虚构央行宣布调整利率区间',
      date: '2022-02-26T21:22:00+08:00',
      categories: ['caijing'],
      tags: ['财经', '宏观'],
      source: 'http://source.example.com/story/1.html',
      html: [
        '<blockquote><p>摘要：一段虚构的导语。</p></blockquote>',
        '<p class="em_media">（来源：虚构日报）</p>',
        '<p>第一段正文，讲述一件虚构的事情<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a></sup>。</p>',
        '<center><img src="https://img.example.com/a.jpg"></center>',
        '<p>参见<a href="//news.example.org/category/keji.html">科技栏目</a>和<a href="https://elsewhere.example.net/x">外部报道</a>。</p>',
        '<div style="display:none">隐藏的追踪文字</div>',
        '<div class="footnotes"><ol><li id="fn:1"><p>一条虚构的脚注。<a href="#fnref:1" class="reversefootnote">↩</a></p></li></ol></div>',
        '<p><a href="http://source.example.com/story/1.html">http://source.example.com/story/1.html</a></p>',
        '<p><a href="//news.example.org/caijing/">返回财经新闻</a>｜<a href="//news.example.org/">返回首页</a></p>',
      ].join('\n'),
    }),
  );
  posts.push(
    createFixturePost({
      url: ENCODED_URL,
      file: 'old_post/2022-02-20-opinion.md',
      page: ARCHIVE_PAGE_URL,
      title: '评论：虚构市场的长期逻辑',
      date: '2022-02-20T10:30:00+08:00',
      categories: ['评论'],
      tags: ['评论'],
    }),
  );
  posts.push(
    createFixturePost({
      url: HOSTILE_URL,
      title: '<b>标题里的标签</b>应当按文字显示',
      date: '2022-02-10T09:00:00+08:00',
      categories: ['keji'],
      tags: ['科技'],
      html: hostileBody,
    }),
  );
  return posts;
}

export function getLaterCaijingTitle(n: number): string {
  return `财经晚讯第${n}号：虚构交易所收盘`;
}

/** `count` 财经 posts newer than every fixture post, as the next builds of the archive bring. */
function createLaterPosts(count: number): SourcePost[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const date = `2022-03-01T${pad(8 + n)}:00:00+08:00`;
    return createFixturePost({
      url: `/caijing/2022/03/01/later${n}.html`,
      title: getLaterCaijingTitle(n),
      date,
      categories: ['caijing'],
      tags: ['财经', '宏观'],
    });
  });
}

export type FixtureBundleOptions = {
  search?: string | null;
  /** Newer posts on top of the fixture archive: the build after a few new posts. */
  laterPosts?: number;
};

export function createFixtureBundle(options: FixtureBundleOptions = {}): Bundle {
  return createBundle({
    config: fixtureConfig,
    posts: [...createFixturePosts(), ...createLaterPosts(options.laterPosts ?? 0)],
    search: options.search ?? null,
  });
}

export type FixtureAnswer = { status: number; contentType: string; body: string };
async function writeBundle(root: string, bundle: Bundle): Promise<void> {
  for (const [path, text] of bundle.files) {
    const file = join(root, 'data', path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

export type FixtureServer = {
  /** Base URL (`http://127.0.0.1:port/`) the app's `data/…` paths resolve against. */
  base: string;
  bundle: Bundle;
  /** Paths (`data/articles/…`) answered with 500 until removed. */
  failing: Set<string>;
  /** Paths answered with this instead of their file until removed: a broken or hostile host. */
  answers: Map<string, FixtureAnswer>;
  /** Every path requested, in order, as a server log would show them; tests may clear it. */
  requests: string[];
  /**
   * Serve another build in place of this one, whole, as a deploy from a fresh machine does: the
   * old build's shards are gone afterwards, unless `keepOld` (as the prebuild keeps them when
   * it writes into the previous build's folder).
   */
  replace: (bundle: Bundle, options?: { keepOld?: boolean }) => Promise<void>;
  close: () => Promise<void>;
};

/** Write the bundle under `<tmp>/data/` and serve the folder on 127.0.0.1 at a free port. */
export async function startFixtureServer(
  bundle: Bundle = createFixtureBundle(),
): Promise<FixtureServer> {
  const root = await mkdtemp(join(tmpdir(), 'broadsheet-app-'));
  await writeBundle(root, bundle);
  const failing = new Set<string>();
  const answers = new Map<string, FixtureAnswer>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(
      new URL(request.url ?? '/', 'http://127.0.0.1').pathname,
    ).replace(/^\/+/, '');
    requests.push(path);
    if (failing.has(path)) {
      response.writeHead(500).end('failing on purpose');
      return;
    }
    const answer = answers.get(path);
    if (answer) {
      response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}/`,
    bundle,
    failing,
    answers,
    requests,
    replace: async (next, { keepOld = false } = {}) => {
      if (!keepOld) await rm(join(root, 'data'), { recursive: true, force: true });
      await writeBundle(root, next);
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}
