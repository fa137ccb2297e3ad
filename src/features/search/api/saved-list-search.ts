/**
 * Search offline within a list saved for offline reading (docs/decisions/026-search-saved-offline.md).
 * Saving a list keeps its article buckets, which hold every post's title and body; a query
 * restricted to that list (its category, its tag, or any query when the whole archive is saved)
 * is answered by scanning them with the same rule the index follows: the query's words as written,
 * in the indexed share of the title and text. No search file is fetched or kept for it.
 */
import type { Article } from '../../../shared/schema';
import type { SavedList } from '../../../lib/saved-lists';
import { MAX_INDEXED_CHARS, markQuery } from '../../../shared/search-text';
import { PAGE_SIZE, decodeEntities, toCounts, toMonths } from './search-engine';
import type { SearchHit, SearchOutcome, SearchRequest } from './search-engine';

/** Characters of text shown before and after the first match. */
const EXCERPT_BEFORE = 30;
const EXCERPT_AFTER = 80;

/** Tags whose end is a break between words in the indexed text (as the prebuild reads HTML). */
const BLOCK_TAG =
  /^(?:address|article|aside|blockquote|br|caption|center|dd|details|dialog|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|img|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|iframe)$/i;

/**
 * The plain text of a post's (untrusted) HTML, as a string: never parsed into a document. Tags
 * out (a space for a block tag), what a reader does not see dropped, entities decoded.
 */
export function toSearchText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
      .replace(/<(script|style|template|noscript|title)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<\/?([a-z][a-z0-9-]*)[^>]*>/gi, (_, name: string) =>
        BLOCK_TAG.test(name) ? ' ' : '',
      ),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The saved list that holds every post a request can match, if there is one. */
export function findSavedListFor(
  saved: readonly SavedList[],
  request: Pick<SearchRequest, 'category' | 'tag'>,
): SavedList | null {
  return (
    saved.find(
      (entry) =>
        entry.list === 'all' ||
        (request.category !== '' && entry.list === `c:${request.category}`) ||
        (request.tag !== '' && entry.list === `t:${request.tag}`),
    ) ?? null
  );
}

/** Each post's text once: the buckets come from the query cache, the same objects every time. */
const texts = new WeakMap<Article, string>();

function getText(post: Article): string {
  let text = texts.get(post);
  if (text === undefined)
    texts.set(post, (text = toSearchText(post.html).slice(0, MAX_INDEXED_CHARS)));
  return text;
}

type Match = { post: Article; text: string; inTitle: boolean; count: number; at: number };

function toExcerpt(match: Match): string {
  if (match.at < 0) return match.post.excerpt;
  const from = Math.max(0, match.at - EXCERPT_BEFORE);
  const to = Math.min(match.text.length, match.at + EXCERPT_AFTER);
  return `${from > 0 ? '…' : ''}${match.text.slice(from, to)}${to < match.text.length ? '…' : ''}`;
}

/** Where the query's first match starts in `text`, and how many matches there are. */
function findMatches(text: string, query: string): { at: number; count: number } {
  let at = -1;
  let count = 0;
  let position = 0;
  for (const part of markQuery(text, query)) {
    if (part.marked) {
      if (at < 0) at = position;
      count++;
    }
    position += part.text.length;
  }
  return { at, count };
}

/**
 * The outcome of `request` over `posts` (the saved list's buckets; posts of other lists in them
 * are filtered out like any other): the same totals, facets and pages as the index would give.
 * Best match puts posts with the query in their title first, then by how often it occurs.
 */
export function searchPosts(
  posts: readonly Article[],
  request: SearchRequest,
  savedList: string,
): SearchOutcome {
  const matches: Match[] = [];
  const seen = new Set<string>();
  for (const post of posts) {
    if (seen.has(post.url)) continue;
    seen.add(post.url);
    if (request.category && !post.categories.includes(request.category)) continue;
    if (request.tag && !post.tags.includes(request.tag)) continue;
    const day = post.date.slice(0, 10);
    if ((request.from && day < request.from) || (request.to && day > request.to)) continue;
    const text = getText(post);
    const title = findMatches(post.title, request.q);
    const body = findMatches(text, request.q);
    if (title.count + body.count === 0) continue;
    matches.push({
      post,
      text,
      inTitle: title.count > 0,
      count: title.count + body.count,
      at: body.at,
    });
  }
  const byDate = (a: Match, b: Match) =>
    a.post.date < b.post.date ? 1 : a.post.date > b.post.date ? -1 : 0;
  matches.sort(
    request.order === 'relevance'
      ? (a, b) => Number(b.inTitle) - Number(a.inTitle) || b.count - a.count || byDate(a, b)
      : byDate,
  );
  const counts = (values: (post: Article) => string[]) => {
    const result: Record<string, number> = {};
    for (const { post } of matches)
      for (const value of new Set(values(post))) result[value] = (result[value] ?? 0) + 1;
    return result;
  };
  const start = (Math.max(1, request.page) - 1) * PAGE_SIZE;
  const hits: SearchHit[] = matches.slice(start, start + PAGE_SIZE).map((match) => ({
    url: match.post.url,
    title: match.post.title,
    date: match.post.date,
    excerpt: toExcerpt(match),
  }));
  return {
    total: matches.length,
    hits,
    categories: toCounts(counts((post) => post.categories)),
    tags: toCounts(counts((post) => post.tags)),
    months: toMonths(counts((post) => [post.date.slice(0, 10)])),
    since: null,
    more: start + PAGE_SIZE < matches.length,
    savedList,
  };
}
