import { useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchManifest, manifestQueryOptions } from '../../../lib/manifest-query';
import { bundleKeys } from '../../../lib/query-keys';
import { useMessages } from '../../../lib/i18n';

/** How often an open, visible tab looks for a newer build of the archive. */
const POLL_INTERVAL = 60_000;

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

function useDocumentVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === 'visible',
    () => true,
  );
}

export type NewPostsNoticeProps = {
  /** Called after the new build is shown, e.g. to move focus or scroll to the list top. */
  onShow?: () => void;
};

/**
 * "N new posts": the archive grows every few minutes, so a newer manifest is fetched in the
 * background under its own key and offered, while the page keeps showing the build it was
 * rendered from; the lists change only when the reader asks for it.
 */
export function NewPostsNotice({ onShow }: NewPostsNoticeProps) {
  const { t } = useMessages();
  const client = useQueryClient();
  const visible = useDocumentVisible();
  const shown = useQuery({ ...manifestQueryOptions(), enabled: false }).data;
  const latest = useQuery({
    queryKey: bundleKeys.manifestLatest,
    queryFn: ({ signal }) => fetchManifest(signal),
    refetchInterval: visible ? POLL_INTERVAL : false,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
    gcTime: 0,
    retry: false,
  }).data;
  // Set when the app moved to a newer build on its own because a shard of the old one was gone:
  // the lists already show the new posts, but the reader was never told, so count from there.
  const shownSince = useQuery<number | null>({
    queryKey: bundleKeys.shownSince,
    enabled: false,
  }).data;
  if (!shown) return null;
  // The poll may still hold the build the app has just left behind: only a bigger one is news.
  const newest = latest && latest.posts > shown.posts ? latest : shown;
  const count = newest.posts - (shownSince ?? shown.posts);
  if (count <= 0) return null;

  const show = () => {
    if (newest !== shown) client.setQueryData(bundleKeys.manifest, newest);
    // Null, not removed: a removed query would leave this mounted notice its old count.
    client.setQueryData<number | null>(bundleKeys.shownSince, null);
    // The reader asked for the new posts: take them to the top, where the lists now start.
    if (onShow) onShow();
    else window.scrollTo({ top: 0 });
  };
  return (
    <div className="sticky top-0 z-40 flex justify-center py-2">
      <button type="button" className="btn-primary rounded-full shadow" onClick={show}>
        {t.newPosts(count)}
      </button>
    </div>
  );
}
