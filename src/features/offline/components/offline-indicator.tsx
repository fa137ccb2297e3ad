import { useEffect, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useOnline } from '../network-status';

/** How long "back online" stays after the connection returns. */
const BACK_ONLINE_MS = 4000;

/**
 * In the header while the browser has no network (`navigator.onLine`, its online and offline
 * events). The live region is always in the page, so a screen reader hears the change, politely.
 */
export function OfflineIndicator() {
  const { t } = useMessages();
  const online = useOnline();
  // The change is noticed while rendering, the way React adjusts state to a changed input.
  const [previous, setPrevious] = useState(online);
  const [backOnline, setBackOnline] = useState(false);
  if (online !== previous) {
    setPrevious(online);
    setBackOnline(online);
  }
  useEffect(() => {
    if (!backOnline) return;
    const timer = setTimeout(() => setBackOnline(false), BACK_ONLINE_MS);
    return () => clearTimeout(timer);
  }, [backOnline]);
  return (
    <p role="status" aria-live="polite" className="contents">
      {!online ? (
        <span className="offline-badge" title={t.offlineIndicatorLong}>
          <span aria-hidden="true" className="offline-badge-dot" />
          {t.offlineIndicator}
          <span className="sr-only">{`: ${t.offlineIndicatorLong}`}</span>
        </span>
      ) : backOnline ? (
        <span className="sr-only">{t.backOnline}</span>
      ) : null}
    </p>
  );
}
