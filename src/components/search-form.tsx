import { useEffect, useRef, useState } from 'react';
import { useHref, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { paths, routePatterns } from '../shared/paths';
import { useMessages } from '../lib/i18n';

/** The header's search box; `/` focuses it from anywhere that is not a text field. */
export const SITE_SEARCH_ID = 'site-search';

/** Typing pauses this long before the results follow. */
export const SEARCH_DEBOUNCE_MS = 250;

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `/` focuses the search box, as on most sites with one. */
function useSlashShortcut(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.defaultPrevented || isTextField(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

/**
 * The one search box, in the header of every page. Results follow the typing (debounced): the
 * first keystroke elsewhere opens the search page as a new history entry, later ones replace it,
 * so Back leaves the search instead of stepping through keystrokes. Enter searches at once.
 * A new query starts at the first page and keeps the other choices in the URL.
 */
export function SearchForm() {
  const { t } = useMessages();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = pathname === routePatterns.search;
  const urlQuery = onSearchPage ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(urlQuery);
  const [shownQuery, setShownQuery] = useState(urlQuery);
  const input = useRef<HTMLInputElement>(null);
  // Without JavaScript (a pre-rendered page) the form still searches: a plain GET to the search page.
  const action = useHref(paths.search());
  const timer = useRef<number | undefined>(undefined);
  useSlashShortcut(input);

  // Back/Forward (or a link) changed the query: show it (state adjusted while rendering).
  if (shownQuery !== urlQuery) {
    setShownQuery(urlQuery);
    setValue(urlQuery);
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const go = (q: string, replace: boolean) => {
    window.clearTimeout(timer.current);
    const next = new URLSearchParams(onSearchPage ? params : undefined);
    next.delete('page');
    if (q.trim()) next.set('q', q);
    else next.delete('q');
    const search = next.toString();
    void navigate(`${paths.search()}${search ? `?${search}` : ''}`, { replace });
  };

  return (
    <form
      role="search"
      method="get"
      action={action}
      className="flex w-full items-stretch gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        go(value, false);
      }}
    >
      <label htmlFor={SITE_SEARCH_ID} className="sr-only">
        {t.searchLabel}
      </label>
      <input
        ref={input}
        id={SITE_SEARCH_ID}
        type="search"
        name="q"
        value={value}
        autoComplete="off"
        aria-keyshortcuts="/"
        onChange={(event) => {
          const q = event.target.value;
          setValue(q);
          window.clearTimeout(timer.current);
          if (q.trim() === urlQuery.trim()) return;
          timer.current = window.setTimeout(() => go(q, onSearchPage), SEARCH_DEBOUNCE_MS);
        }}
        placeholder={t.searchPlaceholder}
        className="h-9 min-w-0 flex-1 rounded-md border border-rule bg-paper px-3 text-sm text-ink placeholder:text-muted"
      />
      <button type="submit" className="btn-primary h-9 px-3 text-sm">
        {t.searchButton}
      </button>
    </form>
  );
}
