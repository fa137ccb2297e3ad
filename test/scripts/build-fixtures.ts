/**
 * Fixtures shared by the prebuild tests: posts as the reader hands them over, and Jekyll sites
 * written into a fresh temp folder.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildContent, type BuildOptions } from '../../scripts/build-content';
import type { SiteConfig, SourcePost } from '../../scripts/content/types';

export const testConfig: SiteConfig = {
  title: '测试站点',
  description: '',
  lang: 'zh-CN',
  timezone: 'Asia/Shanghai',
  permalink: 'date',
  url: 'https://news.example.org',
  baseurl: '',
  archive: [],
  formerHosts: [],
};

/** A post of the rolling feed at `date` (Shanghai time), with the fields tests care about. */
export function createSourcePost(
  slug: string,
  date: string,
  fields: Partial<SourcePost> = {},
): SourcePost {
  const category = fields.categories?.[0] ?? 'kuaixun';
  const day = date.slice(0, 10);
  return {
    file: `_posts/${day}-${slug}.md`,
    url: `/${category.toLowerCase()}/${day.replaceAll('-', '/')}/${slug}.html`,
    title: `标题 ${slug}`,
    date: `${day}T${date.slice(11, 19) || '08:00:00'}+08:00`,
    categories: [category],
    tags: ['快讯滚动新闻'],
    html: `<p>正文 ${slug}</p>`,
    text: `正文 ${slug}`,
    excerpt: `正文 ${slug}`,
    chars: 4,
    lang: 'zh-CN',
    source: null,
    page: null,
    ...fields,
  };
}

/** `count` posts one minute apart from 2022-03-01 08:00, oldest first. */
export function createSourcePosts(count: number, fields: Partial<SourcePost> = {}): SourcePost[] {
  return Array.from({ length: count }, (_, i) => {
    const minutes = i % 600;
    const day = 1 + Math.floor(i / 600);
    const time = `${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
    return createSourcePost(
      `p${String(i).padStart(5, '0')}`,
      `2022-03-${String(day).padStart(2, '0')} ${time}`,
      fields,
    );
  });
}

const tempDirs: string[] = [];

/** A fresh folder under the OS temp dir, removed by `removeTempDirs`. */
export async function createTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `broadsheet-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  const dirs = tempDirs.splice(0);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Writes `files` (path under the site root → text or bytes) into a new temp site. */
export async function writeSite(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await createTempDir('site');
  await addFiles(root, files);
  return root;
}

export async function addFiles(
  root: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(root, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** Every file under `dir` (relative path → bytes), for byte-for-byte comparisons. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const tree = new Map<string, Buffer>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    tree.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full));
  }
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A post file in the archive's plain shape. */
export function createPostFile(
  title: string,
  date: string,
  category = 'kuaixun',
  tag = '快讯滚动新闻',
  body = '正文内容。',
): string {
  return `---\nlayout: post\ntitle: "${title}"\ndate: ${date}\ncategories: ${category}\ntags: ${tag}\n---\n\n${body}\n`;
}

/** The clock of the prebuild tests: after every fixture post, before the far-future ones. */
export const testNow = new Date('2024-06-01T00:00:00Z');

/** Build options for a test build of `source` into a fresh temp folder, without cache or search. */
export async function createBuildOptions(
  source: string,
  fields: Partial<BuildOptions> = {},
): Promise<BuildOptions> {
  return {
    source,
    out: await createTempDir('out'),
    strict: false,
    cache: null,
    search: false,
    quietIfUnchanged: false,
    now: testNow,
    ...fields,
  };
}

/** The app shell as `vite build` writes it (`#root` empty), for the page writer's tests. */
export const APP_SHELL = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>Broadsheet</title>
    <script type="module" crossorigin src="/assets/index-abc12345.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

/** A deployed folder before the page writer runs: the Jekyll site's bundle under `data/`, the shell. */
export async function writeBuiltSite(site: string, dist: string): Promise<void> {
  await buildContent({
    source: site,
    out: path.join(dist, 'data'),
    strict: false,
    cache: null,
    search: false,
    quietIfUnchanged: false,
    now: new Date('2024-06-01T00:00:00Z'),
  });
  await writeFile(path.join(dist, 'index.html'), APP_SHELL);
}
