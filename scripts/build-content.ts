/**
 * The prebuild: `npm run content -- --source DIR --out DIR [--strict] [--cache DIR] [--no-search]
 * [--archive DIR]…`.
 * Reads a Jekyll site's posts, writes the data bundle (and its search index) into the out dir
 * and leaves a build report next to it. Exit code 0; 1 with `--strict` when any file has an
 * error; 2 for bad usage.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../src/shared/schema';
import { UsageError, isMainModule, parseCommandLine, reportUsageError } from './cli';
import { addArchiveFolders, readSiteConfig } from './content/read-config';
import { readPostFile } from './content/read-post';
import { resolvePostLinks } from './content/read-liquid';
import { listPostFiles } from './content/read-site';
import {
  DEFAULT_CACHE_DIR,
  getCacheKey,
  getConfigFingerprint,
  getReaderFingerprint,
  getSiteCacheDir,
  openReadCache,
} from './content/cache';
import type { ReadCache } from './content/cache';
import { createProgress, formatBytes, formatDiagnostics } from './content/progress';
import type { OutputStream, Progress } from './content/progress';
import { createBundle } from './content/write-bundle';
import type { SkippedFile } from './content/write-bundle';
import { KEEP_BUILDS, createOutputWriter } from './content/write-output';
import type { OutputStats } from './content/write-output';
import {
  SEARCH_FOLDER,
  planSearchParts,
  toSearchIndex,
  writeSearchFiles,
  planSearchRuntimes,
} from './content/write-search';
import type { SearchPart } from './content/write-search';
import type { FileResult, SiteConfig, SourcePost } from './content/types';

/** Options of the prebuild, as the command line sets them. */
export type BuildOptions = {
  /** Jekyll site root holding `_posts/` (`--source`; default `$CONTENT_DIR`, else `content`). */
  source: string;
  /**
   * The deployed `data/` folder (`--out`; default `public/data`). It ends up holding exactly the
   * bundle, plus the shards of the last `keepBuilds` builds written into it.
   */
  out: string;
  /** Earlier builds whose shards stay in `out` (`--keep-builds`; default `KEEP_BUILDS`, 0: none). */
  keepBuilds?: number;
  /** Any error diagnostic fails the build with exit code 1 (`--strict`). */
  strict: boolean;
  /** Folder of the incremental cache (`--cache`; default under `node_modules/.cache`), or null (`--no-cache`). */
  cache: string | null;
  /** Build the Pagefind index (`--no-search` skips it, for fast test builds). */
  search: boolean;
  /** Print nothing when the bundle did not change (`--quiet-if-unchanged`). */
  quietIfUnchanged: boolean;
  /** Decides which posts are still in the future; the real clock on the command line. */
  now: Date;
  /** Archive folders besides `broadsheet.archive` in `_config.yml` (`--archive DIR`, repeatable). */
  archive?: string[];
};

/** The reading half, injectable so tests can count or replace what reads files. */
export type SiteReader = {
  readSiteConfig: typeof readSiteConfig;
  listPostFiles: typeof listPostFiles;
  readPostFile: typeof readPostFile;
};

export type BuildResult = {
  posts: number;
  skipped: number;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
  output: OutputStats;
  /** Files read through `readPostFile` (the rest came from the cache). */
  parsed: number;
  milliseconds: number;
  /** Wall time of each phase in milliseconds, for benchmarks. */
  phases: { read: number; bundle: number; search: number; write: number };
};

const defaultReader: SiteReader = { readSiteConfig, listPostFiles, readPostFile };

async function readResults(
  options: BuildOptions,
  reader: SiteReader,
  config: SiteConfig,
  cache: ReadCache | null,
  progress: Progress,
) {
  const files = await reader.listPostFiles(options.source, config.archive);
  const results = new Array<FileResult>(files.length);
  const fingerprint = `${await getReaderFingerprint()}\0${getConfigFingerprint(config)}`;
  let parsed = 0;
  for (const [index, file] of files.entries()) {
    // Synchronous reads: for many small files from a warm disk cache they measured about ten
    // times faster than any number of concurrent `fs.promises.readFile` calls.
    const bytes = readFileSync(path.join(options.source, file));
    const key = cache ? getCacheKey(file, bytes, fingerprint) : '';
    let result = cache?.get(key, options.now);
    if (!result) {
      result = readSafely(reader, file, bytes, config, options.now);
      parsed++;
      if (cache) cache.set(key, result, getDueDate(reader, file, bytes, config, result));
    }
    results[index] = result;
    progress.update(`reading ${index + 1}/${files.length} files`);
  }
  return { results, parsed };
}

/** The end of time as `Date` knows it: every dated post is in the past by then. */
const END_OF_TIME = new Date(8.64e15);

/**
 * When a skipped file would become a post just by the clock moving on (a future-dated post),
 * that date; null when time cannot change the outcome. Found by asking the reader once more at
 * the end of time, so the cache needs no knowledge of why the reader skipped a file.
 */
function getDueDate(
  reader: SiteReader,
  file: string,
  bytes: Buffer,
  config: SiteConfig,
  result: FileResult,
) {
  if (result.kind !== 'skipped') return null;
  const later = readSafely(reader, file, bytes, config, END_OF_TIME);
  return later.kind === 'post' ? Date.parse(later.post.date) : null;
}

/** A reader bug must not lose a file: it becomes a skipped file with an error. */
function readSafely(
  reader: SiteReader,
  file: string,
  bytes: Buffer,
  config: SiteConfig,
  now: Date,
): FileResult {
  try {
    return reader.readPostFile(file, bytes, config, now);
  } catch (error) {
    const message = `could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return {
      kind: 'skipped',
      file,
      reason: message,
      diagnostics: [{ file, line: 0, severity: 'error', message }],
    };
  }
}

/** `{% link %}` and `{% post_url %}` name other posts: their URLs are known only now. */
function linkPosts(posts: SourcePost[], config: SiteConfig, diagnostics: Diagnostic[]): void {
  for (const [index, post] of posts.entries()) {
    if (!post.html.includes('/~bs-')) continue;
    const report = (message: string) =>
      diagnostics.push({ file: post.file, line: 0, severity: 'warning', message });
    const html = resolvePostLinks(post.html, posts, config.baseurl, report);
    const quiet = () => {};
    posts[index] = {
      ...post,
      html,
      text: resolvePostLinks(post.text, posts, config.baseurl, quiet),
      excerpt: resolvePostLinks(post.excerpt, posts, config.baseurl, quiet),
    };
  }
}

export async function buildContent(
  options: BuildOptions,
  reader: SiteReader = defaultReader,
  progress: Progress = createProgress({ write: () => true }),
): Promise<BuildResult> {
  const started = performance.now();
  const sourceInfo = await stat(options.source).catch(() => null);
  if (!sourceInfo?.isDirectory())
    throw new UsageError(`source folder not found: ${options.source}`);

  const { config, diagnostics: configDiagnostics } = await reader.readSiteConfig(options.source);
  const archive = options.archive ?? [];
  configDiagnostics.push(
    ...(await addArchiveFolders(config, archive, options.source, '--archive', 0)),
  );
  const siteCache = options.cache ? getSiteCacheDir(options.cache, options.source) : null;
  const cache = siteCache ? await openReadCache(siteCache) : null;
  const { results, parsed } = await readResults(options, reader, config, cache, progress);
  const readDone = performance.now();

  const posts: SourcePost[] = [];
  const skipped: SkippedFile[] = [];
  const diagnostics: Diagnostic[] = [...configDiagnostics];
  for (const result of results) {
    diagnostics.push(...result.diagnostics);
    if (result.kind === 'post') posts.push(result.post);
    else skipped.push({ file: result.file, reason: result.reason });
  }
  linkPosts(posts, config, diagnostics);
  progress.update(`writing ${posts.length} posts`);
  const output = createOutputWriter(options.out, { keepBuilds: options.keepBuilds });
  let searchParts: SearchPart[] = [];
  const bundle = createBundle({
    config,
    posts,
    skipped,
    diagnostics,
    search: options.search ? SEARCH_FOLDER : null,
    planSearch: (oldestFirst) => {
      searchParts = planSearchParts(oldestFirst, config.lang);
      const indexes = searchParts.map(toSearchIndex);
      return { indexes, runtimes: planSearchRuntimes(indexes) };
    },
    write: output.write,
  });
  const bundleDone = performance.now();
  if (options.search) {
    progress.update(`indexing ${bundle.posts.length} posts for search`);
    await writeSearchFiles(searchParts, siteCache, output.write);
    searchParts = [];
  }
  const searchDone = performance.now();
  const stats = output.finish();
  await cache?.save();
  progress.done();
  const finished = performance.now();

  const all = bundle.report.diagnostics;
  return {
    posts: bundle.report.posts,
    skipped: bundle.report.skipped.length,
    errors: all.filter((item) => item.severity === 'error').length,
    warnings: all.filter((item) => item.severity === 'warning').length,
    diagnostics: all,
    output: stats,
    parsed,
    milliseconds: finished - started,
    phases: {
      read: readDone - started,
      // Shards are written while the bundle is made, so `bundle` includes their writing.
      bundle: bundleDone - readDone,
      search: searchDone - bundleDone,
      write: finished - searchDone,
    },
  };
}

const USAGE = `usage: npm run content -- [--source DIR] [--out DIR] [--strict] [--cache DIR | --no-cache] [--no-search]
  --source DIR   Jekyll site root with _posts/ (default: $CONTENT_DIR or content)
  --out DIR      data folder to write (default: public/data)
  --strict       exit with 1 when any file has an error
  --cache DIR    incremental cache folder (default: ${DEFAULT_CACHE_DIR})
  --no-cache     read every file again
  --no-search    skip the Pagefind search index
  --archive DIR  a folder whose files are posts too, like broadsheet.archive (repeatable)
  --keep-builds N  keep the shards of the last N builds written into --out (default: ${KEEP_BUILDS}; 0: none)
  --quiet-if-unchanged  print nothing when the bundle did not change`;

/** Parses the command line; throws UsageError on anything it does not know. */
export function parseBuildArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  now: Date,
): BuildOptions | 'help' {
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      source: { type: 'string' },
      out: { type: 'string' },
      cache: { type: 'string' },
      archive: { type: 'string', multiple: true, default: [] },
      'keep-builds': { type: 'string' },
      strict: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      'quiet-if-unchanged': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  for (const name of ['source', 'out', 'cache'] as const)
    if (values[name] === '') throw new UsageError(`--${name} needs a value`);
  if (values.archive.some((folder) => folder === ''))
    throw new UsageError('--archive needs a value');
  if (values.help) return 'help';
  const keepBuilds =
    values['keep-builds'] === undefined ? KEEP_BUILDS : Number(values['keep-builds']);
  if (!Number.isInteger(keepBuilds) || keepBuilds < 0)
    throw new UsageError('--keep-builds needs a whole number, 0 or more');
  if (values['no-cache'] && values.cache !== undefined)
    throw new UsageError('--cache and --no-cache exclude each other');
  return {
    source: values.source ?? (env.CONTENT_DIR || 'content'),
    out: values.out ?? path.join('public', 'data'),
    strict: values.strict,
    cache: values['no-cache'] ? null : (values.cache ?? DEFAULT_CACHE_DIR),
    search: !values['no-search'],
    keepBuilds,
    quietIfUnchanged: values['quiet-if-unchanged'],
    now,
    archive: values.archive,
  };
}

function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

export type Streams = { stdout: OutputStream; stderr: OutputStream };

/** Runs the command line and returns the exit code. */
export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  streams: Streams = { stdout: process.stdout, stderr: process.stderr },
  reader: SiteReader = defaultReader,
): Promise<number> {
  try {
    const options = parseBuildArgs(argv, env, new Date());
    if (options === 'help') {
      streams.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const progress = createProgress(streams.stderr);
    const result = await buildContent(options, reader, progress);
    const unchanged = result.output.written === 0 && result.output.removed === 0;
    const report = createProgress(
      streams.stderr,
      options.quietIfUnchanged && unchanged && result.errors === 0,
    );
    for (const line of formatDiagnostics(result.diagnostics)) report.log(line);
    report.log(
      `${result.posts} posts, ${result.skipped} skipped, ${result.warnings} warnings, ${result.errors} errors` +
        ` in ${formatSeconds(result.milliseconds)} (${result.parsed} files parsed,` +
        ` ${result.posts + result.skipped - result.parsed} from the cache)`,
    );
    const { phases } = result;
    report.log(
      `time: read ${formatSeconds(phases.read)}, bundle ${formatSeconds(phases.bundle)},` +
        ` search ${formatSeconds(phases.search)}, write ${formatSeconds(phases.write)}`,
    );
    report.log(
      `${options.out}: ${formatBytes(result.output.bytes)}; ${result.output.written} written,` +
        ` ${result.output.unchanged} unchanged, ${result.output.removed} removed,` +
        ` ${result.output.kept} kept from earlier builds`,
    );
    if (options.strict && result.errors > 0) {
      streams.stderr.write(`--strict: ${result.errors} errors, failing the build\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    return reportUsageError(error, USAGE, streams.stderr);
  }
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
