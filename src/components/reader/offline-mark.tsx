import { createContext, use, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMessages } from '../../lib/i18n';
import { findAvailableOffline } from '../../lib/offline-files';
import { bundleKeys } from '../../lib/query-keys';
import type { Manifest } from '../../shared/schema';

const empty: ReadonlySet<string> = new Set();
const AvailableOffline = createContext<ReadonlySet<string>>(empty);

/** Marks on the rows of one list page: which of its posts open without a network. */
export function AvailableOfflineProvider({
  manifest,
  urls,
  children,
}: {
  manifest: Manifest;
  urls: readonly string[];
  children: ReactNode;
}) {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: bundleKeys.offlineAvailability(manifest.buildId, urls),
    // An array, not the set: the query cache is persisted as JSON.
    queryFn: async () => [...(await findAvailableOffline(client, manifest, urls))],
    // What the device holds changes as the reader reads: asked again whenever the page shows.
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
    networkMode: 'always',
  });
  const available = useMemo(() => (Array.isArray(data) ? new Set(data) : empty), [data]);
  return <AvailableOffline value={available}>{children}</AvailableOffline>;
}

/** A small mark on a row whose post opens offline; nothing otherwise. */
export function OfflineMark({ url }: { url: string }) {
  const { t } = useMessages();
  if (!use(AvailableOffline).has(url)) return null;
  return (
    <span className="offline-mark" data-offline="" title={t.availableOffline}>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 fill-none stroke-current">
        <path d="M8 2v8m0 0L5 7m3 3 3-3" strokeWidth="1.6" strokeLinecap="round" />
        <path d="M3 12.5h10" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <span className="sr-only">{t.availableOffline}</span>
    </span>
  );
}
