import { acceptUpdate, dismissUpdate, useUpdateWaiting } from '../service-worker';
import { useMessages } from '../../../lib/i18n';

/**
 * A quiet bar offering the new version of the app once its service worker is installed. Nothing
 * reloads until the reader asks: a page swapped under someone reading is worse than an old one.
 */
export function UpdatePrompt() {
  const { t } = useMessages();
  const waiting = useUpdateWaiting();
  if (!waiting) return null;
  return (
    <div
      role="status"
      aria-label={t.updateReady}
      className="fixed inset-x-0 bottom-0 z-50 flex flex-wrap items-center justify-center gap-3 border-t border-rule bg-paper px-4 py-3 text-sm text-ink shadow-lg"
    >
      <span>{t.updateReady}</span>
      <button type="button" className="btn-primary" onClick={acceptUpdate}>
        {t.reload}
      </button>
      <button type="button" className="text-muted underline" onClick={dismissUpdate}>
        {t.dismiss}
      </button>
    </div>
  );
}
