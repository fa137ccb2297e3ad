import { useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import { clearHistory, removeHistory, useReaderState } from '../../../lib/reader-state';
import { PostTime } from '../../../components/ui/post-time';
import { ReaderRow } from '../../../components/reader/reader-row';
import { ReaderDataPanel } from './reader-data-panel';
import { EntryTitle } from './entry-title';
import { getLocalTimeZone } from './local-time';

/** What was opened, when, newest first; entries can be removed one by one or all at once. */
export function HistoryView() {
  const { t } = useMessages();
  const state = useReaderState();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const history = [...state.history.values()].sort((a, b) => b.at - a.at);
  const timeZone = getLocalTimeZone();
  return (
    <div>
      <header className="mb-6 flex flex-wrap items-end justify-between gap-3 border-b-2 border-ink pb-4">
        <div>
          <h1 className="font-serif text-3xl font-bold text-ink sm:text-4xl">{t.historyTitle}</h1>
          <p className="mt-2 text-sm text-muted">{t.historyNote}</p>
        </div>
        {history.length > 0 ? (
          confirming ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>{t.clearHistoryConfirm}</span>
              <button
                type="button"
                className="btn-primary"
                onClick={() => {
                  void clearHistory();
                  setConfirming(false);
                  setStatus(t.historyCleared);
                }}
              >
                {t.clearHistory}
              </button>
              <button
                type="button"
                className="btn-secondary min-h-9"
                onClick={() => setConfirming(false)}
              >
                {t.dismiss}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="btn-secondary min-h-9 text-sm"
              onClick={() => setConfirming(true)}
            >
              {t.clearHistory}
            </button>
          )
        ) : null}
      </header>
      {status ? (
        <p role="status" className="text-sm text-muted">
          {status}
        </p>
      ) : null}
      {state.loaded && history.length === 0 ? (
        <p className="py-10 text-muted">{t.historyEmpty}</p>
      ) : null}
      <ol className="divide-y divide-rule">
        {history.map((entry) => (
          <ReaderRow
            key={entry.url}
            url={entry.url}
            quietWhenRead={false}
            className="flex items-baseline gap-4 py-3"
          >
            <div className="min-w-0 flex-1">
              <EntryTitle url={entry.url} title={entry.title} className="text-base" />
              <p className="mt-1 text-xs text-muted">
                {t.readAt} <PostTime iso={new Date(entry.at).toISOString()} timeZone={timeZone} />
              </p>
            </div>
            <button
              type="button"
              aria-label={t.removeEntry(entry.title)}
              className="save-toggle text-sm"
              onClick={() => void removeHistory([entry.url])}
            >
              {t.remove}
            </button>
          </ReaderRow>
        ))}
      </ol>
      <ReaderDataPanel />
    </div>
  );
}
