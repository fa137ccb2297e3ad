/**
 * `npm run bench`: what Broadsheet costs to build and to read, on synthetic archives made by the
 * project's own generator, written to `docs/benchmarks.md` (a table per size, the machine, the
 * date, each figure next to its target) and a JSON file. Nothing here asserts a budget: shared
 * machines are too noisy for timed pass/fail checks. Each figure is the median of several runs,
 * with the lowest and highest.
 *
 * Per size:
 * - the prebuild's wall time and peak memory of the whole process tree (Pagefind's indexer
 *   included), cold (no cache) and after one new post, without and with the search index;
 * - `jekyll build` and `hugo` on the same site (where installed; installed from Debian when
 *   running as root with apt), as ratios to the cold prebuild;
 * - in headless Chromium over the built app (pre-rendered pages included): a cold visit's bytes
 *   and requests for home, the biggest category and its newest article; time to the article's
 *   text cold over slow 4G and for an in-app click with a warm cache; Lighthouse's mobile scores;
 *   the JS heap after paging through a category of at least 50,000 posts (at the size that has one);
 * - search: the first and second query's transfer and time, from `bench/measure-search.ts`;
 * - the data files a list page reads, and the archive-folder layout's pages.
 *
 * Options:
 *   --sizes 1000,10000,100000   archive sizes to measure
 *   --runs 3                    runs per figure (each run: a cold build, then one new post)
 *   --search-runs N             runs of the builds with search (default: --runs)
 *   --large 100000              sizes from this one up use the two options below instead
 *   --large-runs 3              runs per figure at large sizes
 *   --large-search-runs 1       runs of the builds with search at large sizes
 *   --compare-sizes 10000       sizes also built with `jekyll build` and `hugo`
 *   --compare-runs N            runs of each of them (default: --runs)
 *   --query-sizes 10000,100000  sizes where search queries are measured in Chromium
 *   --heap-posts 50000          the JS heap is measured on a category with at least this many posts
 *   --heap-pages 200            list pages (50 posts each) to turn through before reading the heap
 *   --lighthouse-runs 1         Lighthouse runs per page
 *   --no-browser                skip everything that needs the app and Chromium
 *   --no-lighthouse             skip Lighthouse
 *   --archive-sizes 10000       sizes also measured laid out like the real archive (3 days of
 *                               posts in `_posts/`, the rest in `old_post/`), with its pages
 *   --json docs/benchmarks.json --doc docs/benchmarks.md   where the results go ('' skips the doc)
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  readdirSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { writeHugoSite } from './bench/hugo-site';
import { measureLighthouse, type LighthouseScores } from './bench/measure-lighthouse';
import { findBenchPaths, measureListCosts, type ListCost } from './bench/measure-lists';
import {
  SLOW_4G,
  measureHeapAfterPaging,
  measureInAppClick,
  measureSlowArticle,
  type HeapAfterPaging,
} from './bench/measure-pages';
import { measureFirstVisit, type FirstVisit } from './bench/measure-first-visit';
import { measureSearchCosts, type SearchCosts } from './bench/measure-search';
import {
  describeMachine,
  medianOf,
  renderTable,
  renderTargets,
  type Machine,
  type Target,
} from './bench/report';
import { formatSummary, summarize, type Summary } from './bench/stats';
import { ensureChromium } from './ensure-chromium';
import { startServer } from './serve';

type Run = { seconds: number; peakMiB: number; exitCode: number };
/** Runs of one measurement, summarized. */
type Measured = { seconds: Summary; peakMiB: Summary; failed: number };

type BrowserResult = {
  paths: { home: string; category: string; article: string; categoryPosts: number };
  /** Cold visits: KiB on the wire, KiB uncompressed and requests, one summary each per page. */
  visits: {
    path: string;
    kib: Summary;
    rawKiB: Summary;
    requests: Summary;
    workerKiB: Summary;
    workerRequests: Summary;
  }[];
  slowArticleMs: Summary;
  inAppClickMs: Summary;
  lighthouse: {
    path: string;
    performance: Summary;
    accessibility: Summary;
    bestPractices: Summary;
    seo: Summary;
    lcpMs: Summary;
    cls: Summary;
    failing: string[];
  }[];
  heap: HeapAfterPaging | null;
};

type SizeResult = {
  posts: number;
  runs: number;
  searchRuns: number;
  prebuild: Measured;
  rebuildOneNew: Measured;
  prebuildWithSearch: Measured | null;
  rebuildWithSearch: Measured | null;
  /** The page writer (every page) over the cold bundle, once. */
  pages: Run | null;
  searchIndexes: number;
  queries: SearchCosts | null;
  outputMiB: number;
  lists: ListCost[];
  jekyll: Measured | null;
  hugo: Measured | null;
  browser: BrowserResult | null;
  notes: string[];
};

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

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.BENCH_SIZES ?? '1000,10000,100000' },
    runs: { type: 'string', default: '3' },
    'search-runs': { type: 'string' },
    large: { type: 'string', default: '100000' },
    'large-runs': { type: 'string', default: '3' },
    'large-search-runs': { type: 'string', default: '1' },
    'compare-sizes': { type: 'string', default: '10000' },
    'compare-runs': { type: 'string' },
    'query-sizes': { type: 'string', default: '10000,100000' },
    'heap-posts': { type: 'string', default: '50000' },
    'heap-pages': { type: 'string', default: '200' },
    'lighthouse-runs': { type: 'string', default: '1' },
    'no-browser': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'archive-sizes': { type: 'string', default: process.env.BENCH_ARCHIVE_SIZES ?? '10000' },
    json: { type: 'string', default: 'docs/benchmarks.json' },
    doc: { type: 'string', default: 'docs/benchmarks.md' },
  },
});

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(os.tmpdir(), 'broadsheet-bench');
const benchStarted = performance.now();

function readList(value: string, option: string): number[] {
  const list = value
    .split(',')
    .filter((item) => item.trim() !== '')
    .map((item) => Number(item.trim()));
  if (list.some((item) => !Number.isInteger(item) || item <= 0)) {
    process.stderr.write(`--${option} must be positive whole numbers, got "${value}"\n`);
    process.exit(2);
  }
  return list;
}

function readCount(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) {
    process.stderr.write(`--${option} must be a whole number, got "${value}"\n`);
    process.exit(2);
  }
  return count;
}

/** A progress line with the time since the bench started. */
function say(line: string): void {
  const elapsed = (performance.now() - benchStarted) / 1000;
  const stamp = `${Math.floor(elapsed / 60)}:${String(Math.floor(elapsed % 60)).padStart(2, '0')}`;
  process.stdout.write(`[${stamp}] ${line}\n`);
}

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

function summarizeRuns(runs: readonly Run[]): Measured {
  const ok = runs.filter((run) => run.exitCode === 0);
  return {
    seconds: summarize(ok.map((run) => run.seconds)),
    peakMiB: summarize(ok.map((run) => run.peakMiB)),
    failed: runs.length - ok.length,
  };
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

function hasCommand(command: string): boolean {
  const args = command === 'hugo' ? ['version'] : ['--version'];
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Jekyll and Hugo from Debian when missing and this is root on a system with apt; else a note. */
function ensureComparisons(notes: string[]): { jekyll: boolean; hugo: boolean } {
  let jekyll = hasCommand('jekyll');
  let hugo = hasCommand('hugo');
  if (jekyll && hugo) return { jekyll, hugo };
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
  if (canInstall) {
    say('installing Jekyll and Hugo from Debian: apt-get install -y jekyll ruby-jekyll-feed hugo');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', 'jekyll', 'ruby-jekyll-feed', 'hugo'], {
      stdio: 'inherit',
      env,
    });
    jekyll = hasCommand('jekyll');
    hugo = hasCommand('hugo');
  }
  if (!jekyll)
    notes.push('`jekyll` is not installed here (nor installable), so its ratio is skipped.');
  if (!hugo) notes.push('`hugo` is not installed here (nor installable), so its ratio is skipped.');
  return { jekyll, hugo };
}

function readVersion(command: string): string {
  const result = spawnSync(command, command === 'hugo' ? ['version'] : ['--version'], {
    encoding: 'utf8',
  });
  const match = /v?(\d+\.\d+\.\d+)/.exec(result.stdout ?? '');
  return match?.[1] ?? 'unknown';
}

function readPackageVersion(name: string): string {
  const file = path.join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The app, built once without data; each size adds its bundle and pre-rendered pages. */
function buildApp(): string | null {
  const publicDir = path.join(work, 'app-public');
  const app = path.join(work, 'app');
  rmSync(publicDir, { recursive: true, force: true });
  mkdirSync(publicDir, { recursive: true });
  for (const entry of readdirSync(path.join(root, 'public')))
    if (entry !== 'data')
      cpSync(path.join(root, 'public', entry), path.join(publicDir, entry), { recursive: true });
  say('building the app for the browser measurements…');
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

type Plan = {
  runs: number;
  searchRuns: number;
  compareRuns: number;
  compare: { jekyll: boolean; hugo: boolean } | null;
  queries: boolean;
  app: string | null;
  lighthouseRuns: number;
  heapPosts: number;
  heapPages: number;
};

/**
 * `runs` cold builds, each followed by a rebuild after one new post (newer than the rest, as the
 * archive gets every few minutes); the last run's output folder is kept for what follows.
 */
async function measureBuilds(
  site: string,
  name: string,
  runs: number,
  extraArgs: string[],
): Promise<{ cold: Measured; rebuild: Measured; out: string }> {
  const deployed = path.join(work, `${name}-out`);
  const out = path.join(deployed, 'data');
  const cache = path.join(work, `${name}-cache`);
  const postsDir = path.join(site, '_posts');
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const cold: Run[] = [];
  const rebuild: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    rmSync(deployed, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    const args = ['--source', site, '--out', out, '--cache', cache, ...extraArgs];
    say(`  ${name}: cold prebuild, run ${run} of ${runs}…`);
    cold.push(await runTsx('scripts/build-content.ts', args));
    const newPost = path.join(postsDir, `${yesterday}-bench-new-post-${run}.md`);
    writeFileSync(
      newPost,
      `---\ntitle: 基准测试新消息${run}\ndate: ${yesterday} 08:00:0${run % 10} +0800\ncategories: benchnews\ntags: 基准新闻\n---\n<p>新消息正文。</p>\n`,
    );
    say(`  ${name}: rebuild after one new post, run ${run} of ${runs}…`);
    rebuild.push(await runTsx('scripts/build-content.ts', args));
    rmSync(newPost);
  }
  return { cold: summarizeRuns(cold), rebuild: summarizeRuns(rebuild), out: deployed };
}

async function measureComparison(
  label: string,
  runs: number,
  prepare: () => void,
  command: string,
  args: string[],
  cwd?: string,
): Promise<Measured> {
  const results: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    prepare();
    say(`  ${label}, run ${run} of ${runs}…`);
    results.push(await measureCommand(command, args, cwd));
  }
  return summarizeRuns(results);
}

function summarizeVisits(runs: FirstVisit[][]) {
  const first = runs[0] ?? [];
  return first.map((visit, index) => {
    const samples = runs.map((run) => run[index] ?? visit);
    return {
      path: visit.path,
      kib: summarize(samples.map((sample) => sample.bytes / 1024)),
      rawKiB: summarize(samples.map((sample) => sample.rawBytes / 1024)),
      requests: summarize(samples.map((sample) => sample.requests)),
      workerKiB: summarize(samples.map((sample) => sample.workerBytes / 1024)),
      workerRequests: summarize(samples.map((sample) => sample.workerRequests)),
    };
  });
}

function summarizeLighthouse(runs: LighthouseScores[][]): BrowserResult['lighthouse'] {
  const first = runs[0] ?? [];
  return first.map((scores, index) => {
    const samples = runs.map((run) => run[index] ?? scores);
    const of = (field: Exclude<keyof LighthouseScores, 'path' | 'failing'>) =>
      summarize(samples.map((sample) => sample[field]));
    return {
      path: scores.path,
      performance: of('performance'),
      accessibility: of('accessibility'),
      bestPractices: of('bestPractices'),
      seo: of('seo'),
      lcpMs: of('lcpMs'),
      cls: of('cls'),
      failing: [...new Set(samples.flatMap((sample) => sample.failing))],
    };
  });
}

async function measureBrowser(
  dist: string,
  plan: Plan,
  runs: number,
  notes: string[],
): Promise<BrowserResult> {
  const found = await findBenchPaths(dist);
  const paths = {
    home: '/',
    category: `/category/${encodeURIComponent(found.category.slug)}`,
    article: found.article,
    categoryPosts: found.category.count,
  };
  const server = await startServer({ root: dist });
  try {
    const pagePaths = [paths.home, paths.category, paths.article];
    const visitRuns = [];
    for (let run = 1; run <= runs; run++) {
      say(`  cold visits (home, category, article), run ${run} of ${runs}…`);
      visitRuns.push(await measureFirstVisit(server.url, pagePaths));
    }
    const slow: number[] = [];
    for (let run = 1; run <= runs; run++) {
      say(`  article text over slow 4G, run ${run} of ${runs}…`);
      slow.push(await measureSlowArticle(server.url, paths.article));
    }
    say(`  in-app click from the list to an article, ${runs} runs…`);
    const clicks = await measureInAppClick(server.url, paths.category, runs);
    const lighthouseRuns: LighthouseScores[][] = [];
    for (let run = 1; run <= plan.lighthouseRuns; run++) {
      say(
        `  Lighthouse (mobile) on home, category, article, run ${run} of ${plan.lighthouseRuns}…`,
      );
      try {
        lighthouseRuns.push(await measureLighthouse(server.url, pagePaths));
      } catch (error) {
        notes.push(`Lighthouse failed: ${error instanceof Error ? error.message : String(error)}`);
        break;
      }
    }
    let heap: HeapAfterPaging | null = null;
    if (plan.heapPosts > 0 && found.category.count >= plan.heapPosts) {
      const pages = plan.heapPages;
      say(`  paging through ${pages} pages of ${paths.category} for the JS heap…`);
      heap = await measureHeapAfterPaging(server.url, paths.category, pages, (page) =>
        say(`    page ${page}…`),
      );
    }
    return {
      paths,
      visits: summarizeVisits(visitRuns),
      slowArticleMs: summarize(slow),
      inAppClickMs: summarize(clicks),
      lighthouse: summarizeLighthouse(lighthouseRuns),
      heap,
    };
  } finally {
    await server.close();
  }
}

async function measureSize(posts: number, plan: Plan): Promise<SizeResult> {
  const notes: string[] = [];
  const site = path.join(work, `site-${posts}`);
  rmSync(site, { recursive: true, force: true });
  say(`${posts} posts: generating…`);
  const generated = await runTsx('scripts/generate-corpus.ts', [
    ...['--posts', String(posts), '--out', site, '--seed', '1'],
  ]);
  if (generated.exitCode !== 0) throw new Error('the generator failed');

  const plain = await measureBuilds(site, `${posts}-no-search`, plan.runs, ['--no-search']);
  const data = path.join(plain.out, 'data');
  const outputMiB = getFolderMiB(data);
  const lists = await measureListCosts(plain.out);

  let searched: Awaited<ReturnType<typeof measureBuilds>> | null = null;
  let searchIndexes = 0;
  let queries: SearchCosts | null = null;
  if (plan.searchRuns > 0) {
    searched = await measureBuilds(site, `${posts}-search`, plan.searchRuns, []);
    const manifest = JSON.parse(
      readFileSync(path.join(searched.out, 'data', 'manifest.json'), 'utf8'),
    ) as { searchIndexes?: unknown[] };
    searchIndexes = manifest.searchIndexes?.length ?? 0;
    if (plan.app && plan.queries) {
      say('  a first and a second query in Chromium…');
      const dist = path.join(work, `dist-search-${posts}`);
      rmSync(dist, { recursive: true, force: true });
      cpSync(plan.app, dist, { recursive: true });
      cpSync(path.join(searched.out, 'data'), path.join(dist, 'data'), { recursive: true });
      queries = await measureSearchCosts(dist);
      rmSync(dist, { recursive: true, force: true });
    }
    rmSync(searched.out, { recursive: true, force: true });
  }

  let pages: Run | null = null;
  let browser: BrowserResult | null = null;
  if (plan.app) {
    const dist = path.join(work, `dist-${posts}`);
    rmSync(dist, { recursive: true, force: true });
    cpSync(plan.app, dist, { recursive: true });
    cpSync(data, path.join(dist, 'data'), { recursive: true });
    say('  the page writer (every page)…');
    pages = await runTsx('scripts/build-pages.ts', ['--dist', dist, '--pages', 'all']);
    if (pages.exitCode === 0) browser = await measureBrowser(dist, plan, plan.runs, notes);
    else notes.push('The page writer failed, so the browser figures are missing.');
    rmSync(dist, { recursive: true, force: true });
  }
  rmSync(plain.out, { recursive: true, force: true });

  let jekyll: Measured | null = null;
  let hugo: Measured | null = null;
  if (plan.compare?.jekyll) {
    const jekyllOut = path.join(work, `jekyll-${posts}`);
    jekyll = await measureComparison(
      'jekyll build',
      plan.compareRuns,
      () => rmSync(jekyllOut, { recursive: true, force: true }),
      'jekyll',
      ['build', '--safe', '--quiet', '-s', site, '-d', jekyllOut],
    );
    rmSync(jekyllOut, { recursive: true, force: true });
  }
  if (plan.compare?.hugo) {
    const hugoSite = path.join(work, `hugo-${posts}`);
    const hugoOut = path.join(work, `hugo-public-${posts}`);
    rmSync(hugoSite, { recursive: true, force: true });
    writeHugoSite(site, hugoSite);
    hugo = await measureComparison(
      'hugo',
      plan.compareRuns,
      () => rmSync(hugoOut, { recursive: true, force: true }),
      'hugo',
      ['--quiet', '--source', hugoSite, '--destination', hugoOut],
      hugoSite,
    );
    rmSync(hugoSite, { recursive: true, force: true });
    rmSync(hugoOut, { recursive: true, force: true });
  }
  rmSync(site, { recursive: true, force: true });
  return {
    posts,
    runs: plan.runs,
    searchRuns: plan.searchRuns,
    prebuild: plain.cold,
    rebuildOneNew: plain.rebuild,
    prebuildWithSearch: searched?.cold ?? null,
    rebuildWithSearch: searched?.rebuild ?? null,
    pages,
    searchIndexes,
    queries,
    outputMiB,
    lists,
    jekyll,
    hugo,
    browser,
    notes,
  };
}

/** A site laid out like the real archive: the last 3 days in `_posts/`, the rest in `old_post/`. */
async function measureArchiveSize(posts: number): Promise<ArchiveResult> {
  const site = path.join(work, `archive-site-${posts}`);
  const dist = path.join(work, `archive-dist-${posts}`);
  rmSync(site, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  say(`${posts} posts, archive layout: generating…`);
  const generated = await runTsx('scripts/generate-corpus.ts', [
    ...['--posts', String(posts), '--out', site, '--seed', '1'],
    ...['--archive-dir', 'old_post', '--recent-days', '3'],
  ]);
  if (generated.exitCode !== 0) throw new Error('the generator failed');
  const inPosts = readdirSync(path.join(site, '_posts')).length;
  const inArchive = readdirSync(path.join(site, 'old_post')).length;
  say('  prebuild (cold, no search)…');
  const data = path.join(dist, 'data');
  const prebuild = await runTsx('scripts/build-content.ts', [
    ...['--source', site, '--out', data, '--no-cache', '--no-search'],
  ]);
  say('  pages for posts and page URLs…');
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

// ---- the report ----

const seconds = (summary: Summary | undefined) => formatSummary(summary, 's');
const mib = (summary: Summary | undefined) => formatSummary(summary, 'MiB', 0);

function measuredCells(measured: Measured | null): string[] {
  if (!measured) return ['not measured', ''];
  const failed = measured.failed > 0 ? ` (${measured.failed} failed)` : '';
  return [seconds(measured.seconds) + failed, mib(measured.peakMiB)];
}

function formatRun(run: Run | null): string {
  if (!run) return 'n/a';
  const failed = run.exitCode === 0 ? '' : ` (exit ${run.exitCode})`;
  return `${run.seconds.toFixed(1)} s, ${run.peakMiB.toFixed(0)} MiB${failed}`;
}

/** How many times slower `other` is than the cold prebuild (medians). */
function ratio(other: Measured | null, prebuild: Measured): number | null {
  const a = medianOf(other?.seconds);
  const b = medianOf(prebuild.seconds);
  return a === null || b === null || b === 0 ? null : a / b;
}

function renderBuildTable(result: SizeResult): string {
  const rows: string[][] = [
    ['cold prebuild, no search', ...measuredCells(result.prebuild)],
    ['rebuild after one new post, no search', ...measuredCells(result.rebuildOneNew)],
    ['cold prebuild, with search', ...measuredCells(result.prebuildWithSearch)],
    ['rebuild after one new post, with search', ...measuredCells(result.rebuildWithSearch)],
  ];
  if (result.pages) {
    const run = result.pages;
    rows.push([
      'page writer, every page (1 run)',
      `${run.seconds.toFixed(1)} s`,
      `${run.peakMiB.toFixed(0)} MiB`,
    ]);
  }
  for (const [label, measured] of [
    ['`jekyll build`', result.jekyll],
    ['`hugo`', result.hugo],
  ] as const) {
    if (!measured) continue;
    const times = ratio(measured, result.prebuild);
    const cells = measuredCells(measured);
    rows.push([
      `${label} (×${times === null ? '?' : times.toFixed(1)} the cold prebuild's time)`,
      ...cells,
    ]);
  }
  return renderTable(
    ['build', 'wall time: median (min–max, runs)', 'peak memory, process tree'],
    rows,
  );
}

function renderBrowserTable(browser: BrowserResult): string {
  const rows: string[][] = [];
  for (const visit of browser.visits) {
    rows.push([
      `cold visit ${visit.path}`,
      `${formatSummary(visit.kib, 'KiB', 1)} on the wire (gzipped, headers included); ${formatSummary(visit.rawKiB, 'KiB', 0)} uncompressed; ${formatSummary(visit.requests, 'requests', 0)}; of them the service worker's precache ${formatSummary(visit.workerKiB, 'KiB', 1)} in ${formatSummary(visit.workerRequests, 'requests', 0)}`,
    ]);
  }
  rows.push([
    `article text, cold, slow 4G (${browser.paths.article})`,
    formatSummary(browser.slowArticleMs, 'ms', 0),
  ]);
  rows.push([
    `in-app click from ${browser.paths.category} to an article, warm cache`,
    formatSummary(browser.inAppClickMs, 'ms', 0),
  ]);
  for (const scores of browser.lighthouse) {
    rows.push([
      `Lighthouse mobile ${scores.path}: performance / accessibility / best practices / SEO`,
      [scores.performance, scores.accessibility, scores.bestPractices, scores.seo]
        .map((summary) => formatSummary(summary, '', 0))
        .join(' / '),
    ]);
    rows.push([
      `Lighthouse mobile ${scores.path}: LCP, CLS`,
      `${formatSummary(scores.lcpMs, 'ms', 0)}, ${formatSummary(scores.cls, '', 3)}`,
    ]);
    if (scores.failing.length > 0)
      rows.push([
        `Lighthouse mobile ${scores.path}: audits that cost points`,
        scores.failing.join(', '),
      ]);
  }
  if (browser.heap) {
    const heap = browser.heap;
    rows.push([
      `JS heap after paging through ${heap.pages} pages (${heap.posts} posts) of ${browser.paths.category} (${browser.paths.categoryPosts} posts), after GC`,
      `${heap.endMiB.toFixed(1)} MiB (${heap.startMiB.toFixed(1)} MiB on page 1; ${heap.msPerPage.toFixed(0)} ms per page turn; 1 run)`,
    ]);
  }
  return renderTable(['in Chromium', 'median (min–max, runs)'], rows);
}

function renderSearchTable(results: readonly SizeResult[]): string | null {
  const rows = results
    .filter((result) => result.queries)
    .map((result) => {
      const queries = result.queries as SearchCosts;
      return [
        result.posts,
        result.searchIndexes,
        `${queries.first.query}: ${queries.first.searchKiB.toFixed(0)} KiB in ${queries.first.searchRequests} requests, ${queries.first.total} results`,
        `${queries.second.query}: ${queries.second.searchKiB.toFixed(0)} KiB in ${queries.second.searchRequests} requests, ${queries.second.total} results`,
        `${queries.secondMs.toFixed(0)} ms`,
        queries.whole
          ? `${queries.whole.searchKiB.toFixed(0)} KiB in ${queries.whole.searchRequests} requests, ${queries.whole.total} results, ${(queries.whole.ms / 1000).toFixed(1)} s`
          : '–',
      ];
    });
  if (rows.length === 0) return null;
  return renderTable(
    [
      'posts',
      'search parts',
      'first query: search files',
      'second query: search files',
      'second query on screen (warm)',
      'second query counted in the whole archive (all=1)',
    ],
    rows,
  );
}

function buildTargets(results: readonly SizeResult[]): Target[] {
  const targets: Target[] = [];
  const largest = results.find((result) => result.posts === 100_000);
  const ten = results.find((result) => result.posts === 10_000);
  const label = (result: SizeResult | undefined) => (result ? `${result.posts} posts` : 'not run');
  // Issue 10's and issue 9's build budgets at 100,000 posts: [figure, its summary, unit, test, limit, as shown].
  const buildBudgets: [
    string,
    Summary | undefined,
    's' | 'MiB',
    Target['comparison'],
    number,
    string,
  ][] = [
    ['cold prebuild, no search: time', largest?.prebuild.seconds, 's', 'below', 40, '< 40 s'],
    [
      'cold prebuild, no search: peak memory',
      largest?.prebuild.peakMiB,
      'MiB',
      'below',
      1000 / 1.048576,
      '< 1 GB (953.7 MiB)',
    ],
    [
      'cold prebuild with search: time',
      largest?.prebuildWithSearch?.seconds,
      's',
      'below',
      120,
      '< 120 s',
    ],
    [
      'cold prebuild with search: peak memory',
      largest?.prebuildWithSearch?.peakMiB,
      'MiB',
      'below',
      1500 / 1.048576,
      '< 1.5 GB (1430.5 MiB)',
    ],
    [
      'rebuild after one new post with search: time',
      largest?.rebuildWithSearch?.seconds,
      's',
      'below',
      10,
      '< 10 s',
    ],
  ];
  for (const [name, summary, unit, comparison, limit, shown] of buildBudgets) {
    targets.push({
      name: `${name}, 100000 posts`,
      figure: !largest ? 'not run' : unit === 's' ? seconds(summary) : mib(summary),
      value: medianOf(summary),
      comparison,
      limit,
      shown,
    });
  }
  const jekyllRatio = ten ? ratio(ten.jekyll, ten.prebuild) : null;
  targets.push({
    name: `\`jekyll build\` time ÷ cold prebuild time, ${label(ten)}`,
    figure: jekyllRatio === null ? 'not measured' : `×${jekyllRatio.toFixed(1)}`,
    value: jekyllRatio,
    comparison: 'at-least',
    limit: 20,
    shown: '≥ 20',
  });
  const hugoRatio = ten ? ratio(ten.hugo, ten.prebuild) : null;
  targets.push({
    name: `\`hugo\` time ÷ cold prebuild time, ${label(ten)}`,
    figure: hugoRatio === null ? 'not measured' : `×${hugoRatio.toFixed(2)}`,
    value: hugoRatio,
    comparison: 'at-least',
    limit: 1,
    shown: '≥ 1 (no slower than hugo)',
  });
  for (const result of results) {
    const browser = result.browser;
    if (!browser) continue;
    targets.push({
      name: `in-app click to article text, ${result.posts} posts`,
      figure: formatSummary(browser.inAppClickMs, 'ms', 0),
      value: medianOf(browser.inAppClickMs),
      comparison: 'below',
      limit: 100,
      shown: '< 100 ms',
    });
    for (const visit of browser.visits) {
      targets.push({
        name: `cold visit ${visit.path}, ${result.posts} posts: transfer`,
        figure: formatSummary(visit.kib, 'KiB', 1),
        value: medianOf(visit.kib),
        comparison: 'at-most',
        limit: 150 / 1.024,
        shown: '≤ 150 KB (146.5 KiB)',
      });
    }
    for (const scores of browser.lighthouse) {
      const scoreTargets: [string, Summary, number][] = [
        ['performance', scores.performance, 95],
        ['accessibility', scores.accessibility, 100],
        ['best practices', scores.bestPractices, 100],
        ['SEO', scores.seo, 100],
      ];
      for (const [name, summary, limit] of scoreTargets) {
        targets.push({
          name: `Lighthouse ${name}, ${scores.path}, ${result.posts} posts`,
          figure: formatSummary(summary, '', 0),
          value: medianOf(summary),
          comparison: 'at-least',
          limit,
          shown: `≥ ${limit}`,
        });
      }
      targets.push({
        name: `Lighthouse LCP, ${scores.path}, ${result.posts} posts`,
        figure: formatSummary(scores.lcpMs, 'ms', 0),
        value: medianOf(scores.lcpMs),
        comparison: 'at-most',
        limit: 1500,
        shown: '≤ 1500 ms',
      });
      targets.push({
        name: `Lighthouse CLS, ${scores.path}, ${result.posts} posts`,
        figure: formatSummary(scores.cls, '', 3),
        value: medianOf(scores.cls),
        comparison: 'at-most',
        limit: 0.05,
        shown: '≤ 0.05',
      });
    }
  }
  for (const result of results) {
    if (!result.queries || result.posts !== 100_000) continue;
    const { first, second, secondMs } = result.queries;
    targets.push(
      {
        name: 'first query transfer (search files), 100000 posts',
        figure: `${first.searchKiB.toFixed(0)} KiB`,
        value: first.searchKiB,
        comparison: 'below',
        limit: 300 / 1.024,
        shown: '< 300 KB (293.0 KiB)',
      },
      {
        name: 'second query transfer (search files), 100000 posts',
        figure: `${second.searchKiB.toFixed(0)} KiB`,
        value: second.searchKiB,
        comparison: 'below',
        limit: 100 / 1.024,
        shown: '< 100 KB (97.7 KiB)',
      },
      {
        name: 'results on screen after the last keystroke, warm, 100000 posts',
        figure: `${secondMs.toFixed(0)} ms`,
        value: secondMs,
        comparison: 'below',
        limit: 1000,
        shown: '< 1 s',
      },
    );
  }
  return targets;
}

function renderDocument(input: {
  date: string;
  command: string;
  machine: Machine;
  versions: Record<string, string>;
  results: readonly SizeResult[];
  archives: readonly ArchiveResult[];
  notes: readonly string[];
  minutes: number;
}): string {
  const { results } = input;
  const parts: string[] = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (\`${input.command}\`) on ${input.date}, in ${input.minutes.toFixed(0)} minutes. Rerun it to refresh this page; the same figures are in \`docs/benchmarks.json\`.`,
    '',
    `**Machine:** ${describeMachine(input.machine)}`,
    '',
    `**Tools:** ${Object.entries(input.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    '',
    '**How to read it.** Each figure is the median of the runs named beside it, with the lowest and highest in brackets. A run of a build is a cold build into an empty output and cache folder, then a rebuild after one new post from that cache. Peak memory is the sum of the peaks of every process of the build (the prebuild and Pagefind), read from `/proc` every 50 ms. Archives come from the project generator (`npm run generate`, seed 1), where about 86% of posts are in one category.',
    '',
    `**In Chromium** (headless, over \`scripts/serve.ts\` serving the built app with every pre-rendered page, as a static host does): a cold visit is a fresh profile with the service worker allowed to install and precache, counted until the network is idle; its bytes are what crosses a counting proxy in front of the server (status lines, headers and bodies, text gzipped as \`scripts/serve.ts\` sends it like a static host, images, fonts and WebAssembly as they are); what the HTTP cache or the service worker's cache answers is not counted, since it never crosses the network. "Slow 4G" is Lighthouse's mobile network profile, applied with \`Network.emulateNetworkConditions\`: ${SLOW_4G.latencyMs} ms latency, ${(SLOW_4G.downloadKbps / 1024).toFixed(1)} Mbps down, ${SLOW_4G.uploadKbps} Kbps up, no CPU slowdown; the time runs from the navigation's start to the first frame that shows the article's title and body. The in-app click runs from the click on a list row to the first frame with the article's body, with the article's files cached by an earlier visit. The heap is \`JSHeapUsedSize\` from \`Performance.getMetrics\` after \`HeapProfiler.collectGarbage\`. Lighthouse runs its default mobile profile (simulated slow 4G, 4× CPU slowdown).`,
    '',
    "**Jekyll and Hugo** build the same generated site. Jekyll builds the Jekyll site as generated (`jekyll build --safe`, with jekyll-feed; no layouts, so each post is its body). Hugo builds a minimal Hugo site made from it (`scripts/bench/hugo-site.ts`): every post under `content/posts/` with its front matter as written, categories and tags as taxonomies, one template per page kind (a post: title, date, body; a list: its post titles as links; home: the newest 50), raw HTML in Markdown passed through, RSS capped at 10 items, the sitemap. Ratios are their median time over the cold prebuild's (no search).",
    '',
    '## Targets',
    '',
    'Reported, not asserted.',
    '',
    renderTargets(buildTargets(results)),
    '',
  ];
  for (const result of results) {
    parts.push(`## ${result.posts} posts`, '');
    parts.push(
      `Builds: ${result.runs} run${result.runs === 1 ? '' : 's'} without search, ${result.searchRuns} with search. Bundle: ${result.outputMiB.toFixed(1)} MiB without search.`,
      '',
    );
    parts.push(renderBuildTable(result), '');
    if (result.browser) parts.push(renderBrowserTable(result.browser), '');
    for (const note of result.notes) parts.push(`- ${note}`);
    if (result.notes.length > 0) parts.push('');
  }
  const search = renderSearchTable(results);
  if (search) {
    parts.push(
      '## Search queries',
      '',
      "From `scripts/bench/measure-search.ts`: a first query of a visit and a second one typed after it, over the build with search (one run each); transfer counts the search files only (module, worker, WebAssembly, every part's entry, metadata, filters, chunks and fragments), uncompressed as the local server sends them.",
      '',
      search,
      '',
    );
  }
  const listRows = results.flatMap((result) =>
    result.lists.map((cost) => [
      result.posts,
      cost.view,
      cost.page,
      cost.requests,
      cost.kib.toFixed(1),
      cost.gzipKiB.toFixed(1),
    ]),
  );
  if (listRows.length > 0) {
    parts.push(
      '## Data files a list page reads',
      '',
      'Read through the shared bundle reader as the app reads them, each file once; the manifest is left out.',
      '',
      renderTable(['posts', 'list view', 'page', 'requests', 'KiB', 'KiB gzipped'], listRows),
      '',
    );
  }
  if (input.archives.length > 0) {
    parts.push(
      '## Archive layout (`_posts/` holds 3 days, the rest in `old_post/`)',
      '',
      renderTable(
        [
          'posts',
          '_posts / old_post',
          'prebuild (cold, no search, 1 run)',
          'all pages',
          'old_post pages',
        ],
        input.archives.map((result) => [
          result.posts,
          `${result.inPosts} / ${result.inArchive}`,
          formatRun(result.prebuild),
          `${result.pages.files} files, ${result.pages.mib.toFixed(1)} MiB, ${result.pages.seconds.toFixed(1)} s`,
          `${result.aliases.files} files, ${result.aliases.mib.toFixed(1)} MiB, ${result.aliases.seconds.toFixed(1)} s`,
        ]),
      ),
      '',
    );
  }
  if (input.notes.length > 0) {
    parts.push('## Notes', '', ...input.notes.map((note) => `- ${note}`), '');
  }
  return parts.join('\n');
}

/** Writes a result file as the project's Prettier setup formats it, so lint passes on it as written. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const target = path.resolve(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  const options = (await prettier.resolveConfig(target)) ?? {};
  writeFileSync(target, await prettier.format(text, { ...options, filepath: target }));
}

function readOsName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const match = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release);
    if (match?.[1]) return `${match[1]} (${os.type()} ${os.release()})`;
  } catch {
    // Not Linux, or no os-release.
  }
  return `${os.type()} ${os.release()}`;
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const loadBefore = os.loadavg()[0] ?? 0;
  let loadPeak = loadBefore;
  const loadTimer = setInterval(() => {
    loadPeak = Math.max(loadPeak, os.loadavg()[0] ?? 0);
  }, 5000);
  const sizes = readList(values.sizes, 'sizes');
  const runs = readCount(values.runs, 'runs', 3);
  const searchRuns = readCount(values['search-runs'], 'search-runs', runs);
  const large = readCount(values.large, 'large', 100_000);
  const largeRuns = readCount(values['large-runs'], 'large-runs', 3);
  const largeSearchRuns = readCount(values['large-search-runs'], 'large-search-runs', 1);
  const compareSizes = readList(values['compare-sizes'], 'compare-sizes');
  const compareRuns = readCount(values['compare-runs'], 'compare-runs', runs);
  const querySizes = readList(values['query-sizes'], 'query-sizes');
  const heapPosts = readCount(values['heap-posts'], 'heap-posts', 50_000);
  const heapPages = readCount(values['heap-pages'], 'heap-pages', 200);
  const lighthouseRuns = values['no-lighthouse']
    ? 0
    : readCount(values['lighthouse-runs'], 'lighthouse-runs', 1);
  if (runs < 1 || largeRuns < 1) {
    process.stderr.write('--runs and --large-runs must be at least 1\n');
    process.exit(2);
  }
  const notes: string[] = [];
  const compare = sizes.some((size) => compareSizes.includes(size))
    ? ensureComparisons(notes)
    : null;
  const app = values['no-browser'] ? null : buildApp();
  if (!values['no-browser'] && !app) notes.push('The app did not build, so no browser figures.');
  if (values['no-browser']) notes.push('Run with `--no-browser`: no browser figures.');
  const versions: Record<string, string> = { Node: process.version.slice(1) };
  if (app) {
    const chromium = spawnSync(ensureChromium(), ['--version'], { encoding: 'utf8' });
    versions.Chromium = /(\d+\.\d+\.\d+\.\d+)/.exec(chromium.stdout ?? '')?.[1] ?? 'unknown';
  }
  if (app && lighthouseRuns > 0) versions.Lighthouse = readPackageVersion('lighthouse');
  if (compare?.jekyll) versions.Jekyll = readVersion('jekyll');
  if (compare?.hugo) versions.Hugo = readVersion('hugo');

  const results: SizeResult[] = [];
  const archives: ArchiveResult[] = [];
  const sizesLeft = new Set(sizes);
  // Written after every size, so a run stopped early still leaves what it measured.
  const writeReport = async (final: boolean) => {
    const cpus = os.cpus();
    const machine: Machine = {
      cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus.length,
      ramGiB: os.totalmem() / 2 ** 30,
      os: readOsName(),
      node: process.version,
      loadBefore,
      loadAfter: os.loadavg()[0] ?? 0,
      loadPeak: Math.max(loadPeak, os.loadavg()[0] ?? 0),
    };
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    const command = ['npm run bench', ...process.argv.slice(2)].join(' ').replace(/ --$/, '');
    const minutes = (performance.now() - benchStarted) / 60_000;
    const targets = buildTargets(results);
    const runNotes = [...notes];
    if (!final)
      runNotes.unshift(
        `This run was still going when this was written; not yet measured: ${sizesLeft.size > 0 ? `the sizes ${[...sizesLeft].join(', ')}` : 'the archive layout'}.`,
      );
    else if (!results.some((result) => result.browser?.heap))
      runNotes.push(
        `No archive measured here has a category of ${heapPosts} posts or more, so the JS heap after paging through one is not measured (it needs the 100000-post size).`,
      );
    if (values.json) {
      const report = { date, command, machine, versions, results, archives, targets };
      await writeFormatted(values.json, JSON.stringify({ ...report, notes: runNotes }));
    }
    if (values.doc) {
      const doc = renderDocument({
        date,
        command,
        machine,
        versions,
        results,
        archives,
        notes: runNotes,
        minutes,
      });
      await writeFormatted(values.doc, doc);
    }
    return { targets, minutes };
  };
  for (const size of sizes) {
    const isLarge = size >= large;
    const plan: Plan = {
      runs: isLarge ? largeRuns : runs,
      searchRuns: isLarge ? Math.min(largeSearchRuns, largeRuns) : searchRuns,
      compareRuns,
      compare: compareSizes.includes(size) ? compare : null,
      queries: querySizes.includes(size),
      app,
      lighthouseRuns,
      heapPosts,
      heapPages,
    };
    results.push(await measureSize(size, plan));
    sizesLeft.delete(size);
    await writeReport(false);
  }
  for (const size of readList(values['archive-sizes'], 'archive-sizes'))
    archives.push(await measureArchiveSize(size));
  clearInterval(loadTimer);
  const { targets, minutes } = await writeReport(true);
  process.stdout.write(`\n${renderTargets(targets)}\n\n`);
  say(
    `done in ${minutes.toFixed(1)} minutes; ${values.doc || '(no doc)'} and ${values.json || '(no JSON)'} written`,
  );
  if (existsSync(work) && results.some((result) => result.prebuild.failed > 0)) process.exit(1);
}

await main();
