import type { OfflineSources } from '../features/offline/api/save-list';
import { articleBucketQueryOptions } from '../features/article/api/article-bucket-query';
import { articleIndexQueryOptions } from '../features/article/api/article-index-query';
import { listChunkQueryOptions } from '../features/feed/api/list-chunk-query';
import { listIndexQueryOptions } from '../features/feed/api/list-index-query';

/** The queries "save for offline" goes through: the very ones the views read. */
export const offlineSources: OfflineSources = {
  listIndex: listIndexQueryOptions,
  listChunk: listChunkQueryOptions,
  articleIndex: articleIndexQueryOptions,
  articleBucket: articleBucketQueryOptions,
};
