import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import { useSettings } from '../../../lib/settings';
import { useHome } from '../api/home-query';
import { pickHomeItems } from '../list-items';
import { ListModeToggle } from './list-mode-toggle';
import { DayList, PostList } from './post-list';
import { getUnreadCount, useReadCountByCategory } from '../../../lib/reader-state';

/** Headlines per source box: enough to be worth a look, equal so the grid stays even. */
const SECTION_SIZE = 5;

/**
 * The newest posts as one time-led stream (cross-posts folded), then a grid of sources with their
 * newest headlines that the stream does not already show: no story twice, no column left empty.
 */
export function HomeView() {
  const { t } = useMessages();
  const manifest = useManifest();
  const { listMode } = useSettings();
  const home = useHome(manifest.home);
  const categoryNames = useMemo(
    () => new Map(manifest.categories.map((category) => [category.slug, category.name])),
    [manifest],
  );
  const { stream, sections } = useMemo(
    () => pickHomeItems(home, categoryNames, SECTION_SIZE),
    [home, categoryNames],
  );
  const timeZone = manifest.site.timezone;
  const readByCategory = useReadCountByCategory();
  return (
    <div>
      <h1 className="sr-only">{manifest.site.title}</h1>
      {manifest.site.description ? (
        <p className="mb-4 hidden font-serif text-lg text-muted sm:block">
          {manifest.site.description}
        </p>
      ) : null}
      <section aria-labelledby="home-latest" className="min-w-0">
        <div className="section-head">
          <h2 id="home-latest">{t.latestPosts}</h2>
          <div className="flex items-center gap-3">
            <ListModeToggle />
            <Link to={paths.all()} className="link-accent text-sm">
              {t.viewAll(manifest.posts)}
            </Link>
          </div>
        </div>
        {listMode === 'compact' ? (
          <DayList items={stream} timeZone={timeZone} headingLevel={3} />
        ) : (
          <PostList items={stream} timeZone={timeZone} mode="cards" headingLevel={3} />
        )}
      </section>
      <div className="mt-10 grid gap-x-10 gap-y-8 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((section) => {
          const category = manifest.categories.find(
            (candidate) => candidate.slug === section.category,
          );
          if (!category) return null;
          const headingId = `home-section-${category.slug}`;
          return (
            <section key={category.slug} aria-labelledby={headingId} className="min-w-0">
              <div className="section-head">
                <h2 id={headingId}>
                  <Link to={paths.category(category.slug)} className="headline-link">
                    {category.name}
                  </Link>
                </h2>
                <span className="text-xs text-muted">
                  {t.postCount(category.count)}
                  {readByCategory
                    ? ` · ${t.unreadCount(getUnreadCount(category.count, readByCategory.get(category.slug)))}`
                    : null}
                </span>
              </div>
              {section.items.length > 0 ? (
                <PostList
                  items={section.items}
                  timeZone={timeZone}
                  mode={listMode}
                  headingLevel={3}
                  showExcerpt={false}
                />
              ) : null}
              <p className="mt-2">
                <Link to={paths.category(category.slug)} className="link-accent text-sm">
                  {t.viewAll(category.count)}
                  <span className="sr-only">：{category.name}</span>
                </Link>
              </p>
            </section>
          );
        })}
      </div>
    </div>
  );
}
