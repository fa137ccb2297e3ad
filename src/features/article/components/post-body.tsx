import { useMemo, type MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router-dom';
import { APP_LINK_ATTRIBUTE, sanitizePostHtml, type SanitizeContext } from '../sanitize-post-html';

export type PostBodyProps = {
  /** The post's untrusted HTML, exactly as stored in the bundle. */
  html: string;
  context: Omit<SanitizeContext, 'toHref'>;
};

/**
 * The one component that puts post HTML into the page, always through the sanitizer. Links back
 * into the archive are routed here without a page load; others open in a new tab.
 */
export function PostBody({ html, context }: PostBodyProps) {
  const navigate = useNavigate();
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
      className="post-body"
      onClick={handleClick}
      dangerouslySetInnerHTML={{ __html: safeHtml }}
    />
  );
}
