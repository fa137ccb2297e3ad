import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import { useReaderState } from '../../../lib/reader-state';
import { PostTime } from '../../../components/ui/post-time';
import { ReaderRow, ReaderRowActions } from '../../../components/reader/reader-row';
import { ReaderDataPanel } from './reader-data-panel';
import { EntryTitle } from './entry-title';
import { getLocalTimeZone } from './local-time';

/** Saved posts, newest saved first, from the reader's own state (no data file is needed). */
export function SavedView() {
  const { t } = useMessages();
  const manifest = useManifest();
  const state = useReaderState();
  const saved = [...state.saved.values()].sort((a, b) => b.at - a.at);
  const categoryNames = new Map(manifest.categories.map((entry) => [entry.slug, entry.name]));
  return (
    <div>
      <header className="mb-6 border-b-2 border-ink pb-4">
        <h1 className="font-serif text-3xl font-bold text-ink sm:text-4xl">{t.savedTitle}</h1>
        <p className="mt-2 text-sm text-muted">{t.postCount(saved.length)}</p>
      </header>
      {state.loaded && saved.length === 0 ? (
        <p className="py-10 text-muted">{t.savedEmpty}</p>
      ) : null}
      <ol className="divide-y divide-rule">
        {saved.map((entry) => {
          const category = entry.categories[0];
          return (
            <ReaderRow key={entry.url} url={entry.url} className="py-4">
              <article>
                <EntryTitle url={entry.url} title={entry.title} className="text-lg" />
                <p className="mt-2 flex flex-wrap items-center gap-x-3 text-xs text-muted">
                  <PostTime iso={entry.date} timeZone={manifest.site.timezone} />
                  {category ? <span>{categoryNames.get(category) ?? category}</span> : null}
                  <span>
                    {t.savedAt}{' '}
                    <PostTime
                      iso={new Date(entry.at).toISOString()}
                      timeZone={getLocalTimeZone()}
                    />
                  </span>
                  <ReaderRowActions post={entry} />
                </p>
              </article>
            </ReaderRow>
          );
        })}
      </ol>
      <ReaderDataPanel />
    </div>
  );
}
