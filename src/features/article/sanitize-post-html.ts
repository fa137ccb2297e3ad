import DOMPurify from 'dompurify';
import { paths, readCategorySegment } from '../../shared/paths';
import {
  HIDDEN_MARK,
  ID_PREFIX,
  POST_CLASS,
  SAFE_DATA_IMAGE,
  isHiddenByAuthor,
  purifyOptions,
  removeTrailingFooter,
  type AttributeReader,
} from '../../shared/post-html-policy';
import { trustedTypesPolicies } from '../../shared/content-security-policy';

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
  /** The app's own origin; an in-app link must resolve to it. Default: the page's. */
  appOrigin?: string;
};

/** Marks links that the body component routes with the router instead of a page load. */
export const APP_LINK_ATTRIBUTE = 'data-app-href';

/** The Trusted Types policy DOMPurify parses and signs with; CSP `trusted-types` names it (decision 011). */
export const POST_HTML_POLICY = trustedTypesPolicies.postHtml;

/** Attributes the rewriting adds after the allowlist pass; the second pass keeps exactly these too. */
const REWRITE_ATTR = [APP_LINK_ATTRIBUTE, 'target', 'rel', 'loading', 'decoding', 'referrerpolicy'];

/** A policy-created value of the browser's own Trusted Types, or the plain string where there are none. */
export type PostHtml = TrustedHTML | string;

type Purifier = ReturnType<typeof DOMPurify>;

let purifier: Purifier | null = null;
let policy: TrustedTypePolicy | null | undefined;

/**
 * DOMPurify hands raw post HTML to the parser of an inert document and signs its own serialized
 * output; both need TrustedHTML under `require-trusted-types-for 'script'`. The policy lives only
 * in this module, and nothing but DOMPurify calls it. No script or script URL is ever minted.
 */
function getPolicy(): TrustedTypePolicy | null {
  if (policy !== undefined) return policy;
  const factory = typeof window.trustedTypes === 'object' ? window.trustedTypes : null;
  policy = factory
    ? factory.createPolicy(POST_HTML_POLICY, {
        createHTML: (html: string) => html,
        createScript: () => {
          throw new TypeError('Post HTML never carries scripts.');
        },
        createScriptURL: () => {
          throw new TypeError('Post HTML never loads scripts.');
        },
      })
    : null;
  return policy ?? null;
}

function getPurifier(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  // Hidden elements must stay hidden, but the style attribute that hides them is dropped, so mark
  // them before attributes are filtered and remove them afterwards.
  purifier.addHook('beforeSanitizeAttributes', (node) => {
    if (node instanceof Element && isHiddenByAuthor(node)) node.setAttribute(HIDDEN_MARK, '');
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

/** An address of the old site, by its origin: one of its hosts, on the scheme's default port. */
function isArchiveAddress(url: URL, base: SiteBase): boolean {
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.port === '' &&
    base.hosts.has(url.hostname.toLowerCase())
  );
}

/**
 * True when an href, resolved as the browser will resolve it, stays on the app's origin. The path
 * is checked too: `//host` and `/\host` are other hosts to a browser and to the router.
 */
function isAppHref(href: string, appOrigin: string): boolean {
  if (!href.startsWith('/') || /^\/[/\\]/.test(href)) return false;
  try {
    return new URL(href, appOrigin).origin === appOrigin;
  } catch {
    return false;
  }
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
    // The URL parser, not a pattern, decides where a link goes: it treats `\` as `/`, drops `.`
    // segments and tabs, and finds the host exactly as the browser will.
    url = new URL(href, postBase);
  } catch {
    link.removeAttribute('href');
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  if (isArchiveAddress(url, base)) {
    // `http://archive//evil.example/x` and `/.//evil.example/` keep an empty first segment, which
    // would read as a host once the address becomes a bare path; one slash is what the old site meant.
    let pathname = url.pathname.replace(/\/{2,}/g, '/');
    if (base.path && (pathname === base.path || pathname.startsWith(`${base.path}/`))) {
      pathname = pathname.slice(base.path.length) || '/';
    }
    const appPath = getAppPath(pathname, url.hash, categories);
    const appHref = context.toHref ? context.toHref(appPath) : appPath;
    if (
      isAppHref(appPath, context.appOrigin ?? window.location.origin) &&
      isAppHref(appHref, context.appOrigin ?? window.location.origin)
    ) {
      link.setAttribute(APP_LINK_ATTRIBUTE, appPath);
      link.setAttribute('href', appHref);
      return;
    }
  }
  // Off-site: the resolved address, so what was judged is what is followed, in a new tab that
  // cannot reach back to this one.
  link.setAttribute('href', url.href);
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

/** Off-site hrefs are rewritten to their resolved form, so compare addresses, not spellings. */
function isSameAddress(href: string | null | undefined, source: string): boolean {
  if (href == null) return false;
  if (href === source) return true;
  try {
    return new URL(href).href === new URL(source).href;
  } catch {
    return false;
  }
}

/** The old site's navigation: links back into the archive, or the lone source link the article shows. */
function isFooterLinks(
  links: readonly AttributeReader[],
  source: string | null | undefined,
): boolean {
  const isSource =
    links.length === 1 && source != null && isSameAddress(links[0]?.getAttribute('href'), source);
  return isSource || links.every((link) => link.hasAttribute(APP_LINK_ATTRIBUTE));
}

/**
 * Sanitize one post body; the result is safe to put into the page as HTML. Under Trusted Types it
 * is TrustedHTML signed by DOMPurify itself: after rewriting, the fragment goes through DOMPurify
 * once more with the same allowlist plus the attributes the rewriting adds, so nothing the rewriting
 * did (or a bug in it) can reach the page unchecked.
 */
export function sanitizePostHtml(html: string, context: SanitizeContext): PostHtml {
  const trustedTypesPolicy = getPolicy();
  // A post that opens with `<frameset>` replaces the parsed body, and DOMPurify returns null
  // despite its types; an empty body beats an article view that fails to render.
  const purified: DocumentFragment | null = getPurifier().sanitize(html, {
    ...purifyOptions,
    TRUSTED_TYPES_POLICY: trustedTypesPolicy,
    RETURN_DOM_FRAGMENT: true,
  });
  const fragment = purified ?? document.createDocumentFragment();

  for (const hidden of fragment.querySelectorAll(`[${HIDDEN_MARK}]`)) hidden.remove();

  const base = getSiteBase(context);
  const postBase = new URL(`${base.path}${context.postUrl}`, base.origin);
  const categories = new Set(context.categories);
  for (const link of fragment.querySelectorAll('a')) {
    const href = link.getAttribute('href');
    // An in-page link follows the prefixed id of its target (heading, footnote, contents).
    if (href?.startsWith('#') && href.length > 1)
      link.setAttribute('href', `#${ID_PREFIX}${href.slice(1)}`);
    else rewriteLink(link, base, postBase, context, categories);
  }
  for (const image of fragment.querySelectorAll('img')) if (!prepareImage(image)) image.remove();

  for (const element of fragment.querySelectorAll('[class]')) {
    const isSourceLine = element.tagName === 'P' && element.classList.contains('em_media');
    if (element.tagName === 'IMG') continue;
    if (isSourceLine) {
      element.setAttribute('class', 'post-media-source');
      continue;
    }
    const kept = [...element.classList].filter((name) => POST_CLASS.test(name));
    if (kept.length > 0) element.setAttribute('class', kept.join(' '));
    else element.removeAttribute('class');
  }
  for (const center of fragment.querySelectorAll('center')) {
    const block = center.ownerDocument.createElement('div');
    block.setAttribute('class', 'post-center');
    block.append(...center.childNodes);
    center.replaceWith(block);
  }

  removeTrailingFooter(fragment, (links) => isFooterLinks(links, context.source));

  const container = fragment.ownerDocument.createElement('div');
  container.append(fragment);
  const options = {
    ...purifyOptions,
    ALLOWED_ATTR: [...purifyOptions.ALLOWED_ATTR, ...REWRITE_ATTR],
    TRUSTED_TYPES_POLICY: trustedTypesPolicy,
  };
  // The container element itself is not part of the result: DOMPurify returns its inner HTML.
  return trustedTypesPolicy
    ? getPurifier().sanitize(container, { ...options, RETURN_TRUSTED_TYPE: true })
    : getPurifier().sanitize(container, options);
}
