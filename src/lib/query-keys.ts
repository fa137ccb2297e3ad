import type { BundleFileKind, ListSelection } from '../shared/bundle-reader';

const bundle = ['bundle'] as const;
const files = [...bundle, 'file'] as const;
const listPages = [...bundle, 'list-page'] as const;
const articles = [...bundle, 'article'] as const;

/**
 * Every query key comes from here, as one hierarchy under `bundle`, so a prefix is a value
 * (`bundleKeys.articles`), never a factory called with empty arguments. Hashed files are keyed
 * by kind and hash alone: a hash names the same bytes in every build, so a new build of the
 * archive keeps the cache (see docs/decisions/008-bundle-reader.md). Results built from files
 * are keyed by the hashes they were built from, so they change exactly when their inputs do.
 */
export const bundleKeys = {
  all: bundle,
  manifest: [...bundle, 'manifest'] as const,
  /** A newer manifest fetched in the background, compared with the one on screen. */
  manifestLatest: [...bundle, 'manifest', 'latest'] as const,
  /**
   * How many posts the reader had been shown before the app moved to a newer build on its own
   * (a shard of the old build was gone): the "N new posts" notice counts from here.
   */
  shownSince: [...bundle, 'shown-since'] as const,
  files,
  file: (kind: BundleFileKind, hash: string) => [...files, kind, hash] as const,
  listPages,
  listPage: (selection: ListSelection, page: number) =>
    [
      ...listPages,
      selection.sources.map((source) => `${source.index}:${source.count}`),
      selection.category,
      [...selection.tags],
      selection.from,
      selection.to,
      page,
    ] as const,
  /**
   * A page of a list narrowed to one language (`lang`, empty for all) and, for unread only,
   * without the posts read when `snapshot` (a visit of the view) began, so a post marked read
   * while the page is open stays in place until the next visit (empty: not unread only).
   */
  narrowedPage: (selection: ListSelection, page: number, lang: string, snapshot: string) =>
    [...bundleKeys.listPage(selection, page), 'narrowed', lang, snapshot] as const,
  articles,
  article: (indexPage: string | null, buckets: number, key: string) =>
    [...articles, indexPage, buckets, key] as const,
  /** The tag counts of a list (by its index hash) on the days `from`..`to`. */
  rangeTagCounts: (index: string, count: number, from: string, to: string) =>
    [...bundle, 'range-tag-counts', `${index}:${count}`, from, to] as const,
  /** Which posts of a list page open offline (the device's caches, not the bundle: never persisted for long). */
  offlineAvailability: (buildId: string, urls: readonly string[]) =>
    [...bundle, 'offline-availability', buildId, [...urls]] as const,
  search: (searchBundle: string, q: string) => [...bundle, 'search', searchBundle, q] as const,
} as const;
