import { Link } from 'react-router-dom';
import { useMessages } from '../../../lib/i18n';

export type PagerProps = {
  page: number;
  pageCount: number;
  /** Path of page `n` with the current filters. */
  buildPagePath: (page: number) => string;
};

/** Page numbers to show: first, last, and two on each side of the current one. */
function getVisiblePages(page: number, pageCount: number): (number | 'gap')[] {
  const pages: (number | 'gap')[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) pages.push(n);
    else if (pages[pages.length - 1] !== 'gap') pages.push('gap');
  }
  return pages;
}

export function Pager({ page, pageCount, buildPagePath }: PagerProps) {
  const { t } = useMessages();
  if (pageCount <= 1) return null;
  const item = 'inline-flex h-9 min-w-9 items-center justify-center rounded-md px-3 text-sm';
  return (
    <nav aria-label={t.pagination} className="mt-8 border-t border-rule pt-6">
      <p className="mb-3 text-sm text-muted">{t.pageOf(page, pageCount)}</p>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {page > 1 ? (
            <Link to={buildPagePath(page - 1)} rel="prev" className={`${item} pager-link`}>
              {t.previousPage}
            </Link>
          ) : (
            <span className={`${item} text-muted/60`} aria-disabled="true">
              {t.previousPage}
            </span>
          )}
        </li>
        {getVisiblePages(page, pageCount).map((n, position) =>
          n === 'gap' ? (
            <li key={`gap-${position}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                to={buildPagePath(n)}
                aria-label={t.pageN(n)}
                aria-current={n === page ? 'page' : undefined}
                className={`${item} ${n === page ? 'bg-ink text-paper' : 'pager-link'}`}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link to={buildPagePath(page + 1)} rel="next" className={`${item} pager-link`}>
              {t.nextPage}
            </Link>
          ) : (
            <span className={`${item} text-muted/60`} aria-disabled="true">
              {t.nextPage}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
