import { Link } from 'react-router-dom';
import { paths } from '../../../shared/paths';
import { useSavedLists } from '../api/save-list';
import { useOfflineMessages } from '../messages';
import { useRecentlyRead } from '../recently-read';

export type OfflineViewProps = {
  onRetry?: () => void;
};

/**
 * What a page shows when its data cannot be fetched offline: an explanation and what can be read
 * without a network (saved sections, recently read articles), never the browser's error page.
 */
export function OfflineView({ onRetry }: OfflineViewProps) {
  const t = useOfflineMessages();
  const saved = useSavedLists();
  const recent = useRecentlyRead();
  return (
    <section aria-labelledby="offline-title" className="mx-auto max-w-xl py-12">
      <h1 id="offline-title" className="font-serif text-2xl font-bold text-ink">
        {t.offlineTitle}
      </h1>
      <p className="mt-4 text-muted">{t.offlineBody}</p>
      <div className="mt-6 flex gap-4">
        {onRetry ? (
          <button type="button" onClick={onRetry} className="btn-primary">
            {t.retry}
          </button>
        ) : null}
        <Link to={paths.home()} className="underline">
          {t.goHome}
        </Link>
      </div>
      {saved.length === 0 && recent.length === 0 ? <p className="mt-8 text-muted">{t.nothingSaved}</p> : null}
      {saved.length > 0 ? (
        <nav aria-labelledby="offline-saved" className="mt-8">
          <h2 id="offline-saved" className="font-serif text-lg font-bold">
            {t.savedLists}
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {saved.map((entry) => (
              <li key={entry.list}>
                <Link to={entry.path} className="underline">
                  {entry.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {recent.length > 0 ? (
        <nav aria-labelledby="offline-recent" className="mt-8">
          <h2 id="offline-recent" className="font-serif text-lg font-bold">
            {t.recentlyRead}
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {recent.map((entry) => (
              <li key={entry.url}>
                <Link to={paths.post(entry.url)} className="underline">
                  {entry.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
