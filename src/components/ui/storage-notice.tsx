import { useState } from 'react';
import { useMessages } from '../../lib/i18n';
import { useStorageProblems } from '../../lib/storage-health';

/**
 * Says once, for this visit, what the browser is not keeping. Dismissing it lasts for the visit
 * only: there is nowhere to remember it.
 */
export function StorageNotice() {
  const { t } = useMessages();
  const problems = useStorageProblems();
  const [dismissed, setDismissed] = useState(0);
  if (problems.length <= dismissed) return null;
  return (
    <aside
      aria-label={t.storageNoticeLabel}
      aria-live="polite"
      className="mx-auto mt-4 w-full max-w-6xl px-4 text-sm text-muted sm:px-6"
    >
      {problems.includes('values') ? <p>{t.storageValuesNotKept}</p> : null}
      {problems.includes('offline-cache') ? <p>{t.storageCacheNotKept}</p> : null}
      {problems.includes('reader-state') ? <p>{t.storageReaderStateNotKept}</p> : null}
      <button
        type="button"
        className="mt-1 underline"
        onClick={() => setDismissed(problems.length)}
      >
        {t.storageNoticeDismiss}
      </button>
    </aside>
  );
}
