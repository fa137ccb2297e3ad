import { Link } from 'react-router-dom';
import { paths } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import { SearchForm } from '../../../components/search-form';
import { LoadingView } from '../../../components/ui/loading-view';
import { PostTime } from '../../../components/ui/post-time';
import { SearchUnavailableError, useSearch } from '../api/search-query';
import { HighlightedExcerpt } from './highlighted-excerpt';

export type SearchViewProps = { q: string };

export function SearchView({ q }: SearchViewProps) {
  const { t } = useMessages();
  const manifest = useManifest();
  const query = q.trim();
  const search = useSearch(manifest.search, query);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl font-bold text-ink">{t.searchTitle}</h1>
      <div className="mt-6">
        <SearchForm defaultValue={q} />
      </div>
      <div className="mt-8" aria-live="polite">
        {manifest.search === null ? (
          <p role="status" className="text-muted">
            {t.searchNotBuilt}
          </p>
        ) : query === '' ? (
          <p className="text-muted">{t.searchHint}</p>
        ) : search.isPending ? (
          <LoadingView />
        ) : search.isError ? (
          <p role="alert" className="rounded-md border border-rule bg-paper-raised p-4 text-ink">
            {search.error instanceof SearchUnavailableError ? t.searchUnavailable : t.errorTitle}
          </p>
        ) : search.data.total === 0 ? (
          <p role="status" className="text-muted">
            {t.searchNoResults(query)}
          </p>
        ) : (
          <>
            <p role="status" className="text-sm text-muted">
              {t.searchResults(search.data.total, query)}
            </p>
            <ol className="mt-4 divide-y divide-rule">
              {search.data.hits.map((hit) => (
                <li key={hit.url} className="py-5">
                  <article>
                    <h2 className="font-serif text-lg font-semibold text-ink">
                      <Link to={paths.post(hit.url)} className="headline-link">
                        {hit.title}
                      </Link>
                    </h2>
                    <p className="mt-2 leading-relaxed text-ink/80">
                      <HighlightedExcerpt excerpt={hit.excerpt} />
                    </p>
                    {hit.date ? (
                      <p className="mt-2 text-xs text-muted">
                        <PostTime iso={hit.date} timeZone={manifest.site.timezone} />
                      </p>
                    ) : null}
                  </article>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
