import { useQueryClient } from '@tanstack/react-query';
import { useMessages } from '../../lib/i18n';
import { useManifest } from '../../lib/manifest-query';
import { keepArticleOffline } from '../../lib/offline-files';
import { setSaved, useIsSaved, type PostRef } from '../../lib/reader-state';
import { getShortcutProps } from '../../lib/shortcut-targets';

export type SaveButtonProps = {
  post: PostRef;
  /**
   * A row names its post in the button's name; an article's own button needs no title; a compact
   * (one-line) row shows only the star.
   */
  variant?: 'row' | 'article' | 'compact';
};

/**
 * 收藏: saves a post to `/saved` and keeps its data files for offline reading. Separate from
 * saving a whole category for offline (features/offline).
 */
export function SaveButton({ post, variant = 'row' }: SaveButtonProps) {
  const { t } = useMessages();
  const saved = useIsSaved(post.url);
  const client = useQueryClient();
  const manifest = useManifest();
  function toggle() {
    void setSaved(post, !saved);
    // Offline copies are a bonus: a failure (offline already, a full quota) leaves the save itself.
    if (!saved) void keepArticleOffline(client, manifest, post.url).catch(() => {});
  }
  return (
    <button
      type="button"
      aria-pressed={saved}
      aria-label={variant === 'article' ? undefined : t.saveLabel(post.title)}
      className={
        variant === 'article'
          ? 'btn-secondary save-toggle-article min-h-9 gap-1 text-sm'
          : variant === 'compact'
            ? 'save-toggle save-toggle-compact'
            : 'save-toggle'
      }
      onClick={toggle}
      {...getShortcutProps('save')}
    >
      <span aria-hidden="true">{saved ? '★' : '☆'}</span>
      {variant === 'compact' ? null : saved ? t.savedState : t.save}
    </button>
  );
}
