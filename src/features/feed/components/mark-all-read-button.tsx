import { useMutation, useQueryClient } from '@tanstack/react-query';
import { readSelection, type ListSelection } from '../../../shared/bundle-reader';
import type { PostSummary } from '../../../shared/schema';
import { createBundleLoader } from '../../../lib/bundle-queries';
import { useMessages } from '../../../lib/i18n';
import { markRead } from '../../../lib/reader-state';

export type MarkAllReadButtonProps = {
  selection: ListSelection;
  /** Whether tags or dates narrow the list (the button then says it covers the matches). */
  filtered: boolean;
  /** Only posts in this language (empty: every language). */
  lang?: string;
};

/** Every post of the list under its filter, not only the page shown, marked read at once. */
async function markSelectionRead(
  load: ReturnType<typeof createBundleLoader>,
  selection: ListSelection,
  lang: string,
): Promise<number> {
  const posts: PostSummary[] = [];
  for await (const post of readSelection(load, selection)) {
    if (lang === '' || post.lang === lang) posts.push(post);
  }
  await markRead(posts);
  return posts.length;
}

export function MarkAllReadButton({ selection, filtered, lang = '' }: MarkAllReadButtonProps) {
  const { t } = useMessages();
  const client = useQueryClient();
  const mark = useMutation({
    mutationFn: () => markSelectionRead(createBundleLoader(client), selection, lang),
  });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        className="btn-secondary min-h-8 px-2.5 text-[0.8125rem]"
        disabled={mark.isPending}
        onClick={() => mark.mutate()}
      >
        {filtered ? t.markAllReadFiltered : t.markAllRead}
      </button>
      {mark.isIdle ? null : (
        <span role="status" className="text-muted">
          {mark.isPending ? t.markingRead(selection.bound) : null}
          {mark.isSuccess ? t.markedAllRead(mark.data) : null}
          {mark.isError ? t.markAllReadFailed : null}
        </span>
      )}
    </div>
  );
}
