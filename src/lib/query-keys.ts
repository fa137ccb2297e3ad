/** Every query key comes from here, so invalidation and prefetching can never miss one by a typo. */
export const queryKeys = {
  manifest: () => ['manifest'] as const,
  /** A newer manifest fetched in the background, compared with the one on screen. */
  manifestLatest: () => ['manifest', 'latest'] as const,
  home: (hash: string) => ['home', hash] as const,
  listIndex: (hash: string) => ['list-index', hash] as const,
  listChunk: (hash: string) => ['list-chunk', hash] as const,
  listPage: (list: string, index: string, count: number, page: number) =>
    ['list-page', list, index, count, page] as const,
  dateRangePage: (list: string, index: string, from: string, to: string, page: number) =>
    ['date-range-page', list, index, from, to, page] as const,
  filteredList: (scope: string, index: string, tags: readonly string[], from: string, to: string) =>
    ['filtered-list', scope, index, [...tags], from, to] as const,
  articleIndex: (hash: string) => ['article-index', hash] as const,
  articleBucket: (hash: string) => ['article-bucket', hash] as const,
  article: (page: string, buckets: number, key: string) => ['article', page, buckets, key] as const,
  search: (bundle: string, q: string) => ['search', bundle, q] as const,
} as const;
