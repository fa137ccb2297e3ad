/**
 * Makes the out dir hold exactly the bundle's files: writes what is new or changed, leaves
 * equal files untouched (so their times and any host-side caches stay valid) and removes stale
 * ones. The manifest is written after every shard it names and stale shards are removed only
 * after it, so a reader never sees a manifest that points at a missing file.
 */
import { readFileSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createFolderMaker } from '../files';

export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

export type OutputStats = {
  written: number;
  unchanged: number;
  removed: number;
  /** Bytes of every file of the bundle (written or not). */
  bytes: number;
};

/**
 * Files named by a hash of their content (our shards, Pagefind's chunks): an existing file with
 * that name already holds these bytes, so it is not even read.
 */
const CONTENT_NAMED = new RegExp(
  [
    '^(?:home|lists|list-index|article-index|articles)/[0-9a-f]{8,64}\\.json$',
    '^pagefind/(?:fragment|index|filter)/[\\w-]+_[0-9a-f]{7,}\\.pf_\\w+$',
    '^pagefind/pagefind\\.[\\w-]+_[0-9a-f]{7,}\\.pf_meta$',
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
export function createOutputWriter(outDir: string): OutputWriter {
  const existing = new Set(listFiles(outDir));
  const kept = new Set<string>();
  const stats: OutputStats = { written: 0, unchanged: 0, removed: 0, bytes: 0 };
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
      const stale = [...existing].filter((name) => !kept.has(name));
      for (const name of stale) {
        rmSync(path.join(outDir, name), { force: true });
        stats.removed++;
      }
      removeEmptyFolders(outDir, stale);
      return stats;
    },
  };
}

/** Makes the out dir hold exactly `files`. */
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
