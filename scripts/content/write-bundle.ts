/**
 * Turns the posts read from a site into the files of the data bundle (see
 * docs/decisions/002-bundle-layout.md). Pure: no file system, no clock, no Node-only API, so
 * app tests can build fixture bundles with it in the browser-like test environment.
 */
import { z } from 'zod/mini';
import {
  ARTICLE_INDEX_PAGE_SIZE,
  BUNDLE_SCHEMA_VERSION,
  LIST_CHUNK_SIZE,
  LIST_HEAD_CHUNKS,
  articleBucketSchema,
  articleIndexPageSchema,
  buildReportSchema,
  homeSchema,
  listChunkSchema,
  listIndexSchema,
  manifestSchema,
  postSummarySchema,
  articleSchema,
} from '../../src/shared/schema';
import type {
  Article,
  ArticleAlias,
  BuildReport,
  Category,
  ChunkRef,
  DayCounts,
  Diagnostic,
  Home,
  ListRef,
  Manifest,
  PostLink,
  PostSummary,
  SearchIndex,
  SearchRuntime,
  Tag,
} from '../../src/shared/schema';
import { getCategorySlug, listIds } from '../../src/shared/paths';
import { countDaysBetween, getDayKey } from '../../src/shared/dates';
import { compareText, comparePostsOldestFirst } from '../../src/shared/list-math';
import { getBucket, getBucketCount, getPostKey } from '../../src/shared/post-key';
import { getArchiveFolder, getPostsEntry } from './read-file-name';
import type { SiteConfig, SourcePost } from './types';

/** Posts on the home page's "latest" stream. */
export const HOME_LATEST = 20;
/**
 * Posts kept for each category section of the home: its newest that are not in the stream, twice
 * what a section shows, so the app can still fill it after dropping cross-posts of stories already
 * on screen.
 */
export const HOME_SECTION_SIZE = 10;

/** A tag names a category when at least this share of the tag's posts are in it... */
const NAME_TAG_EXCLUSIVITY = 0.8;
/** ...and it is on at least this share of the category's posts. */
const NAME_TAG_COVERAGE = 0.5;

export type SkippedFile = { file: string; reason: string };

export type BundleInput = {
  config: SiteConfig;
  /** Every post read (the reader has left out future-dated and unpublished files), in any order. */
  posts: readonly SourcePost[];
  /** Files under `_posts/` that were not posts at all. */
  skipped?: readonly SkippedFile[];
  diagnostics?: readonly Diagnostic[];
  /** Path of the search index relative to the out dir (`pagefind/`), or null without search. */
  search?: string | null;
  /** The search indexes of the bundle's posts (oldest first), planned before they are built. */
  planSearch?: (oldestFirst: readonly SourcePost[]) => {
    indexes: SearchIndex[];
    runtimes: SearchRuntime[];
  };
  /** Extra old host names whose links should become in-app links. */
  hosts?: readonly string[];
  /** File-name hash; the default is a small pure function that runs anywhere. */
  hash?: (text: string) => string;
  /**
   * Receives each file as soon as it is made (the manifest comes last). Given this, the bundle's
   * `files` stays empty, so a large archive need not hold all its output in memory.
   */
  write?: (path: string, text: string) => void;
};

export type Bundle = {
  /** Path relative to the out dir (`manifest.json`, `lists/<hash>.json`) → file text; empty when `write` was given. */
  files: Map<string, string>;
  manifest: Manifest;
  report: BuildReport;
  /** The posts in the bundle (duplicates left out), newest first. */
  posts: SourcePost[];
};

/**
 * A 64-bit hash of the UTF-16 code units as 16 hex digits: two multiply-xor lanes mixed at the
 * end. Not cryptographic; it only has to make file names change when their content does.
 */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return toHex(h1) + toHex(h2);
}

function toHex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function getPostSlugs(post: SourcePost): string[] {
  return [...new Set(post.categories.map(getCategorySlug))];
}

/** The site's post languages, most posts first (ties by name), for narrowing lists by language. */
function countLanguages(posts: readonly SourcePost[]): string[] {
  const counts = new Map<string, number>();
  for (const post of posts) counts.set(post.lang, (counts.get(post.lang) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b)).map(([lang]) => lang);
}

function toSummary(post: SourcePost): PostSummary {
  return {
    url: post.url,
    title: post.title,
    date: post.date,
    categories: getPostSlugs(post),
    tags: [...new Set(post.tags)],
    excerpt: post.excerpt,
    chars: post.chars,
    lang: post.lang,
  };
}

/**
 * Which of several files with one URL stays (docs/decisions/009-archive-folders.md): a copy in an
 * archive folder before one under `_posts/` (the archive's mover writes there last, and file
 * times say nothing on a fresh clone), archive folders in the configured order, then by path.
 */
function compareCopies(archive: readonly string[]) {
  const rank = (post: SourcePost) => {
    const folder = getArchiveFolder(post.file, archive);
    return folder === null ? archive.length : archive.indexOf(folder);
  };
  return (a: SourcePost, b: SourcePost) => rank(a) - rank(b) || compareText(a.file, b.file);
}

/** What a reader sees of a post: two files equal in this are one post, whatever their bytes. */
function getContentKey(post: SourcePost): string {
  return JSON.stringify([post.title, post.date, post.categories, post.tags, post.html]);
}

/** The diagnostics of one left-out copy: a warning on each file, each naming both. */
function describeDuplicate(kept: SourcePost, left: SourcePost, archive: readonly string[]): Diagnostic[] {
  const moved = getArchiveFolder(kept.file, archive) !== null || getArchiveFolder(left.file, archive) !== null;
  if (!moved) {
    // Two posts of `_posts/` under one URL: a mistake in the site, as before archive folders.
    return [
      { file: kept.file, line: 0, severity: 'error', message: `URL ${kept.url} is also the URL of ${left.file}; this file is kept` },
      { file: left.file, line: 0, severity: 'error', message: `URL ${left.url} is already the URL of ${kept.file}; this file is left out` },
    ];
  }
  const same = getContentKey(kept) === getContentKey(left);
  const what = same ? 'the same post' : 'a different version (its content differs)';
  const where =
    getPostKey(kept.url) === getPostKey(left.url)
      ? `at URL ${kept.url}`
      : `under another URL (${left.url} now leads to ${kept.url})`;
  return [
    { file: kept.file, line: 0, severity: 'warning', message: `${left.file} is ${what} ${where}; this file is kept` },
    {
      file: left.file,
      line: 0,
      severity: 'warning',
      message: `${kept.file} is ${what} ${where}; ${kept.file} is kept and this file is left out`,
    },
  ];
}

/**
 * The archive copy each file of the top `_posts/` folder was moved to, by file name below the
 * folder (the archive's mover keeps names): the same post, even when its permalink changed on the
 * way (a later version of the scraper wrote an offset into `date`, which can move the URL's day).
 */
function findMovedCopies(posts: readonly SourcePost[], archive: readonly string[]) {
  const archived = new Map<string, SourcePost>();
  for (const post of [...posts].sort(compareCopies(archive))) {
    if (getArchiveFolder(post.file, archive) === null) continue;
    const entry = getPostsEntry(post.file, archive);
    if (!archived.has(entry)) archived.set(entry, post);
  }
  const moved = new Map<SourcePost, SourcePost>();
  if (archived.size === 0) return moved;
  for (const post of posts) {
    if (!post.file.startsWith('_posts/')) continue;
    const twin = archived.get(getPostsEntry(post.file, archive));
    if (twin) moved.set(post, twin);
  }
  return moved;
}

/**
 * Drops duplicate URLs and copies of moved posts, reporting each; gathers the
 * second addresses of kept posts: the page URLs of archive folder files (a left-out copy's too)
 * and the old permalink of a moved post whose permalink changed.
 */
function selectPosts(posts: readonly SourcePost[], archive: readonly string[]) {
  // Future-dated and unpublished files never get here: the reader skips them (read-post.ts),
  // which lets the cache know when one falls due.
  const byFile = [...posts].sort((a, b) => compareText(a.file, b.file));
  const skipped: SkippedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const pages: ArticleAlias[] = [];
  const moved = findMovedCopies(byFile, archive);
  const groups = new Map<string, SourcePost[]>();
  for (const post of byFile) {
    const twin = moved.get(post);
    if (twin) {
      skipped.push({ file: post.file, reason: `moved to ${twin.file}` });
      diagnostics.push(...describeDuplicate(twin, post, archive));
      // The twin's URL always leads to the kept post, whichever file wins that URL.
      if (getPostKey(post.url) !== getPostKey(twin.url)) pages.push({ path: post.url, url: twin.url });
      continue;
    }
    const key = getPostKey(post.url);
    const group = groups.get(key);
    if (group) group.push(post);
    else groups.set(key, [post]);
  }
  const kept: SourcePost[] = [];
  for (const group of groups.values()) {
    const [winner, ...others] = group.sort(compareCopies(archive));
    if (!winner) continue;
    kept.push(winner);
    for (const copy of [winner, ...others]) {
      if (copy.page !== null) pages.push({ path: copy.page, url: winner.url });
    }
    for (const other of others) {
      skipped.push({ file: other.file, reason: `duplicate URL of ${winner.file}` });
      diagnostics.push(...describeDuplicate(winner, other, archive));
    }
  }
  const keyOf = new Map(kept.map((post) => [getPostKey(post.url), post.url]));
  // A second address never shadows a post's own URL, and each answers once.
  const aliases = new Map<string, ArticleAlias>();
  for (const page of pages.sort((a, b) => compareText(a.path, b.path))) {
    const key = getPostKey(page.path);
    const url = keyOf.get(getPostKey(page.url)) ?? page.url;
    if (!keyOf.has(key) && !aliases.has(key)) aliases.set(key, { path: page.path, url });
  }
  return { kept, skipped, diagnostics, aliases: [...aliases.values()] };
}

type FileSink = {
  write: (path: string, text: string) => void;
  hash: (text: string) => string;
  /** Every path written, for the build id. */
  names: string[];
};

/**
 * Each summary and article is validated once, on its own; the files that carry them are checked
 * with these shells, so a summary shared by three lists is not validated three times over.
 */
const chunkShellSchema = z.omit(listChunkSchema, { posts: true });
const bucketShellSchema = z.omit(articleBucketSchema, { posts: true });

/** Adds a JSON file under a content-hashed name and returns the hash. */
function addHashedFile(sink: FileSink, folder: string, value: unknown): string {
  const text = JSON.stringify(value);
  const hash = sink.hash(text);
  const name = `${folder}/${hash}.json`;
  sink.names.push(name);
  sink.write(name, text);
  return hash;
}

/** Writes a list (given oldest first) as stable chunks plus its index, and returns its ref. */
function addList(sink: FileSink, id: string, oldestFirst: readonly PostSummary[]): ListRef {
  const chunks: (ChunkRef & { index: number })[] = [];
  for (let start = 0, index = 0; start < oldestFirst.length; start += LIST_CHUNK_SIZE, index++) {
    const posts = oldestFirst.slice(start, start + LIST_CHUNK_SIZE);
    const file = addHashedFile(sink, 'lists', { ...chunkShellSchema.parse({ list: id, index }), posts });
    chunks.push({
      file,
      first: posts[0]?.date ?? '',
      last: posts[posts.length - 1]?.date ?? '',
      index,
    });
  }
  const indexValue = listIndexSchema.parse({
    list: id,
    chunks: chunks.map(({ file, first, last }) => ({ file, first, last })),
  });
  return {
    count: oldestFirst.length,
    index: addHashedFile(sink, 'list-index', indexValue),
    head: chunks.slice(-LIST_HEAD_CHUNKS),
  };
}

/** Posts grouped by a key, keeping the oldest-first order within each group. */
function groupPosts(oldestFirst: readonly SourcePost[], getKeys: (post: SourcePost) => string[]) {
  const groups = new Map<string, SourcePost[]>();
  for (const post of oldestFirst) {
    for (const key of getKeys(post)) {
      const group = groups.get(key);
      if (group) group.push(post);
      else groups.set(key, [post]);
    }
  }
  return groups;
}

/** Most posts first, then by name: the order of every ranking in the manifest. */
function compareByCount(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || compareText(a[0], b[0]);
}

function countTags(posts: readonly SourcePost[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const post of posts) {
    for (const tag of new Set(post.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

/**
 * The archive pairs each source's slug with one tag that names it (`emnews` → 东财滚动新闻).
 * That tag is the most used one that lives (mostly) only in this category and is on at least
 * half of its posts; otherwise the slug is the best name there is.
 */
function getCategoryName(
  size: number,
  tagCounts: Map<string, number>,
  tagTotals: Map<string, number>,
): string | null {
  const ranked = [...tagCounts].sort(compareByCount);
  for (const [tag, count] of ranked) {
    if (count < size * NAME_TAG_COVERAGE) break;
    if (count >= (tagTotals.get(tag) ?? 0) * NAME_TAG_EXCLUSIVITY) return tag;
  }
  return null;
}

/**
 * Names categories after their tags only on an archive of that shape (docs/decisions/019):
 * when the categories that have a naming tag hold at least this share of the posts. On a blog a
 * few categories happen to have one, and naming just those after a tag would rename them at random.
 */
const TAG_NAMING_SHARE = 2 / 3;

function fitsTagNaming(tagNames: Map<string, string | null>, sizes: ReadonlyArray<[string, number]>): boolean {
  let named = 0;
  let total = 0;
  for (const [slug, count] of sizes) {
    total += count;
    if (tagNames.get(slug) != null) named += count;
  }
  return total > 0 && named >= total * TAG_NAMING_SHARE;
}

/** The category as its posts write it (case kept), the most used spelling first. */
function getWrittenName(slug: string, posts: readonly SourcePost[]): string {
  const spellings = new Map<string, number>();
  for (const post of posts) {
    for (const category of post.categories) {
      if (getCategorySlug(category) === slug) spellings.set(category, (spellings.get(category) ?? 0) + 1);
    }
  }
  return [...spellings].sort(compareByCount)[0]?.[0] ?? slug;
}

/** Older and newer neighbour of each post in its first category (all posts when it has none). */
function getNeighbours(
  oldestFirst: readonly SourcePost[],
  byCategory: Map<string, SourcePost[]>,
): Map<SourcePost, { prev: PostLink | null; next: PostLink | null }> {
  const toLink = (post: SourcePost | undefined): PostLink | null =>
    post ? { url: post.url, title: post.title } : null;
  const positions = new Map<SourcePost[], Map<SourcePost, number>>();
  const getPosition = (list: SourcePost[], post: SourcePost): number => {
    let index = positions.get(list);
    if (!index) {
      index = new Map(list.map((item, i) => [item, i]));
      positions.set(list, index);
    }
    return index.get(post) ?? -1;
  };
  const uncategorized = oldestFirst.filter((post) => getPostSlugs(post).length === 0);
  const result = new Map<SourcePost, { prev: PostLink | null; next: PostLink | null }>();
  for (const post of oldestFirst) {
    const first = getPostSlugs(post)[0];
    const list = (first === undefined ? uncategorized : byCategory.get(first)) ?? [];
    const at = getPosition(list, post);
    result.set(post, { prev: toLink(list[at - 1]), next: toLink(list[at + 1]) });
  }
  return result;
}

function addArticles(
  sink: FileSink,
  oldestFirst: readonly SourcePost[],
  byCategory: Map<string, SourcePost[]>,
  aliases: readonly ArticleAlias[],
) {
  // Sized by posts alone: aliases ride along, so the bucket count stays that of doubling posts.
  const buckets = getBucketCount(oldestFirst.length);
  const neighbours = getNeighbours(oldestFirst, byCategory);
  const byBucket = new Map<number, { posts: Article[]; aliases: ArticleAlias[] }>();
  const getEntry = (bucket: number) => {
    let entry = byBucket.get(bucket);
    if (!entry) {
      entry = { posts: [], aliases: [] };
      byBucket.set(bucket, entry);
    }
    return entry;
  };
  for (const post of oldestFirst) {
    const links = neighbours.get(post) ?? { prev: null, next: null };
    const article = articleSchema.parse({ ...toSummary(post), html: post.html, source: post.source, ...links });
    getEntry(getBucket(post.url, buckets)).posts.push(article);
  }
  for (const alias of aliases) getEntry(getBucket(alias.path, buckets)).aliases.push(alias);
  const hashes: (string | null)[] = new Array<string | null>(buckets).fill(null);
  for (const [bucket, entry] of [...byBucket].sort(([a], [b]) => a - b)) {
    const posts = entry.posts.sort((a, b) => compareText(a.url, b.url));
    const shell = bucketShellSchema.parse({ bucket, aliases: entry.aliases.sort((a, b) => compareText(a.path, b.path)) });
    hashes[bucket] = addHashedFile(sink, 'articles', { ...shell, posts });
  }
  const pages: string[] = [];
  for (let start = 0, page = 0; start < buckets; start += ARTICLE_INDEX_PAGE_SIZE, page++) {
    const value = articleIndexPageSchema.parse({
      page,
      buckets: hashes.slice(start, start + ARTICLE_INDEX_PAGE_SIZE),
    });
    pages.push(addHashedFile(sink, 'article-index', value));
  }
  return { buckets, pages };
}

/** Host of an absolute or protocol-relative address, or null. */
function getHost(address: string): string | null {
  const match = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:]+)/i.exec(address);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * Hosts the archive once lived on: the configured one and every host a post links to at its
 * root with a protocol-relative link (the `[返回首页](//old-host/)` footers).
 */
function findHosts(config: SiteConfig, posts: readonly SourcePost[], extra: readonly string[]) {
  const hosts = new Set(extra.map((host) => host.toLowerCase()));
  const own = getHost(config.url);
  if (own) hosts.add(own);
  const rootLink = /href="\/\/([^/"?#:]+)\/"/g;
  for (const post of posts) {
    for (const match of post.html.matchAll(rootLink)) {
      if (match[1]) hosts.add(match[1].toLowerCase());
    }
  }
  return [...hosts].sort(compareText);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.severity, b.severity) ||
    compareText(a.message, b.message)
  );
}

/** Every file of the bundle for these posts; equal input gives equal bytes. */
export function createBundle(input: BundleInput): Bundle {
  const { config } = input;
  const files = new Map<string, string>();
  const sink: FileSink = {
    write: input.write ?? ((path, text) => files.set(path, text)),
    hash: input.hash ?? hashText,
    names: [],
  };
  const selected = selectPosts(input.posts, config.archive);
  const oldestFirst = selected.kept.sort(comparePostsOldestFirst);
  const summaries = new Map(oldestFirst.map((post) => [post, postSummarySchema.parse(toSummary(post))]));
  const summarize = (posts: readonly SourcePost[]) =>
    posts.map((post) => summaries.get(post) ?? toSummary(post));
  const latest = oldestFirst.slice(-HOME_LATEST);
  const inLatest = new Set(latest);
  /** The newest posts of a section that the stream does not already show, newest first. */
  const summarizeSection = (posts: readonly SourcePost[]) => {
    const picked: SourcePost[] = [];
    for (let index = posts.length - 1; index >= 0 && picked.length < HOME_SECTION_SIZE; index--)
      if (!inLatest.has(posts[index]!)) picked.push(posts[index]!);
    return summarize(picked);
  };

  const all = addList(sink, listIds.all, summarize(oldestFirst));

  const byCategory = groupPosts(oldestFirst, getPostSlugs);
  const byTag = groupPosts(oldestFirst, (post) => [...new Set(post.tags)]);
  const tagTotals = new Map([...byTag].map(([tag, posts]) => [tag, posts.length]));
  const categoryOrder = [...byCategory]
    .map(([slug, posts]): [string, number] => [slug, posts.length])
    .sort(compareByCount);

  const tagCountsBySlug = new Map(categoryOrder.map(([slug]) => [slug, countTags(byCategory.get(slug) ?? [])]));
  const tagNames = new Map(
    categoryOrder.map(([slug, count]) => [slug, getCategoryName(count, tagCountsBySlug.get(slug) ?? new Map(), tagTotals)]),
  );
  const byTagName = fitsTagNaming(tagNames, categoryOrder);
  const categories: Category[] = categoryOrder.map(([slug, count]) => {
    const posts = byCategory.get(slug) ?? [];
    const tagCounts = tagCountsBySlug.get(slug) ?? new Map<string, number>();
    return {
      slug,
      name: (byTagName ? tagNames.get(slug) : null) ?? getWrittenName(slug, posts),
      count,
      list: addList(sink, listIds.category(slug), summarize(posts)),
      tags: [...tagCounts].sort(compareByCount).map(([name, n]) => ({ name, count: n })),
    };
  });
  const tags: Tag[] = [...tagTotals].sort(compareByCount).map(([name, count]) => ({
    name,
    count,
    shared: (byTag.get(name) ?? []).filter((post) => new Set(post.tags).size > 1).length,
    list: addList(sink, listIds.tag(name), summarize(byTag.get(name) ?? [])),
  }));

  const home: Home = homeSchema.parse({
    latest: summarize([...latest].reverse()),
    sections: categoryOrder.map(([slug]) => ({
      category: slug,
      posts: summarizeSection(byCategory.get(slug) ?? []),
    })),
  });
  const homeHash = addHashedFile(sink, 'home', home);
  const articles = addArticles(sink, oldestFirst, byCategory, selected.aliases);

  const skipped = [...(input.skipped ?? []), ...selected.skipped].sort((a, b) =>
    compareText(a.file, b.file),
  );
  const report = buildReportSchema.parse({
    inputs: oldestFirst.length + skipped.length,
    posts: oldestFirst.length,
    skipped,
    diagnostics: [...(input.diagnostics ?? []), ...selected.diagnostics].sort(compareDiagnostics),
    urls: Object.fromEntries(
      [...oldestFirst].sort((a, b) => compareText(a.file, b.file)).map((post) => [post.file, post.url]),
    ),
  });
  const reportText = JSON.stringify(report);
  sink.write('build-report.json', reportText);

  // Shard names already are content hashes, so their names plus the report's hash cover every
  // byte written: equal bundles get equal ids without hashing the shards twice.
  // The search folders are named by a hash of their records, so their names cover the index too.
  const { indexes: searchIndexes, runtimes: searchRuntimes } =
    input.search && input.planSearch
      ? input.planSearch(oldestFirst)
      : { indexes: [], runtimes: [] };
  const buildId = sink.hash(
    [...new Set(sink.names)]
      .sort(compareText)
      .concat(
        [...searchRuntimes, ...searchIndexes].map((index) => `${input.search ?? ''}${index.path}`),
      )
      .concat(sink.hash(reportText))
      .join('\n'),
  );
  const manifest = manifestSchema.parse({
    schema: BUNDLE_SCHEMA_VERSION,
    buildId,
    site: {
      title: config.title,
      description: config.description,
      lang: config.lang,
      languages: countLanguages(oldestFirst),
      timezone: config.timezone,
      url: joinSiteUrl(config.url, config.baseurl),
      hosts: findHosts(config, oldestFirst, [...config.formerHosts, ...(input.hosts ?? [])]),
    },
    posts: oldestFirst.length,
    newest: oldestFirst[oldestFirst.length - 1]?.date ?? null,
    home: homeHash,
    all,
    categories,
    tags,
    articles,
    search: input.search ?? null,
    days: countPostsByDay(oldestFirst, config.timezone),
    searchIndexes,
    searchRuntimes,
  });
  sink.write('manifest.json', JSON.stringify(manifest));
  return { files, manifest, report, posts: [...oldestFirst].reverse() };
}

/** Posts per day in the site's timezone, every day from the oldest post's to the newest's. */
function countPostsByDay(oldestFirst: readonly SourcePost[], timeZone: string): DayCounts {
  const first = oldestFirst[0];
  if (!first) return { first: '', counts: [] };
  const firstDay = getDayKey(first.date, timeZone);
  const counts: number[] = [];
  for (const post of oldestFirst) {
    const index = countDaysBetween(firstDay, getDayKey(post.date, timeZone));
    while (counts.length <= index) counts.push(0);
    counts[index]! += 1;
  }
  return { first: firstDay, counts };
}

function joinSiteUrl(url: string, baseurl: string): string {
  if (!url) return '';
  const base = baseurl.replace(/^\/+|\/+$/g, '');
  return url.replace(/\/+$/, '') + (base ? `/${base}` : '');
}
