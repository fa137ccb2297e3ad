import type { QueryClient } from '@tanstack/react-query';
import type { Manifest } from '../../shared/schema';
import { selectList, type ListBase, type ListSelection } from '../../shared/bundle-reader';
import { isFileName, listIds, paths, type ListQuery } from '../../shared/paths';
import { rangeTagCountsQueryOptions } from './api/range-tag-counts-query';
import { listPageQueryOptions } from './api/list-page-query';
import type { ListParams } from './list-query-params';

/** Which list a list view shows. */
export type ListTarget =
  { kind: 'all' } | { kind: 'category'; slug: string } | { kind: 'tag'; name: string };

/** A list resolved against the manifest: everything its view needs to know before loading posts. */
export type ResolvedList = ListBase & {
  target: ListTarget;
  id: string;
  /** Display name (category name, tag name) or null for the all-posts list. */
  name: string | null;
  buildPath: (query: ListQuery) => string;
  /** The file of page n of the unfiltered list (decision 027); null for a list that has none. */
  buildPageFile: (page: number) => string | null;
};

export function resolveList(manifest: Manifest, target: ListTarget): ResolvedList | null {
  switch (target.kind) {
    case 'all':
      return {
        target,
        id: listIds.all,
        name: null,
        ref: manifest.all,
        category: null,
        tagCounts: manifest.tags,
        buildPath: (query) => paths.all(query),
        // `latest.html` holds no view, so its pages get no files either.
        buildPageFile: () => null,
      };
    case 'category': {
      const category = manifest.categories.find((candidate) => candidate.slug === target.slug);
      if (!category) return null;
      return {
        target,
        id: listIds.category(category.slug),
        name: category.name,
        ref: category.list,
        category: category.slug,
        tagCounts: category.tags,
        buildPath: (query) => paths.category(category.slug, query),
        buildPageFile: (page) =>
          isFileName(category.slug) ? paths.categoryPage(category.slug, page) : null,
      };
    }
    case 'tag': {
      const tag = manifest.tags.find((candidate) => candidate.name === target.name);
      if (!tag) return null;
      return {
        target,
        id: listIds.tag(tag.name),
        name: tag.name,
        ref: tag.list,
        category: null,
        // A tag list is not filtered by tags.
        tagCounts: [],
        buildPath: (query) => paths.tag(tag.name, query),
        buildPageFile: (page) => (isFileName(tag.name) ? paths.tagPage(tag.name, page) : null),
      };
    }
  }
}

/** Tags of the URL that this list can filter by (unknown ones are dropped rather than matching nothing). */
export function getActiveTags(list: ResolvedList, params: ListParams): string[] {
  const offered = new Set(list.tagCounts.map((tag) => tag.name));
  return params.tags.filter((tag) => offered.has(tag));
}

/** What the list view of these URL parameters reads. */
export function getListSelection(
  manifest: Manifest,
  list: ResolvedList,
  params: ListParams,
): ListSelection {
  return selectList(manifest, list, {
    tags: getActiveTags(list, params),
    from: params.from,
    to: params.to,
  });
}

/** Load the page a list view will show, with the same query options the view uses (for route loaders). */
export async function prefetchList(
  client: QueryClient,
  manifest: Manifest,
  list: ResolvedList,
  params: ListParams,
): Promise<void> {
  const counts = client.ensureQueryData(
    rangeTagCountsQueryOptions(manifest, list, params.from, params.to),
  );
  // The unread-only page depends on the reader's state at the visit; the view loads it.
  if (params.unread) {
    await counts;
    return;
  }
  await Promise.all([
    counts,
    client.ensureQueryData(
      listPageQueryOptions(getListSelection(manifest, list, params), params.page),
    ),
  ]);
}
