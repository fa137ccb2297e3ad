/**
 * The `<head>` of a pre-rendered page: the shell's own head with the page's title, description,
 * canonical address, Open Graph tags and JSON-LD. Every value here comes from post front matter,
 * which is hostile input, so each one is escaped for the context it lands in.
 */

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

export type Shell = {
  /** Render the shell with a page's head in place of the shell's title, in the page's language. */
  render: (head: string, lang?: string) => string;
};

/**
 * Split the built `index.html` around its `<title>` (and the value of `<html lang>`) so each page
 * costs one string join.
 */
export function parseShell(html: string): Shell {
  const withoutDescription = html.replace(/\s*<meta name="description"[^>]*>/i, '');
  const match = /<title>[\s\S]*?<\/title>/i.exec(withoutDescription);
  if (!match) throw new Error('The app shell has no <title> to replace.');
  const before = withoutDescription.slice(0, match.index);
  const after = withoutDescription.slice(match.index + match[0].length);
  const langMatch = /(<html\b[^>]*\blang=")([^"]*)(")/i.exec(before);
  if (!langMatch) return { render: (head) => `${before}${head}${after}` };
  const start = langMatch.index + (langMatch[1]?.length ?? 0);
  const head1 = before.slice(0, start);
  const head2 = before.slice(start + (langMatch[2]?.length ?? 0));
  const shellLang = langMatch[2] ?? '';
  return {
    render: (head, lang = shellLang) => `${head1}${escapeHtml(lang)}${head2}${head}${after}`,
  };
}
