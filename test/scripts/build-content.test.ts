import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { z } from 'zod';
import { buildReportSchema, listIndexSchema, manifestSchema } from '../../src/shared/schema';
import { buildContent, main, parseBuildArgs } from '../../scripts/build-content';
import type { SiteReader } from '../../scripts/build-content';
import { readSiteConfig } from '../../scripts/content/read-config';
import { PREVIOUS_BUILDS } from '../../scripts/content/write-output';
import { readPostFile } from '../../scripts/content/read-post';
import { listPostFiles } from '../../scripts/content/read-site';
import {
  addFiles,
  createPostFile,
  createBuildOptions,
  createTempDir,
  readTree,
  removeTempDirs,
  writeSite,
} from './build-fixtures';

afterAll(removeTempDirs);

const siteFiles = {
  '_config.yml':
    'title: 测试站点\nlang: zh-CN\ntimezone: Asia/Shanghai\nurl: https://news.example.org\n',
  '_posts/2022-03-01-first.md': createPostFile('第一条', '2022-03-01 09:00:00 +0800'),
  '_posts/2022-03-01-second.md': createPostFile('第二条', '2022-03-01 10:00:00 +0800'),
  '_posts/2022-03-02-other.md': createPostFile(
    '其他来源',
    '2022-03-02 10:00:00 +0800',
    'haigang',
    '海港商报新闻',
  ),
  '_posts/2099-01-01-future.md': createPostFile('未来', '2099-01-01 10:00:00 +0800'),
  '_posts/notes.txt': '不是文章\n',
};

/** The real reader, counting the files it parses. */
function createCountingReader() {
  const counter = { parsed: 0 };
  const reader: SiteReader = {
    readSiteConfig,
    listPostFiles,
    readPostFile: (...args) => {
      counter.parsed++;
      return readPostFile(...args);
    },
  };
  return { reader, counter };
}

function parseJson(bytes: Buffer | undefined): unknown {
  return JSON.parse(bytes?.toString('utf8') ?? 'null');
}

test('a site becomes a valid bundle and a complete report', async () => {
  const options = await createBuildOptions(await writeSite(siteFiles));
  const result = await buildContent(options);
  const tree = await readTree(options.out);
  const manifest = manifestSchema.parse(parseJson(tree.get('manifest.json')));
  const report = buildReportSchema.parse(parseJson(tree.get('build-report.json')));
  expect(manifest.posts).toBe(3);
  expect(report.inputs).toBe(5);
  expect(report.inputs).toBe(report.posts + report.skipped.length);
  expect(report.skipped.map((item) => item.file)).toEqual([
    '_posts/2099-01-01-future.md',
    '_posts/notes.txt',
  ]);
  expect(Object.keys(report.urls)).toEqual([
    '_posts/2022-03-01-first.md',
    '_posts/2022-03-01-second.md',
    '_posts/2022-03-02-other.md',
  ]);
  expect(manifest.categories.map((category) => category.slug)).toEqual(['kuaixun', 'haigang']);
  expect(result.posts).toBe(3);
  // Every shard the manifest names exists.
  listIndexSchema.parse(parseJson(tree.get(`list-index/${manifest.all.index}.json`)));
  for (const page of manifest.articles.pages)
    expect(tree.has(`article-index/${page}.json`)).toBe(true);
});

test('a second run gives byte-identical output and rewrites nothing', async () => {
  const source = await writeSite(siteFiles);
  const options = await createBuildOptions(source);
  await buildContent(options);
  const first = await readTree(options.out);
  const second = await buildContent(options);
  expect(second.output.written).toBe(0);
  expect(await readTree(options.out)).toEqual(first);
  const elsewhere = await createBuildOptions(source);
  await buildContent(elsewhere);
  expect(await readTree(elsewhere.out)).toEqual(first);
});

test('the out dir ends up holding exactly the bundle', async () => {
  const source = await writeSite(siteFiles);
  const options = await createBuildOptions(source);
  await addFiles(options.out, { 'lists/0123456789abcdef.json': '{}', 'stale/old.txt': 'x' });
  await buildContent(options);
  const tree = await readTree(options.out);
  expect(tree.has('lists/0123456789abcdef.json')).toBe(false);
  expect([...tree.keys()].some((name) => name.startsWith('stale/'))).toBe(false);
});

test('adding a newer post leaves the older list chunks untouched', async () => {
  const files: Record<string, string> = { '_config.yml': siteFiles['_config.yml'] };
  for (let i = 0; i < 150; i++) {
    const minute = String(i % 60).padStart(2, '0');
    const hour = String(8 + Math.floor(i / 60)).padStart(2, '0');
    files[`_posts/2022-03-01-p${i}.md`] = createPostFile(
      `第${i}条`,
      `2022-03-01 ${hour}:${minute}:00 +0800`,
    );
  }
  const source = await writeSite(files);
  const options = await createBuildOptions(source);
  await buildContent(options);
  const before = await readTree(options.out);
  await addFiles(source, {
    '_posts/2022-03-05-new.md': createPostFile('最新', '2022-03-05 09:00:00 +0800'),
  });
  await buildContent(options);
  const after = await readTree(options.out);
  const manifest = manifestSchema.parse(parseJson(after.get('manifest.json')));
  const index = listIndexSchema.parse(
    parseJson(after.get(`list-index/${manifest.all.index}.json`)),
  );
  const oldest = index.chunks[0]?.file ?? '';
  expect(after.get(`lists/${oldest}.json`)).toEqual(before.get(`lists/${oldest}.json`));
  expect(index.chunks).toHaveLength(2);
});

test('the cache spares reading unchanged files and a future post is read again once due', async () => {
  const source = await writeSite(siteFiles);
  const cache = await createTempDir('cache');
  const { reader, counter } = createCountingReader();
  const options = await createBuildOptions(source, { cache });
  const cold = await buildContent(options, reader);
  expect(cold.parsed).toBe(5);
  const first = await readTree(options.out);

  counter.parsed = 0;
  await buildContent(options, reader);
  expect(counter.parsed).toBe(0);
  expect(await readTree(options.out)).toEqual(first);

  counter.parsed = 0;
  await addFiles(source, {
    '_posts/2022-03-03-new.md': createPostFile('新增', '2022-03-03 10:00:00 +0800'),
  });
  const later = await buildContent({ ...options, now: new Date('2099-06-01T00:00:00Z') }, reader);
  expect(later.parsed).toBe(2);
  expect(later.posts).toBe(5);
});

test('--strict turns errors into exit code 1; bad usage is exit code 2', async () => {
  const source = await writeSite({
    ...siteFiles,
    '_posts/2022-03-01-dup.md': createPostFile(
      '重复',
      '2022-03-01 09:00:00 +0800',
      'kuaixun',
      '快讯滚动新闻',
    ).replace('layout: post', 'layout: post\npermalink: /same.html'),
    '_posts/2022-03-02-dup.md': createPostFile('重复', '2022-03-02 09:00:00 +0800').replace(
      'layout: post',
      'layout: post\npermalink: /same.html',
    ),
  });
  const out = await createTempDir('out');
  const output: string[] = [];
  const stream = { write: (text: string) => output.push(text) };
  const streams = { stdout: stream, stderr: stream };
  const common = ['--source', source, '--out', out, '--no-search', '--no-cache'];
  expect(await main(common, {}, streams)).toBe(0);
  expect(await main([...common, '--strict'], {}, streams)).toBe(1);
  expect(output.join('')).toMatch(/_posts\/2022-03-02-dup\.md: error: .*2022-03-01-dup\.md/);
  expect(await main([...common, '--bogus'], {}, streams)).toBe(2);
  expect(await main(['--source', path.join(source, 'missing'), '--out', out], {}, streams)).toBe(2);
  const report = buildReportSchema.parse(
    JSON.parse(await readFile(path.join(out, 'build-report.json'), 'utf8')),
  );
  expect(report.skipped).toContainEqual({
    file: '_posts/2022-03-02-dup.md',
    reason: 'duplicate URL of _posts/2022-03-01-dup.md',
  });
});

test('the command line runs on its own and explains bad usage', async () => {
  const run = promisify(execFile);
  const tsx = path.join('node_modules', '.bin', 'tsx');
  const failure = await run(tsx, ['scripts/build-content.ts', '--frobnicate']).catch(
    (error: unknown) => error,
  );
  expect(failure).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('unknown argument: --frobnicate'),
  });
  // With search: the indexing threads start under the tsx CLI, and the process ends by itself.
  const source = await writeSite(siteFiles);
  const out = await createTempDir('out');
  const { stderr } = await run(
    tsx,
    ['scripts/build-content.ts', '--source', source, '--out', out, '--no-cache'],
    { timeout: 60_000 },
  );
  expect(stderr).toMatch(/^3 posts, /m);
  const manifest = manifestSchema.parse(
    JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')),
  );
  const [index] = manifest.searchIndexes;
  expect(existsSync(path.join(out, 'pagefind', index?.path ?? '-', 'pagefind-entry.json'))).toBe(
    true,
  );
});

test('--help prints every flag and exits 0; a flag without its value is bad usage', async () => {
  const output: string[] = [];
  const stream = { write: (text: string) => output.push(text) };
  const streams = { stdout: stream, stderr: stream };
  expect(await main(['--help'], {}, streams)).toBe(0);
  const help = output.join('');
  for (const flag of [
    '--source DIR',
    '--out DIR',
    '--strict',
    '--cache DIR',
    '--no-cache',
    '--no-search',
    '--quiet-if-unchanged',
  ])
    expect(help).toContain(flag);
  expect(help).toContain('$CONTENT_DIR');
  output.length = 0;
  expect(await main(['--bogus'], {}, streams)).toBe(2);
  expect(output.join('')).toMatch(/^error: unknown argument: --bogus\nusage: npm run content/);
  for (const args of [
    ['--source'],
    ['--out='],
    ['--strict=yes'],
    ['stray'],
    ['--cache', 'c', '--no-cache'],
  ]) {
    output.length = 0;
    expect(await main(args, {}, streams), args.join(' ')).toBe(2);
    expect(output.join(''), args.join(' ')).toMatch(/^error: .+\nusage: /);
  }
});

test('the site root defaults to $CONTENT_DIR, then content', async () => {
  const options = parseBuildArgs([], { CONTENT_DIR: 'my-site' }, new Date(0));
  expect(options).toMatchObject({
    source: 'my-site',
    out: path.join('public', 'data'),
    search: true,
    strict: false,
  });
  expect(parseBuildArgs([], {}, new Date(0))).toMatchObject({ source: 'content' });
  expect(
    parseBuildArgs(['--source=a', '--no-cache', '--no-search'], { CONTENT_DIR: 'b' }, new Date(0)),
  ).toMatchObject({
    source: 'a',
    cache: null,
    search: false,
  });
});

test('the search index is built per stretch of days, named in the manifest and byte-identical on a rebuild', async () => {
  const source = await writeSite(siteFiles);
  const options = await createBuildOptions(source, { search: true });
  await buildContent(options);
  const first = await readTree(options.out);
  const manifest = manifestSchema.parse(parseJson(first.get('manifest.json')));
  expect(manifest.search).toBe('pagefind/');
  expect(
    manifest.searchIndexes.map((index) => [index.language, index.first, index.last, index.posts]),
  ).toEqual([['zh-cn', '2022-03-01', '2022-03-02', 3]]);
  const [index] = manifest.searchIndexes;
  const folder = `pagefind/${index?.path ?? ''}`;
  expect(first.has('pagefind/pagefind.js')).toBe(true);
  expect(first.has(`${folder}pagefind-entry.json`)).toBe(true);
  // Pagefind's worker and wasm live in the language's runtime index, not beside each part.
  expect(manifest.searchRuntimes.map((runtime) => runtime.language)).toEqual(['zh-cn']);
  const runtime = `pagefind/${manifest.searchRuntimes[0]?.path ?? ''}`;
  expect(first.has(`${runtime}pagefind-worker.js`)).toBe(true);
  expect([...first.keys()].some((name) => name.startsWith(`${runtime}wasm.`))).toBe(true);
  expect(first.has(`${runtime}pagefind-entry.json`)).toBe(true);
  expect(first.has(`${folder}pagefind-worker.js`)).toBe(false);
  expect([...first.keys()].filter((name) => name.startsWith(`${folder}fragment/`))).toHaveLength(3);
  // Pagefind's own ready-made UIs are not shipped.
  expect(
    [...first.keys()].filter((name) => /pagefind-(?:ui|modular-ui|component-ui)\./.test(name)),
  ).toEqual([]);
  const cached = await createBuildOptions(source, {
    search: true,
    cache: await createTempDir('cache'),
  });
  await buildContent(cached);
  await buildContent(cached);
  expect(await readTree(cached.out)).toEqual(first);
});

test('the search cache keeps one pack per part; a damaged pack is indexed again, an older layout dropped', async () => {
  const source = await writeSite(siteFiles);
  const fresh = await createBuildOptions(source, { search: true, cache: null });
  await buildContent(fresh);
  const expected = await readTree(fresh.out);
  const cache = await createTempDir('cache');
  const cached = await createBuildOptions(source, { search: true, cache });
  await buildContent(cached);
  const packs = (await readdir(cache, { recursive: true })).filter((name) =>
    name.endsWith('.pack'),
  );
  // The one part and the runtime, each one file whatever the number of Pagefind's files.
  expect(packs).toHaveLength(2);
  const part = packs.find((name) => !path.basename(name).startsWith('runtime-')) ?? '';
  const root = path.dirname(path.join(cache, part));
  await writeFile(path.join(cache, part), 'not a pack');
  await mkdir(path.join(root, '..', 'search-v1', 'old'), { recursive: true });
  await buildContent(cached);
  expect(await readTree(cached.out)).toEqual(expected);
  expect((await readFile(path.join(cache, part))).length).toBeGreaterThan(100);
  expect(existsSync(path.join(root, '..', 'search-v1'))).toBe(false);
});

test('a rebuild after one new post equals a fresh build byte for byte, every file compared', async () => {
  const source = await writeSite(siteFiles);
  const cache = await createTempDir('cache');
  const rebuilt = await createBuildOptions(source, { search: true, cache, keepBuilds: 0 });
  await buildContent(rebuilt);
  const before = manifestSchema.parse(
    parseJson((await readTree(rebuilt.out)).get('manifest.json')),
  );
  // A new post in the same month: the part holding its days is indexed again, under a new name.
  await addFiles(source, {
    '_posts/2022-03-02-new.md': createPostFile('新的一条', '2022-03-02 12:00:00 +0800'),
  });
  await buildContent(rebuilt);
  const fresh = await createBuildOptions(source, { search: true, cache: null });
  await buildContent(fresh);
  const rebuiltTree = await readTree(rebuilt.out);
  const freshTree = await readTree(fresh.out);
  expect([...rebuiltTree.keys()].sort()).toEqual([...freshTree.keys()].sort());
  for (const [name, bytes] of freshTree)
    expect(rebuiltTree.get(name)?.equals(bytes), name).toBe(true);
  const after = manifestSchema.parse(parseJson(freshTree.get('manifest.json')));
  expect(after.searchIndexes[0]?.path).not.toBe(before.searchIndexes[0]?.path);

  // Keeping earlier builds' files adds only what the ledger lists; every file of the fresh build
  // is there with the fresh build's bytes.
  const kept = await createBuildOptions(await writeSite(siteFiles), {
    search: true,
    cache: await createTempDir('cache'),
  });
  await buildContent(kept);
  await addFiles(kept.source, {
    '_posts/2022-03-02-new.md': createPostFile('新的一条', '2022-03-02 12:00:00 +0800'),
  });
  await buildContent(kept);
  const keptTree = await readTree(kept.out);
  for (const [name, bytes] of freshTree) expect(keptTree.get(name)?.equals(bytes), name).toBe(true);
  const ledger = z
    .object({ builds: z.array(z.object({ files: z.array(z.string()) })) })
    .parse(parseJson(keptTree.get(PREVIOUS_BUILDS)));
  const listed = new Set(ledger.builds.flatMap((build) => build.files));
  const extra = [...keptTree.keys()].filter(
    (name) => !freshTree.has(name) && name !== PREVIOUS_BUILDS,
  );
  expect(extra.length).toBeGreaterThan(0);
  for (const name of extra) expect(listed.has(name), name).toBe(true);
});

test('a terminal gets a live progress line; a log gets plain lines and the same summary', async () => {
  const source = await writeSite(siteFiles);
  const run = async (isTTY: boolean) => {
    const output: string[] = [];
    const stream = { isTTY, write: (text: string) => output.push(text) };
    const args = [
      '--source',
      source,
      '--out',
      await createTempDir('out'),
      '--no-search',
      '--no-cache',
    ];
    expect(await main(args, {}, { stdout: stream, stderr: stream })).toBe(0);
    return output.join('');
  };
  const terminal = await run(true);
  const log = await run(false);
  expect(terminal).toContain('\r\x1b[K');
  expect(log).not.toContain('\r');
  expect(log).not.toContain('\x1b');
  for (const text of [terminal, log]) {
    expect(text).toMatch(/3 posts, 2 skipped, \d+ warnings, 0 errors in /);
    expect(text).toMatch(/\d+ written, \d+ unchanged, \d+ removed/);
  }
});

const ledgerSchema = z.object({
  builds: z.array(z.object({ buildId: z.string(), files: z.array(z.string()) })),
});

/** A build's own files: what is on disk, less what its ledger keeps from earlier builds. */
function getOwnFiles(tree: Map<string, Buffer>): Set<string> {
  const ledger = tree.has(PREVIOUS_BUILDS)
    ? ledgerSchema.parse(parseJson(tree.get(PREVIOUS_BUILDS)))
    : { builds: [] };
  const kept = new Set([...ledger.builds.flatMap((build) => build.files), PREVIOUS_BUILDS]);
  return new Set([...tree.keys()].filter((name) => !kept.has(name)));
}

test('a rebuild into the same folder keeps the shards of the last builds, listed in a ledger', async () => {
  const source = await writeSite(siteFiles);
  const options = await createBuildOptions(source, { keepBuilds: 2 });
  const builds: Map<string, Buffer>[] = [];
  for (let day = 10; day <= 13; day++) {
    if (builds.length > 0)
      await addFiles(source, {
        [`_posts/2022-03-${day}-later.md`]: createPostFile(
          `第${day}日`,
          `2022-03-${day} 09:00:00 +0800`,
        ),
      });
    await buildContent(options);
    builds.push(await readTree(options.out));
  }
  const [first, second, third, fourth] = builds;
  if (!first || !second || !third || !fourth) throw new Error('four builds expected');
  const buildIdOf = (tree: Map<string, Buffer>) =>
    manifestSchema.parse(parseJson(tree.get('manifest.json'))).buildId;
  const ledger = ledgerSchema.parse(parseJson(fourth.get(PREVIOUS_BUILDS)));
  // Newest first: build 3's and build 2's files are kept; build 1's, three builds back, are gone.
  expect(ledger.builds.map((build) => build.buildId)).toEqual([
    buildIdOf(third),
    buildIdOf(second),
  ]);
  for (const name of getOwnFiles(second)) {
    // The report has one name and the current build's bytes; every shard of build 2 is there.
    if (name !== 'build-report.json') expect(fourth.has(name), name).toBe(true);
  }
  const firstOnly = [...getOwnFiles(first)].filter((name) => !getOwnFiles(second).has(name));
  expect(firstOnly.filter((name) => name.endsWith('.json')).length).toBeGreaterThan(1);
  for (const name of firstOnly) expect(fourth.has(name), name).toBe(false);

  // A fresh folder gets exactly the bundle: the kept files and the ledger are the only extras.
  const fresh = await createBuildOptions(source);
  await buildContent(fresh);
  const freshTree = await readTree(fresh.out);
  expect(freshTree.has(PREVIOUS_BUILDS)).toBe(false);
  const own = getOwnFiles(fourth);
  expect(new Map([...fourth].filter(([name]) => own.has(name)))).toEqual(freshTree);

  // --keep-builds 0 drops them all, and the ledger with them.
  await buildContent({ ...options, keepBuilds: 0 });
  expect(await readTree(options.out)).toEqual(freshTree);
});
