import { Link } from 'react-router-dom';
import { LinkSection } from '../../../components/ui/link-section';
import { paths } from '../../../shared/paths';
import { useSavedLists } from '../api/save-list';
import { useMessages } from '../../../lib/i18n';
import { useRecentlyRead } from '../recently-read';

export type OfflineViewProps = {
  onRetry?: () => void;
};

/**
 * What a page shows when its data cannot be fetched offline: an explanation and what can be read
 * without a network (saved sections, recently read articles), never the browser's error page.
 */
export function OfflineView({ onRetry }: OfflineViewProps) {
  const { t } = useMessages();
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
      {saved.length === 0 && recent.length === 0 ? (
        <p className="mt-8 text-muted">{t.nothingSaved}</p>
      ) : null}
      <LinkSection
        title={t.savedLists}
        links={saved.map((entry) => ({ to: entry.path, label: entry.title }))}
        layout="list"
      />
      <LinkSection
        title={t.recentlyRead}
        links={recent.map((entry) => ({ to: paths.post(entry.url), label: entry.title }))}
        layout="list"
      />
    </section>
  );
}
