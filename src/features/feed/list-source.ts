import type { QueryClient } from '@tanstack/react-query';
import type { Manifest, ListRef } from '../../shared/schema';
import { listIds, paths, type ListQuery } from '../../shared/paths';
import { filteredListQueryOptions, type FilterSpec } from './api/filtered-list-query';
import { listPageQueryOptions } from './api/list-page-query';
import { dateRangePageQueryOptions } from './api/date-range-page-query';
import { isFiltered, type ListParams } from './list-query-params';

/** Which list a list view shows. */
export type ListTarget =
  { kind: 'all' } | { kind: 'category'; slug: string } | { kind: 'tag'; name: string };

/** A list resolved against the manifest: everything its view needs to know before loading posts. */
export type ResolvedList = {
  target: ListTarget;
  id: string;
  /** Display name (category name, tag name) or null for the all-posts list. */
  name: string | null;
  ref: ListRef;
  /** Tags offered as filters with their counts; empty where tag filters make no sense (a tag list). */
  tagCounts: { name: string; count: number }[];
  buildPath: (query: ListQuery) => string;
};

export function resolveList(manifest: Manifest, target: ListTarget): ResolvedList | null {
  switch (target.kind) {
    case 'all':
      return {
        target,
        id: listIds.all,
        name: null,
        ref: manifest.all,
        tagCounts: manifest.tags.map(({ name, count }) => ({ name, count })),
        buildPath: (query) => paths.all(query),
      };
    case 'category': {
      const category = manifest.categories.find((candidate) => candidate.slug === target.slug);
      if (!category) return null;
      return {
        target,
        id: listIds.category(category.slug),
        name: category.name,
        ref: category.list,
        tagCounts: category.tags,
        buildPath: (query) => paths.category(category.slug, query),
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
        tagCounts: [],
        buildPath: (query) => paths.tag(tag.name, query),
      };
    }
  }
}

/** Tags of the URL that this list can filter by (unknown ones are dropped rather than matching nothing). */
export function getActiveTags(list: ResolvedList, params: ListParams): string[] {
  if (list.target.kind === 'tag') return [];
  const offered = new Set(list.tagCounts.map((tag) => tag.name));
  return params.tags.filter((tag) => offered.has(tag));
}

function getFilterSpec(
  manifest: Manifest,
  list: ResolvedList,
  tags: string[],
  params: ListParams,
): FilterSpec {
  if (tags.length === 0)
    return { sources: [list.ref], category: null, from: params.from, to: params.to };
  const refs = manifest.tags.filter((tag) => tags.includes(tag.name)).map((tag) => tag.list);
  return {
    sources: refs,
    category: list.target.kind === 'category' ? list.target.slug : null,
    from: params.from,
    to: params.to,
  };
}

/**
 * The one list a filter reads when no union or category check is needed: the list itself for a
 * date range, or the chosen tag's list when one tag is chosen and all its posts are in this list.
 */
function getSingleSource(
  manifest: Manifest,
  list: ResolvedList,
  tags: readonly string[],
): { id: string; ref: ListRef } | null {
  if (tags.length === 0) return { id: list.id, ref: list.ref };
  const [name] = tags;
  if (tags.length !== 1 || name === undefined) return null;
  const tag = manifest.tags.find((candidate) => candidate.name === name);
  if (!tag) return null;
  const inList = list.tagCounts.find((candidate) => candidate.name === name)?.count ?? 0;
  return inList === tag.count ? { id: listIds.tag(tag.name), ref: tag.list } : null;
}

/** The query a list view needs for its URL: one stored page, a date-limited page, or a filtered result to page through. */
export function getListQuery(manifest: Manifest, list: ResolvedList, params: ListParams) {
  const tags = getActiveTags(list, params);
  const filtered = isFiltered({ ...params, tags });
  if (!filtered)
    return {
      kind: 'page',
      tags,
      options: listPageQueryOptions(list.id, list.ref, params.page),
    } as const;
  const single = getSingleSource(manifest, list, tags);
  if (single && !params.from && !params.to) {
    return {
      kind: 'page',
      tags,
      options: listPageQueryOptions(single.id, single.ref, params.page),
    } as const;
  }
  if (single) {
    return {
      kind: 'range',
      tags,
      options: dateRangePageQueryOptions(
        single.id,
        single.ref,
        params.from,
        params.to,
        params.page,
      ),
    } as const;
  }
  return {
    kind: 'filtered',
    tags,
    options: filteredListQueryOptions(list.id, tags, getFilterSpec(manifest, list, tags, params)),
  } as const;
}

/** Load what a list view will show, with the same query options the view uses (for route loaders). */
export async function prefetchList(
  client: QueryClient,
  manifest: Manifest,
  list: ResolvedList,
  params: ListParams,
): Promise<void> {
  const query = getListQuery(manifest, list, params);
  if (query.kind === 'filtered') await client.ensureQueryData(query.options);
  else if (query.kind === 'range') await client.ensureQueryData(query.options);
  else await client.ensureQueryData(query.options);
}
