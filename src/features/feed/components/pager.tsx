import type { MouseEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMessages } from '../../../lib/i18n';

export type PagerProps = {
  page: number;
  pageCount: number;
  /** Path of page `n` with the current filters. */
  buildPagePath: (page: number) => string;
  /**
   * The page's own file (decision 027), which a reader without JavaScript follows; null where
   * there is none (a filtered list, a page beyond the views window). A click still opens
   * `buildPagePath(n)`, the address the app keeps the page in.
   */
  buildPageFile?: (page: number) => string | null;
};

type PageLinkProps = {
  to: string;
  file: string | null;
  className: string;
  rel?: string;
  'aria-label'?: string;
  'aria-current'?: 'page';
  children: ReactNode;
};

/** A plain left click, which the app handles itself; others (new tab, download) follow the href. */
function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return (
    event.button === 0 &&
    !event.metaKey &&
    !event.altKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    (!event.currentTarget.target || event.currentTarget.target === '_self')
  );
}

/** A link to a page: its file where it has one, and `?page=n` in the app. */
function PageLink({ to, file, children, ...rest }: PageLinkProps) {
  const navigate = useNavigate();
  if (file === null)
    return (
      <Link to={to} {...rest}>
        {children}
      </Link>
    );
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    void navigate(to);
  };
  return (
    <Link to={file} onClick={onClick} {...rest}>
      {children}
    </Link>
  );
}

/** Page numbers to show: first, last, and two on each side of the current one. */
function getVisiblePages(page: number, pageCount: number): (number | 'gap')[] {
  const pages: (number | 'gap')[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) pages.push(n);
    else if (pages[pages.length - 1] !== 'gap') pages.push('gap');
  }
  return pages;
}

export function Pager({ page, pageCount, buildPagePath, buildPageFile }: PagerProps) {
  const { t } = useMessages();
  if (pageCount <= 1) return null;
  const fileOf = (n: number) => buildPageFile?.(n) ?? null;
  const item = 'inline-flex h-9 min-w-9 items-center justify-center rounded-md px-3 text-sm';
  return (
    <nav aria-label={t.pagination} className="mt-8 border-t border-rule pt-6">
      <p className="mb-3 text-sm text-muted">{t.pageOf(page, pageCount)}</p>
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {page > 1 ? (
            <PageLink
              to={buildPagePath(page - 1)}
              file={fileOf(page - 1)}
              rel="prev"
              className={`${item} pager-link`}
            >
              {t.previousPage}
            </PageLink>
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
              <PageLink
                to={buildPagePath(n)}
                file={fileOf(n)}
                aria-label={t.pageN(n)}
                aria-current={n === page ? 'page' : undefined}
                className={`${item} ${n === page ? 'bg-ink text-paper' : 'pager-link'}`}
              >
                {n}
              </PageLink>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <PageLink
              to={buildPagePath(page + 1)}
              file={fileOf(page + 1)}
              rel="next"
              className={`${item} pager-link`}
            >
              {t.nextPage}
            </PageLink>
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
