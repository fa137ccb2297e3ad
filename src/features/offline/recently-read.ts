import { useMemo, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryCache } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { articleSchema, type PostLink } from '../../shared/schema';
import { bundleKeys } from '../../lib/query-keys';

const RECENT_LIMIT = 20;

const linksSchema = z.array(z.object({ url: z.string(), title: z.string() }));

/** An article query's data when it found an article (not a redirect, not nothing). */
const foundArticleSchema = z.object({ kind: z.literal('article'), article: articleSchema });

/** The list as a string, so the snapshot compares by value and the view updates only when it changes. */
function readRecentSnapshot(cache: QueryCache): string {
  const links = cache
    .findAll({ queryKey: bundleKeys.articles })
    .filter((query) => query.state.status === 'success')
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .flatMap((query) => {
      const parsed = foundArticleSchema.safeParse(query.state.data);
      return parsed.success
        ? [{ url: parsed.data.article.url, title: parsed.data.article.title }]
        : [];
    })
    .slice(0, RECENT_LIMIT);
  return JSON.stringify(links);
}

/**
 * Articles read lately, newest first: the ones whose data is in the query cache (restored from
 * IndexedDB after a reload, maybe after this view first rendered), which is exactly what can be
 * shown without a network.
 */
export function useRecentlyRead(): PostLink[] {
  const cache = useQueryClient().getQueryCache();
  const snapshot = useSyncExternalStore(
    (listener) => cache.subscribe(listener),
    () => readRecentSnapshot(cache),
    () => '[]',
  );
  return useMemo(() => {
    const parsed = linksSchema.safeParse(JSON.parse(snapshot));
    return parsed.success ? parsed.data : [];
  }, [snapshot]);
}
