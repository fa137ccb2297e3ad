/**
 * Archive folders (`broadsheet.archive`): the archive's history moved out of `_posts/` is read by
 * the post rules, answers at its page URL too, and a post found in two places is one post.
 * Every text here is invented for the tests.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  ARTICLE_INDEX_PAGE_SIZE,
  articleBucketSchema,
  articleIndexPageSchema,
  buildReportSchema,
  listChunkSchema,
  listIndexSchema,
  manifestSchema,
  type Manifest,
} from '../../src/shared/schema';
import { getBucket, getPostKey } from '../../src/shared/post-key';
import { buildContent, parseBuildArgs, type BuildOptions } from '../../scripts/build-content';
import { buildPages } from '../../scripts/build-pages';
import { readPostFile } from '../../scripts/content/read-post';
import { listPostFiles } from '../../scripts/content/read-site';
import {
  createPostFile,
  createBuildOptions,
  createTempDir,
  testNow,
  readTree,
  removeTempDirs,
  testConfig,
  writeSite,
} from './build-fixtures';

afterAll(removeTempDirs);

const now = testNow;

const CONFIG = [
  'title: 档案测试',
  'timezone: Asia/Shanghai',
  'url: https://news.example.org',
  'broadsheet:',
  '  archive: [old_post]',
  '  former_hosts: [early.example.net]',
  '',
].join('\n');

/** A back-link footer naming the site's earlier host, as the archive's scraper once wrote it. */
const EARLY_FOOTER =
  '\n\n[返回快讯](//early.example.net/kuaixun/)\n[返回首页](//early.example.net/)\n';

const revisedInPosts = createPostFile('修订前的标题', '2022-03-03 09:00:00');
const revisedInArchive = createPostFile('修订后的标题', '2022-03-03 09:00:00 +0800');
const twice = createPostFile('复制两份', '2022-03-02 09:00:00 +0800');

const siteFiles = {
  '_config.yml': CONFIG,
  '_posts/2022-03-05-fresh.md': createPostFile('最新一条', '2022-03-05 09:00:00 +0800'),
  '_posts/2022-03-02-twice.md': twice,
  '_posts/2022-03-03-revised.md': revisedInPosts,
  // Without an offset, 20:00 UTC is the next day in Shanghai: the moved copy's URL differs.
  '_posts/2022-03-06-shifted.md': createPostFile('日期带时区前', '2022-03-06 20:00:00'),
  'old_post/2022-03-06-shifted.md': createPostFile('日期带时区后', '2022-03-06 20:00:00 +0800'),
  'old_post/2022-03-01-moved.md': createPostFile('已归档的旧闻', '2022-03-01 09:00:00 +0800'),
  'old_post/2022-03-02-twice.md': twice,
  'old_post/2022-03-03-revised.md': revisedInArchive,
  'old_post/2022/2022-03-04-nested.md': createPostFile(
    '子文件夹里的旧闻',
    '2022-03-04 09:00:00 +0800',
    'kuaixun',
    '快讯滚动新闻',
    `归档正文里独有的词：琥珀湾。${EARLY_FOOTER}`,
  ),
  // Another file claiming the URL of `moved` by its own permalink: different content, one URL.
  'old_post/2022-03-01-clash.md': [
    '---',
    'title: 抢占地址的文件',
    'date: 2022-03-01 10:00:00 +0800',
    'categories: kuaixun',
    'permalink: /kuaixun/2022/03/01/moved.html',
    '---',
    '另一段文字。',
    '',
  ].join('\n'),
  'old_post/notes.txt': '不是文章\n',
  // Jekyll's own post folder inside the archive folder: a post of category old_post, no page URL.
  'old_post/_posts/2022-03-01-inner.md': createPostFile(
    '内层文章',
    '2022-03-01 08:00:00 +0800',
    '',
  ),
  'old_post/.hidden.md': createPostFile('隐藏', '2022-03-01 09:00:00 +0800'),
  // Not an archive folder: Jekyll's pages stay pages.
  'about/2022-03-01-page.md': createPostFile('关于', '2022-03-01 09:00:00 +0800'),
};

async function build(source: string, fields: Partial<BuildOptions> = {}) {
  const options = await createBuildOptions(source, fields);
  const result = await buildContent(options);
  const tree = await readTree(options.out);
  const readJson = (name: string): unknown =>
    JSON.parse(tree.get(name)?.toString('utf8') ?? 'null');
  const manifest = manifestSchema.parse(readJson('manifest.json'));
  const report = buildReportSchema.parse(readJson('build-report.json'));
  return { options, result, tree, readJson, manifest, report };
}

type Built = Awaited<ReturnType<typeof build>>;

/** What the app finds at a path: the same steps as src/features/article/api/article-query.ts. */
function lookUp({ readJson, manifest }: Built, appPath: string) {
  const bucket = getBucket(appPath, manifest.articles.buckets);
  const pageHash = manifest.articles.pages[Math.floor(bucket / ARTICLE_INDEX_PAGE_SIZE)];
  const page = articleIndexPageSchema.parse(readJson(`article-index/${pageHash}.json`));
  const hash = page.buckets[bucket % ARTICLE_INDEX_PAGE_SIZE];
  if (!hash) return null;
  const file = articleBucketSchema.parse(readJson(`articles/${hash}.json`));
  const key = getPostKey(appPath);
  const article = file.posts.find((post) => getPostKey(post.url) === key);
  if (article) return { kind: 'article', title: article.title, url: article.url };
  const alias = file.aliases.find((entry) => getPostKey(entry.path) === key);
  return alias ? { kind: 'redirect', url: alias.url } : null;
}

function readAllTitles({ readJson }: Built, manifest: Manifest): string[] {
  const index = listIndexSchema.parse(readJson(`list-index/${manifest.all.index}.json`));
  return index.chunks
    .flatMap((chunk) => listChunkSchema.parse(readJson(`lists/${chunk.file}.json`)).posts)
    .reverse()
    .map((post) => post.title);
}

test('every file of every post folder is a post or skipped, and the report names its folder', async () => {
  const source = await writeSite(siteFiles);
  const built = await build(source);
  const { report } = built;
  const listed = await listPostFiles(source, ['old_post']);
  expect(listed).not.toContain('about/2022-03-01-page.md');
  expect(report.inputs).toBe(listed.length);
  expect(report.inputs).toBe(report.posts + report.skipped.length);
  expect(report.posts).toBe(7);
  const accounted = [
    ...Object.keys(report.urls),
    ...report.skipped.map((item) => item.file),
  ].sort();
  expect(accounted).toEqual([...listed].sort());
  expect(report.urls['old_post/2022-03-01-clash.md']).toBe('/kuaixun/2022/03/01/moved.html');
  expect(report.urls['old_post/2022/2022-03-04-nested.md']).toBe('/kuaixun/2022/03/04/nested.html');
  expect(report.skipped).toEqual(
    expect.arrayContaining([
      { file: 'old_post/notes.txt', reason: 'file name has no date' },
      { file: 'old_post/.hidden.md', reason: 'hidden file' },
    ]),
  );
});

test('archive posts are in the lists, with their own categories (the archive folder adds none)', async () => {
  const built = await build(await writeSite(siteFiles));
  expect(readAllTitles(built, built.manifest)).toEqual([
    '日期带时区后',
    '最新一条',
    '子文件夹里的旧闻',
    '修订后的标题',
    '复制两份',
    '抢占地址的文件',
    '内层文章',
  ]);
  expect(built.manifest.categories.map((category) => category.slug)).toEqual([
    'kuaixun',
    'old_post',
  ]);
  // Inside the archive folder, a `_posts/` folder is Jekyll's: its folder category, no page URL.
  expect(built.report.urls['old_post/_posts/2022-03-01-inner.md']).toBe(
    '/old_post/2022/03/01/inner.html',
  );
  expect(lookUp(built, '/old_post/_posts/2022-03-01-inner.html')).toBeNull();
});

test('a back-link footer naming a former host is recognised as navigation, not text', () => {
  const config = { ...testConfig, archive: ['old_post'], formerHosts: ['early.example.net'] };
  const file = 'old_post/2022/2022-03-04-nested.md';
  const result = readPostFile(file, Buffer.from(siteFiles[file]), config, now);
  if (result.kind !== 'post') throw new Error(result.reason);
  expect(result.post.page).toBe('/old_post/2022/2022-03-04-nested.html');
  expect(result.post.categories).toEqual(['kuaixun']);
  expect(result.post.html).toContain('href="//early.example.net/kuaixun/"');
  expect(result.post.text).toBe('归档正文里独有的词：琥珀湾。');
});

test('a post answers at its permalink and at its page URL, with and without .html', async () => {
  const built = await build(await writeSite(siteFiles));
  expect(lookUp(built, '/kuaixun/2022/03/04/nested.html')).toMatchObject({
    kind: 'article',
    title: '子文件夹里的旧闻',
  });
  for (const appPath of [
    '/old_post/2022/2022-03-04-nested.html',
    '/old_post/2022/2022-03-04-nested',
  ]) {
    expect(lookUp(built, appPath)).toEqual({
      kind: 'redirect',
      url: '/kuaixun/2022/03/04/nested.html',
    });
  }
  expect(lookUp(built, '/old_post/2022-03-09-never.html')).toBeNull();
});

test('the same post in _posts/ and old_post/ is one post: the archive copy, with a warning naming both', async () => {
  const built = await build(await writeSite(siteFiles));
  const { report, result } = built;
  expect(report.urls['old_post/2022-03-02-twice.md']).toBe('/kuaixun/2022/03/02/twice.html');
  expect(report.skipped).toContainEqual({
    file: '_posts/2022-03-02-twice.md',
    reason: 'moved to old_post/2022-03-02-twice.md',
  });
  const about = (file: string) => result.diagnostics.filter((item) => item.file === file);
  expect(about('_posts/2022-03-02-twice.md')).toEqual([
    expect.objectContaining({
      severity: 'warning',
      message: expect.stringMatching(
        /old_post\/2022-03-02-twice\.md is the same post .* this file is left out/,
      ),
    }),
  ]);
  // Different content (the later version gained an offset, so its time differs): said so, archive wins.
  expect(lookUp(built, '/kuaixun/2022/03/03/revised.html')).toMatchObject({
    title: '修订后的标题',
  });
  expect(about('_posts/2022-03-03-revised.md')).toEqual([
    expect.objectContaining({
      severity: 'warning',
      message: expect.stringContaining('its content differs'),
    }),
  ]);
  expect(about('old_post/2022-03-03-revised.md')[0]?.message).toContain(
    '_posts/2022-03-03-revised.md',
  );
  expect(lookUp(built, '/old_post/2022-03-03-revised.html')).toEqual({
    kind: 'redirect',
    url: '/kuaixun/2022/03/03/revised.html',
  });
});

test('a moved post whose permalink changed on the way is one post, and its old permalink leads to it', async () => {
  const built = await build(await writeSite(siteFiles));
  expect(lookUp(built, '/kuaixun/2022/03/06/shifted.html')).toMatchObject({
    kind: 'article',
    title: '日期带时区后',
  });
  for (const appPath of ['/kuaixun/2022/03/07/shifted.html', '/old_post/2022-03-06-shifted']) {
    expect(lookUp(built, appPath)).toEqual({
      kind: 'redirect',
      url: '/kuaixun/2022/03/06/shifted.html',
    });
  }
  expect(built.report.skipped).toContainEqual({
    file: '_posts/2022-03-06-shifted.md',
    reason: 'moved to old_post/2022-03-06-shifted.md',
  });
  const warning = built.result.diagnostics.find(
    (item) => item.file === '_posts/2022-03-06-shifted.md',
  );
  expect(warning?.message).toContain(
    'under another URL (/kuaixun/2022/03/07/shifted.html now leads to /kuaixun/2022/03/06/shifted.html)',
  );
});

test('two archive files under one URL: the first by path stays, the other page URL leads to it', async () => {
  const built = await build(await writeSite(siteFiles));
  expect(lookUp(built, '/kuaixun/2022/03/01/moved.html')).toMatchObject({
    title: '抢占地址的文件',
  });
  expect(built.report.skipped).toContainEqual({
    file: 'old_post/2022-03-01-moved.md',
    reason: 'duplicate URL of old_post/2022-03-01-clash.md',
  });
  const warning = built.result.diagnostics.find(
    (item) => item.file === 'old_post/2022-03-01-moved.md',
  );
  expect(warning?.message).toContain('its content differs');
  expect(warning?.message).toContain('old_post/2022-03-01-clash.md is kept');
  for (const appPath of ['/old_post/2022-03-01-moved.html', '/old_post/2022-03-01-clash.html']) {
    expect(lookUp(built, appPath)).toEqual({
      kind: 'redirect',
      url: '/kuaixun/2022/03/01/moved.html',
    });
  }
});

test('former hosts join the manifest hosts, so their links become in-app links', async () => {
  const built = await build(await writeSite(siteFiles));
  expect(built.manifest.site.hosts).toEqual(['early.example.net', 'news.example.org']);
});

test('--archive names a folder without touching _config.yml; a rebuild is byte-identical', async () => {
  const files: Record<string, string> = {
    ...siteFiles,
    '_config.yml': 'timezone: Asia/Shanghai\n',
  };
  const source = await writeSite(files);
  const options = parseBuildArgs(
    ['--source', source, '--archive', 'old_post', '--archive=moved'],
    {},
    now,
  );
  if (options === 'help') throw new Error('unexpected help');
  expect(options.archive).toEqual(['old_post', 'moved']);
  const first = await build(source, { archive: options.archive });
  expect(first.report.posts).toBe(7);
  expect(first.result.diagnostics).toContainEqual(
    expect.objectContaining({
      file: '--archive',
      severity: 'warning',
      message: expect.stringContaining('"moved"'),
    }),
  );
  const second = await build(source, { archive: options.archive, out: first.options.out });
  expect(second.result.output.written).toBe(0);
  expect(second.tree).toEqual(first.tree);
});

const SHELL = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>Broadsheet</title>
  </head>
  <body><div id="root"></div></body>
</html>
`;

/** A deployed folder: the bundle under `data/`, an app shell, then the pages in `mode`. */
async function buildDist(mode: 'all' | 'none') {
  const dist = await createTempDir('dist');
  await build(await writeSite(siteFiles), { out: path.join(dist, 'data') });
  await writeFile(path.join(dist, 'index.html'), SHELL);
  const result = await buildPages({ render: false, dist, pages: mode, base: '/' });
  return { dist, result, tree: await readTree(dist) };
}

test('each page URL gets a pre-rendered page with the canonical link of its permalink', async () => {
  const { tree, result } = await buildDist('all');
  expect(result.skipped).toEqual([]);
  const page = tree.get('old_post/2022/2022-03-04-nested.html')?.toString('utf8') ?? '';
  expect(page).toContain(
    '<link rel="canonical" href="https://news.example.org/kuaixun/2022/03/04/nested.html"',
  );
  expect(page).toContain('子文件夹里的旧闻');
  // The left-out copies' page URLs lead to the kept post too.
  expect(tree.get('old_post/2022-03-01-moved.html')?.toString('utf8')).toContain(
    'href="https://news.example.org/kuaixun/2022/03/01/moved.html"',
  );
  expect(tree.has('kuaixun/2022/03/04/nested.html')).toBe(true);
  // The feed carries archive posts like any other; the sitemap names only permalinks.
  expect(tree.get('feed.xml')?.toString('utf8')).toContain('子文件夹里的旧闻');
  expect(tree.get('sitemap.xml')?.toString('utf8') ?? '').not.toContain('/old_post/2022-03-');
});

test('BROADSHEET_PAGES=none writes no page for page URLs either', async () => {
  const { tree } = await buildDist('none');
  expect([...tree.keys()].some((name) => name.startsWith('old_post/'))).toBe(false);
});
