/**
 * Jekyll 4's post URLs, rule for rule: permalink styles, template placeholders, slugs,
 * lower-cased categories, percent-encoding of each placeholder value and the final clean-up.
 * Bookmarks into an archive that moves over must keep working, so every byte matters here.
 */
import { getCategorySlug } from '../../src/shared/paths';

/** The built-in styles of Jekyll's `permalink` setting. */
const PERMALINK_STYLES: Record<string, string> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
};

/** The template of a `permalink` setting: a style name or a template of its own. */
export function getPermalinkTemplate(permalink: string): string {
  return PERMALINK_STYLES[permalink] ?? permalink;
}

const SLUG_DEFAULT = /[^\p{M}\p{L}\p{Nd}]+/gu;
// Characters readable in a URL and allowed in file names are kept by the `pretty` mode.
const SLUG_PRETTY = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;

/** Jekyll's `slugify` in its `default` mode (lower-cased) or `pretty` mode (case kept). */
export function slugify(text: string, mode: 'default' | 'pretty'): string {
  const slug = text.replace(mode === 'pretty' ? SLUG_PRETTY : SLUG_DEFAULT, '-').replace(/^-|-$/g, '');
  return mode === 'pretty' ? slug : slug.toLowerCase();
}

/** Jekyll's fallback title: `my-first-post` → `My First Post` (Ruby's `capitalize` per word). */
export function titleizeSlug(slug: string): string {
  const words = slug.split('-');
  // Ruby's split drops trailing empty fields.
  while (words.length > 0 && words[words.length - 1] === '') words.pop();
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join(' ');
}

const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const PATH_CHARS = new RegExp(`[^${UNRESERVED}${SUB_DELIMS}:@/]`, 'gu');
const QUERY_CHARS = new RegExp(`[^${UNRESERVED}${SUB_DELIMS}:@/?]`, 'gu');
const AUTHORITY_CHARS = new RegExp(`[^${UNRESERVED}${SUB_DELIMS}:@\\[\\]]`, 'gu');
const IP_BASED_SCHEMES = new Set([
  'http',
  'https',
  'ftp',
  'tftp',
  'sftp',
  'ssh',
  'svn+ssh',
  'telnet',
  'nntp',
  'gopher',
  'wais',
  'ldap',
  'prospero',
]);
const textEncoder = new TextEncoder();

function percentEncode(char: string): string {
  let encoded = '';
  for (const byte of textEncoder.encode(char)) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return encoded;
}

function encodeComponent(text: string, disallowed: RegExp): string {
  return text.replace(disallowed, percentEncode);
}

export type EscapedPath = { ok: true; path: string } | { ok: false; message: string };

/**
 * Jekyll's `URL.escape_path`: the value is read as a URI (so `a:b` has a scheme, `?` starts a
 * query, `#` a fragment) and each part is percent-encoded with the characters RFC 3986 allows
 * there; then the first `#` becomes `%23`. A value whose "scheme" is not a valid scheme makes
 * Jekyll stop the build, which we report.
 */
export function escapePath(value: string): EscapedPath {
  if (value === '' || /^[a-zA-Z0-9./-]+$/m.test(value)) return { ok: true, path: value };
  const match = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#([^]*))?$/.exec(value);
  if (!match) return { ok: false, message: `cannot read "${value}" as a URL path` };
  const [, scheme, authority, path = '', query, fragment] = match;
  let result = '';
  if (scheme !== undefined) {
    if (!/^[a-z][a-z0-9.+-]*$/i.test(scheme)) {
      return { ok: false, message: `"${value}" reads as a URL with the invalid scheme "${scheme}:"` };
    }
    if (IP_BASED_SCHEMES.has(scheme.toLowerCase()) && !authority && path === '') {
      return { ok: false, message: `"${value}" reads as a URL without a host` };
    }
    result += `${scheme}:`;
  }
  if (authority !== undefined) result += `//${encodeComponent(authority, AUTHORITY_CHARS)}`;
  result += encodeComponent(path, PATH_CHARS);
  if (query !== undefined) result += `?${encodeComponent(query, QUERY_CHARS)}`;
  if (fragment !== undefined) result += `#${encodeComponent(fragment, QUERY_CHARS)}`;
  return { ok: true, path: result.replace('#', '%23') };
}

/** Jekyll's last step: a leading `/`, no `..` or `./`, no repeated slashes. */
export function sanitizeUrl(url: string): string {
  return `/${url}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/{2,}/g, '/');
}

/** Everything a post contributes to its URL. */
export type UrlFacts = {
  /** Path relative to the site root, e.g. `news/_posts/2021-12-08-x.md`. */
  file: string;
  /** Front-matter `slug`, or the slug from the file name. */
  slug: string;
  /** Final categories in Jekyll's order. */
  categories: readonly string[];
  /** `.html` for Markdown, else the file's own extension. */
  outputExt: string;
  /** Date placeholders (`year`, `month`, ...) in the site's timezone. */
  date: Record<string, string>;
};

function getBasenameWithoutExt(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Jekyll's `:path`: the file path without its extension and without the first `_posts`. */
function getCleanedRelativePath(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const withoutExt = dot > 0 ? file.slice(0, file.length - (base.length - dot)) : file;
  return withoutExt.replace('_posts', '').replace(/\.+$/, '');
}

function getPlaceholders(facts: UrlFacts): Map<string, string> {
  const basename = getBasenameWithoutExt(facts.file);
  const lowered = [...new Set(facts.categories.map(getCategorySlug))];
  const slugged = [...new Set(facts.categories.map((category) => slugify(category, 'default')))];
  return new Map([
    ['collection', 'posts'],
    ['output_ext', facts.outputExt],
    ['path', getCleanedRelativePath(facts.file)],
    ['name', slugify(basename, 'default')],
    ['title', slugify(facts.slug, 'pretty')],
    ['slug', slugify(facts.slug, 'default')],
    ['categories', lowered.join('/')],
    ['slugified_categories', slugged.join('/')],
    ...Object.entries(facts.date),
  ]);
}

export type BuiltUrl = { ok: true; url: string } | { ok: false; message: string };

/** Fills a permalink template the way Jekyll's URL drop does and cleans the result. */
export function buildPostUrl(template: string, facts: UrlFacts): BuiltUrl {
  const placeholders = getPlaceholders(facts);
  let failure: string | null = null;
  const filled = template.replace(/:([a-z_]+)/g, (match, name: string) => {
    // `/:month_:day` means :month then `_`; Jekyll tries the name without its last underscore.
    const key = name.endsWith('_') ? name.slice(0, -1) : name;
    const value = placeholders.get(key);
    if (value === undefined) {
      failure ??= `the permalink template "${template}" has no placeholder ":${key}"`;
      return match;
    }
    const escaped = escapePath(value);
    if (!escaped.ok) {
      failure ??= escaped.message;
      return match;
    }
    return escaped.path + name.slice(key.length);
  });
  if (failure !== null) return { ok: false, message: failure };
  return { ok: true, url: sanitizeUrl(filled) };
}

/** The extension a front-matter permalink gives `:output_ext` (Jekyll's `permalink_ext`). */
export function getPermalinkExt(permalink: string): string | null {
  if (permalink.endsWith('/')) return null;
  const base = permalink.slice(permalink.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : null;
}
