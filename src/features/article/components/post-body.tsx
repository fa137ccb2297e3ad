import { useEffect, useMemo, useRef, type MouseEvent, type RefObject } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useHref, useLocation, useNavigate } from 'react-router-dom';
import { ID_PREFIX } from '../../../shared/post-html-policy';
import { APP_LINK_ATTRIBUTE, sanitizePostHtml, type SanitizeContext } from '../sanitize-post-html';

export type PostBodyProps = {
  /** The post's untrusted HTML, exactly as stored in the bundle. */
  html: string;
  context: Omit<SanitizeContext, 'toHref'>;
};

/** Marks an image that did not load, so it no longer holds a large empty box. */
export const FAILED_IMAGE_CLASS = 'post-img-failed';

/**
 * A remote image that fails or is blocked (a dead host, a hotlink guard, offline) collapses to a
 * one-line placeholder carrying its caption (the alt text), instead of an empty box of its
 * declared size. `error` does not bubble, so it is caught on the way down.
 */
function useCollapseFailedImages(root: RefObject<HTMLDivElement | null>, html: unknown) {
  const { t } = useMessages();
  const fallback = t.imageUnavailable;
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const collapse = (image: HTMLImageElement) => {
      if (image.classList.contains(FAILED_IMAGE_CLASS)) return;
      image.classList.add(FAILED_IMAGE_CLASS);
      const placeholder = document.createElement('span');
      placeholder.className = 'post-img-missing';
      placeholder.textContent = image.alt.trim() || fallback;
      image.after(placeholder);
    };
    const onError = (event: Event) => {
      if (event.target instanceof HTMLImageElement) collapse(event.target);
    };
    element.addEventListener('error', onError, true);
    // Images that failed before the listener was attached (a cached failure).
    for (const image of element.querySelectorAll('img'))
      if (image.complete && image.naturalWidth === 0 && image.currentSrc !== '') collapse(image);
    return () => element.removeEventListener('error', onError, true);
  }, [root, html, fallback]);
}

/**
 * A link into a post (`…/post.html#fn:1`, a bookmark of a heading) names the id as the author
 * wrote it; the sanitizer prefixed every id, so the browser finds no target and the body arrives
 * after the page anyway. Once the body is in, the prefixed element is scrolled into view.
 */
function useScrollToFragment(root: RefObject<HTMLDivElement | null>, html: unknown) {
  const { hash } = useLocation();
  useEffect(() => {
    if (hash.length < 2 || !root.current) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return;
    }
    const target = document.getElementById(id.startsWith(ID_PREFIX) ? id : `${ID_PREFIX}${id}`);
    if (target && root.current.contains(target)) target.scrollIntoView();
  }, [root, html, hash]);
}

/**
 * The one component that puts post HTML into the page, always through the sanitizer. Links back
 * into the archive are routed here without a page load; others open in a new tab.
 */
export function PostBody({ html, context }: PostBodyProps) {
  const navigate = useNavigate();
  const bodyRef = useRef<HTMLDivElement>(null);
  const rootHref = useHref('/');
  const basename = rootHref.replace(/\/$/, '');
  const { postUrl, siteUrl, hosts, categories, source } = context;
  const safeHtml = useMemo(
    () =>
      sanitizePostHtml(html, {
        postUrl,
        siteUrl,
        hosts,
        categories,
        source,
        toHref: (path) => `${basename}${path}`,
      }),
    [html, postUrl, siteUrl, hosts, categories, source, basename],
  );
  useCollapseFailedImages(bodyRef, safeHtml);
  useScrollToFragment(bodyRef, safeHtml);

  function handleClick(event: MouseEvent<HTMLDivElement>) {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest(`a[${APP_LINK_ATTRIBUTE}]`);
    const path = link?.getAttribute(APP_LINK_ATTRIBUTE);
    // The sanitizer only marks paths of this app; a second look costs nothing and keeps a path
    // the router would read as another host (`//x`, `/\x`) from ever reaching it.
    if (!path || !path.startsWith('/') || /^\/[/\\]/.test(path)) return;
    event.preventDefault();
    navigate(path);
  }

  return (
    // Clicks are delegated from the links inside (keyboard activation of a link fires click too).
    <div
      ref={bodyRef}
      className="post-body"
      onClick={handleClick}
      dangerouslySetInnerHTML={{ __html: safeHtml }}
    />
  );
}
