import { Link } from 'react-router-dom';
import { paths } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import { LoadingView } from '../../../components/ui/loading-view';
import { PostTime } from '../../../components/ui/post-time';
import { formatDate } from '../../../shared/dates';
import { PAGE_SIZE } from '../api/search-engine';
import type { FacetCount, SearchOutcome, SearchRequest } from '../api/search-engine';
import { SearchUnavailableError, useSearch } from '../api/search-query';
import { getMonthEnd, toSearchParams } from '../search-params';
import { savedLists } from '../../../lib/saved-lists';
import { HighlightedText } from './highlighted-excerpt';

export type SearchViewProps = { request: SearchRequest };

/** Tags shown to narrow by: the most frequent among the results. */
const TAGS_SHOWN = 12;

function searchLink(request: SearchRequest, change: Partial<SearchRequest>): string {
  const query = toSearchParams({ ...request, page: 1, ...change });
  return `${paths.search()}${query ? `?${query}` : ''}`;
}

function FacetList({
  label,
  items,
  selected,
  name,
  link,
}: {
  label: string;
  items: { value: string; label: string; count: number }[];
  selected: string;
  name: string;
  link: (value: string) => string;
}) {
  const { t } = useMessages();
  if (items.length === 0 && !selected) return null;
  return (
    <section aria-label={label} data-facet={name} className="mt-6">
      <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{label}</h2>
      <ul className="mt-2 flex flex-wrap gap-2 text-sm">
        {selected ? (
          <li>
            <Link to={link('')} className="chip">
              {t.searchAnyFacet}
            </Link>
          </li>
        ) : null}
        {items.map((item) => (
          <li key={item.value}>
            <Link
              to={link(item.value === selected ? '' : item.value)}
              className={`chip ${item.value === selected ? 'chip-active' : ''}`}
              aria-current={item.value === selected ? 'true' : undefined}
            >
              {item.label} <span className="text-muted">{item.count.toLocaleString()}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DateField({ label, name, value }: { label: string; name: string; value: string }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-muted">{label}</span>
      {/* Keyed by the URL's value, so Back/Forward show it. */}
      <input
        type="date"
        name={name}
        defaultValue={value}
        key={value}
        className="h-9 rounded-md border border-rule bg-paper px-2 text-ink"
      />
    </label>
  );
}

/** A day of the site's calendar (`YYYY-MM-DD`) as the reader's language writes dates. */
function useDayText(day: string | null): string {
  const { lang } = useMessages();
  return day ? formatDate(`${day}T12:00:00Z`, 'UTC', lang) : '';
}

function Narrowing({ request, outcome }: { request: SearchRequest; outcome: SearchOutcome }) {
  const { t } = useMessages();
  const since = useDayText(outcome.since);
  const manifest = useManifest();
  const names = new Map(manifest.categories.map((category) => [category.slug, category.name]));
  const label = (items: FacetCount[], name: (value: string) => string) =>
    items.map((item) => ({ ...item, label: name(item.value) }));
  const month =
    request.from && request.to && request.from.slice(0, 7) === request.to.slice(0, 7)
      ? request.from.slice(0, 7)
      : '';
  return (
    <aside className="lg:w-64 lg:shrink-0">
      <form method="get" action={paths.search()} className="flex flex-wrap items-end gap-2 text-sm">
        <input type="hidden" name="q" value={request.q} />
        {request.category ? <input type="hidden" name="category" value={request.category} /> : null}
        {request.tag ? <input type="hidden" name="tag" value={request.tag} /> : null}
        <input type="hidden" name="sort" value={request.order} />
        <DateField label={t.searchFrom} name="from" value={request.from} />
        <DateField label={t.searchTo} name="to" value={request.to} />
        <button type="submit" className="btn-secondary h-9 px-3">
          {t.searchApplyDates}
        </button>
      </form>
      {since ? (
        <p className="mt-4 text-xs text-muted" data-counts-since={outcome.since}>
          {t.searchCountsSince(since)}
        </p>
      ) : null}
      <FacetList
        label={t.searchByCategory}
        name="category"
        items={label(outcome.categories, (value) => names.get(value) ?? value)}
        selected={request.category}
        link={(category) => searchLink(request, { category })}
      />
      <FacetList
        label={t.searchByTag}
        name="tag"
        items={label(outcome.tags.slice(0, TAGS_SHOWN), (value) => value)}
        selected={request.tag}
        link={(tag) => searchLink(request, { tag })}
      />
      <FacetList
        label={t.searchByMonth}
        name="month"
        items={label(outcome.months, (value) => value)}
        selected={month}
        link={(value) =>
          searchLink(
            request,
            value ? { from: `${value}-01`, to: getMonthEnd(value) } : { from: '', to: '' },
          )
        }
      />
    </aside>
  );
}

/**
 * Previous and next, and where the reader is: "page n of m" once every part was counted,
 * "page n" while newest first has only read back part of the archive.
 */
function Pager({ request, outcome }: { request: SearchRequest; outcome: SearchOutcome }) {
  const { t } = useMessages();
  const counted = outcome.since === null;
  const pages = counted
    ? Math.max(1, Math.ceil(outcome.total / PAGE_SIZE))
    : request.page + (outcome.more ? 1 : 0);
  if (pages === 1) return null;
  const page = Math.min(request.page, pages);
  const to = (n: number) => {
    const query = toSearchParams({ ...request, page: n });
    return `${paths.search()}?${query}`;
  };
  return (
    <nav
      aria-label={t.searchPages}
      className="mt-8 flex items-center justify-between gap-4 text-sm"
    >
      {page > 1 ? (
        <Link to={to(page - 1)} rel="prev" className="btn-secondary h-9 px-3">
          {t.searchPrevious}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        {counted ? t.searchPageOf(page, pages) : t.searchPage(page)}
      </span>
      {page < pages ? (
        <Link to={to(page + 1)} rel="next" className="btn-secondary h-9 px-3">
          {t.searchNext}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** Offline, the saved categories and tags this query can be searched in without a network. */
function SavedListLinks({ request }: { request: SearchRequest }) {
  const { t } = useMessages();
  const saved = savedLists.use();
  if (typeof navigator === 'undefined' || navigator.onLine) return null;
  const links = saved.flatMap((entry) =>
    entry.list.startsWith('c:')
      ? [{ entry, change: { category: entry.list.slice(2), tag: '' } }]
      : entry.list.startsWith('t:')
        ? [{ entry, change: { tag: entry.list.slice(2), category: '' } }]
        : [],
  );
  if (links.length === 0) return null;
  return (
    <span className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">{t.searchInSaved}</span>
      {links.map(({ entry, change }) => (
        <Link key={entry.list} to={searchLink(request, change)} className="chip">
          {entry.title}
        </Link>
      ))}
    </span>
  );
}

export function SearchView({ request }: SearchViewProps) {
  const { t } = useMessages();
  const manifest = useManifest();
  const query = request.q.trim();
  const search = useSearch(manifest, { ...request, q: query });
  const first = (search.data?.total ?? 0) === 0 ? 0 : (request.page - 1) * PAGE_SIZE + 1;
  const since = useDayText(search.data?.since ?? null);
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="font-serif text-3xl font-bold text-ink">{t.searchTitle}</h1>
      <div className="mt-6" aria-live="polite">
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
            {search.error instanceof SearchUnavailableError
              ? typeof navigator !== 'undefined' && !navigator.onLine
                ? t.searchNeedsNetwork
                : t.searchUnavailable
              : t.errorTitle}
            <SavedListLinks request={request} />
          </p>
        ) : (
          <div className="flex flex-col gap-8 lg:flex-row">
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p
                  role="status"
                  className="text-sm text-muted"
                  data-total={search.data.total}
                  data-busy={search.isPlaceholderData ? 'true' : 'false'}
                  data-query={search.isPlaceholderData ? undefined : query}
                  data-page={search.isPlaceholderData ? undefined : request.page}
                  data-since={search.data.since ?? undefined}
                >
                  {search.data.total === 0
                    ? t.searchNoResults(query)
                    : since
                      ? t.searchResultsSince(
                          search.data.total,
                          query,
                          since,
                          first,
                          first + search.data.hits.length - 1,
                        )
                      : t.searchResults(
                          search.data.total,
                          query,
                          first,
                          first + search.data.hits.length - 1,
                        )}
                  {since ? (
                    <>
                      {' '}
                      <Link
                        to={`${paths.search()}?${toSearchParams({ ...request, whole: true })}`}
                        className="link-accent"
                        data-count-all=""
                      >
                        {t.searchCountAll}
                      </Link>
                    </>
                  ) : null}
                </p>
                <nav aria-label={t.searchOrder} className="flex gap-1 text-sm">
                  {(['date', 'relevance'] as const).map((order) => (
                    <Link
                      key={order}
                      to={searchLink(request, { order })}
                      className={`chip ${request.order === order ? 'chip-active' : ''}`}
                      aria-current={request.order === order ? 'true' : undefined}
                    >
                      {order === 'date' ? t.searchNewest : t.searchBestMatch}
                    </Link>
                  ))}
                </nav>
              </div>
              {search.data.savedList !== undefined ? (
                <p className="mt-2 text-sm text-muted" data-saved-list="">
                  {t.searchFromSaved(search.data.savedList)}
                </p>
              ) : null}
              <ol
                className={`mt-4 divide-y divide-rule ${search.isPlaceholderData ? 'opacity-60' : ''}`}
              >
                {search.data.hits.map((hit) => (
                  <li key={hit.url} className="py-5">
                    <article>
                      <h2 className="font-serif text-lg font-semibold text-ink">
                        <Link to={paths.post(hit.url)} className="headline-link">
                          <HighlightedText text={hit.title} query={query} />
                        </Link>
                      </h2>
                      <p className="mt-2 leading-relaxed text-ink/80">
                        <HighlightedText text={hit.excerpt} query={query} />
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
              <Pager request={request} outcome={search.data} />
            </div>
            {/* After the results on a phone, beside them on a wide screen. */}
            <Narrowing request={request} outcome={search.data} />
          </div>
        )}
      </div>
    </div>
  );
}
