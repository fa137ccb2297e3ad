/**
 * Makes the out dir hold the bundle's files: writes what is new or changed, leaves equal files
 * untouched (so their times and any host-side caches stay valid) and removes stale ones. The
 * manifest is written after every shard it names and stale files are removed only after it, so
 * a reader never sees a manifest that points at a missing file.
 *
 * One exception to "exactly the bundle": the content-named files of the last `KEEP_BUILDS`
 * builds stay, listed in `previous-builds.json` with the build they belong to, so a tab still
 * reading an older manifest finds its shards (docs/decisions/010-live-deploys.md). A fresh out
 * dir has no previous build, so it gets exactly the bundle and the same bytes every time.
 */
import { readFileSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { createFolderMaker } from '../files';

/**
 * How many earlier builds keep their shards. At one build per five minutes, 12 builds is an
 * hour: many times the ten minutes a host or browser may cache the manifest (GitHub Pages:
 * `max-age=600`), so a tab whose "fresh" manifest is still a cached old one finds its files, and
 * a reader who opens a list and clicks into it within the hour never needs the app's recovery.
 */
export const KEEP_BUILDS = 12;

/** The ledger of kept files: written only while an earlier build's files are kept. */
export const PREVIOUS_BUILDS = 'previous-builds.json';

const previousBuildsSchema = z.object({
  /** Newest first: the files each earlier build had that no later build has. */
  builds: z.array(z.object({ buildId: z.string(), files: z.array(z.string()) })),
});
type PreviousBuild = z.infer<typeof previousBuildsSchema>['builds'][number];

/** Only the build id is read from a manifest here, so a manifest of an older layout still counts. */
const buildIdSchema = z.object({ buildId: z.string() });

export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

export type OutputStats = {
  written: number;
  unchanged: number;
  removed: number;
  /** Files of earlier builds left in place (see `KEEP_BUILDS`). */
  kept: number;
  /** Bytes of every file of the bundle (written or not). */
  bytes: number;
};

/**
 * Files named by a hash of their content (our shards, and every file of a search index, whose
 * folder is named by a hash of its records): an existing file with that name already holds these
 * bytes, so it is not even read (the hash covers Pagefind's version too). Pagefind's own chunk names are not enough for that: a chunk's
 * name can stay while its bytes change (docs/decisions/013-search-index-split.md).
 */
const CONTENT_NAMED = new RegExp(
  [
    '^(?:home|lists|list-index|article-index|articles)/[0-9a-f]{8,64}\\.json$',
    '^pagefind/[\\w.-]+/[\\w.-]+-[0-9a-f]{16}/',
  ].join('|'),
);

/** Written last, after the files it names. */
const MANIFEST = 'manifest.json';

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

function isSame(file: string, bytes: Uint8Array): boolean {
  try {
    if (statSync(file).size !== bytes.byteLength) return false;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(readFileSync(file));
  } catch {
    return false;
  }
}

export type OutputWriter = {
  /** Writes one file of the bundle now (the manifest is held back until `finish`). */
  write(name: string, content: string | Uint8Array): void;
  /** Writes the manifest, then removes every file of the out dir that was not written. */
  finish(): OutputStats;
};

/**
 * Streams the bundle into the out dir file by file, so a large archive never holds all its
 * output in memory. Synchronous on purpose: thousands of small files go much faster one after
 * the other than through the thread pool, and nothing else runs meanwhile.
 */
function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type OutputWriterOptions = {
  /** Earlier builds whose shards stay (default `KEEP_BUILDS`; 0 keeps none). */
  keepBuilds?: number;
};

export function createOutputWriter(
  outDir: string,
  { keepBuilds = KEEP_BUILDS }: OutputWriterOptions = {},
): OutputWriter {
  const existing = new Set(listFiles(outDir));
  // Read before the new manifest replaces it: the files about to go stale belong to this build.
  const replacedBuild = readJson(path.join(outDir, MANIFEST), buildIdSchema)?.buildId ?? null;
  const ledger = readJson(path.join(outDir, PREVIOUS_BUILDS), previousBuildsSchema);
  const kept = new Set<string>();
  const stats: OutputStats = { written: 0, unchanged: 0, removed: 0, kept: 0, bytes: 0 };
  const makeFolder = createFolderMaker();
  let manifest: Uint8Array | null = null;
  const writeNow = (name: string, bytes: Uint8Array) => {
    kept.add(name);
    stats.bytes += bytes.byteLength;
    const target = path.join(outDir, name);
    if (existing.has(name) && (CONTENT_NAMED.test(name) || isSame(target, bytes))) {
      stats.unchanged++;
      return;
    }
    makeFolder(target);
    // Write then rename, so a reader of the old bundle never sees half a file.
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
    stats.written++;
  };
  return {
    write(name, content) {
      if (name === MANIFEST) manifest = toBytes(content);
      else writeNow(name, toBytes(content));
    },
    finish() {
      if (manifest) writeNow(MANIFEST, manifest);
      const builds = keepPreviousBuilds({
        existing,
        current: kept,
        earlier: ledger?.builds ?? [],
        replacedBuild,
        keepBuilds,
      });
      const keptFiles = new Set(builds.flatMap((build) => build.files));
      stats.kept = keptFiles.size;
      if (builds.length > 0) {
        // Not counted as a bundle file: it is bookkeeping, and absent on a fresh out dir.
        const before = stats.bytes;
        writeNow(PREVIOUS_BUILDS, toBytes(`${JSON.stringify({ builds }, null, 1)}\n`));
        stats.bytes = before;
      }
      const stale = [...existing].filter((name) => !kept.has(name) && !keptFiles.has(name));
      for (const name of stale) {
        rmSync(path.join(outDir, name), { force: true });
        stats.removed++;
      }
      removeEmptyFolders(outDir, stale);
      return stats;
    },
  };
}

type KeepInput = {
  existing: ReadonlySet<string>;
  /** Every file of the build just written. */
  current: ReadonlySet<string>;
  earlier: readonly PreviousBuild[];
  /** The build id of the manifest this build replaced; null for a fresh or foreign out dir. */
  replacedBuild: string | null;
  keepBuilds: number;
};

/**
 * The ledger after this build: the replaced build's content-named files that this build no
 * longer has become the newest entry, files reused by this build or gone from disk leave their
 * entry, and only the newest `keepBuilds` non-empty entries stay. Unhashed files (the report,
 * Pagefind's entry) are never kept: their names hold the current build's bytes.
 */
function keepPreviousBuilds(input: KeepInput): PreviousBuild[] {
  const { existing, current, earlier, replacedBuild, keepBuilds } = input;
  const listed = new Set(earlier.flatMap((build) => build.files));
  const onDiskAndOld = (name: string) => existing.has(name) && !current.has(name);
  const replaced =
    replacedBuild === null
      ? []
      : [...existing]
          .filter((name) => onDiskAndOld(name) && !listed.has(name) && CONTENT_NAMED.test(name))
          .sort();
  const builds = [
    { buildId: replacedBuild ?? '', files: replaced },
    ...earlier.map((build) => ({
      buildId: build.buildId,
      files: build.files.filter((name) => onDiskAndOld(name) && CONTENT_NAMED.test(name)),
    })),
  ];
  return builds.filter((build) => build.files.length > 0).slice(0, Math.max(0, keepBuilds));
}

/** Makes the out dir hold exactly `files` (and, from an earlier build, what `KEEP_BUILDS` keeps). */
export function writeOutput(outDir: string, files: OutputFiles): OutputStats {
  const writer = createOutputWriter(outDir);
  for (const name of [...files.keys()].sort()) writer.write(name, files.get(name) ?? '');
  return writer.finish();
}

/** Removes folders left empty by stale files, deepest first; a folder still in use stays. */
function removeEmptyFolders(outDir: string, stale: readonly string[]): void {
  const folders = new Set<string>();
  for (const name of stale) {
    for (let folder = path.posix.dirname(name); folder !== '.'; folder = path.posix.dirname(folder)) {
      folders.add(folder);
    }
  }
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) {
    try {
      rmdirSync(path.join(outDir, folder));
    } catch {
      // Not empty: other files of the bundle live there.
    }
  }
}
