/**
 * Rendering a post body and deriving what lists and search need from it. One markdown-it
 * instance serves every post: building one is far more expensive than rendering a short post.
 */
import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import markdownItAnchor from 'markdown-it-anchor';
import markdownItAttrs from 'markdown-it-attrs';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';
import { highlightCode } from './read-highlight';
import { getGfmId, getKramdownId, prepareKramdown, renderToc, TOC_PLACEHOLDER, addKramdownTypography } from './read-kramdown';
import { restoreKeptHtml, type KeptHtml } from './read-liquid';

/** Plugins that ship no types of their own; both take the instance and add rules to it. */
const requirePlugin = createRequire(import.meta.url) as (name: string) => (markdown: InstanceType<typeof MarkdownIt>) => void;
const markdownItDeflist = requirePlugin('markdown-it-deflist');
const markdownItFootnote = requirePlugin('markdown-it-footnote');

/**
 * Raw HTML passes through (the archive's bodies are mostly HTML; the app sanitizes it). The
 * plugins give markdown-it what kramdown, Jekyll's Markdown, has: attribute lists, definition
 * lists, footnotes, emphasis next to CJK punctuation, heading ids as kramdown makes them, smart
 * quotes and kramdown's dashes (read-kramdown.ts).
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: true })
  // kramdown's `{: …}` only: a plain `{…}` at a line's end is text (or Liquid shown as code).
  .use(markdownItAttrs, { leftDelimiter: '{:', rightDelimiter: '}', allowedAttributes: ['id', 'class', 'lang', 'dir', 'title'] })
  .use(markdownItDeflist)
  .use(markdownItFootnote)
  .use(markdownItCjkFriendly)
  .use(markdownItAnchor, { level: [1, 2, 3, 4, 5, 6], slugify: (text: string) => headingId(text), uniqueSlugStartIndex: 1 });
addKramdownTypography(markdown);

/** Which of kramdown's two id rules the site's `kramdown.input` asks for (set per render). */
let headingId: (text: string) => string = getGfmId;

/** The heading id rule of a site's config: `kramdown.input: kramdown` or Jekyll's default GFM. */
export function getHeadingIdRule(siteConfig: Record<string, unknown> | undefined): 'gfm' | 'kramdown' {
  const kramdown = siteConfig?.kramdown;
  const input = typeof kramdown === 'object' && kramdown !== null ? (kramdown as Record<string, unknown>).input : undefined;
  return typeof input === 'string' && input.toLowerCase() === 'kramdown' ? 'kramdown' : 'gfm';
}
markdown.renderer.rules.fence = (tokens, index) => {
  const token = tokens[index];
  const lang = (token?.info ?? '').trim().split(/\s+/)[0] ?? '';
  const code = (token?.content ?? '').replace(/\n$/, '');
  if (lang === '') return `<pre><code>${markdown.utils.escapeHtml(code)}\n</code></pre>\n`;
  return `<div class="language-${markdown.utils.escapeHtml(lang)} highlighter-rouge"><div class="highlight"><pre class="highlight"><code>${highlightCode(code, lang)}\n</code></pre></div></div>\n`;
};

// Footnotes as kramdown writes them: ids named by the label (`fn:note`, `fnref:note`, a second
// reference `fnref:note:1`), marks `1`, not `[1]`, and a plain `↩` back-link, so a link to
// `#fn:note` from another page or an old bookmark still lands. An inline note has no label.
type FootnoteMeta = { id: number; subId?: number; label?: string };
const footnoteMeta = (tokens: Token[], index: number) => (tokens[index]?.meta ?? { id: 0 }) as FootnoteMeta;
const footnoteName = (meta: FootnoteMeta) => markdown.utils.escapeHtml(meta.label ?? String(meta.id + 1));
const refName = (meta: FootnoteMeta) => footnoteName(meta) + (meta.subId ? `:${meta.subId}` : '');
markdown.renderer.rules.footnote_ref = (tokens, index) => {
  const meta = footnoteMeta(tokens, index);
  return `<sup id="fnref:${refName(meta)}" role="doc-noteref"><a href="#fn:${footnoteName(meta)}" class="footnote" rel="footnote">${meta.id + 1}</a></sup>`;
};
markdown.renderer.rules.footnote_block_open = () => '<div class="footnotes" role="doc-endnotes">\n<ol>\n';
markdown.renderer.rules.footnote_block_close = () => '</ol>\n</div>\n';
markdown.renderer.rules.footnote_open = (tokens, index) =>
  `<li id="fn:${footnoteName(footnoteMeta(tokens, index))}" role="doc-endnote">`;
markdown.renderer.rules.footnote_anchor = (tokens, index) => {
  const meta = footnoteMeta(tokens, index);
  const mark = meta.subId ? `<sup>${meta.subId + 1}</sup>` : '';
  return ` <a href="#fnref:${refName(meta)}" class="reversefootnote" role="doc-backlink">\u21a9${mark}</a>`;
};

/** Fills the `{:toc}` placeholders with the table of contents of the headings. */
function fillToc(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type === 'html_block' && token.content.includes(TOC_PLACEHOLDER)) {
      token.content = `${renderToc(tokens)}\n`;
    }
  }
}

/** Characters of plain text in an excerpt, before the ellipsis. */
export const EXCERPT_LENGTH = 140;

export type RenderedBody = {
  html: string;
  text: string;
  excerpt: string;
  chars: number;
  source: string | null;
};

// Tags that separate words; every other tag (span, a, strong...) joins its neighbours, which
// matters for CJK text where a space would split a word.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'ul', 'video', 'audio', 'iframe', 'caption',
]);
// Their content is not text a reader sees.
const SKIPPED_CONTENT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/** Decodes character references; backslashes are doubled first so they survive as written. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return markdown.utils.unescapeAll(text.replaceAll('\\', '\\\\'));
}

const TAG_START = /<\/?([a-zA-Z][a-zA-Z0-9-]*)/y;

/** Plain text of an HTML fragment: tags out, entities decoded, whitespace collapsed. Linear time. */
export function getPlainText(html: string): string {
  const lower = html.toLowerCase();
  let text = '';
  let position = 0;
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open === -1) {
      text += html.slice(position);
      break;
    }
    text += html.slice(position, open);
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      position = close === -1 ? html.length : close + 3;
      continue;
    }
    TAG_START.lastIndex = open;
    const tag = TAG_START.exec(html);
    if (!tag) {
      // A lone `<` is text.
      text += '<';
      position = open + 1;
      continue;
    }
    const end = html.indexOf('>', open);
    if (end === -1) break;
    const name = (tag[1] ?? '').toLowerCase();
    position = end + 1;
    if (BLOCK_TAGS.has(name)) text += ' ';
    if (SKIPPED_CONTENT_TAGS.has(name) && html[open + 1] !== '/') {
      const close = lower.indexOf(`</${name}`, position);
      const closeEnd = close === -1 ? -1 : html.indexOf('>', close);
      position = closeEnd === -1 ? html.length : closeEnd + 1;
    }
  }
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** Non-space characters; one per code point, so a CJK character counts as one. */
export function countChars(text: string): number {
  const compact = text.replace(/\s+/g, '');
  const pairs = compact.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
  return compact.length - (pairs ? pairs.length : 0);
}

/** The first `EXCERPT_LENGTH` characters, cut at a space when the text has spaces near the end. */
export function getExcerpt(text: string): string {
  // Code points, not UTF-16 units; two units per point at most, so this slice is enough.
  const chars = Array.from(text.slice(0, EXCERPT_LENGTH * 2 + 2));
  if (chars.length <= EXCERPT_LENGTH) return text;
  let cut = chars.slice(0, EXCERPT_LENGTH).join('');
  const space = cut.lastIndexOf(' ');
  if (space > EXCERPT_LENGTH * 0.6 && chars[EXCERPT_LENGTH] !== ' ') cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

function isWebAddress(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

/** The last `<http…>` autolink: the archive's posts end with the original story's address. */
function findSourceLink(tokens: Token[]): string | null {
  let source: string | null = null;
  for (const token of tokens) {
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        const href = child.attrGet('href');
        if (child.type === 'link_open' && child.markup === 'autolink' && typeof href === 'string' && isWebAddress(href)) {
          source = href;
        }
      }
    } else if (token.type === 'html_block') {
      // An address line glued to an HTML block is part of that block, not an autolink.
      source = findSourceLine(token.content) ?? source;
    }
  }
  return source;
}

/** The last line that is only `<http…>`. */
function findSourceLine(html: string): string | null {
  let source: string | null = null;
  for (const match of html.matchAll(/^<(https?:\/\/[^\s<>]+)>[ \t]*$/gim)) source = match[1] ?? source;
  return source;
}

/** The text of a leading `> ` digest, if the body starts with one. */
function findDigest(tokens: Token[]): string | null {
  if (tokens[0]?.type !== 'blockquote_open') return null;
  let depth = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const type = tokens[index]?.type;
    if (type === 'blockquote_open') depth += 1;
    if (type === 'blockquote_close') depth -= 1;
    if (depth === 0) {
      const html = markdown.renderer.render(tokens.slice(1, index), markdown.options, {});
      const text = getPlainText(html);
      return text === '' ? null : text;
    }
  }
  return null;
}

/** Renders a Markdown body (raw HTML allowed) and derives its text, excerpt, length and source. */
export function renderMarkdown(
  body: string,
  kept: KeptHtml = [],
  ids: 'gfm' | 'kramdown' = 'gfm',
): RenderedBody {
  headingId = ids === 'kramdown' ? getKramdownId : getGfmId;
  const tokens = markdown.parse(prepareKramdown(body), {});
  fillToc(tokens);
  const html = restoreKeptHtml(markdown.renderer.render(tokens, markdown.options, {}), kept);
  const prose = dropLinkOnlyParagraphs(tokens);
  const proseHtml =
    prose.length === tokens.length ? html : restoreKeptHtml(markdown.renderer.render(prose, markdown.options, {}), kept);
  const text = getPlainText(proseHtml);
  const digest = findDigest(tokens);
  return {
    html,
    text,
    excerpt: getExcerpt(digest ?? text),
    chars: countChars(text),
    source: findSourceLink(tokens),
  };
}

/** True for an inline run made only of links and separators (`<http…>`, `[返回](…)｜[首页](…)`). */
function isLinksOnly(inline: Token): boolean {
  let links = 0;
  let depth = 0;
  for (const child of inline.children ?? []) {
    if (child.type === 'link_open') {
      depth += 1;
      links += 1;
    } else if (child.type === 'link_close') {
      depth -= 1;
    } else if (depth === 0 && !(child.type === 'text' && /^[\s|｜·•/,，、-]*$/.test(child.content))) {
      if (child.type !== 'softbreak' && child.type !== 'hardbreak') return false;
    }
  }
  return links > 0;
}

/**
 * The body without its paragraphs of bare links: the source address and the back-link footer
 * are navigation, not text to search or to count for the reading length.
 */
function dropLinkOnlyParagraphs(tokens: Token[]): Token[] {
  const kept: Token[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const open = tokens[index];
    const inline = tokens[index + 1];
    const close = tokens[index + 2];
    if (
      open?.type === 'paragraph_open' &&
      inline?.type === 'inline' &&
      close?.type === 'paragraph_close' &&
      isLinksOnly(inline)
    ) {
      index += 2;
      continue;
    }
    if (open) kept.push(open);
  }
  return kept;
}

/** The same for a body that is HTML already (`.html` posts and other files Jekyll copies as they are). */
export function renderHtml(body: string): RenderedBody {
  const text = getPlainText(body);
  return { html: body, text, excerpt: getExcerpt(text), chars: countChars(text), source: findSourceLine(body) };
}
