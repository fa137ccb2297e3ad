/**
 * Jekyll's front matter defaults (`defaults:` in `_config.yml`): each set gives its values to the
 * files its scope covers (a path prefix or glob, and a type), the more specific set winning, and
 * a file's own front matter wins over all of them. Rule for rule as Jekyll 4.3's
 * `FrontmatterDefaults#all` and `Document#merge_data!` apply them.
 */
import type { FrontMatterDefault } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Jekyll's renames of the old singular types. */
const DEPRECATED_TYPES: Record<string, string> = { page: 'pages', post: 'posts', draft: 'drafts' };

export type ReadDefaults = { defaults: FrontMatterDefault[]; invalid: number };

/** The `defaults:` value of a config: the valid sets in order, and how many were not valid. */
export function readDefaults(value: unknown): ReadDefaults {
  if (!Array.isArray(value)) return { defaults: [], invalid: value === null || value === undefined ? 0 : 1 };
  const defaults: FrontMatterDefault[] = [];
  let invalid = 0;
  for (const set of value) {
    if (!isRecord(set) || !isRecord(set.values)) {
      invalid += 1;
      continue;
    }
    const scope = isRecord(set.scope) ? set.scope : {};
    const rawType = scope.type;
    const type = rawType === undefined || rawType === null ? null : String(rawType);
    defaults.push({
      path: typeof scope.path === 'string' ? scope.path : '',
      type: type === null ? null : (DEPRECATED_TYPES[type] ?? type),
      values: set.values,
    });
  }
  return { defaults, invalid };
}

/** Jekyll's `sanitize_path`: a leading `/` is dropped. */
function sanitizePath(path: string): string {
  return path.startsWith('/') ? path.slice(1) : path;
}

const globCache = new Map<string, RegExp>();

/** A Ruby `Dir.glob` pattern (`*`, `**`, `?`, `{a,b}`) as a regular expression over a whole path. */
function globToRegExp(glob: string): RegExp {
  let regex = globCache.get(glob);
  if (regex) return regex;
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index] ?? '';
    if (glob.startsWith('**/', index)) {
      source += '(?:[^/.][^/]*/)*';
      index += 2;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      source += '(?:';
    } else if (char === '}') {
      source += ')';
    } else if (char === ',' && source.includes('(?:')) {
      source += '|';
    } else {
      source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
  }
  regex = new RegExp(`^${source}$`);
  globCache.set(glob, regex);
  return regex;
}

/**
 * Jekyll's `applies_path?`: a plain scope path is a prefix of the file's path (a string prefix,
 * not only whole folders); a glob is expanded on disk and the file's path must start with one of
 * its matches, which for a file means its own path or one of its folders.
 */
function appliesPath(scopePath: string, file: string): boolean {
  if (scopePath === '') return true;
  const scope = sanitizePath(scopePath);
  if (!scope.includes('*')) return file.startsWith(scope);
  const regex = globToRegExp(scope);
  for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) {
    if (regex.test(file.slice(0, slash))) return true;
  }
  return regex.test(file);
}

/** Jekyll's `has_precedence?`: a longer path wins; at equal length a set with a type wins. */
function hasPrecedence(old: FrontMatterDefault | null, next: FrontMatterDefault): boolean {
  if (old === null) return true;
  const nextPath = sanitizePath(next.path);
  const oldPath = sanitizePath(old.path);
  if (nextPath.length !== oldPath.length) return nextPath.length >= oldPath.length;
  if (next.type !== null) return true;
  return old.type === null;
}

/** Jekyll's `Utils.deep_merge_hashes`: mappings merge key by key, anything else is replaced. */
export function deepMerge(target: Record<string, unknown>, overwrite: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(overwrite)) {
    const current = merged[key];
    merged[key] = isRecord(current) && isRecord(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/** The default values for a file (`_posts/…`) of a type (`posts`, `pages`). */
export function getDefaultValues(
  defaults: readonly FrontMatterDefault[],
  file: string,
  type: string,
): Record<string, unknown> {
  let values: Record<string, unknown> = {};
  let old: FrontMatterDefault | null = null;
  for (const set of defaults) {
    if ((set.type !== null && set.type !== type) || !appliesPath(set.path, file)) continue;
    if (hasPrecedence(old, set)) {
      values = deepMerge(values, set.values);
      old = set;
    } else {
      values = deepMerge(set.values, values);
    }
  }
  return values;
}

/** Ruby's `String#split` (runs of ASCII whitespace) for a categories string. */
function toCategoryList(value: unknown): unknown[] {
  if (typeof value === 'string') return value.split(/[ \t\n\v\f\r]+/).filter((word) => word !== '');
  return Array.isArray(value) ? value : [value];
}

/**
 * A file's front matter over its defaults, as `merge_data!` does it: values replace the
 * defaults' (mappings merge), but `categories` of both are joined, the defaults' first.
 */
export function applyDefaults(defaults: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> {
  if (Object.keys(defaults).length === 0) return data;
  const merged = deepMerge(defaults, data);
  const own = data.categories;
  const inherited = defaults.categories;
  if (own !== null && own !== undefined && inherited !== null && inherited !== undefined) {
    merged.categories = [...new Set([...toCategoryList(inherited), ...toCategoryList(own)])];
  }
  return merged;
}
