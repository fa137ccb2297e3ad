import type { ReactNode } from 'react';
import { useIsRead, type PostRef } from '../../lib/reader-state';
import { LIST_ROW_ATTRIBUTE } from '../../lib/shortcut-targets';
import { ReadToggle } from './read-toggle';
import { SaveButton } from './save-button';

export type ReaderRowProps = {
  url: string;
  className?: string;
  /** Read rows step back; off where every row is read anyway (the history). */
  quietWhenRead?: boolean;
  children: ReactNode;
};

/**
 * A list row as the reader's state sees it: quieter once read, and a stop for `j`/`k` (focusable
 * by script, with a visible ring). Any row layout can wrap its content in it.
 */
export function ReaderRow({ url, className = '', quietWhenRead = true, children }: ReaderRowProps) {
  const read = useIsRead(url) && quietWhenRead;
  return (
    <li
      {...{ [LIST_ROW_ATTRIBUTE]: '' }}
      tabIndex={-1}
      data-read={read ? '' : undefined}
      className={`reader-row ${className}`}
    >
      {children}
    </li>
  );
}

/** A row's own actions: read or unread, and save. */
export function ReaderRowActions({ post }: { post: PostRef }) {
  return (
    <>
      <ReadToggle post={post} />
      <SaveButton post={post} />
    </>
  );
}
