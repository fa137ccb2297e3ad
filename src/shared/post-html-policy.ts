/**
 * The sanitizer policy for post bodies, shared by the app (DOMPurify on the page) and the page
 * writer (DOMPurify on jsdom, for the HTML embedded in feeds), so one allowlist decides what any
 * reader sees. Data only, plus a test on an element's attributes: no DOM types, so both the app
 * and the Node build can compile it. See docs/decisions/004-sanitizer-policy.md and 011.
 */

/** Set before attributes are filtered on elements the author hid; they are removed afterwards. */
export const HIDDEN_MARK = 'data-bs-hidden';

/** Text structure only; everything else (script, style, svg, math, forms, frames, media…) goes. */
export const ALLOWED_TAGS: readonly string[] = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
];

/**
 * No `name`, no `style`, no `srcset`. `id` only with DOMPurify's named-property prefix
 * (`SANITIZE_NAMED_PROPS`: `id="x"` becomes `id="user-content-x"`), so no id can shadow a
 * property of `document` or `window` (DOM clobbering); in-page `#x` links are rewritten to match.
 * `class` only for the tokens `POST_CLASS` allows.
 */
export const ALLOWED_ATTR: readonly string[] = [
  'id',
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'class',
  'colspan',
  'rowspan',
  'datetime',
  'cite',
  'lang',
  'dir',
  'start',
  'reversed',
  'open',
  'scope',
  'abbr',
  HIDDEN_MARK,
];

/** DOMPurify's prefix for kept ids; an in-page link `#x` must point at `#user-content-x`. */
export const ID_PREFIX = 'user-content-';

/**
 * The class tokens a post keeps: the build's syntax colouring (`hljs-*` and its scope suffixes
 * such as `function_`), code block and footnote markup, and the old source line. None of them
 * is a utility class of the app, so a post cannot borrow the app's styling.
 */
export const POST_CLASS =
  /^(?:hljs(?:-[a-z_]+)?|[a-z]+_|language-[\w+#.-]+|highlight|highlighter-rouge|rouge-table|gutter|gl|lineno|code|footnotes?|footnotes-(?:sep|list)|footnote-(?:ref|item|backref)|reversefootnote)$/;

/** http(s), mailto and tel, or no scheme at all (relative links). Everything else loses its URL. */
export const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** The only `data:` URLs kept, and only on `img src`. */
export const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;

/** DOMPurify's options for the first (allowlist) pass; callers add how they want the result back. */
export const purifyOptions = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTR],
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_NAMED_PROPS: true,
};

/** Inline styles that hide an element; the style attribute itself never survives. */
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/** The part of an element the hidden test reads (structural, so Node code can pass jsdom's). */
export type AttributeReader = {
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
};

export function isHiddenByAuthor(element: AttributeReader): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style.replace(/\/\*[\s\S]*?\*\//g, ''));
}

/** What footer removal reads of a node: the page's DOM and jsdom's both fit. */
export type PostNode = { nodeType: number; textContent: string | null; remove(): void };
type PostElement = PostNode & {
  tagName: string;
  childNodes: Iterable<PostNode>;
  querySelectorAll(selector: string): Iterable<AttributeReader>;
};
/** A parsed body (a fragment or a container element). */
export type PostRoot = { lastChild: PostNode | null };

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function asElement(node: PostNode): PostElement | null {
  return node.nodeType === ELEMENT_NODE && 'tagName' in node ? (node as PostElement) : null;
}

/** What may stand between the links of a footer: spaces and separators (`｜`, `·`, `/`, `、`…). */
const FOOTER_SEPARATORS = /^[\s|｜·•/\\\-–—、,，]*$/u;

/**
 * Whether a block is a paragraph made only of links (and separators, line breaks) that
 * `isFooterLinks` accepts: the archive's back-link footer ("返回…｜返回首页"), which names the
 * old site's navigation, not the story.
 */
export function isFooterParagraph(
  node: PostNode,
  isFooterLinks: (links: readonly AttributeReader[]) => boolean,
): boolean {
  const element = asElement(node);
  if (!element || !['P', 'DIV'].includes(element.tagName.toUpperCase())) return false;
  const links = [...element.querySelectorAll('a')];
  if (links.length === 0) return false;
  let rest = '';
  for (const child of element.childNodes) {
    if (child.nodeType === TEXT_NODE) rest += child.textContent ?? '';
    else {
      const tag = asElement(child)?.tagName.toUpperCase();
      if (tag !== 'A' && tag !== 'BR') return false;
    }
  }
  return FOOTER_SEPARATORS.test(rest) && isFooterLinks(links);
}

/** Drop the trailing footer paragraphs of a body, with the rules and breaks before them. */
export function removeTrailingFooter(
  root: PostRoot,
  isFooterLinks: (links: readonly AttributeReader[]) => boolean,
): void {
  for (;;) {
    let last = root.lastChild;
    while (last && last.nodeType === TEXT_NODE && (last.textContent ?? '').trim() === '') {
      last.remove();
      last = root.lastChild;
    }
    const element = last ? asElement(last) : null;
    if (!element) return;
    const tag = element.tagName.toUpperCase();
    if (tag === 'HR' || tag === 'BR' || isFooterParagraph(element, isFooterLinks)) element.remove();
    else return;
  }
}
