import { useState } from 'react';
import { Link } from 'react-router-dom';
import { paths } from '../../../shared/paths';
import { formatClock, formatDayHeading, getDayKey, getZoneLabel } from '../../../shared/dates';
import type { ListMode } from '../../../lib/settings';
import { useMessages } from '../../../lib/i18n';
import { HeadlineText } from '../../../components/ui/headline-text';
import { PostTime } from '../../../components/ui/post-time';
import { groupByDay, type ListItem } from '../list-items';
import { ReaderRow, ReaderRowActions } from '../../../components/reader/reader-row';
import { ReadToggle } from '../../../components/reader/read-toggle';
import { SaveButton } from '../../../components/reader/save-button';
import { OfflineMark } from '../../../components/reader/offline-mark';
import { getShortcutProps } from '../../../lib/shortcut-targets';
import { useIsHydrated } from '../../../lib/hydration';

/** The state a list link carries, so the article's "back to list" can go back in history. */
export const fromListState = { listDepth: 1 } as const;

type HeadingLevel = 2 | 3 | 4;
const headingTags = { 2: 'h2', 3: 'h3', 4: 'h4' } as const;

/** What every row kind takes: one item (a post and its folded cross-posts). */
export type PostRowProps = {
  item: ListItem;
  timeZone: string;
  headingLevel: HeadingLevel;
  /** The source every row of this list has (a category's own list): named only when others join it. */
  listSource?: string;
};

/** The names of the sources of a row, as one string ("财联社、东方财富"). */
function useSourcesText(item: ListItem, listSource?: string): string {
  const { lang } = useMessages();
  if (listSource && item.sources.length === 1 && item.sources[0] === listSource) return '';
  return item.sources.join(lang === 'zh-CN' ? '、' : ', ');
}

/**
 * One line: time of day (site timezone), title, source(s). The title is cut with an ellipsis
 * rather than wrapped, so a phone shows a screenful of headlines.
 */
export function CompactRow({ item, timeZone, headingLevel, listSource }: PostRowProps) {
  const Heading = headingTags[headingLevel];
  const sources = useSourcesText(item, listSource);
  return (
    <article className="compact-row">
      <ReadToggle post={item.post} variant="compact" />
      <time dateTime={item.post.date} className="compact-row-time">
        {formatClock(item.post.date, timeZone)}
      </time>
      <Heading className="compact-row-title">
        <Link
          to={paths.post(item.post.url)}
          state={fromListState}
          className="headline-link"
          {...getShortcutProps('open')}
        >
          {item.post.title}
        </Link>
      </Heading>
      <span className="compact-row-source">
        <OfflineMark url={item.post.url} />
        {sources}
      </span>
      <SaveButton post={item.post} variant="compact" />
    </article>
  );
}

export type CardRowProps = PostRowProps & { showExcerpt?: boolean };

/** Headline, excerpt, full date and source(s): the reading mode with more to see per post. */
export function CardRow({
  item,
  timeZone,
  headingLevel,
  listSource,
  showExcerpt = true,
}: CardRowProps) {
  const Heading = headingTags[headingLevel];
  const sources = useSourcesText(item, listSource);
  return (
    <article>
      <Heading
        className={`font-serif font-semibold text-pretty text-ink ${showExcerpt ? 'text-lg sm:text-xl' : 'text-base'} leading-snug`}
      >
        <Link
          to={paths.post(item.post.url)}
          state={fromListState}
          className="headline-link"
          {...getShortcutProps('open')}
        >
          <HeadlineText text={item.post.title} />
        </Link>
      </Heading>
      {showExcerpt && item.post.excerpt ? (
        <p className="mt-2 line-clamp-3 text-[0.95em] leading-relaxed text-ink/80">
          {item.post.excerpt}
        </p>
      ) : null}
      <p className="mt-2 flex flex-wrap items-center gap-x-3 text-xs text-muted">
        <PostTime iso={item.post.date} timeZone={timeZone} />
        {sources ? <span>{sources}</span> : null}
        <OfflineMark url={item.post.url} />
        <ReaderRowActions post={item.post} />
      </p>
    </article>
  );
}

export type PostListProps = {
  items: readonly ListItem[];
  timeZone: string;
  mode: ListMode;
  headingLevel?: HeadingLevel;
  /** Cards without excerpts, for side columns. */
  showExcerpt?: boolean;
  /** Start number for the list (1-based position of the first post), so deep pages keep their place. */
  start?: number;
  listSource?: string;
};

/** A plain run of rows of one kind. */
export function PostList({
  items,
  timeZone,
  mode,
  headingLevel = 2,
  showExcerpt = true,
  start,
  listSource,
}: PostListProps) {
  return (
    <ol start={start} className="divide-y divide-rule">
      {items.map((item) => (
        <ReaderRow
          key={item.post.url}
          url={item.post.url}
          className={mode === 'compact' ? '' : showExcerpt ? 'py-5' : 'py-3'}
        >
          {mode === 'compact' ? (
            <CompactRow
              item={item}
              timeZone={timeZone}
              headingLevel={headingLevel}
              listSource={listSource}
            />
          ) : (
            <CardRow
              item={item}
              timeZone={timeZone}
              headingLevel={headingLevel}
              showExcerpt={showExcerpt}
              listSource={listSource}
            />
          )}
        </ReaderRow>
      ))}
    </ol>
  );
}

/**
 * Today in the site's timezone, read once when the list mounts; empty on a pre-rendered page until
 * it is hydrated (the page was written on another day, maybe), so its headings name dates.
 */
function useToday(timeZone: string): string {
  const [now] = useState(() => Date.now());
  return useIsHydrated() ? getDayKey(now, timeZone) : '';
}

export type DayListProps = {
  items: readonly ListItem[];
  timeZone: string;
  /** Level of the day headings; the rows' titles are one below. */
  headingLevel?: 2 | 3;
  listSource?: string;
};

/**
 * The time-led list: rows under day headings (今天, 昨天, 5月31日 星期二), days and times in the
 * site's timezone whatever the reader's clock says, the zone named once above the list.
 */
export function DayList({ items, timeZone, headingLevel = 2, listSource }: DayListProps) {
  const { t, lang } = useMessages();
  const DayHeading = headingTags[headingLevel];
  const today = useToday(timeZone);
  const words = { today: t.today, yesterday: t.yesterday };
  const zone = t.timesIn(getZoneLabel(timeZone, lang));
  return (
    <div>
      {groupByDay(items, timeZone).map((group, index) => (
        <section key={group.day}>
          <div className="day-heading">
            <DayHeading>
              <time dateTime={group.day}>{formatDayHeading(group.day, today, words, lang)}</time>
            </DayHeading>
            {/* The zone is said once, beside the first day. */}
            {index === 0 ? <p className="day-heading-zone">{zone}</p> : null}
          </div>
          <PostList
            items={group.items}
            timeZone={timeZone}
            mode="compact"
            headingLevel={headingLevel === 2 ? 3 : 4}
            listSource={listSource}
          />
        </section>
      ))}
    </div>
  );
}
