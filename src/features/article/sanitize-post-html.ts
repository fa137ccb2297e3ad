import DOMPurify from 'dompurify';
import { paths, readCategorySegment } from '../../shared/paths';

/**
 * Post bodies are untrusted HTML scraped from elsewhere. This is the only way they reach the page:
 * an allowlist DOMPurify pass, then rewriting for the reader (in-app links, lazy images, the old
 * back-link footer dropped). See docs/decisions/004-sanitizer-policy.md.
 */

/** What the rewriting needs to know about the post and the site. */
export type SanitizeContext = {
  /** The post's permalink, which relative links in its body are resolved against. */
  postUrl: string;
  /** `site.url` from the manifest (may be empty). */
  siteUrl: string;
  /** Old host names of the archive; links to them become in-app links. */
  hosts: readonly string[];
  /** Category slugs, to route old `/<slug>/` index pages. */
  categories: readonly string[];
  /** The story's source link: a trailing paragraph holding only it is dropped (the article shows it). */
  source?: string | null;
  /** Turns an app path into an href (prepends the router's basename). */
  toHref?: (path: string) => string;
};

/** Marks links that the body component routes with the router instead of a page load. */
export const APP_LINK_ATTRIBUTE = 'data-app-href';
const HIDDEN_MARK = 'data-bs-hidden';

const ALLOWED_TAGS = [
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

/** No `id`/`name` (DOM clobbering), no `style`, no `srcset`; `class` only to spot `em_media`, then dropped. */
const ALLOWED_ATTR = [
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

/** http(s), mailto and tel, or no scheme at all (relative links). Everything else loses its URL. */
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;

/** Inline styles that hide an element; the style attribute itself never survives. */
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

function isHiddenByAuthor(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style.replace(/\/\*[\s\S]*?\*\//g, ''));
}

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  // Hidden elements must stay hidden, but the style attribute that hides them is dropped, so mark
  // them before attributes are filtered and remove them afterwards.
  purifier.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeType === 1 && isHiddenByAuthor(node as Element))
      (node as Element).setAttribute(HIDDEN_MARK, '');
  });
  return purifier;
}

type SiteBase = { origin: string; path: string; hosts: Set<string> };

function getSiteBase(context: SanitizeContext): SiteBase {
  const hosts = new Set(context.hosts.map((host) => host.toLowerCase()));
  let origin = 'https://archive.invalid';
  let path = '';
  if (context.siteUrl) {
    try {
      const url = new URL(context.siteUrl);
      origin = url.origin;
      path = url.pathname.replace(/\/+$/, '');
    } catch {
      // A malformed site URL only means absolute links to it stay external.
    }
  }
  hosts.add(new URL(origin).hostname.toLowerCase());
  return { origin, path, hosts };
}

/** The app path an address of the old site stands for: category pages and indexes, home, or the path itself. */
function getAppPath(pathname: string, hash: string, categories: ReadonlySet<string>): string {
  const segments = pathname.split('/').filter((segment) => segment !== '');
  // `/category/x.html` at the root, or a relative `category/x.html` resolved below the post's folder.
  const categoryPage = pathname.match(/^(.*)\/category\/([^/]+?)(?:\.html)?\/?$/);
  if (categoryPage?.[2]) {
    const slug = readCategorySegment(categoryPage[2]);
    if (categoryPage[1] === '' || categories.has(slug)) return paths.category(slug);
  }
  if (segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html'))
    return paths.home();
  const last =
    segments[segments.length - 1] === 'index.html'
      ? segments[segments.length - 2]
      : segments[segments.length - 1];
  const isIndex = pathname.endsWith('/') || pathname.endsWith('/index.html');
  // Old relative back-links (`../emnews/`) resolve to odd depths; their last segment still names the category.
  const lastSlug = last ? readCategorySegment(last) : '';
  if (lastSlug && (isIndex || segments.length === 1) && categories.has(lastSlug)) {
    return paths.category(lastSlug);
  }
  return `${pathname}${hash}`;
}

function rewriteLink(
  link: HTMLAnchorElement,
  base: SiteBase,
  postBase: URL,
  context: SanitizeContext,
  categories: ReadonlySet<string>,
): void {
  const href = link.getAttribute('href');
  if (href === null) return;
  let url: URL;
  try {
    url = new URL(href, postBase);
  } catch {
    link.removeAttribute('href');
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  if (base.hosts.has(url.hostname.toLowerCase())) {
    let pathname = url.pathname;
    if (base.path && (pathname === base.path || pathname.startsWith(`${base.path}/`))) {
      pathname = pathname.slice(base.path.length) || '/';
    }
    const appPath = getAppPath(pathname, url.hash, categories);
    link.setAttribute(APP_LINK_ATTRIBUTE, appPath);
    link.setAttribute('href', context.toHref ? context.toHref(appPath) : appPath);
    return;
  }
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
}

function prepareImage(image: HTMLImageElement): boolean {
  const src = image.getAttribute('src')?.trim() ?? '';
  if (src === '' || (/^data:/i.test(src) && !SAFE_DATA_IMAGE.test(src))) return false;
  image.setAttribute('loading', 'lazy');
  image.setAttribute('decoding', 'async');
  image.setAttribute('referrerpolicy', 'no-referrer');
  for (const dimension of ['width', 'height']) {
    const value = image.getAttribute(dimension);
    if (value !== null && !/^\d{1,5}$/.test(value.trim())) image.removeAttribute(dimension);
  }
  image.setAttribute(
    'class',
    image.hasAttribute('width') && image.hasAttribute('height')
      ? 'post-img'
      : 'post-img post-img-unsized',
  );
  return true;
}

const SEPARATORS = /^[\s|｜·•/\\\-–—、,，]*$/u;

/** A paragraph made only of links back into the archive (and separators): the old site's navigation. */
function isBackLinkParagraph(element: Element, source: string | null | undefined): boolean {
  if (!['P', 'DIV'].includes(element.tagName)) return false;
  const links = [...element.querySelectorAll('a')];
  if (links.length === 0) return false;
  let rest = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3) rest += node.textContent ?? '';
    else if (
      node.nodeType === 1 &&
      (node as Element).tagName !== 'A' &&
      (node as Element).tagName !== 'BR'
    )
      return false;
  }
  if (!SEPARATORS.test(rest)) return false;
  const isSource =
    links.length === 1 && source != null && links[0]?.getAttribute('href') === source;
  return isSource || links.every((link) => link.hasAttribute(APP_LINK_ATTRIBUTE));
}

function removeTrailingFooter(root: DocumentFragment, source: string | null | undefined): void {
  for (;;) {
    let last = root.lastChild;
    while (last && last.nodeType === 3 && (last.textContent ?? '').trim() === '') {
      last.remove();
      last = root.lastChild;
    }
    if (!last || last.nodeType !== 1) return;
    const element = last as Element;
    if (
      element.tagName === 'HR' ||
      element.tagName === 'BR' ||
      isBackLinkParagraph(element, source)
    )
      element.remove();
    else return;
  }
}

/** Sanitize one post body; the result is safe to put into the page as HTML. */
export function sanitizePostHtml(html: string, context: SanitizeContext): string {
  const fragment = getPurifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_DOM_FRAGMENT: true,
  });

  for (const hidden of fragment.querySelectorAll(`[${HIDDEN_MARK}]`)) hidden.remove();

  const base = getSiteBase(context);
  const postBase = new URL(`${base.path}${context.postUrl}`, base.origin);
  const categories = new Set(context.categories);
  for (const link of fragment.querySelectorAll('a'))
    rewriteLink(link, base, postBase, context, categories);
  for (const image of fragment.querySelectorAll('img')) if (!prepareImage(image)) image.remove();

  for (const element of fragment.querySelectorAll('[class]')) {
    const isSourceLine = element.tagName === 'P' && element.classList.contains('em_media');
    if (element.tagName === 'IMG') continue;
    if (isSourceLine) element.setAttribute('class', 'post-media-source');
    else element.removeAttribute('class');
  }
  for (const center of fragment.querySelectorAll('center')) {
    const block = center.ownerDocument.createElement('div');
    block.setAttribute('class', 'post-center');
    block.append(...center.childNodes);
    center.replaceWith(block);
  }

  removeTrailingFooter(fragment, context.source);

  const container = fragment.ownerDocument.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}
