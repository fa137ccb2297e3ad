/**
 * Atom feeds shaped like jekyll-feed's (so feed readers subscribed to the old site see the same
 * entries and ids), and the sitemap. Dates come from the posts, never from the clock, so equal
 * bundles give byte-identical files.
 */
import type { Article, PostSummary, Site } from '../../src/shared/schema';
import { escapeHtml } from './render-head';
import { sanitizeFeedHtml } from './sanitize-feed-html';

/** jekyll-feed's default `feed.posts_limit`. */
export const FEED_LIMIT = 10;

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;

/** Characters XML 1.0 forbids even escaped; hostile posts may carry them. */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A CDATA section that a `]]>` inside the content cannot end early. */
function wrapCdata(value: string): string {
  return `<![CDATA[${value.replace(INVALID_XML, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/**
 * Text for an element with `type="html"`: a feed reader parses it as HTML once the XML is read,
 * so plain text (titles, excerpts) is escaped as HTML first and then as XML.
 */
function escapeAsHtml(text: string): string {
  return escapeXml(escapeHtml(text));
}

export type FeedEntry = { summary: PostSummary; article: Article | null };

export type FeedOptions = {
  site: Site;
  /** Absolute (or root-relative) address of the feed itself. */
  self: string;
  /** Address of the page the feed mirrors. */
  home: string;
  title: string;
  /** Turns a post path into an absolute (or root-relative) address. */
  toAddress: (path: string) => string;
  entries: readonly FeedEntry[];
};

export function renderFeed(options: FeedOptions): string {
  const { site } = options;
  const author = `<author><name>${escapeXml(site.title)}</name></author>`;
  const updated = options.entries[0]?.summary.date ?? '1970-01-01T00:00:00+00:00';
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.lang)}">`,
    '<generator uri="https://github.com/broadsheet">Broadsheet</generator>',
    `<link href="${escapeXml(options.self)}" rel="self" type="application/atom+xml" />`,
    `<link href="${escapeXml(options.home)}" rel="alternate" type="text/html" hreflang="${escapeXml(site.lang)}" />`,
    `<updated>${updated}</updated>`,
    `<id>${escapeXml(options.self)}</id>`,
    `<title type="html">${escapeAsHtml(options.title)}</title>`,
    site.description ? `<subtitle>${escapeXml(site.description)}</subtitle>` : '',
    author,
  ];
  const entries = options.entries.map(({ summary, article }) => {
    const link = options.toAddress(summary.url);
    // jekyll-feed's entry id is the post's address without its extension.
    const id = options.toAddress(summary.url.replace(/\.html$/, ''));
    return [
      '<entry>',
      `<title type="html">${escapeAsHtml(summary.title)}</title>`,
      `<link href="${escapeXml(link)}" rel="alternate" type="text/html" title="${escapeXml(summary.title)}" />`,
      `<published>${summary.date}</published>`,
      `<updated>${summary.date}</updated>`,
      `<id>${escapeXml(id)}</id>`,
      // Feed readers render this HTML: only the sanitized body, never the stored one.
      `<content type="html" xml:base="${escapeXml(link)}">${wrapCdata(sanitizeFeedHtml(article?.html ?? '', { postUrl: summary.url, siteUrl: site.url, hosts: site.hosts }))}</content>`,
      author,
      ...[...summary.categories, ...summary.tags].map(
        (term) => `<category term="${escapeXml(term)}" />`,
      ),
      summary.excerpt
        ? `<summary type="html">${wrapCdata(escapeHtml(summary.excerpt))}</summary>`
        : '',
      '</entry>',
    ].join('');
  });
  return `${head.join('')}${entries.join('')}</feed>\n`;
}

export type SitemapUrl = { loc: string; lastmod?: string };

/** One `sitemap.xml`, or an index of numbered files when there are more URLs than one file may hold. */
export function renderSitemaps(
  urls: readonly SitemapUrl[],
  toAddress: (path: string) => string,
): Map<string, string> {
  const renderSet = (part: readonly SitemapUrl[]) =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
      ...part.map(
        (url) =>
          `<url><loc>${escapeXml(url.loc)}</loc>${url.lastmod ? `<lastmod>${url.lastmod}</lastmod>` : ''}</url>\n`,
      ),
      '</urlset>\n',
    ].join('');
  const files = new Map<string, string>();
  if (urls.length <= SITEMAP_LIMIT) {
    files.set('sitemap.xml', renderSet(urls));
    return files;
  }
  const names: string[] = [];
  for (let start = 0; start < urls.length; start += SITEMAP_LIMIT) {
    const name = `sitemap-${names.length + 1}.xml`;
    names.push(name);
    files.set(name, renderSet(urls.slice(start, start + SITEMAP_LIMIT)));
  }
  files.set(
    'sitemap.xml',
    [
      '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
      ...names.map((name) => `<sitemap><loc>${escapeXml(toAddress(`/${name}`))}</loc></sitemap>\n`),
      '</sitemapindex>\n',
    ].join(''),
  );
  return files;
}
