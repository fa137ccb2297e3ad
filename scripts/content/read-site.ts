/**
 * Finding the inputs: every file under every `_posts/` folder that Jekyll would look into.
 * Jekyll walks the site skipping folders it treats as special or excluded; inside a `_posts/`
 * folder we keep every file, even the ones Jekyll ignores, so each is either a post or reported
 * as skipped with its reason.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isDirectory } from '../files';

/** Folders Jekyll never reads, by name: its defaults for `exclude` plus the usual dependency folders. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'gemfiles']);
/** Folders Jekyll's default `exclude` names by path. */
const SKIPPED_PATHS = new Set(['vendor/bundle', 'vendor/cache', 'vendor/gems', 'vendor/ruby']);

/** Orders strings by Unicode code point (UTF-16 order differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.codePointAt(index) ?? 0;
    const right = b.codePointAt(index) ?? 0;
    if (left !== right) return left - right;
  }
  return a.length - b.length;
}

function isSkippedFolder(name: string, relative: string): boolean {
  // Jekyll treats names starting with . _ # ~ as special (`_posts` is read on its own).
  return /^[._#~]/.test(name) || SKIPPED_FOLDERS.has(name) || SKIPPED_PATHS.has(relative);
}

/** Every file below a `_posts` folder, whatever its name. */
async function collectFiles(root: string, relative: string, into: string[]): Promise<void> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory()) await collectFiles(root, child, into);
    else if (entry.isFile()) into.push(child);
    else if (entry.isSymbolicLink() && !(await isDirectory(path.join(root, child)))) into.push(child);
  }
}

async function findPostFolders(root: string, relative: string, into: string[]): Promise<void> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.name === '_posts') into.push(child);
    else if (!isSkippedFolder(entry.name, child)) await findPostFolders(root, child, into);
  }
}

/**
 * Every file under any `_posts/` folder of the site (`_posts/`, `news/_posts/`, subfolders
 * inside them) and under each archive folder (`old_post/`, recursively), relative to
 * `siteRoot`, `/`-separated, sorted by code point, each once.
 */
export async function listPostFiles(siteRoot: string, archive: readonly string[] = []): Promise<string[]> {
  const folders: string[] = [];
  await findPostFolders(siteRoot, '', folders);
  const files: string[] = [];
  for (const folder of folders) await collectFiles(siteRoot, folder, files);
  // A missing archive folder is reported with the config; here it just holds nothing.
  for (const folder of archive) {
    if (await isDirectory(path.join(siteRoot, folder))) await collectFiles(siteRoot, folder, files);
  }
  // A `_posts/` folder inside an archive folder is found both ways.
  return [...new Set(files)].sort(compareCodePoints);
}
