/**
 * `npm run generate -- --posts N --out DIR [--seed S] [--with-broken] [--archive-dir DIR
 * --recent-days N]`: writes a synthetic archive site (config + `_posts/`, and the archive folder
 * when asked for) for tests and benchmarks. Same options, same bytes.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError, isMainModule, parseCommandLine, reportUsageError } from './cli';
import { createFolderMaker } from './files';
import { createCorpus } from './corpus/create-corpus';
import type { CorpusOptions } from './corpus/create-corpus';

/** Options of the generator. */
export type GenerateOptions = CorpusOptions & {
  /** Site root to write; its `_posts/` is emptied first so the result holds exactly N posts. */
  out: string;
};

/** Writes the site and returns the number of files written. */
export function generateSite(options: GenerateOptions): number {
  rmSync(path.join(options.out, '_posts'), { recursive: true, force: true });
  if (options.archiveDir)
    rmSync(path.join(options.out, options.archiveDir), { recursive: true, force: true });
  const makeFolder = createFolderMaker();
  let count = 0;
  for (const file of createCorpus(options)) {
    const target = path.join(options.out, file.path);
    makeFolder(target);
    // Synchronous writes are the fastest way to make many small files from one loop.
    writeFileSync(target, file.content);
    count++;
  }
  return count;
}

const USAGE =
  'usage: npm run generate -- --posts N --out DIR [--seed S] [--with-broken] [--title T] [--start YYYY-MM-DD] [--max-gap MINUTES] [--archive-dir DIR] [--recent-days N]';

/** Reads the command line; `'help'` when usage was asked for. Throws on anything unknown. */
export function parseGenerateArgs(argv: readonly string[]): GenerateOptions | 'help' {
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      posts: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      title: { type: 'string' },
      start: { type: 'string' },
      'max-gap': { type: 'string' },
      'archive-dir': { type: 'string' },
      'recent-days': { type: 'string' },
      'with-broken': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const posts = Number(values.posts);
  const seed = Number(values.seed);
  if (values.posts === undefined || !Number.isInteger(posts) || posts < 0)
    throw new UsageError('--posts must be a whole number');
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
  if (!values.out) throw new UsageError('--out is required');
  const maxGap = values['max-gap'] === undefined ? undefined : Number(values['max-gap']);
  if (maxGap !== undefined && !(maxGap > 0))
    throw new UsageError('--max-gap must be a positive number');
  const archiveDir = values['archive-dir'];
  if (archiveDir !== undefined && !/^[^/._][^/]*$/.test(archiveDir))
    throw new UsageError('--archive-dir must be one folder name (not starting with . or _)');
  const recentDays =
    values['recent-days'] === undefined ? undefined : Number(values['recent-days']);
  if (recentDays !== undefined && !(recentDays >= 0))
    throw new UsageError('--recent-days must be a number of days');
  if (recentDays !== undefined && archiveDir === undefined)
    throw new UsageError('--recent-days needs --archive-dir');
  return {
    posts,
    seed,
    archiveDir,
    recentDays,
    out: values.out,
    withBroken: values['with-broken'],
    title: values.title,
    start: values.start,
    maxGapMinutes: maxGap,
  };
}

if (isMainModule(import.meta.url)) {
  try {
    const options = parseGenerateArgs(process.argv.slice(2));
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
    } else {
      const started = performance.now();
      const files = generateSite(options);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      process.stderr.write(`${files} files written to ${options.out} in ${seconds} s\n`);
    }
  } catch (error) {
    process.exitCode = reportUsageError(error, USAGE);
  }
}
