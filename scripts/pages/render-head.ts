/**
 * The `<head>` of a pre-rendered page: the shell's own head with the page's title, description,
 * canonical address, Open Graph tags and JSON-LD. Every value here comes from post front matter,
 * which is hostile input, so each one is escaped for the context it lands in.
 */
import { LIST_PAGES_ATTRIBUTE } from '../../src/shared/list-page-files';

export type PageHead = {
  title: string;
  description: string;
  /** Absolute when the site address is known, else root-relative. */
  canonical: string;
  type: 'article' | 'website';
  siteName: string;
  lang: string;
  /** ISO date of an article. */
  published?: string;
  section?: string;
  tags?: readonly string[];
  noindex?: boolean;
  /** Structured data, written as a JSON data block. */
  jsonLd?: Record<string, unknown>;
  /** The page's own Atom feed (a category's), advertised beside the site's. */
  feed?: { href: string; title: string };
};

/**
 * Marks the head elements that belong to one pre-rendered page, so the app can take them out
 * once it shows another page (it renders its own for the page it shows).
 */
export const PAGE_FEED_ATTRIBUTE = 'data-page-feed';

/** Escape text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON that is safe inside `<script type="application/ld+json">`: no `<` can close the element
 * or open a comment, and the line separators old parsers choke on are escaped.
 */
export function serializeJsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Collapse whitespace and cut to `max` characters, for descriptions. */
export function summarize(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function meta(attr: 'name' | 'property', key: string, content: string): string {
  return `<meta ${attr}="${key}" content="${escapeHtml(content)}" />`;
}

export function renderHead(head: PageHead): string {
  const lines = [
    `<title>${escapeHtml(head.title)}</title>`,
    meta('name', 'description', head.description),
    `<link rel="canonical" href="${escapeHtml(head.canonical)}" />`,
    meta('property', 'og:title', head.title),
    meta('property', 'og:description', head.description),
    meta('property', 'og:type', head.type),
    meta('property', 'og:url', head.canonical),
    meta('property', 'og:site_name', head.siteName),
    meta('property', 'og:locale', head.lang.replace('-', '_')),
  ];
  if (head.published) lines.push(meta('property', 'article:published_time', head.published));
  if (head.section) lines.push(meta('property', 'article:section', head.section));
  for (const tag of head.tags ?? []) lines.push(meta('property', 'article:tag', tag));
  if (head.feed)
    lines.push(
      `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(head.feed.title)}" href="${escapeHtml(head.feed.href)}" ${PAGE_FEED_ATTRIBUTE} />`,
    );
  if (head.noindex) lines.push(meta('name', 'robots', 'noindex'));
  if (head.jsonLd)
    lines.push(`<script type="application/ld+json">${serializeJsonForHtml(head.jsonLd)}</script>`);
  return lines.join('\n    ');
}

/** What a pre-rendered page holds in `#root`, and what the app checks before hydrating it. */
export type PageBody = {
  /** The app's markup for the page (src/app/render-static.tsx). */
  html: string;
  /** The address the file is served at, as the browser's `location.pathname` names it. */
  path: string;
  /** The build of the bundle it was rendered from. */
  build: string;
  /** The last page number of a list that has its own file (decision 027), as the pager reads it. */
  listPages: string;
};

export type Shell = {
  /**
   * Render the shell with a page's head in place of the shell's title, in the page's language,
   * with the app's markup of the page in `#root` when there is one.
   */
  render: (head: string, lang?: string, body?: PageBody) => string;
};

const ROOT = '<div id="root"></div>';

/** Whether a page is the app shell as `vite build` wrote it: `#root` still empty. */
export function hasEmptyRoot(html: string): boolean {
  return html.includes(ROOT);
}

/** `#root` with the page's markup. */
function renderRoot(body: PageBody | undefined): string {
  return body ? `<div id="root">${body.html}</div>` : ROOT;
}

/**
 * The marks on `<html>` that the settings script and the app read (docs/decisions/022): which
 * address the page was written for, from which build, and which list pages have files (027).
 */
function renderPageMarks(body: PageBody | undefined): string {
  if (!body) return '';
  return ` data-page="${escapeHtml(body.path)}" data-build="${escapeHtml(body.build)}" ${LIST_PAGES_ATTRIBUTE}="${escapeHtml(body.listPages)}"`;
}

/**
 * The external script that puts the reader's theme and text size on `<html>` before the first
 * paint (`public/page-settings.js`). Synchronous, in the head: the CSP forbids an inline one.
 */
export function renderSettingsScript(base: string): string {
  return `<script src="${escapeHtml(base)}page-settings.js"></script>`;
}

const ENTRY_SCRIPT = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/gi;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/gi;

/**
 * The shell's head for a page that holds its view: the app's entry script and module preloads
 * become one `<meta name="broadsheet-app">` (the entry first), from which `page-settings.js`
 * starts the app once the page's text is painted. Vite's tags start their downloads at once,
 * which on a slow network delays the text behind code the text does not need.
 */
export function deferAppStart(html: string): string {
  const files: string[] = [];
  const preloads: string[] = [];
  const withoutEntry = html.replace(ENTRY_SCRIPT, (_tag, src: string) => {
    files.push(src);
    return '';
  });
  if (files.length === 0) return html;
  if (files.length > 1)
    throw new Error(`The app shell has ${files.length} entry scripts; expected one.`);
  const withoutPreloads = withoutEntry.replace(MODULE_PRELOAD, (_tag, href: string) => {
    preloads.push(href);
    return '';
  });
  const meta = `<meta name="broadsheet-app" content="${escapeHtml([...files, ...preloads].join(' '))}" />`;
  return withoutPreloads.replace(/\s*<\/head>/i, `\n    ${meta}\n  </head>`);
}

/**
 * Split the built `index.html` around its `<title>` (and the value of `<html lang>`) so each page
 * costs one string join.
 */
export function parseShell(html: string): Shell {
  const plain = parseShellParts(html);
  const deferred = parseShellParts(deferAppStart(html));
  return {
    render: (head, lang, body) =>
      body ? deferred.render(head, lang, body) : plain.render(head, lang, body),
  };
}

function parseShellParts(html: string): Shell {
  const withoutDescription = html.replace(/\s*<meta name="description"[^>]*>/i, '');
  const match = /<title>[\s\S]*?<\/title>/i.exec(withoutDescription);
  if (!match) throw new Error('The app shell has no <title> to replace.');
  const before = withoutDescription.slice(0, match.index);
  const rest = withoutDescription.slice(match.index + match[0].length);
  const withBody = (body: PageBody | undefined) => {
    if (!body) return rest;
    if (!rest.includes(ROOT))
      throw new Error(
        `index.html has no empty ${ROOT}: pages were written into this build already; run vite build first.`,
      );
    return rest.replace(ROOT, () => renderRoot(body));
  };
  const mark = (text: string, body: PageBody | undefined) =>
    body ? text.replace(/<html\b/i, `$&${renderPageMarks(body)}`) : text;
  const langMatch = /(<html\b[^>]*\blang=")([^"]*)(")/i.exec(before);
  if (!langMatch)
    return { render: (head, _lang, body) => `${mark(before, body)}${head}${withBody(body)}` };
  const start = langMatch.index + (langMatch[1]?.length ?? 0);
  const head1 = before.slice(0, start);
  const head2 = before.slice(start + (langMatch[2]?.length ?? 0));
  const shellLang = langMatch[2] ?? '';
  return {
    render: (head, lang = shellLang, body) =>
      `${mark(head1, body)}${escapeHtml(lang)}${head2}${head}${withBody(body)}`,
  };
}
