import { useMemo, type ReactNode } from 'react';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { Manifest } from '../../../shared/schema';
import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import { getPageCount, PAGE_SIZE } from '../list-math';
import { getListQuery, resolveList, type ListTarget, type ResolvedList } from '../list-source';
import { isFiltered, toListQuery, type ListParams } from '../list-query-params';
import { filteredListQueryOptions } from '../api/filtered-list-query';
import { listPageQueryOptions, type ListPage } from '../api/list-page-query';
import { dateRangePageQueryOptions } from '../api/date-range-page-query';
import { Pager } from './pager';
import { PostList } from './post-list';
import { TagFilter } from './tag-filter';

export type ListViewProps = {
  target: ListTarget;
  params: ListParams;
  /** Slot for actions on the list (e.g. saving it for offline reading). */
  actions?: ReactNode;
};

function useCategoryNames(manifest: Manifest): Map<string, string> {
  return useMemo(
    () => new Map(manifest.categories.map((category) => [category.slug, category.name])),
    [manifest],
  );
}

type ListBodyProps = { manifest: Manifest; list: ResolvedList; params: ListParams };
type PageBodyProps = ListBodyProps & { activeTags: readonly string[]; filtered: boolean };

function StoredPageBody({
  options,
  ...props
}: PageBodyProps & { options: ReturnType<typeof listPageQueryOptions> }) {
  return <PagedListBody {...props} data={useSuspenseQuery(options).data} />;
}

function DateRangePageBody({
  options,
  ...props
}: PageBodyProps & { options: ReturnType<typeof dateRangePageQueryOptions> }) {
  return <PagedListBody {...props} data={useSuspenseQuery(options).data} />;
}

function PagedListBody({
  manifest,
  list,
  params,
  activeTags,
  filtered,
  data,
}: PageBodyProps & { data: ListPage }) {
  const { t } = useMessages();
  const categoryNames = useCategoryNames(manifest);
  const { posts, total } = data;
  return (
    <>
      {filtered ? (
        <p role="status" className="mt-6 text-sm font-semibold text-ink">
          {t.filteredCount(total)}
        </p>
      ) : null}
      {posts.length === 0 ? (
        <p className="py-10 text-muted">{filtered ? t.noMatches : t.noPosts}</p>
      ) : null}
      <PostList
        posts={posts}
        timeZone={manifest.site.timezone}
        categoryNames={categoryNames}
        start={(params.page - 1) * PAGE_SIZE + 1}
      />
      <Pager
        page={params.page}
        pageCount={getPageCount(total)}
        buildPagePath={(page) => list.buildPath({ ...toListQuery(params), tags: activeTags, page })}
      />
    </>
  );
}

function FilteredListBody({
  manifest,
  list,
  params,
  activeTags,
  options,
}: ListBodyProps & {
  activeTags: readonly string[];
  options: ReturnType<typeof filteredListQueryOptions>;
}) {
  const { t } = useMessages();
  const categoryNames = useCategoryNames(manifest);
  const all = useSuspenseQuery(options).data;
  const start = (params.page - 1) * PAGE_SIZE;
  const posts = all.slice(start, start + PAGE_SIZE);
  return (
    <>
      <p role="status" className="mt-6 text-sm font-semibold text-ink">
        {t.filteredCount(all.length)}
      </p>
      {posts.length === 0 ? <p className="py-10 text-muted">{t.noMatches}</p> : null}
      <PostList
        posts={posts}
        timeZone={manifest.site.timezone}
        categoryNames={categoryNames}
        start={start + 1}
      />
      <Pager
        page={params.page}
        pageCount={getPageCount(all.length)}
        buildPagePath={(page) => list.buildPath({ ...toListQuery(params), tags: activeTags, page })}
      />
    </>
  );
}

/** A list (all posts, a category or a tag): title, filters, one page of posts, pager. */
export function ListView({ target, params, actions }: ListViewProps) {
  const { t } = useMessages();
  const manifest = useManifest();
  const list = resolveList(manifest, target);
  if (!list) return null;
  const query = getListQuery(manifest, list, params);
  const activeTags = query.tags;
  const filtered = isFiltered({ ...params, tags: activeTags });
  const bodyProps = { manifest, list, params, activeTags, filtered };
  const title =
    target.kind === 'all'
      ? t.allPosts
      : target.kind === 'tag'
        ? t.tagList(list.name ?? '')
        : (list.name ?? '');
  return (
    <div>
      <header className="mb-6 flex flex-wrap items-end justify-between gap-3 border-b-2 border-ink pb-4">
        <div>
          <h1 className="font-serif text-3xl font-bold text-ink sm:text-4xl">{title}</h1>
          <p className="mt-2 text-sm text-muted">{t.postCount(list.ref.count)}</p>
        </div>
        {actions}
      </header>
      <TagFilter
        tagCounts={list.tagCounts}
        selected={activeTags}
        from={params.from}
        to={params.to}
        buildPath={list.buildPath}
      />
      {query.kind === 'filtered' ? (
        <FilteredListBody {...bodyProps} options={query.options} />
      ) : query.kind === 'range' ? (
        <DateRangePageBody {...bodyProps} options={query.options} />
      ) : (
        <StoredPageBody {...bodyProps} options={query.options} />
      )}
    </div>
  );
}
