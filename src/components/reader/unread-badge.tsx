import { useId } from 'react';
import { useMessages } from '../../lib/i18n';
import { getUnreadCount, useReadCountByCategory } from '../../lib/reader-state';

/**
 * A category's unread count: a number beside its name, described (not named) to assistive
 * technology, so the link's name stays the category's. Nothing until the reader's state is in.
 */
export function useCategoryUnread(slug: string, total: number) {
  const byCategory = useReadCountByCategory();
  const id = useId();
  const count = byCategory ? getUnreadCount(total, byCategory.get(slug)) : null;
  return { count, describedBy: count ? id : undefined, id };
}

export function UnreadBadge({ id, count }: { id: string; count: number | null }) {
  const { t } = useMessages();
  if (!count) return null;
  return (
    <>
      <span aria-hidden="true" className="unread-badge ml-1.5">
        {count > 999 ? '999+' : count}
      </span>
      <span id={id} hidden>
        {t.unreadCount(count)}
      </span>
    </>
  );
}
