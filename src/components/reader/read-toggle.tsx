import { useMessages } from '../../lib/i18n';
import { setRead, useIsRead, type PostRef } from '../../lib/reader-state';
import { getShortcutProps } from '../../lib/shortcut-targets';

export type ReadToggleProps = {
  post: Pick<PostRef, 'url' | 'title' | 'categories'>;
  /**
   * In a row the title names the post; an article's own button says only what it does; a compact
   * (one-line) row shows only the dot, its words left to the button's name.
   */
  variant?: 'row' | 'article' | 'compact';
};

/** Says whether a post is read (to sighted readers and screen readers alike) and switches it. */
export function ReadToggle({ post, variant = 'row' }: ReadToggleProps) {
  const { t } = useMessages();
  const read = useIsRead(post.url);
  if (variant === 'article')
    return (
      <button
        type="button"
        className="btn-secondary min-h-9 text-sm"
        onClick={() => void setRead(post, !read)}
        {...getShortcutProps('toggle-read')}
      >
        {read ? t.markUnread : t.markRead}
      </button>
    );
  return (
    <button
      type="button"
      aria-pressed={read}
      aria-label={t.markReadLabel(post.title)}
      className={variant === 'compact' ? 'read-toggle read-toggle-compact' : 'read-toggle'}
      onClick={() => void setRead(post, !read)}
      {...getShortcutProps('toggle-read')}
    >
      <span aria-hidden="true" className="read-toggle-dot" />
      {variant === 'compact' ? (
        <span className="sr-only">{read ? t.read : t.unread}</span>
      ) : read ? (
        t.read
      ) : (
        t.unread
      )}
    </button>
  );
}
