import { useMessages } from '../../../lib/i18n';
import { getSiteFileUrl } from '../../../lib/data-base';
import { useIsHydrated } from '../../../lib/hydration';

/** The attribute the page writer puts on a pre-rendered page's own feed link (scripts/pages/render-head.ts). */
const PAGE_FEED_SELECTOR = 'link[rel="alternate"][data-page-feed]';

/**
 * A pre-rendered page's head names its own feed for crawlers and feed readers; once the app runs,
 * the view shown renders its own (below), so the static one must not outlive a navigation. Called
 * before the first render: hydration would otherwise adopt the static link as the view's own.
 */
export function dropPrerenderedFeedLinks(): void {
  for (const link of document.querySelectorAll(PAGE_FEED_SELECTOR)) link.remove();
}

export type FeedLinkProps = {
  /** App path of the feed file (`paths.categoryFeed(slug)`, `paths.feed()`). */
  path: string;
  /** The feed's own title. */
  title: string;
  /** Name of the list, for the link's accessible name. */
  listName: string;
  /**
   * Also advertise it in the document head. Not for the site feed, which the app shell's head
   * names on every page already.
   */
  inHead?: boolean;
};

/** A list's Atom feed: a visible link, and `<link rel="alternate">` in the head while the list is shown. */
export function FeedLink({ path, title, listName, inHead = false }: FeedLinkProps) {
  const { t } = useMessages();
  const href = getSiteFileUrl(path);
  // Rendered to a string at build time a <link> stays where it stands, in the body; the page's
  // head has its own. In the browser React puts it into the head, and takes it out with the view.
  const hydrated = useIsHydrated();
  return (
    <>
      {inHead && hydrated ? (
        <link rel="alternate" type="application/atom+xml" title={title} href={href} />
      ) : null}
      <a
        href={href}
        type="application/atom+xml"
        aria-label={t.feedLinkLabel(listName)}
        className="btn-secondary min-h-8 gap-1.5 px-2.5 text-[0.8125rem]"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-current">
          <circle cx="3" cy="13" r="2" />
          <path d="M1 6.5v2.2A6.3 6.3 0 0 1 7.3 15h2.2A8.5 8.5 0 0 0 1 6.5Z" />
          <path d="M1 1.5v2.2A11.3 11.3 0 0 1 12.3 15h2.2A13.5 13.5 0 0 0 1 1.5Z" />
        </svg>
        <span className="max-sm:sr-only">{t.feedLink}</span>
      </a>
    </>
  );
}
