/**
 * What keyboard shortcuts act on, named by data attributes on the views' own elements, so the
 * shortcut handler (in the reader-state feature) needs no import of the features that draw them.
 */
export const SHORTCUT_ATTRIBUTE = 'data-shortcut';

/** A row of a post list: `j`/`k` move between them. */
export const LIST_ROW_ATTRIBUTE = 'data-list-row';

export const shortcutTargets = {
  /** The link that opens a row's post (`o`, Enter). */
  open: 'open',
  save: 'save',
  toggleRead: 'toggle-read',
  /** In an article: the next and previous post (`j`, `k`). */
  next: 'next',
  previous: 'previous',
} as const;

export type ShortcutTarget = (typeof shortcutTargets)[keyof typeof shortcutTargets];

/** Props that make an element the target of one shortcut. */
export function getShortcutProps(target: ShortcutTarget): { [SHORTCUT_ATTRIBUTE]: string } {
  return { [SHORTCUT_ATTRIBUTE]: target };
}
