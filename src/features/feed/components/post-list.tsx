import { Link } from 'react-router-dom';
import type { PostSummary } from '../../../shared/schema';
import { paths } from '../../../shared/paths';
import { PostTime } from '../../../components/ui/post-time';
import { ReaderRow, ReaderRowActions } from '../../../components/reader/reader-row';
import { getShortcutProps } from '../../../lib/shortcut-targets';

export type PostListProps = {
  posts: readonly PostSummary[];
  timeZone: string;
  /** Category slug → display name. */
  categoryNames: ReadonlyMap<string, string>;
  headingLevel?: 2 | 3;
  /** Hide excerpts for dense lists. */
  compact?: boolean;
  /** Start number for the list (1-based position of the first post), so deep pages keep their place. */
  start?: number;
};

/** The state a list link carries, so the article's "back to list" can go back in history. */
export const fromListState = { listDepth: 1 } as const;

export function PostList({
  posts,
  timeZone,
  categoryNames,
  headingLevel = 2,
  compact = false,
  start,
}: PostListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol start={start} className="divide-y divide-rule">
      {posts.map((post) => {
        const category = post.categories[0];
        return (
          <ReaderRow key={post.url} url={post.url} className={compact ? 'py-3' : 'py-5'}>
            <article>
              <Heading
                className={`font-serif font-semibold text-ink ${compact ? 'text-base' : 'text-lg sm:text-xl'} leading-snug`}
              >
                <Link
                  to={paths.post(post.url)}
                  state={fromListState}
                  className="headline-link"
                  {...getShortcutProps('open')}
                >
                  {post.title}
                </Link>
              </Heading>
              {!compact && post.excerpt ? (
                <p className="mt-2 line-clamp-3 text-[0.95em] leading-relaxed text-ink/80">
                  {post.excerpt}
                </p>
              ) : null}
              <p className="mt-2 flex flex-wrap items-center gap-x-3 text-xs text-muted">
                <PostTime iso={post.date} timeZone={timeZone} lang={post.lang} />
                {category ? <span>{categoryNames.get(category) ?? category}</span> : null}
                <ReaderRowActions post={post} />
              </p>
            </article>
          </ReaderRow>
        );
      })}
    </ol>
  );
}
