/**
 * The one way to read a bundle: manifest → list page, manifest → article, manifest → every file a
 * list needs. Pure: it never fetches on its own but asks a `LoadBundleFile` function, which the
 * app backs with its query cache, the prebuild's page writer with the file system, and tests with
 * either. The bucket and chunk arithmetic therefore exists once. See docs/decisions/008-bundle-reader.md.
 */
import { dataPaths } from './paths';
import {
  getArticleLocation,
  getBucket,
  getBucketSlot,
  getIndexPageOf,
  getPostKey,
} from './post-key';
import {
  articleBucketSchema,
  articleIndexPageSchema,
  homeSchema,
  LIST_CHUNK_SIZE,
  listChunkSchema,
  listIndexSchema,
  type Article,
  type ArticleAlias,
  type ArticleBucket,
  type ArticleIndexPage,
  type ChunkRef,
  type Home,
  type ListChunk,
  type ListIndex,
  type ListRef,
  type Schema,
  type Manifest,
  type PostSummary,
} from './schema';
import {
  compareText,
  comparePostsNewestFirst,
  getChunkCount,
  getHeadIfComplete,
  getPageChunkRange,
  getSiteDay,
  isChunkInRange,
  isDayInRange,
  PAGE_SIZE,
} from './list-math';

/** What each hashed data file kind holds. */
type BundleFileTypes = {
  home: Home;
  listIndex: ListIndex;
  listChunk: ListChunk;
  articleIndex: ArticleIndexPage;
  articleBucket: ArticleBucket;
};

export type BundleFileKind = keyof BundleFileTypes;

/** Every kind, as a value (for schemas of stored file lists). */
export const bundleFileKinds = [
  'home',
  'listIndex',
  'listChunk',
  'articleIndex',
  'articleBucket',
] as const satisfies readonly BundleFileKind[];
export type BundleFile<K extends BundleFileKind> = BundleFileTypes[K];

/** Every hashed data file kind: its schema and where it lives under the deployed root. */
export const bundleFiles: {
  [K in BundleFileKind]: { schema: Schema<BundleFile<K>>; path: (hash: string) => string };
} = {
  home: { schema: homeSchema, path: dataPaths.home },
  listIndex: { schema: listIndexSchema, path: dataPaths.listIndex },
  listChunk: { schema: listChunkSchema, path: dataPaths.listChunk },
  articleIndex: { schema: articleIndexPageSchema, path: dataPaths.articleIndex },
  articleBucket: { schema: articleBucketSchema, path: dataPaths.articleBucket },
};

/** Load (and parse with its schema) the data file of `kind` named `hash`. */
export type LoadBundleFile = <K extends BundleFileKind>(
  kind: K,
  hash: string,
) => Promise<BundleFile<K>>;

export type BundleFileRef = { kind: BundleFileKind; hash: string };

/** The `data/…` path of a hashed file. */
export function getBundleFilePath(file: BundleFileRef): string {
  return bundleFiles[file.kind].path(file.hash);
}

/** A stored chunk reference, from the manifest's head when it is there, else from the list index. */
async function getChunkRef(load: LoadBundleFile, list: ListRef, index: number): Promise<ChunkRef> {
  const head = list.head.find((chunk) => chunk.index === index);
  if (head) return head;
  const listIndex = await load('listIndex', list.index);
  const ref = listIndex.chunks[index];
  if (!ref) throw new Error(`List ${listIndex.list} has no chunk ${index}`);
  return ref;
}

async function getAllChunkRefs(load: LoadBundleFile, list: ListRef): Promise<ChunkRef[]> {
  return getHeadIfComplete(list) ?? (await load('listIndex', list.index)).chunks;
}

async function readChunk(
  load: LoadBundleFile,
  list: ListRef,
  index: number,
): Promise<PostSummary[]> {
  const ref = await getChunkRef(load, list, index);
  return (await load('listChunk', ref.file)).posts;
}

/**
 * The posts of one stored list, newest first, limited to the calendar days `from`..`to` (either
 * may be empty), reading one chunk at a time and only the chunks that can hold such posts.
 */
export async function* readNewestFirst(
  load: LoadBundleFile,
  list: ListRef,
  from = '',
  to = '',
): AsyncGenerator<PostSummary> {
  for (let index = getChunkCount(list.count) - 1; index >= 0; index--) {
    const ref = await getChunkRef(load, list, index);
    // Older chunks only get older: once one ends before `from`, none after it can match.
    if (from && getSiteDay(ref.last) < from) return;
    if (!isChunkInRange(ref, from, to)) continue;
    const posts = (await load('listChunk', ref.file)).posts;
    for (let offset = posts.length - 1; offset >= 0; offset--) {
      const post = posts[offset];
      if (post && isDayInRange(post.date, from, to)) yield post;
    }
  }
}

/** The newest `limit` posts of a list (all of them without a limit). */
export async function readNewestPosts(
  load: LoadBundleFile,
  list: ListRef,
  limit = Infinity,
): Promise<PostSummary[]> {
  const posts: PostSummary[] = [];
  if (limit <= 0) return posts;
  for await (const post of readNewestFirst(load, list)) {
    posts.push(post);
    if (posts.length >= limit) break;
  }
  return posts;
}

/** What one list view shows, resolved against a manifest: which lists to read and what to keep of them. */
export type ListSelection = {
  /** Lists whose union holds every post to show: the list itself, or the chosen tags' lists. */
  sources: ListRef[];
  /** Keep only posts of this category (set when the tags' lists are read for a category view). */
  category: string | null;
  /** Keep only posts with one of these tags (set when a list is read and filtered by tags). */
  tags: string[];
  /** Calendar days in the site's timezone, `YYYY-MM-DD`, or empty. */
  from: string;
  to: string;
  /** Most posts that can match, from the manifest's counts alone (dates not counted). */
  bound: number;
  /** Whether `bound` is the exact number of matches (chosen tags share no post, no dates). */
  boundIsExact: boolean;
};

/** The list a view starts from: a category, a tag, or all posts, with the tags it can be filtered by. */
export type ListBase = {
  ref: ListRef;
  /** The category slug of a category list, else null. */
  category: string | null;
  /** Tags used in this list with their counts in it. */
  tagCounts: readonly { name: string; count: number }[];
};

export type ListFilter = { tags: readonly string[]; from: string; to: string };

/**
 * How to read a list under a filter, as cheaply as the manifest allows. Without tags it is the list
 * itself. With tags it is the union of the tags' lists, or for a category view whichever is
 * smaller to walk: the tags' lists kept to the category, or the category kept to the tags.
 */
export function selectList(manifest: Manifest, base: ListBase, filter: ListFilter): ListSelection {
  const { from, to } = filter;
  const offered = new Map(base.tagCounts.map((tag) => [tag.name, tag.count]));
  const chosen = manifest.tags.filter(
    (tag) => filter.tags.includes(tag.name) && offered.has(tag.name),
  );
  if (chosen.length === 0) {
    const bound = base.ref.count;
    return {
      sources: [base.ref],
      category: null,
      tags: [],
      from,
      to,
      bound,
      boundIsExact: !from && !to,
    };
  }
  const bound = Math.min(
    base.ref.count,
    chosen.reduce((sum, tag) => sum + (offered.get(tag.name) ?? 0), 0),
  );
  const tagPosts = chosen.reduce((sum, tag) => sum + tag.count, 0);
  const boundIsExact = !from && !to && chosen.every((tag) => tag.shared === 0);
  if (base.category !== null && base.ref.count < tagPosts) {
    return {
      sources: [base.ref],
      category: null,
      tags: chosen.map((tag) => tag.name),
      from,
      to,
      bound,
      boundIsExact,
    };
  }
  // A tag all of whose posts are in this list needs no category check.
  const outside = chosen.some((tag) => tag.count !== offered.get(tag.name));
  const category = base.category !== null && outside ? base.category : null;
  const sources = chosen.map((tag) => tag.list);
  return { sources, category, tags: [], from, to, bound, boundIsExact };
}

/** One UI page of a list, newest first. `total` is exact when `exact`, else an upper bound. */
export type ListPage = { posts: PostSummary[]; total: number; exact: boolean };

function matchesSelection(post: PostSummary, selection: ListSelection): boolean {
  if (selection.category !== null && !post.categories.includes(selection.category)) return false;
  if (selection.tags.length > 0 && !post.tags.some((tag) => selection.tags.includes(tag)))
    return false;
  return true;
}

/** Page `page` of a whole stored list: its chunks found by position, nothing else read. */
async function readStoredPage(
  load: LoadBundleFile,
  list: ListRef,
  page: number,
): Promise<ListPage> {
  const range = getPageChunkRange(list.count, page);
  if (!range) return { posts: [], total: list.count, exact: true };
  const indexes: number[] = [];
  for (let index = range.first; index <= range.last; index++) indexes.push(index);
  const chunks = await Promise.all(indexes.map((index) => readChunk(load, list, index)));
  const posts: PostSummary[] = [];
  chunks.forEach((chunk, position) => {
    const first = (indexes[position] ?? 0) * LIST_CHUNK_SIZE;
    chunk.forEach((post, offset) => {
      if (first + offset >= range.lo && first + offset <= range.hi) posts.push(post);
    });
  });
  return { posts: posts.reverse(), total: list.count, exact: true };
}

/** Oldest-first positions `lo..hi` of a stored list's posts on the days `from`..`to`, and its chunks. */
type DayRange = { lo: number; hi: number; refs: ChunkRef[] };

/**
 * Where the posts of the days `from`..`to` sit in a stored list: posts are stored in date order,
 * so the range is one run of positions whose two ends are found by date in at most two chunks.
 * Null when no post of the list is on those days.
 */
async function findDayRange(
  load: LoadBundleFile,
  list: ListRef,
  from: string,
  to: string,
): Promise<DayRange | null> {
  const refs = await getAllChunkRefs(load, list);
  let lo = 0;
  let hi = list.count - 1;
  if (from) {
    const index = refs.findIndex((ref) => getSiteDay(ref.last) >= from);
    if (index === -1) return null;
    const posts = (await load('listChunk', refs[index]?.file ?? '')).posts;
    lo =
      index * LIST_CHUNK_SIZE +
      Math.max(
        0,
        posts.findIndex((post) => getSiteDay(post.date) >= from),
      );
  }
  if (to) {
    const index = refs.findLastIndex((ref) => getSiteDay(ref.first) <= to);
    if (index === -1) return null;
    const posts = (await load('listChunk', refs[index]?.file ?? '')).posts;
    hi = index * LIST_CHUNK_SIZE + posts.findLastIndex((post) => getSiteDay(post.date) <= to);
  }
  return hi >= lo ? { lo, hi, refs } : null;
}

/** Reading one tag's own list costs its index and the two chunks at the ends of the range. */
const FILES_PER_TAG_COUNT = 3;

/**
 * The counts of a list's tags among its posts on the days `from`..`to` (the chips of a list under
 * a date range), in the list's own order. Two ways, the cheaper one taken: the base list's posts
 * of those days read and counted, or, when every tag's posts all lie in the list (always for all
 * posts), each tag's own list measured by date, which reads no more than its index and two chunks
 * however wide the range. Without dates, the manifest's counts.
 */
export async function countTagsInRange(
  load: LoadBundleFile,
  manifest: Manifest,
  base: ListBase,
  from: string,
  to: string,
): Promise<{ name: string; count: number }[]> {
  if ((!from && !to) || base.tagCounts.length === 0) return [...base.tagCounts];
  const tags = new Map(manifest.tags.map((tag) => [tag.name, tag]));
  const range = await findDayRange(load, base.ref, from, to);
  if (!range) return base.tagCounts.map((tag) => ({ name: tag.name, count: 0 }));
  const first = Math.floor(range.lo / LIST_CHUNK_SIZE);
  const last = Math.floor(range.hi / LIST_CHUNK_SIZE);
  const whole = base.tagCounts.every((tag) => tags.get(tag.name)?.count === tag.count);
  if (whole && last - first + 1 > FILES_PER_TAG_COUNT * base.tagCounts.length) {
    return mapLimited(base.tagCounts, async (tag) => {
      const list = tags.get(tag.name)?.list;
      const own = list ? await findDayRange(load, list, from, to) : null;
      return { name: tag.name, count: own ? own.hi - own.lo + 1 : 0 };
    });
  }
  const counts = new Map(base.tagCounts.map((tag) => [tag.name, 0]));
  const chunks = await mapLimited(
    range.refs.slice(first, last + 1),
    async (ref) => (await load('listChunk', ref.file)).posts,
  );
  chunks.forEach((posts, offset) => {
    const start = (first + offset) * LIST_CHUNK_SIZE;
    posts.forEach((post, position) => {
      if (start + position < range.lo || start + position > range.hi) return;
      for (const tag of post.tags) {
        const count = counts.get(tag);
        if (count !== undefined) counts.set(tag, count + 1);
      }
    });
  });
  return base.tagCounts.map((tag) => ({ name: tag.name, count: counts.get(tag.name) ?? 0 }));
}

/**
 * Page `page` of one stored list limited to a date range: the range's run of positions found by
 * date, then only the page's own chunks, however long the list is.
 */
async function readDateRangePage(
  load: LoadBundleFile,
  list: ListRef,
  from: string,
  to: string,
  page: number,
): Promise<ListPage> {
  const found = await findDayRange(load, list, from, to);
  if (!found) return { posts: [], total: 0, exact: true };
  const { lo, hi, refs } = found;
  const total = hi - lo + 1;
  // The range as a list of its own: positions lo..hi, paged newest first.
  const range = getPageChunkRange(total, page);
  if (!range) return { posts: [], total, exact: true };
  const oldest = lo + range.lo;
  const newest = lo + range.hi;
  const posts: PostSummary[] = [];
  for (
    let index = Math.floor(oldest / LIST_CHUNK_SIZE);
    index <= Math.floor(newest / LIST_CHUNK_SIZE);
    index++
  ) {
    const chunk = (await load('listChunk', refs[index]?.file ?? '')).posts;
    chunk.forEach((post, offset) => {
      const position = index * LIST_CHUNK_SIZE + offset;
      if (position >= oldest && position <= newest) posts.push(post);
    });
  }
  return { posts: posts.reverse(), total, exact: true };
}

/**
 * The posts of a selection, newest first, each once: its lists merged lazily, each read chunk by
 * chunk, so taking n posts costs the chunks that hold them, not every chunk of every list.
 * `hasMore` says whether any list has posts left (matching or not) without reading further.
 */
function openSelectionCursor(load: LoadBundleFile, selection: ListSelection) {
  const cursors = selection.sources.map((list) =>
    readNewestFirst(load, list, selection.from, selection.to),
  );
  let heads: IteratorResult<PostSummary>[] | null = null;
  const seen = new Set<string>();
  return {
    async next(): Promise<PostSummary | null> {
      heads ??= await Promise.all(cursors.map((cursor) => cursor.next()));
      for (;;) {
        let best = -1;
        for (let index = 0; index < heads.length; index++) {
          const head = heads[index];
          const current = heads[best];
          if (!head || head.done) continue;
          if (!current || current.done || comparePostsNewestFirst(head.value, current.value) < 0)
            best = index;
        }
        const head = heads[best];
        const cursor = cursors[best];
        if (!head || head.done || !cursor) return null;
        const post = head.value;
        heads[best] = await cursor.next();
        if (seen.has(post.url) || !matchesSelection(post, selection)) continue;
        seen.add(post.url);
        return post;
      }
    },
    hasMore: () => heads === null || heads.some((head) => !head.done),
    close: async () => {
      await Promise.all(cursors.map((cursor) => cursor.return(undefined)));
    },
  };
}

/**
 * Every post of a list under a filter, newest first: what "mark all as read" covers, however
 * many pages that is. A whole stored list is read chunk by chunk like any other.
 */
export async function* readSelection(
  load: LoadBundleFile,
  selection: ListSelection,
): AsyncGenerator<PostSummary> {
  const cursor = openSelectionCursor(load, selection);
  try {
    for (let post = await cursor.next(); post; post = await cursor.next()) yield post;
  } finally {
    await cursor.close();
  }
}

type SelectionCursor = ReturnType<typeof openSelectionCursor>;

/** Page `page` taken from a cursor, past the posts `skip` names; `ended` when the cursor ran out. */
async function takePage(
  cursor: SelectionCursor,
  page: number,
  skip: (post: PostSummary) => boolean = () => false,
): Promise<{ posts: PostSummary[]; matched: number; ended: boolean }> {
  const start = (page - 1) * PAGE_SIZE;
  const end = start + PAGE_SIZE;
  const posts: PostSummary[] = [];
  let matched = 0;
  for (;;) {
    const post = await cursor.next();
    if (!post) return { posts, matched, ended: true };
    if (skip(post)) continue;
    if (matched >= start) posts.push(post);
    matched += 1;
    if (matched === end) return { posts, matched, ended: false };
  }
}

/**
 * Page `page` of a union of lists under a filter, from the merged cursor: page n costs the
 * chunks that hold its first n pages.
 */
async function readMergedPage(
  load: LoadBundleFile,
  selection: ListSelection,
  page: number,
): Promise<ListPage> {
  const cursor = openSelectionCursor(load, selection);
  const { posts, matched, ended } = await takePage(cursor, page);
  if (ended || !cursor.hasMore()) return { posts, total: matched, exact: true };
  await cursor.close();
  if (selection.boundIsExact) return { posts, total: selection.bound, exact: true };
  return { posts, total: Math.max(selection.bound, matched + 1), exact: false };
}

/**
 * Page `page` of a list under a filter without the posts `skip` names (the reader's read ones):
 * walked from the newest, so the total is known only once the walk reaches the end.
 */
export async function readListPageWithout(
  load: LoadBundleFile,
  selection: ListSelection,
  page: number,
  skip: (post: PostSummary) => boolean,
): Promise<ListPage> {
  const cursor = openSelectionCursor(load, selection);
  const { posts, matched, ended } = await takePage(cursor, page, skip);
  if (ended) return { posts, total: matched, exact: true };
  // One more unread post decides whether there is a next page.
  for (let post = await cursor.next(); post; post = await cursor.next()) {
    if (skip(post)) continue;
    await cursor.close();
    return { posts, total: matched + 1, exact: false };
  }
  return { posts, total: matched, exact: true };
}

/** Page `page` (from 1) of a list under a filter, newest first, reading only the chunks it needs. */
export function readListPage(
  load: LoadBundleFile,
  selection: ListSelection,
  page: number,
): Promise<ListPage> {
  const [single] = selection.sources;
  if (
    single &&
    selection.sources.length === 1 &&
    selection.category === null &&
    selection.tags.length === 0
  ) {
    if (!selection.from && !selection.to) return readStoredPage(load, single, page);
    return readDateRangePage(load, single, selection.from, selection.to, page);
  }
  return readMergedPage(load, selection, page);
}

/**
 * What lives at a path: an article, a second address of one (the page URL of an archive folder's
 * file) that leads to its permalink, or nothing (null).
 */
export type ArticleLookup =
  { kind: 'article'; article: Article } | { kind: 'redirect'; url: string } | null;

/** The article or alias at an app path: one index page and one bucket, whatever the archive's size. */
export async function readArticle(
  load: LoadBundleFile,
  manifest: Manifest,
  path: string,
): Promise<ArticleLookup> {
  const location = getArticleLocation(manifest.articles, path);
  if (!location.indexPage) return null;
  const indexPage = await load('articleIndex', location.indexPage);
  const file = indexPage.buckets[location.slot];
  if (!file) return null;
  const bucket = await load('articleBucket', file);
  const article = bucket.posts.find((post) => getPostKey(post.url) === location.key);
  if (article) return { kind: 'article', article };
  const alias = bucket.aliases.find((entry) => getPostKey(entry.path) === location.key);
  return alias ? { kind: 'redirect', url: alias.url } : null;
}

/** Every alias of the bundle, by path: each bucket is read once (for the page writer). */
export async function readAliases(
  load: LoadBundleFile,
  manifest: Manifest,
): Promise<ArticleAlias[]> {
  const aliases: ArticleAlias[] = [];
  for (const hash of manifest.articles.pages) {
    for (const file of (await load('articleIndex', hash)).buckets) {
      if (file) aliases.push(...(await load('articleBucket', file)).aliases);
    }
  }
  return aliases.sort((a, b) => compareText(a.path, b.path));
}

/** `work` over `items`, a few at a time (a saved list can be hundreds of files), results in order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  limit = 6,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  // One iterator shared by the workers: each takes the next item when it is free.
  const queue = items.entries();
  const worker = async () => {
    for (const [position, item] of queue) results[position] = await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Every file a list's posts need to be read without a network: its index, every chunk, the
 * article-index pages and the article buckets of its posts. All but the buckets are loaded (they
 * name the rest); `onFound` hears how many more files were discovered at each step.
 */
export async function collectListFiles(
  load: LoadBundleFile,
  manifest: Manifest,
  list: ListRef,
  onFound: (files: number) => void = () => {},
): Promise<BundleFileRef[]> {
  const files: BundleFileRef[] = [{ kind: 'listIndex', hash: list.index }];
  onFound(1);
  const index = await load('listIndex', list.index);
  onFound(index.chunks.length);
  const chunks = await mapLimited(index.chunks, async (chunk) => {
    files.push({ kind: 'listChunk', hash: chunk.file });
    return (await load('listChunk', chunk.file)).posts;
  });
  const buckets = new Set(
    chunks.flat().map((post) => getBucket(post.url, manifest.articles.buckets)),
  );
  const pages = [...new Set([...buckets].map(getIndexPageOf))].sort((a, b) => a - b);
  onFound(pages.length);
  const bucketFiles = new Set<string>();
  await mapLimited(pages, async (page) => {
    const hash = manifest.articles.pages[page];
    if (!hash) return;
    files.push({ kind: 'articleIndex', hash });
    const indexPage = await load('articleIndex', hash);
    for (const bucket of buckets) {
      if (getIndexPageOf(bucket) !== page) continue;
      const file = indexPage.buckets[getBucketSlot(bucket)];
      if (file) bucketFiles.add(file);
    }
  });
  onFound(bucketFiles.size);
  for (const hash of [...bucketFiles].sort()) files.push({ kind: 'articleBucket', hash });
  return files;
}
