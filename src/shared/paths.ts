/**
 * Every in-app path and every data-file path is built here, so no route string is typed twice.
 * App paths are relative to the router's basename (BASE_PATH); data paths are relative to the
 * deployed root and get the base prepended by the fetcher.
 */

/** A base path (`BASE_PATH`) with exactly one slash at each end: `finews` → `/finews/`; empty → `/`. */
export function normalizeBasePath(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * A category as it stands in permalinks and in the bundle: lower-cased, as Jekyll writes
 * `:categories`, so `TechWeb` and `Techweb` are one category.
 */
export function getCategorySlug(category: string): string {
  return category.toLowerCase();
}

/**
 * The category a URL segment names: percent-decoded, without the `.html` of a pre-rendered page,
 * in any case (`/category/Emnews.html` and `/category/emnews` are one list).
 */
export function readCategorySegment(segment: string | undefined): string {
  return getCategorySlug(decodeSegment(segment ?? '').replace(/\.html$/, ''));
}

/** List identifiers used in chunk files and caches. */
export const listIds = {
  all: 'all',
  category: (slug: string) => `c:${slug}`,
  tag: (name: string) => `t:${name}`,
} as const;

/** Percent-encode one path segment the way Jekyll writes URLs (non-ASCII as UTF-8 bytes). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Decode a path segment, keeping it as it is when it holds a broken escape. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The address a pre-rendered page stands for, from its served path (`location.pathname`, or the
 * base and the file name): decoded, without `index.html` or `.html`, so `/x/`, `/x/index.html`,
 * `/a.html` and `/a` compare equal. `public/page-settings.js` repeats this in plain script.
 */
export function getPageAddress(servedPath: string): string {
  return servedPath
    .split('/')
    .map(decodeSegment)
    .join('/')
    .replace(/(^|\/)index\.html$/, '$1')
    .replace(/\.html$/, '');
}

export type ListQuery = {
  tags?: readonly string[];
  from?: string | null;
  to?: string | null;
  page?: number | null;
  /** Only posts the reader has not read (their own state, kept in the browser). */
  unread?: boolean;
  /** Only posts in this language (a site that writes in several). */
  lang?: string | null;
};

/** Query string of a list view; empty parts are left out so equal filters give equal URLs. */
export function buildListSearch(query: ListQuery): string {
  const params = new URLSearchParams();
  for (const tag of query.tags ?? []) params.append('tag', tag);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.lang) params.set('lang', query.lang);
  if (query.unread) params.set('unread', '1');
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const paths = {
  home: () => '/',
  category: (slug: string, query: ListQuery = {}) =>
    `/category/${encodeSegment(slug)}${buildListSearch(query)}`,
  tag: (name: string, query: ListQuery = {}) =>
    `/tag/${encodeSegment(name)}${buildListSearch(query)}`,
  all: (query: ListQuery = {}) => `/latest${buildListSearch(query)}`,
  search: (q?: string) => (q ? `/search?${new URLSearchParams({ q }).toString()}` : '/search'),
  /** The reader's saved posts and reading history (kept in their browser). */
  saved: () => '/saved',
  history: () => '/history',
  /** The archive by date; a day's posts are the all-posts list from and to that day. */
  archive: () => '/archive',
  day: (day: string) => `/latest${buildListSearch({ from: day, to: day })}`,
  /** The Atom feed of the whole site, and one per category (as jekyll-feed names them). */
  feed: () => '/feed.xml',
  categoryFeed: (slug: string) => `/feed/${encodeSegment(slug)}.xml`,
  /** A post's permalink is already an app path. */
  post: (url: string) => url,
  /**
   * Page `n` of an unfiltered category or tag list as a file of its own, for readers without
   * JavaScript (a static host ignores `?page=`); the app's address of it stays `?page=n`.
   * Decision 027.
   */
  categoryPage: (slug: string, page: number) => `/page/${page}/category/${encodeSegment(slug)}/`,
  tagPage: (name: string, page: number) => `/page/${page}/tag/${encodeSegment(name)}/`,
} as const;

/** Whether a name can be one file or folder name of the built site (no slash, not `.` or `..`). */
export function isFileName(name: string): boolean {
  return (
    name !== '' && name.length <= 255 && !/[\\/\0]/.test(name) && name !== '.' && name !== '..'
  );
}

/** Whether a category gets a feed file: a slug that is no safe file name gets none. */
export function hasCategoryFeed(slug: string): boolean {
  return isFileName(slug);
}

/** Route patterns for react-router (same module, so patterns and builders cannot drift). */
export const routePatterns = {
  home: '/',
  category: '/category/:name',
  tag: '/tag/:name',
  categoryPage: '/page/:page/category/:name',
  tagPage: '/page/:page/tag/:tag',
  all: '/latest',
  search: '/search',
  saved: '/saved',
  history: '/history',
  archive: '/archive',
} as const;

/**
 * Jekyll's date archive paths (`/2022/05/31/`, `/2022/05/`, `/2022/`, with or without the slash
 * or an `index.html`) as the range of days they stand for, else null.
 */
export function readDateArchivePath(path: string): { from: string; to: string } | null {
  const match = /^\/(\d{4})(?:\/(\d{2}))?(?:\/(\d{2}))?\/?(?:index\.html)?$/.exec(path);
  if (!match) return null;
  const [, year, month, day] = match;
  if (!month) return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (Number(month) < 1 || Number(month) > 12) return null;
  if (day) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(8, 10) !== day) return null;
    return { from: `${year}-${month}-${day}`, to: `${year}-${month}-${day}` };
  }
  // The last day of the month: day 0 of the next one.
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return { from: `${year}-${month}-01`, to: `${year}-${month}-${String(last).padStart(2, '0')}` };
}

export const dataPaths = {
  manifest: () => 'data/manifest.json',
  report: () => 'data/build-report.json',
  home: (hash: string) => `data/home/${hash}.json`,
  listIndex: (hash: string) => `data/list-index/${hash}.json`,
  listChunk: (hash: string) => `data/lists/${hash}.json`,
  articleIndex: (hash: string) => `data/article-index/${hash}.json`,
  articleBucket: (hash: string) => `data/articles/${hash}.json`,
  /** Pagefind's entry module, from the manifest's `search` path (relative to `data/`). */
  pagefind: (search: string) =>
    `data/${search.replace(/^\/+|\/+$/g, '')}/pagefind.js`.replace('data//', 'data/'),
} as const;
