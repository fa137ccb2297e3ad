/**
 * Everything about one file under a `_posts/` folder, as a pure function of its path, bytes,
 * the site config and the clock (the incremental cache keys on exactly these). Jekyll 4's rules
 * decide which files are posts and where they live; where Jekyll is silent or stops the build,
 * we report and go on. See docs/decisions/003-jekyll-rules.md.
 */
import { isUtf8 } from 'node:buffer';
import { messageCatalogs } from '../../src/shared/message-catalogs';
import type { Diagnostic } from '../../src/shared/schema';
import type { FileResult, SiteConfig, SourcePost } from './types';
import { formatIsoInZone, getDatePlaceholders, parseRubyTime } from './read-date';
import { getArchiveFolder, getFolderCategories, readPostName } from './read-file-name';
import {
  findKeyLine,
  formatRubyValue,
  parseFrontMatter,
  splitFrontMatter,
  YamlTime,
} from './read-front-matter';
import { applyDefaults, getDefaultValues } from './read-defaults';
import { hasLiquid, renderLiquid, restoreKeptHtml, type KeptHtml } from './read-liquid';
import { getExcerpt, getHeadingIdRule, getPlainText, renderHtml, renderMarkdown } from './read-markdown';
import { buildPostUrl, escapePath, getPermalinkExt, getPermalinkTemplate, titleizeSlug } from './read-permalink';

/** Bodies longer than this many characters are cut (at a line end) before rendering. */
export const MAX_BODY_CHARS = 1_000_000;

type Severity = Diagnostic['severity'];

/** Counts the lines up to a byte offset (1-based line of that byte). */
function getLineOfByte(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let index = bytes.indexOf(10); index !== -1 && index < offset; index = bytes.indexOf(10, index + 1)) line += 1;
  return line;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function findInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    const length = byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, no surrogates).
    const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
    const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next];
      const min = next === 1 ? low : 0x80;
      const max = next === 1 ? high : 0xbf;
      if (continuation === undefined || continuation < min || continuation > max) return index;
    }
    index += length;
  }
  return bytes.length;
}

/** Ruby's `String#split` with no argument: runs of ASCII whitespace (never U+3000 and friends). */
function splitRubyWords(text: string): string[] {
  return text.split(/[ \t\n\v\f\r]+/).filter((word) => word !== '');
}

function unionStrings(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** Jekyll's `pluralized_array_from_hash`: the singular key wins and is never split. */
function readPluralized(data: Record<string, unknown>, singular: string, plural: string): unknown[] {
  let value: unknown = data[singular];
  if (value === undefined || value === null) {
    const pluralValue = data[plural];
    if (typeof pluralValue === 'string') value = splitRubyWords(pluralValue);
    else if (Array.isArray(pluralValue)) value = pluralValue.filter((item) => item !== null && item !== undefined);
    else value = null;
  }
  return [value].flat().filter((item) => item !== null && item !== undefined);
}

function isCategoryList(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string' || Array.isArray(value);
}

/**
 * Jekyll's merge: folders above `_posts` first, then `categories` (a string is split), then
 * `category` (never split); `tag` replaces `tags`. Values are turned into text as Ruby would.
 */
function readCategoriesAndTags(
  file: string,
  archive: readonly string[],
  data: Record<string, unknown>,
  toText: (value: unknown) => string,
): { categories: string[]; tags: string[] } {
  const raw = data.categories;
  const front: unknown[] =
    typeof raw === 'string' ? splitRubyWords(raw) : Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw];
  const merged = unionStrings(getFolderCategories(file, archive), front.map(toText));
  const singular = readPluralized({ ...data, categories: merged }, 'category', 'categories').map(toText);
  return {
    categories: unionStrings(merged, singular),
    tags: readPluralized(data, 'tag', 'tags').map(toText),
  };
}

type PostDate = { ok: true; instant: number; rolledOverFrom: string | null } | { ok: false; message: string };

function readPostDate(value: unknown, hasValue: boolean, nameDate: string, timeZone: string): PostDate {
  if (hasValue && value instanceof YamlTime) {
    // Psych rolls a day past the month's end over (Feb 30 → Mar 2); Jekyll's URL uses that day.
    return { ok: true, instant: Math.floor(value.instant / 1000) * 1000, rolledOverFrom: value.rolledOverFrom };
  }
  // Jekyll turns the value into text and parses that; a YAML date becomes local midnight.
  const text = hasValue ? formatRubyValue(value, (instant) => formatIsoInZone(instant, timeZone)) : nameDate;
  const parsed = parseRubyTime(text, timeZone);
  if (!parsed.ok) return { ok: false, message: `invalid date "${text}": ${parsed.message}` };
  return { ok: true, instant: parsed.instant, rolledOverFrom: parsed.rolledOver ? text : null };
}

/**
 * The URL Jekyll gives a file of an archive folder, which it reads as a page: its path with the
 * output extension (`old_post/2021-12-08-x.md` → `/old_post/2021-12-08-x.html`), each segment
 * escaped as Jekyll escapes page URLs; null outside archive folders.
 */
export function getArchivePage(file: string, config: SiteConfig, outputExt: string): string | null {
  if (getArchiveFolder(file, config.archive) === null) return null;
  const withoutExt = file.replace(/\.[^./]+$/, '');
  const escaped = escapePath(`/${withoutExt}`);
  return `${escaped.ok ? escaped.path : encodeURI(`/${withoutExt}`)}${outputExt}`;
}

/**
 * Jekyll's excerpt when the post or the site chooses one: a front matter `excerpt`, or the body
 * up to `excerpt_separator` (front matter, defaults, then `_config.yml`), rendered and cut to
 * the list's length. Null leaves the list's own excerpt (the opening digest or text).
 */
function readExcerpt(
  data: Record<string, unknown>,
  config: SiteConfig,
  body: string,
  render: (text: string) => { text: string },
): string | null {
  if (typeof data.excerpt === 'string' && data.excerpt.trim() !== '') {
    return getExcerpt(getPlainText(data.excerpt));
  }
  const separator = data.excerpt_separator ?? config.liquid?.config.excerpt_separator;
  if (typeof separator !== 'string' || separator === '') return null;
  const at = body.indexOf(separator);
  if (at === -1) return null;
  return getExcerpt(render(body.slice(0, at)).text);
}

/** The posts' URL template: `collections.posts.permalink` as written, else the site's `permalink`. */
function getPostsTemplate(config: SiteConfig): string {
  return config.postsPermalink ?? getPermalinkTemplate(config.permalink);
}

/** Reads one file under a `_posts/` folder (or an archive folder). `file` is relative to the site root, `/`-separated. */
export function readPostFile(file: string, bytes: Buffer, config: SiteConfig, now: Date): FileResult {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number, severity: Severity, message: string) =>
    diagnostics.push({ file, line, severity, message });
  const skip = (reason: string): FileResult => ({ kind: 'skipped', file, reason, diagnostics });
  const timeZone = config.timezone;
  const formatTime = (instant: number) => formatIsoInZone(instant, timeZone);

  const name = readPostName(file, config.archive);
  if (!name.ok) {
    if (name.reason === 'file name has no date' || name.reason === 'data file') report(0, 'warning', name.message);
    return skip(name.reason);
  }

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    report(getLineOfByte(bytes, nul), 'warning', 'binary file (it contains NUL bytes); not a post');
    return skip('binary file');
  }
  if (!isUtf8(bytes)) {
    const offset = findInvalidUtf8(bytes);
    report(getLineOfByte(bytes, offset), 'error', `not valid UTF-8 (byte ${offset}); Jekyll skips such files too`);
    return skip('not valid UTF-8');
  }

  let text = bytes.toString('utf8');
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    report(1, 'warning', 'the file starts with a byte order mark; it was ignored');
  }
  text = text.replaceAll('\r\n', '\n');

  const split = splitFrontMatter(text);
  if (split.unclosed) {
    report(1, 'warning', 'front matter opened with "---" is never closed; the whole file is read as the body');
  }
  let data: Record<string, unknown> = {};
  if (split.yaml !== null) {
    const parsed = parseFrontMatter(split.yaml, split.yamlLine);
    if (!parsed.ok) {
      report(parsed.line, 'error', parsed.message);
      return skip('invalid front matter');
    }
    data = parsed.data;
  }
  if (config.defaults) {
    // Jekyll reads the files of an archive folder as pages, so the defaults for pages apply.
    const type = getArchiveFolder(file, config.archive) === null ? 'posts' : 'pages';
    data = applyDefaults(getDefaultValues(config.defaults, file, type), data);
  }
  const keyLine = (key: string) => (split.yaml === null ? 0 : findKeyLine(split.yaml, split.yamlLine, key));

  const toText = (value: unknown) => formatRubyValue(value, formatTime);
  if (!isCategoryList(data.categories)) {
    report(keyLine('categories'), 'warning', '"categories" should be a list or a space-separated string');
  }
  const { categories, tags } = readCategoriesAndTags(file, config.archive, data, toText);

  const slugValue = data.slug;
  const slug = slugValue === null || slugValue === undefined || slugValue === false ? name.slug : toText(slugValue);

  const hasDate = Object.hasOwn(data, 'date');
  const date = readPostDate(data.date, hasDate, name.date, timeZone);
  if (!date.ok) {
    report(hasDate ? keyLine('date') : 0, 'error', `${date.message}; Jekyll stops the build here`);
    return skip('invalid date');
  }
  const isoDate = formatTime(date.instant);
  if (!/^\d{4}-/.test(isoDate) || isoDate.startsWith('0000')) {
    report(hasDate ? keyLine('date') : 0, 'error', 'the date is outside the years 1 to 9999');
    return skip('invalid date');
  }
  if (date.rolledOverFrom !== null) {
    report(
      hasDate ? keyLine('date') : 0,
      'warning',
      `the date "${date.rolledOverFrom}" is out of range; read as ${isoDate}, as Jekyll does`,
    );
  }

  // Jekyll leaves these out before it makes their URL, so a bad permalink does not matter.
  const published = data.published;
  if (Object.hasOwn(data, 'published') && (published === false || published === null)) {
    return skip('published: false');
  }
  if (Math.floor(date.instant / 1000) > Math.floor(now.getTime() / 1000)) {
    report(hasDate ? keyLine('date') : 0, 'warning', `dated ${isoDate}, in the future; left out`);
    return skip('future-dated');
  }

  const placeholders = getDatePlaceholders(date.instant, timeZone);
  const permalinkValue = data.permalink;
  const ownPermalink =
    permalinkValue === null || permalinkValue === undefined || permalinkValue === false ? null : toText(permalinkValue);
  const outputExt = (ownPermalink !== null ? getPermalinkExt(ownPermalink) : null) ?? name.outputExt;
  const built = buildPostUrl(ownPermalink ?? getPostsTemplate(config), {
    file,
    slug,
    categories,
    outputExt,
    date: placeholders,
  });
  if (!built.ok) {
    report(ownPermalink !== null ? keyLine('permalink') : 0, 'error', `no URL: ${built.message}; Jekyll stops the build here`);
    return skip('invalid permalink');
  }

  if (/[?#]/.test(built.url)) {
    report(0, 'warning', `the URL ${built.url} holds "?" or "#", which a browser reads as the end of the path`);
  }

  // Jekyll reads no front matter after a blank line, so the live site served such a post at
  // a URL made from its file name alone. We read the front matter (title, date, categories),
  // but keep that URL: it is the one readers bookmarked.
  let url = built.url;
  if (split.leadingBlankLines > 0) {
    const jekyllDate = parseRubyTime(name.date, timeZone);
    const jekyllUrl = jekyllDate.ok
      ? buildPostUrl(getPostsTemplate(config), {
          file,
          slug: name.slug,
          categories: getFolderCategories(file, config.archive),
          outputExt: name.outputExt,
          date: getDatePlaceholders(jekyllDate.instant, timeZone),
        })
      : null;
    if (jekyllUrl?.ok) url = jekyllUrl.url;
    report(
      split.yamlLine,
      'warning',
      `blank line before the front matter: Jekyll reads no front matter here; Broadsheet reads it and keeps Jekyll's URL ${url}`,
    );
  }

  let title = data.title === null || data.title === undefined || data.title === false ? '' : toText(data.title).trim();
  if (title === '') {
    title = titleizeSlug(name.slug);
    const written = Object.hasOwn(data, 'title') ? 'empty title' : 'no title';
    report(Object.hasOwn(data, 'title') ? keyLine('title') : 0, 'warning', `${written}; using "${title}" from the file name`);
  }

  let body = split.body;
  let cutNote = '';
  if (body.length > MAX_BODY_CHARS) {
    const megabytes = (Buffer.byteLength(body) / 1_048_576).toFixed(1);
    const cut = body.lastIndexOf('\n', MAX_BODY_CHARS);
    body = body.slice(0, cut > MAX_BODY_CHARS / 2 ? cut : MAX_BODY_CHARS);
    report(split.bodyLine, 'warning', `the body is ${megabytes} MB; only its first ${MAX_BODY_CHARS} characters are kept`);
    // The reader is told too, at the end of what is kept, rather than left to think the post ends there.
    const t = messageCatalogs[config.lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'];
    cutNote = `\n<p><em>${t.bodyCut(megabytes)}</em></p>`;
  }
  if (name.kind === 'other') {
    report(0, 'warning', `a "${name.ext}" file is not Markdown; like Jekyll, its body is published as it is`);
  }
  let kept: KeptHtml = [];
  if (data.render_with_liquid !== false && hasLiquid(body)) {
    const page = {
      ...data,
      title,
      url,
      date: new Date(date.instant),
      categories,
      tags,
      path: file,
      slug,
      id: url.replace(/\.html$/, '').replace(/\/$/, ''),
    };
    const liquid = renderLiquid(body, page, config, file, split.bodyLine);
    diagnostics.push(...liquid.diagnostics);
    body = liquid.text;
    kept = liquid.kept;
  }
  const render = (text: string) =>
    name.kind === 'markdown' ? renderMarkdown(text, kept, getHeadingIdRule(config.liquid?.config)) : renderHtml(restoreKeptHtml(text, kept));
  const rendered = render(body);
  const excerpt = readExcerpt(data, config, body, render) ?? rendered.excerpt;

  const post: SourcePost = {
    file,
    url,
    title,
    date: isoDate,
    categories: categories.filter((category) => category !== ''),
    tags: tags.filter((tag) => tag !== ''),
    lang: typeof data.lang === 'string' && data.lang.trim() !== '' ? data.lang.trim() : config.lang,
    html: rendered.html + cutNote,
    text: rendered.text,
    excerpt,
    chars: rendered.chars,
    source: rendered.source,
    page: getArchivePage(file, config, name.outputExt),
  };
  return { kind: 'post', post, diagnostics };
}
