import type { PostSummary } from '../../shared/schema';
import { getDayKey } from '../../shared/dates';

/**
 * One row of a list: a post, and the copies of it that other sources posted in the same minute
 * under the same title (a wire cross-posts a story to several feeds). Both row kinds (compact and
 * card) take this one item type.
 */
export type ListItem = {
  post: PostSummary;
  /** Display names of the sources (categories) that carry this story, the row's own first. */
  sources: string[];
  /** The other sources' posts folded into this row. */
  copies: PostSummary[];
};

/** A run of items that fall on one day in the site's timezone, newest first as the list is. */
export type DayGroup = { day: string; items: ListItem[] };

const MINUTE = 60_000;

function getSourceName(post: PostSummary, categoryNames: ReadonlyMap<string, string>): string {
  const category = post.categories[0];
  return category ? (categoryNames.get(category) ?? category) : '';
}

/**
 * Fold cross-posts: posts with the same title in the same minute from different sources become
 * one item naming every source. A second post of the same source stays a row of its own (a
 * correction is news). The order of first appearance is kept.
 */
export function foldCrossPosts(
  posts: readonly PostSummary[],
  categoryNames: ReadonlyMap<string, string>,
): ListItem[] {
  const items: ListItem[] = [];
  const open = new Map<string, ListItem>();
  for (const post of posts) {
    const source = getSourceName(post, categoryNames);
    const key = getStoryKey(post);
    const item = open.get(key);
    if (item && source !== '' && !item.sources.includes(source)) {
      item.sources.push(source);
      item.copies.push(post);
      continue;
    }
    const created: ListItem = { post, sources: source ? [source] : [], copies: [] };
    items.push(created);
    if (!item) open.set(key, created);
  }
  return items;
}

/** Split a newest-first run of items by day in the site's timezone. */
export function groupByDay(items: readonly ListItem[], timeZone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const day = getDayKey(item.post.date, timeZone);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** What the home shows once: the folded stream, then each source with headlines not yet shown. */
export type HomeItems = {
  stream: ListItem[];
  sections: { category: string; items: ListItem[] }[];
};

/** How a story is known across lists: its title and minute (the cross-post rule). */
function getStoryKey(post: PostSummary): string {
  return `${Math.floor(Date.parse(post.date) / MINUTE)}|${post.title.trim()}`;
}

/**
 * The home without repeats: a story in the stream is not shown again under its source, and a
 * story cross-posted to several sources appears under the first of them only.
 */
export function pickHomeItems(
  home: {
    latest: readonly PostSummary[];
    sections: readonly { category: string; posts: readonly PostSummary[] }[];
  },
  categoryNames: ReadonlyMap<string, string>,
  sectionSize: number,
): HomeItems {
  const stream = foldCrossPosts(home.latest, categoryNames);
  const seen = new Set<string>();
  for (const item of stream)
    for (const post of [item.post, ...item.copies]) {
      seen.add(post.url);
      seen.add(getStoryKey(post));
    }
  const sections = home.sections.map(({ category, posts }) => {
    const items: ListItem[] = [];
    for (const post of posts) {
      if (items.length >= sectionSize) break;
      const story = getStoryKey(post);
      if (seen.has(post.url) || seen.has(story)) continue;
      seen.add(post.url);
      seen.add(story);
      items.push({ post, sources: [getSourceName(post, categoryNames)], copies: [] });
    }
    return { category, items };
  });
  return { stream, sections };
}
