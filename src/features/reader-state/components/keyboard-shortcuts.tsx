import { useEffect, useId, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { paths } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';
import {
  LIST_ROW_ATTRIBUTE,
  SHORTCUT_ATTRIBUTE,
  type ShortcutTarget,
} from '../../../lib/shortcut-targets';

/** How long after `g` the second key of `g h` / `g s` may come. */
const SEQUENCE_TIMEOUT = 1500;

/** Keys typed into a field are the reader's text, never a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

function getMain(): HTMLElement | null {
  return document.getElementById('main');
}

function getRows(): HTMLElement[] {
  return [...(getMain()?.querySelectorAll<HTMLElement>(`[${LIST_ROW_ATTRIBUTE}]`) ?? [])];
}

function findTarget(scope: ParentNode | null, target: ShortcutTarget): HTMLElement | null {
  return scope?.querySelector<HTMLElement>(`[${SHORTCUT_ATTRIBUTE}="${target}"]`) ?? null;
}

/**
 * j/k, o/Enter, s, m, g h, g s and ? on every page. They act on what the views mark with data
 * attributes (src/lib/shortcut-targets.ts): the selected list row, else the article on screen.
 * `/` (focus search) is the search form's own.
 */
export function KeyboardShortcuts() {
  const { t } = useMessages();
  const navigate = useNavigate();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const selected = useRef<HTMLElement | null>(null);

  useEffect(() => {
    let pendingG: number | null = null;

    const currentRow = (): HTMLElement | null => {
      const active = document.activeElement;
      const row =
        active instanceof HTMLElement
          ? active.closest<HTMLElement>(`[${LIST_ROW_ATTRIBUTE}]`)
          : null;
      if (row) return row;
      return selected.current?.isConnected ? selected.current : null;
    };

    const select = (row: HTMLElement) => {
      selected.current = row;
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
    };

    const move = (step: 1 | -1): boolean => {
      const rows = getRows();
      if (rows.length > 0) {
        const current = currentRow();
        const index = current ? rows.indexOf(current) : -1;
        const next = rows[index === -1 ? (step === 1 ? 0 : rows.length - 1) : index + step];
        if (next) select(next);
        return true;
      }
      const link = findTarget(getMain(), step === 1 ? 'next' : 'previous');
      link?.click();
      return Boolean(link);
    };

    /** The row being worked on, or the article when the page has no rows. */
    const actOn = (target: ShortcutTarget): boolean => {
      const rows = getRows();
      const scope = rows.length > 0 ? currentRow() : getMain();
      const element = findTarget(scope, target);
      element?.click();
      return Boolean(element);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || dialogRef.current?.open) return;
      const key = event.key;
      if (pendingG !== null) {
        window.clearTimeout(pendingG);
        pendingG = null;
        if (key === 'h' || key === 's') {
          event.preventDefault();
          navigate(key === 'h' ? paths.home() : paths.saved());
          return;
        }
      }
      let handled = false;
      switch (key) {
        case 'g':
          pendingG = window.setTimeout(() => (pendingG = null), SEQUENCE_TIMEOUT);
          handled = true;
          break;
        case 'j':
          handled = move(1);
          break;
        case 'k':
          handled = move(-1);
          break;
        case 'o':
          handled = actOn('open');
          break;
        case 'Enter':
          // Only on a selected row itself: Enter on a link or button keeps its own meaning.
          if (event.target instanceof HTMLElement && event.target.hasAttribute(LIST_ROW_ATTRIBUTE))
            handled = actOn('open');
          break;
        case 's':
          handled = actOn('save');
          break;
        case 'm':
          handled = actOn('toggle-read');
          break;
        case '?':
          dialogRef.current?.showModal();
          handled = true;
          break;
      }
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      if (pendingG !== null) window.clearTimeout(pendingG);
    };
  }, [navigate]);

  const keys: [string[], string][] = [
    [['j'], t.shortcutList.next],
    [['k'], t.shortcutList.previous],
    [['o', 'Enter'], t.shortcutList.open],
    [['s'], t.shortcutList.save],
    [['m'], t.shortcutList.toggleRead],
    [['/'], t.shortcutList.search],
    [['g', 'h'], t.shortcutList.home],
    [['g', 's'], t.shortcutList.saved],
    [['?'], t.shortcutList.help],
  ];

  return (
    <>
      <button type="button" className="underline" onClick={() => dialogRef.current?.showModal()}>
        {t.shortcuts}
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg border border-rule bg-paper p-6 text-ink shadow-xl backdrop:bg-black/40"
      >
        <h2 id={titleId} className="font-serif text-xl font-bold">
          {t.shortcuts}
        </h2>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {keys.map(([combo, label]) => (
            <div key={combo.join(' ')} className="contents">
              <dt className="flex items-center gap-1 whitespace-nowrap">
                {combo.map((part, index) => (
                  <span key={part} className="flex items-center gap-1">
                    {index > 0 ? (
                      <span className="text-xs text-muted">{combo[0] === 'g' ? t.then : '/'}</span>
                    ) : null}
                    <kbd className="kbd">{part}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{label}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-6 text-right">
          <button
            type="button"
            className="btn-primary"
            autoFocus
            onClick={() => dialogRef.current?.close()}
          >
            {t.close}
          </button>
        </p>
      </dialog>
    </>
  );
}
