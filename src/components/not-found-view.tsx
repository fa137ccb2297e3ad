import { Link } from 'react-router-dom';
import { paths } from '../shared/paths';
import { useMessages } from '../lib/i18n';
import { useManifest } from '../lib/manifest-query';
import { SearchForm } from './search-form';

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
      {manifest.categories.length > 0 ? (
        <nav aria-label={t.categories} className="mt-8 border-t border-rule pt-6">
          <h2 className="text-sm font-semibold text-muted">{t.categories}</h2>
          <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2">
            {manifest.categories.map((category) => (
              <li key={category.slug}>
                <Link to={paths.category(category.slug)} className="link-plain">
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
