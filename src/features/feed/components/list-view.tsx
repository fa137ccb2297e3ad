import { useMemo, type ReactNode } from 'react';
import type { Manifest } from '../../../shared/schema';
import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import type { ListSelection } from '../../../shared/bundle-reader';
import { getPageCount, PAGE_SIZE } from '../../../shared/list-math';
import {
  getActiveTags,
  getListSelection,
  resolveList,
  type ListTarget,
  type ResolvedList,
} from '../list-source';
import { isFiltered, toListQuery, type ListParams } from '../list-query-params';
import { useListPage } from '../api/list-page-query';
import { foldCrossPosts } from '../list-items';
import { useSettings } from '../../../lib/settings';
import { ListModeToggle } from './list-mode-toggle';
import { Pager } from './pager';
import { DayList, PostList } from './post-list';
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

type ListBodyProps = {
  manifest: Manifest;
  list: ResolvedList;
  params: ListParams;
  selection: ListSelection;
  activeTags: readonly string[];
  filtered: boolean;
};

/** One page of posts and the pager, whatever the filter. */
function ListBody({ manifest, list, params, selection, activeTags, filtered }: ListBodyProps) {
  const { t } = useMessages();
  const categoryNames = useCategoryNames(manifest);
  const { listMode } = useSettings();
  const { posts, total, exact } = useListPage(selection, params.page);
  const items = useMemo(() => foldCrossPosts(posts, categoryNames), [posts, categoryNames]);
  const timeZone = manifest.site.timezone;
  // A category's own rows need not name it; a folded row names every source.
  const listSource = list.category ? (categoryNames.get(list.category) ?? undefined) : undefined;
  return (
    <>
      {filtered ? (
        <p role="status" className="mt-6 text-sm font-semibold text-ink">
          {exact ? t.filteredCount(total) : t.filteredCountAbout(total)}
        </p>
      ) : null}
      {posts.length === 0 ? (
        <p className="py-10 text-muted">{filtered ? t.noMatches : t.noPosts}</p>
      ) : null}
      {listMode === 'compact' ? (
        <DayList items={items} timeZone={timeZone} listSource={listSource} />
      ) : (
        <PostList
          items={items}
          timeZone={timeZone}
          mode="cards"
          start={(params.page - 1) * PAGE_SIZE + 1}
          listSource={listSource}
        />
      )}
      <Pager
        page={params.page}
        pageCount={getPageCount(total)}
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
  const activeTags = getActiveTags(list, params);
  const filtered = isFiltered({ ...params, tags: activeTags });
  const selection = getListSelection(manifest, list, params);
  const title =
    target.kind === 'all'
      ? t.allPosts
      : target.kind === 'tag'
        ? t.tagList(list.name ?? '')
        : (list.name ?? '');
  return (
    <div>
      <header className="mb-3 flex flex-wrap items-center justify-between gap-x-3 gap-y-2 border-b-2 border-ink pb-2 sm:mb-6 sm:items-end sm:pb-4">
        <div className="flex min-w-0 items-baseline gap-2 sm:block">
          <h1 className="font-serif text-xl font-bold text-ink sm:text-4xl">{title}</h1>
          <p className="text-xs whitespace-nowrap text-muted sm:mt-2 sm:text-sm">
            {t.postCount(list.ref.count)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ListModeToggle />
          {actions}
        </div>
      </header>
      <TagFilter
        tagCounts={list.tagCounts}
        selected={activeTags}
        from={params.from}
        to={params.to}
        buildPath={list.buildPath}
      />
      <ListBody
        manifest={manifest}
        list={list}
        params={params}
        selection={selection}
        activeTags={activeTags}
        filtered={filtered}
      />
    </div>
  );
}
