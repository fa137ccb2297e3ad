import { Suspense, useEffect, useRef } from 'react';
import {
  Link,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
} from 'react-router-dom';
import { listIds, paths } from '../shared/paths';
import { useMessages } from '../lib/i18n';
import { useManifest } from '../lib/manifest-query';
import { SearchForm } from '../components/search-form';
import { ScrollRow } from '../components/ui/scroll-row';
import { LoadingView } from '../components/ui/loading-view';
import { StorageNotice } from '../components/ui/storage-notice';
import { SettingsMenu } from '../features/settings/components/settings-menu';
import { ThemeToggle } from '../features/settings/components/theme-toggle';
import { NewPostsNotice } from '../features/offline/components/new-posts-notice';
import { UpdatePrompt } from '../features/offline/components/update-prompt';
import { OfflineIndicator } from '../features/offline/components/offline-indicator';
import { SaveOfflineButton } from '../features/offline/components/save-offline-button';
import { UnreadBadge, useCategoryUnread } from '../components/reader/unread-badge';
import { KeyboardShortcuts } from '../features/reader-state/components/keyboard-shortcuts';
import type { Category } from '../shared/schema';

/** Shows that a navigation is loading without moving anything on the page. */
function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return (
    <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-accent" />
  );
}

type NavClass = ({ isActive }: { isActive: boolean }) => string;

function CategoryNavLink({ category, className }: { category: Category; className: NavClass }) {
  const unread = useCategoryUnread(category.slug, category.count);
  return (
    <NavLink
      to={paths.category(category.slug)}
      className={className}
      aria-describedby={unread.describedBy}
    >
      {category.name}
      <UnreadBadge id={unread.id} count={unread.count} />
    </NavLink>
  );
}

function SiteHeader() {
  const { t } = useMessages();
  const manifest = useManifest();
  const location = useLocation();
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `nav-link ${isActive ? 'nav-link-active' : ''}`;
  return (
    <header className="border-b border-rule bg-paper">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 pt-3 pb-2 sm:gap-x-6 sm:gap-y-3 sm:px-6 sm:pt-4 sm:pb-3">
        <Link to={paths.home()} className="masthead mr-auto">
          {manifest.site.title || 'Broadsheet'}
        </Link>
        <div className="order-last w-full sm:order-none sm:w-72">
          <SearchForm />
        </div>
        <div className="flex items-center gap-1">
          <OfflineIndicator />
          <NavLink to={paths.saved()} className={(state) => `${navClass(state)} max-sm:px-1.5`}>
            {t.savedTitle}
          </NavLink>
          <NavLink
            to={paths.history()}
            aria-label={t.historyTitle}
            className={(state) => `${navClass(state)} max-sm:px-1.5`}
          >
            {/* A phone shows the short name, which the full one contains. */}
            <span className="sm:hidden">{t.historyShort}</span>
            <span className="max-sm:hidden">{t.historyTitle}</span>
          </NavLink>
          <ThemeToggle />
          <SettingsMenu />
        </div>
      </div>
      <nav aria-label={t.sectionsNav} className="mx-auto max-w-6xl px-4 sm:px-6">
        <ScrollRow
          activeKey={location.pathname}
          className="gap-1 border-t border-ink/80 py-1.5 text-sm"
        >
          <li>
            <NavLink to={paths.home()} end className={navClass}>
              {t.home}
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.all()} className={navClass}>
              {t.latest}
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.archive()} className={navClass}>
              {t.archive}
            </NavLink>
          </li>
          {manifest.categories.map((category) => (
            <li key={category.slug}>
              <CategoryNavLink category={category} className={navClass} />
            </li>
          ))}
        </ScrollRow>
      </nav>
    </header>
  );
}

/**
 * After a move to another page, put keyboard and screen-reader focus at the start of the new
 * content, as a full page load would. Filter and page changes (same path) keep focus where it is.
 */
function useFocusMainOnPathChange() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);
  return mainRef;
}

/** Page frame: skip link, header with the sections, the view, footer. */
export function Layout() {
  const { t } = useMessages();
  const manifest = useManifest();
  const mainRef = useFocusMainOnPathChange();
  return (
    <>
      <a href="#main" className="skip-link">
        {t.skipToContent}
      </a>
      <NavigationProgress />
      <SiteHeader />
      <UpdatePrompt />
      <StorageNotice />
      <main
        ref={mainRef}
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-4 outline-none sm:px-6 sm:py-10"
      >
        <NewPostsNotice />
        {/* A query whose key changes under a mounted view (a newer manifest) suspends here, not the whole page. */}
        <Suspense fallback={<LoadingView />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="border-t border-rule">
        <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-3 px-4 py-6 text-xs text-muted sm:px-6">
          <p>{manifest.site.title}</p>
          {/* Renders nothing for archives too large to keep whole on a device. */}
          <SaveOfflineButton
            manifest={manifest}
            target={{ list: listIds.all, title: t.allPosts, path: paths.all(), ref: manifest.all }}
          />
          <KeyboardShortcuts />
          <p>{t.footerNote(manifest.posts)}</p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
