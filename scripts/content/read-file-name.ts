/**
 * What a file's path under `_posts/` means to Jekyll: whether Jekyll looks at it at all,
 * its date and slug (Jekyll 4's `DATE_FILENAME_MATCHER`), and how its body is converted.
 */

/** Jekyll's default `markdown_ext`, compared without letter case as Jekyll does. */
const MARKDOWN_EXTS = new Set(['.markdown', '.mkdown', '.mkdn', '.mkd', '.md']);

export type BodyKind = 'markdown' | 'html' | 'other';

export type PostName =
  | {
      ok: true;
      /** The date part as written, e.g. `2021-12-08` or `21-1-5`. */
      date: string;
      /** Slug from the file name, trailing dots removed. */
      slug: string;
      ext: string;
      kind: BodyKind;
      /** What `:output_ext` becomes. */
      outputExt: string;
    }
  | { ok: false; reason: string; message: string };

/**
 * The archive folder (`broadsheet.archive`) a site-relative path lies in, or null. A `_posts`
 * folder inside an archive folder is Jekyll's own post folder, read by Jekyll's rules.
 */
export function getArchiveFolder(file: string, archive: readonly string[]): string | null {
  const folder = archive.find((name) => file.startsWith(`${name}/`));
  if (folder === undefined || file.slice(folder.length).includes('/_posts/')) return null;
  return folder;
}

/** The part of a site-relative path below its `_posts` folder (or its archive folder). */
export function getPostsEntry(file: string, archive: readonly string[] = []): string {
  const folder = getArchiveFolder(file, archive);
  if (folder !== null) return file.slice(folder.length + 1);
  const segments = file.split('/');
  const index = segments.indexOf('_posts');
  return segments.slice(index + 1).join('/');
}

function getIgnoredReason(entry: string): { reason: string; message: string } | null {
  const segments = entry.split('/');
  const base = segments[segments.length - 1] ?? '';
  if (entry.endsWith('~')) {
    return { reason: 'backup file', message: 'Jekyll ignores backup files (names ending in ~)' };
  }
  if (segments.some((segment) => segment.startsWith('.')) || /^[._#~]/.test(entry) || /^[._#~]/.test(base)) {
    return { reason: 'hidden file', message: 'Jekyll ignores names starting with ".", "_", "#" or "~"' };
  }
  if (entry.endsWith('.')) return { reason: 'hidden file', message: 'Jekyll ignores names ending in "."' };
  return null;
}

/** Reads a site-relative path such as `news/_posts/2021-12-08-x.md`. */
export function readPostName(file: string, archive: readonly string[] = []): PostName {
  const entry = getPostsEntry(file, archive);
  const ignored = getIgnoredReason(entry);
  if (ignored) return { ok: false, ...ignored };
  const base = entry.slice(entry.lastIndexOf('/') + 1);
  const match = /^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/.exec(base);
  if (!match) {
    return {
      ok: false,
      reason: 'file name has no date',
      message: 'a post file name must look like YYYY-MM-DD-slug.md; Jekyll skips this file silently',
    };
  }
  const [, date = '', rawSlug = '', ext = ''] = match;
  const lowerExt = ext.toLowerCase();
  let kind: BodyKind = 'other';
  let outputExt = ext;
  if (MARKDOWN_EXTS.has(lowerExt)) {
    kind = 'markdown';
    outputExt = '.html';
  } else if (lowerExt === '.html' || lowerExt === '.htm') {
    kind = 'html';
  } else if (ext === '.yml' || ext === '.yaml') {
    return { ok: false, reason: 'data file', message: 'Jekyll reads a .yml/.yaml file in _posts as data, not as a post' };
  } else if (ext === '.sass' || ext === '.scss') {
    outputExt = '.css';
  }
  return { ok: true, date, slug: rawSlug.replace(/\.+$/, ''), ext, kind, outputExt };
}

/**
 * Categories from the folders above `_posts` (`news/_posts/x.md` → `news`). Like Jekyll, this
 * cuts the path at the first `_posts` anywhere in it, even inside a folder name.
 */
export function getFolderCategories(file: string, archive: readonly string[] = []): string[] {
  // An archive folder stands where `_posts/` stood before the move: it adds no categories.
  if (file.startsWith('_posts') || getArchiveFolder(file, archive) !== null) return [];
  const cut = file.indexOf('_posts');
  const base = file.slice(file.lastIndexOf('/') + 1);
  const above = cut === -1 ? file : file.slice(0, cut);
  return above.split('/').filter((segment) => segment !== '' && segment !== '_posts' && segment !== base);
}
