import { Link } from 'react-router-dom';
import { paths } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import { useHome } from '../api/home-query';
import { PostList } from './post-list';
import { getUnreadCount, useReadCountByCategory } from '../../../lib/reader-state';

/** Newest posts, then one section per category with its newest five and a link to the whole list. */
export function HomeView() {
  const { t } = useMessages();
  const manifest = useManifest();
  const home = useHome(manifest.home);
  const categoryNames = new Map(
    manifest.categories.map((category) => [category.slug, category.name]),
  );
  const timeZone = manifest.site.timezone;
  const readByCategory = useReadCountByCategory();
  return (
    <div>
      <h1 className="sr-only">{manifest.site.title}</h1>
      {manifest.site.description ? (
        <p className="mb-6 font-serif text-lg text-muted">{manifest.site.description}</p>
      ) : null}
      <div className="grid gap-x-12 gap-y-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="home-latest" className="min-w-0">
          <div className="section-head">
            <h2 id="home-latest">{t.latestPosts}</h2>
            <Link to={paths.all()} className="link-accent text-sm">
              {t.viewAll(manifest.posts)}
            </Link>
          </div>
          <PostList
            posts={home.latest}
            timeZone={timeZone}
            categoryNames={categoryNames}
            headingLevel={3}
          />
        </section>
        <div className="min-w-0 space-y-10">
          {home.sections.map((section) => {
            const category = manifest.categories.find(
              (candidate) => candidate.slug === section.category,
            );
            if (!category) return null;
            const headingId = `home-section-${category.slug}`;
            return (
              <section key={category.slug} aria-labelledby={headingId}>
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
                <PostList
                  posts={section.posts.slice(0, 5)}
                  timeZone={timeZone}
                  categoryNames={categoryNames}
                  headingLevel={3}
                  compact
                />
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
    </div>
  );
}
