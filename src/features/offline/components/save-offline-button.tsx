import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Manifest } from '../../../shared/schema';
import {
  estimateStorage,
  removeSavedList,
  saveListForOffline,
  useSavedLists,
  type SaveProgress,
  type SaveTarget,
} from '../api/save-list';
import { useMessages } from '../../../lib/i18n';

/** The whole archive may be saved at once only below this size; beyond it, save sections. */
export const SAVE_ALL_LIMIT = 2_000;

export type SaveOfflineButtonProps = {
  manifest: Manifest;
  target: SaveTarget;
};

function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.round(bytes / 1e3)} KB`;
}

/** 离线保存: keep a section (or a small archive) readable without a network, and undo it. */
export function SaveOfflineButton({ manifest, target }: SaveOfflineButtonProps) {
  const { t } = useMessages();
  const client = useQueryClient();
  // Keyed by the list's identity, not by its index hash: the index changes with every new post
  // (every few minutes), and the saved state and its undo must outlive that. The files saved
  // stay readable; posts added since are read online like any other.
  const saved = useSavedLists().find((entry) => entry.list === target.list);
  const [progress, setProgress] = useState<SaveProgress | null>(null);
  const storage = useQuery({
    queryKey: ['offline', 'storage-estimate', saved?.list ?? null],
    queryFn: estimateStorage,
    enabled: Boolean(saved),
    staleTime: 0,
    gcTime: 0,
  });
  const save = useMutation({
    mutationFn: () => saveListForOffline(client, manifest, target, setProgress),
    onSettled: () => setProgress(null),
  });
  const remove = useMutation({ mutationFn: () => removeSavedList(client, manifest, target.list) });

  if (target.list === 'all' && target.ref.count >= SAVE_ALL_LIMIT) return null;
  const estimate = storage.data;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {saved ? (
        <>
          <span className="text-muted">{t.savedOffline}</span>
          <button
            type="button"
            className="underline"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            {t.removeOffline}
          </button>
          {estimate && estimate.quota > 0 ? (
            <span className="text-muted">
              {t.storageUsed(formatBytes(estimate.usage), formatBytes(estimate.quota))}
            </span>
          ) : null}
        </>
      ) : (
        <button
          type="button"
          className="btn-secondary"
          disabled={save.isPending}
          onClick={() => save.mutate()}
        >
          {target.list === 'all' ? t.saveOfflineAll : t.saveOffline}
        </button>
      )}
      {progress ? (
        <span className="flex items-center gap-2" role="status">
          <progress
            max={progress.total}
            value={progress.done}
            aria-label={t.saving(progress.done, progress.total)}
          />
          <span>{t.saving(progress.done, progress.total)}</span>
        </span>
      ) : null}
      {save.isError ? (
        <span role="alert" className="text-red-700">
          {t.saveFailed}
        </span>
      ) : null}
    </div>
  );
}
