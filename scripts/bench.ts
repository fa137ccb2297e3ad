/**
 * `npm run bench`: prebuild wall time and peak memory (of the whole process tree, Pagefind's
 * indexer included) on synthetic archives made by the
 * project's own generator, a rebuild after one new post, and `jekyll build` on the same
 * site where Jekyll is installed. Figures are printed and written as JSON; nothing here
 * asserts a budget, since shared machines are too noisy for timed pass/fail checks.
 *
 * Options:
 *   --sizes 1000,10000,100000   archive sizes to measure
 *   --jekyll-max 10000          largest size also built with Jekyll (it is slow)
 *   --search-max 100000         largest size also measured with the Pagefind index: a cold
 *                               build with search, a rebuild with search after one new post,
 *                               and query transfer in Chromium over the built app
 *   --no-browser                skip the query measurements (no app build, no Chromium)
 *   --archive-sizes 10000       sizes also measured laid out like the real archive: 3 days
 *                               of posts in `_posts/`, the rest in `old_post/` (an archive
 *                               folder), with the cost of the pages for their page URLs
 *   --json FILE                 where to write the results (default bench-results.json)
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  renameSync,
  readFileSync,
  rmSync,
  writeFileSync,
  readdirSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureListCosts, type ListCost } from './bench/measure-lists';
import { measureSearchCosts, type SearchCost, type SearchCosts } from './bench/measure-search';

type Run = { seconds: number; peakMiB: number; exitCode: number };
type SizeResult = {
  posts: number;
  /** Cold build without the search index. */
  prebuild: Run;
  /** Cold build with the search index, where measured. */
  prebuildWithSearch: Run | null;
  /** A rebuild with the search index after one new post, from the cold build's cache. */
  rebuildWithSearch: Run | null;
  /** Search indexes (parts) of the bundle. */
  searchIndexes: number;
  /** Bytes and time of a first and a second query in the browser, where measured. */
  queries: SearchCosts | null;
  rebuildOneNew: Run;
  outputMiB: number;
  /** Data files a cold list page reads (requests, bytes), unfiltered and under tag filters. */
  lists: ListCost[];
  jekyll: Run | null;
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '1000,10000,100000' },
    'jekyll-max': { type: 'string', default: '10000' },
    'search-max': { type: 'string', default: '100000' },
    'no-browser': { type: 'boolean', default: false },
    'archive-sizes': { type: 'string', default: process.env.BENCH_ARCHIVE_SIZES ?? '10000' },
    json: { type: 'string', default: 'bench-results.json' },
  },
});

type ArchiveResult = {
  posts: number;
  inPosts: number;
  inArchive: number;
  /** Cold build without the search index. */
  prebuild: Run;
  /** The page writer (`--pages posts`) over that bundle; `aliases` is the share of old_post pages. */
  pages: { seconds: number; files: number; mib: number };
  aliases: { seconds: number; files: number; mib: number };
};

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(os.tmpdir(), 'broadsheet-bench');

/** Peak resident memory of a process, read from /proc while it runs (Linux only). */
function readPeakKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** A process and all its descendants (Pagefind indexes in a child process of its own). */
function listProcessTree(pid: number): number[] {
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    const current = tree[index] ?? 0;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(/\s+/).map(Number));
      } catch {
        // The task ended meanwhile.
      }
    }
  }
  return tree;
}

/** Runs a command, timing it and sampling its peak memory every 50 ms. */
function measureCommand(command: string, args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    // Peak of each process of the tree; their sum is the figure (an upper bound when they peak apart).
    const peaks = new Map<number, number>();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setInterval(() => {
      if (!child.pid) return;
      for (const pid of listProcessTree(child.pid))
        peaks.set(pid, Math.max(peaks.get(pid) ?? 0, readPeakKiB(pid)));
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0)
        process.stderr.write(`${command} ${args.join(' ')} exited ${code}\n${stderr}\n`);
      const peak = [...peaks.values()].reduce((sum, value) => sum + value, 0);
      resolve({ seconds, peakMiB: peak / 1024, exitCode: code ?? 1 });
    });
  });
}

function getFolderMiB(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes / 1024 / 1024;
}

function runTsx(script: string, args: string[]): Promise<Run> {
  return measureCommand(process.execPath, ['--import', 'tsx', path.join(root, script), ...args]);
}

/** The app, built once without data, for the query measurements; each size adds its bundle. */
async function buildApp(): Promise<string | null> {
  const publicDir = path.join(work, 'app-public');
  const app = path.join(work, 'app');
  rmSync(publicDir, { recursive: true, force: true });
  mkdirSync(publicDir, { recursive: true });
  for (const entry of readdirSync(path.join(root, 'public')))
    if (entry !== 'data')
      cpSync(path.join(root, 'public', entry), path.join(publicDir, entry), { recursive: true });
  process.stdout.write('building the app for the query measurements…\n');
  const built = spawnSync(
    path.join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--outDir', app, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: root,
      env: { ...process.env, BASE_PATH: '/', BROADSHEET_PUBLIC_DIR: publicDir },
      stdio: 'inherit',
    },
  );
  return built.status === 0 ? app : null;
}

async function measureSize(
  posts: number,
  jekyllMax: number,
  searchMax: number,
  app: string | null,
): Promise<SizeResult> {
  const site = path.join(work, `site-${posts}`);
  // The prebuild writes the `data/` folder; its parent stands for the deployed root.
  const deployed = path.join(work, `out-${posts}`);
  const out = path.join(deployed, 'data');
  const cache = path.join(work, `cache-${posts}`);
  rmSync(site, { recursive: true, force: true });
  rmSync(deployed, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  process.stdout.write(`\n${posts} posts: generating…\n`);
  const generated = await runTsx('scripts/generate-corpus.ts', [
    '--posts',
    String(posts),
    '--out',
    site,
    '--seed',
    '1',
  ]);
  if (generated.exitCode !== 0) throw new Error('the generator failed');

  process.stdout.write('  prebuild (cold, no search)…\n');
  const buildArgs = ['--source', site, '--out', out, '--cache', cache, '--no-search'];
  const prebuild = await runTsx('scripts/build-content.ts', buildArgs);
  let prebuildWithSearch: Run | null = null;
  const searchOut = path.join(work, `out-search-${posts}`);
  const searchCache = path.join(work, `cache-search-${posts}`);
  const searchArgs = ['--source', site, '--out', searchOut, '--cache', searchCache];
  if (posts <= searchMax) {
    process.stdout.write('  prebuild (cold, with search)…\n');
    rmSync(searchOut, { recursive: true, force: true });
    rmSync(searchCache, { recursive: true, force: true });
    prebuildWithSearch = await runTsx('scripts/build-content.ts', searchArgs);
  }

  // One more post, newer than the rest, as the archive gets every few minutes.
  const postsDir = path.join(site, '_posts');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  writeFileSync(
    path.join(postsDir, `${yesterday}-bench-new-post.md`),
    `---\ntitle: 基准测试新消息\ndate: ${yesterday} 08:00:00 +0800\ncategories: benchnews\ntags: 基准新闻\n---\n<p>新消息正文。</p>\n`,
  );
  process.stdout.write('  rebuild after one new post…\n');
  const rebuildOneNew = await runTsx('scripts/build-content.ts', buildArgs);
  const outputMiB = getFolderMiB(out);
  const lists = await measureListCosts(deployed);
  let rebuildWithSearch: Run | null = null;
  let queries: SearchCosts | null = null;
  let searchIndexes = 0;
  if (prebuildWithSearch) {
    process.stdout.write('  rebuild with search after one new post…\n');
    rebuildWithSearch = await runTsx('scripts/build-content.ts', searchArgs);
    const manifest = JSON.parse(readFileSync(path.join(searchOut, 'manifest.json'), 'utf8')) as {
      searchIndexes?: unknown[];
    };
    searchIndexes = manifest.searchIndexes?.length ?? 0;
    if (app) {
      process.stdout.write('  a first and a second query in Chromium…\n');
      const dist = path.join(work, `dist-search-${posts}`);
      rmSync(dist, { recursive: true, force: true });
      cpSync(app, dist, { recursive: true });
      renameSync(searchOut, path.join(dist, 'data'));
      queries = await measureSearchCosts(dist);
      rmSync(dist, { recursive: true, force: true });
    }
    rmSync(searchOut, { recursive: true, force: true });
  }

  let jekyll: Run | null = null;
  if (posts <= jekyllMax && spawnSync('jekyll', ['--version']).status === 0) {
    process.stdout.write('  jekyll build…\n');
    const jekyllOut = path.join(work, `jekyll-${posts}`);
    rmSync(jekyllOut, { recursive: true, force: true });
    jekyll = await measureCommand('jekyll', [
      'build',
      '--safe',
      '--quiet',
      '-s',
      site,
      '-d',
      jekyllOut,
    ]);
  }
  return {
    posts,
    prebuild,
    prebuildWithSearch,
    rebuildWithSearch,
    searchIndexes,
    queries,
    rebuildOneNew,
    outputMiB,
    lists,
    jekyll,
  };
}

/** A site laid out like the real archive: the last 3 days in `_posts/`, the rest in `old_post/`. */
async function measureArchiveSize(posts: number): Promise<ArchiveResult> {
  const site = path.join(work, `archive-site-${posts}`);
  const dist = path.join(work, `archive-dist-${posts}`);
  rmSync(site, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  process.stdout.write(`\n${posts} posts, archive layout: generating…\n`);
  const generated = await runTsx('scripts/generate-corpus.ts', [
    ...['--posts', String(posts), '--out', site, '--seed', '1'],
    ...['--archive-dir', 'old_post', '--recent-days', '3'],
  ]);
  if (generated.exitCode !== 0) throw new Error('the generator failed');
  const inPosts = readdirSync(path.join(site, '_posts')).length;
  const inArchive = readdirSync(path.join(site, 'old_post')).length;
  process.stdout.write('  prebuild (cold, no search)…\n');
  const data = path.join(dist, 'data');
  const prebuild = await runTsx('scripts/build-content.ts', [
    ...['--source', site, '--out', data, '--no-cache', '--no-search'],
  ]);
  process.stdout.write('  pages for posts and page URLs…\n');
  // A bare shell stands in for the built app: the pages' cost is their number and head.
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>Broadsheet</title></head><body><div id="root"></div></body></html>\n',
  );
  const { buildPages } = await import('./build-pages');
  const written = await buildPages({ dist, pages: 'posts', base: '/' });
  rmSync(site, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  const toMiB = (bytes: number) => bytes / 1024 / 1024;
  return {
    posts,
    inPosts,
    inArchive,
    prebuild,
    pages: { seconds: written.ms / 1000, files: written.files, mib: toMiB(written.bytes) },
    aliases: {
      seconds: written.aliases.ms / 1000,
      files: written.aliases.files,
      mib: toMiB(written.aliases.bytes),
    },
  };
}

function formatRun(run: Run | null): string {
  if (!run) return 'n/a';
  const failed = run.exitCode === 0 ? '' : ` (exit ${run.exitCode})`;
  return `${run.seconds.toFixed(1)} s, ${run.peakMiB.toFixed(0)} MiB${failed}`;
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) {
    process.stderr.write(`--sizes must be positive integers, got "${values.sizes}"\n`);
    process.exit(2);
  }
  const searchMax = Number(values['search-max']);
  const app =
    !values['no-browser'] && sizes.some((size) => size <= searchMax) ? await buildApp() : null;
  const results: SizeResult[] = [];
  for (const size of sizes) {
    results.push(await measureSize(size, Number(values['jekyll-max']), searchMax, app));
  }

  process.stdout.write(
    '\n| posts | prebuild (cold) | with search | rebuild, one new post | output | jekyll build |\n|---|---|---|---|---|---|\n',
  );
  for (const result of results) {
    const cells = [
      String(result.posts),
      formatRun(result.prebuild),
      formatRun(result.prebuildWithSearch),
      formatRun(result.rebuildOneNew),
      `${result.outputMiB.toFixed(1)} MiB`,
      formatRun(result.jekyll),
    ];
    process.stdout.write(`| ${cells.join(' | ')} |\n`);
  }
  process.stdout.write(
    '\n| posts | search indexes | cold build with search | rebuild with search, one new post | first query: search KiB (requests) | second query: search KiB (requests) | second query on screen |\n|---|---|---|---|---|---|---|\n',
  );
  for (const result of results) {
    if (!result.prebuildWithSearch) continue;
    const query = (cost: SearchCost | undefined) =>
      cost
        ? `${cost.searchKiB.toFixed(0)} KiB (${cost.searchRequests}), ${cost.total} results`
        : 'n/a';
    const cells = [
      String(result.posts),
      String(result.searchIndexes),
      formatRun(result.prebuildWithSearch),
      formatRun(result.rebuildWithSearch),
      query(result.queries?.first),
      query(result.queries?.second),
      result.queries ? `${result.queries.secondMs.toFixed(0)} ms` : 'n/a',
    ];
    process.stdout.write(`| ${cells.join(' | ')} |\n`);
  }
  process.stdout.write(
    '\n| posts | list view | page | requests | KiB | KiB gzipped |\n|---|---|---|---|---|---|\n',
  );
  for (const result of results) {
    for (const cost of result.lists) {
      const cells = [
        result.posts,
        cost.view,
        cost.page,
        cost.requests,
        cost.kib.toFixed(1),
        cost.gzipKiB.toFixed(1),
      ];
      process.stdout.write(`| ${cells.join(' | ')} |\n`);
    }
  }
  const archiveSizes = values['archive-sizes']
    .split(',')
    .filter((size) => size.trim() !== '')
    .map((size) => Number(size.trim()));
  const archives: ArchiveResult[] = [];
  for (const size of archiveSizes) archives.push(await measureArchiveSize(size));
  if (archives.length > 0) {
    process.stdout.write(
      '\n| posts (archive layout) | _posts / old_post | prebuild (cold, no search) | all pages | old_post pages |\n|---|---|---|---|---|\n',
    );
    for (const result of archives) {
      const cells = [
        String(result.posts),
        `${result.inPosts} / ${result.inArchive}`,
        formatRun(result.prebuild),
        `${result.pages.files} files, ${result.pages.mib.toFixed(1)} MiB, ${result.pages.seconds.toFixed(1)} s`,
        `${result.aliases.files} files, ${result.aliases.mib.toFixed(1)} MiB, ${result.aliases.seconds.toFixed(1)} s`,
      ];
      process.stdout.write(`| ${cells.join(' | ')} |\n`);
    }
  }
  const machine = `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  writeFileSync(values.json, `${JSON.stringify({ machine, results, archives }, null, 2)}\n`);
  process.stdout.write(`\n${machine}; results in ${values.json}\n`);
  if (existsSync(work) && results.some((result) => result.prebuild.exitCode !== 0)) process.exit(1);
}

await main();
