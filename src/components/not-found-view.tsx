import { Link } from 'react-router-dom';
import { paths } from '../shared/paths';
import { useMessages } from '../lib/i18n';
import { useManifest } from '../lib/manifest-query';
import { SearchForm } from './search-form';
import { LinkSection } from './ui/link-section';

/** Never a blank page: say what happened and offer search, home and the sections. */
export function NotFoundView() {
  const { t } = useMessages();
  const manifest = useManifest();
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-2xl py-12">
      <p className="text-sm font-semibold tracking-widest text-accent">404</p>
      <h1 id="not-found-title" className="mt-2 font-serif text-3xl font-bold text-ink">
        {t.notFoundTitle}
      </h1>
      <p className="mt-4 text-muted">{t.notFoundBody}</p>
      <div className="mt-8">
        <SearchForm />
      </div>
      <p className="mt-8">
        <Link to={paths.home()} className="link-accent font-semibold">
          {t.goHome}
        </Link>
      </p>
      <LinkSection
        title={t.categories}
        links={manifest.categories.map((category) => ({
          to: paths.category(category.slug),
          label: category.name,
        }))}
        layout="inline"
      />
    </section>
  );
}
