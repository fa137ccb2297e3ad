import { useMemo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { Manifest } from '../../../shared/schema';
import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import type { ListPage, ListSelection } from '../../../shared/bundle-reader';
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
import { useNarrowedPage } from '../api/narrowed-page-query';
import { useRangeTagCounts } from '../api/range-tag-counts-query';
import { getUnreadCount, useReaderState, useReadCountByCategory } from '../../../lib/reader-state';
import { MarkAllReadButton } from './mark-all-read-button';
import { foldCrossPosts } from '../list-items';
import { useSettings } from '../../../lib/settings';
import { getListPageFiles } from '../../../lib/list-page-files';
import { ListModeToggle } from './list-mode-toggle';
import { Pager } from './pager';
import { DayList, PostList } from './post-list';
import { TagFilter } from './tag-filter';
import { FeedLink } from './feed-link';
import { AvailableOfflineProvider } from '../../../components/reader/offline-mark';
import { hasCategoryFeed, paths } from '../../../shared/paths';
import { formatFeedTitle } from '../../../shared/page-title';

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

type PageProps = ListBodyProps & { page: ListPage };

/** All posts of the page, or those in one language and (unread only) not read when this visit began. */
function ListBody(props: ListBodyProps) {
  return props.params.unread || props.params.lang ? (
    <NarrowedListBody {...props} />
  ) : (
    <AllListBody {...props} />
  );
}

function AllListBody(props: ListBodyProps) {
  return <ListPageView {...props} page={useListPage(props.selection, props.params.page)} />;
}

function NarrowedListBody(props: ListBodyProps) {
  const { key } = useLocation();
  const { params, selection } = props;
  const page = useNarrowedPage(selection, params.page, params, key);
  return <ListPageView {...props} page={page} />;
}

/** One page of posts and the pager, whatever the filter. */
function ListPageView({ manifest, list, params, activeTags, filtered, page }: PageProps) {
  const { t } = useMessages();
  const categoryNames = useCategoryNames(manifest);
  const { listMode } = useSettings();
  const { posts, total, exact } = page;
  const items = useMemo(() => foldCrossPosts(posts, categoryNames), [posts, categoryNames]);
  const urls = useMemo(() => posts.map((post) => post.url), [posts]);
  const timeZone = manifest.site.timezone;
  // A category's own rows need not name it; a folded row names every source.
  const listSource = list.category ? (categoryNames.get(list.category) ?? undefined) : undefined;
  return (
    <>
      {params.unread ? (
        <p role="status" className="mt-6 text-sm font-semibold text-ink">
          {exact ? t.unreadCountExact(total) : t.unreadCountAtLeast(total)}
        </p>
      ) : filtered ? (
        <p role="status" className="mt-6 text-sm font-semibold text-ink">
          {exact ? t.filteredCount(total) : t.filteredCountAbout(total)}
        </p>
      ) : null}
      {posts.length === 0 ? (
        <p className="py-10 text-muted">
          {params.unread ? t.noUnread : filtered ? t.noMatches : t.noPosts}
        </p>
      ) : null}
      <AvailableOfflineProvider manifest={manifest} urls={urls}>
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
      </AvailableOfflineProvider>
      <Pager
        page={params.page}
        pageCount={getPageCount(total)}
        buildPagePath={(page) => list.buildPath({ ...toListQuery(params), tags: activeTags, page })}
        buildPageFile={
          // Only the unfiltered list has files of its pages; page 1 is the list's own address.
          filtered || params.unread || list.buildPageFile(2) === null
            ? undefined
            : (page) =>
                page === 1
                  ? list.buildPath({})
                  : page <= getListPageFiles()
                    ? list.buildPageFile(page)
                    : null
        }
      />
    </>
  );
}

/**
 * Unread posts of a whole list, from the manifest's counts and the reader's read posts (no list
 * is read for it); a tag list's count would need its posts, so it shows none.
 */
function UnreadCount({ list }: { list: ResolvedList }) {
  const { t } = useMessages();
  const state = useReaderState();
  const byCategory = useReadCountByCategory();
  if (!state.loaded || !byCategory || list.target.kind === 'tag') return null;
  const read = list.category === null ? state.read.size : byCategory.get(list.category);
  return <span> · {t.unreadCount(getUnreadCount(list.ref.count, read))}</span>;
}

type LanguageFilterProps = {
  languages: readonly string[];
  selected: string;
  buildPath: (lang: string) => string;
};

/** On a site that writes in several languages, one link per language (the choice in the URL). */
function LanguageFilter({ languages, selected, buildPath }: LanguageFilterProps) {
  const { t, lang } = useMessages();
  const names = useMemo(() => new Intl.DisplayNames([lang], { type: 'language' }), [lang]);
  if (languages.length < 2) return null;
  const nameOf = (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const choices = [
    { code: '', name: t.allLanguages },
    ...languages.map((code) => ({ code, name: nameOf(code) })),
  ];
  return (
    <nav aria-label={t.languageFilter} className="mt-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">{t.languageFilter}</span>
      {choices.map((choice) => (
        <Link
          key={choice.code}
          to={buildPath(choice.code)}
          lang={choice.code || undefined}
          aria-current={choice.code === selected ? 'true' : undefined}
          className={choice.code === selected ? 'chip chip-active' : 'chip'}
        >
          {choice.name}
        </Link>
      ))}
    </nav>
  );
}

type UnreadOnlyLinkProps = { list: ResolvedList; params: ListParams; activeTags: string[] };

/** The unread-only switch is a link: the choice lives in the URL, like every other filter. */
function UnreadOnlyLink({ list, params, activeTags }: UnreadOnlyLinkProps) {
  const { t } = useMessages();
  const to = list.buildPath({
    ...toListQuery(params),
    tags: activeTags,
    page: 1,
    unread: !params.unread,
  });
  return (
    <Link to={to} className="btn-secondary min-h-8 px-2.5 text-[0.8125rem]">
      {params.unread ? t.showAll : t.unreadOnly}
    </Link>
  );
}

/** The feed the page writer writes for a list: the site's for all posts, one per category, none for a tag. */
function ListFeedLink({
  list,
  siteTitle,
  title,
}: {
  list: ResolvedList;
  siteTitle: string;
  title: string;
}) {
  if (list.target.kind === 'all')
    return <FeedLink path={paths.feed()} title={siteTitle || title} listName={title} />;
  if (list.category === null || !hasCategoryFeed(list.category)) return null;
  return (
    <FeedLink
      path={paths.categoryFeed(list.category)}
      title={formatFeedTitle(siteTitle, list.name ?? list.category)}
      listName={title}
      inHead
    />
  );
}

type ListTagFilterProps = {
  manifest: Manifest;
  list: ResolvedList;
  params: ListParams;
  activeTags: string[];
};

/** The filters, with chips that count what the active date range holds, not the whole list. */
function ListTagFilter({ manifest, list, params, activeTags }: ListTagFilterProps) {
  const tagCounts = useRangeTagCounts(manifest, list, params.from, params.to);
  return (
    <TagFilter
      tagCounts={tagCounts}
      selected={activeTags}
      from={params.from}
      to={params.to}
      buildPath={(query) => list.buildPath({ unread: params.unread, lang: params.lang, ...query })}
    />
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
        <div className="flex min-w-0 flex-wrap items-baseline gap-x-2 sm:block">
          <h1 className="font-serif text-xl font-bold text-ink sm:text-4xl">{title}</h1>
          <p className="text-xs whitespace-nowrap text-muted sm:mt-2 sm:text-sm">
            <span>{t.postCount(list.ref.count)}</span>
            <UnreadCount list={list} />
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ListModeToggle />
          <UnreadOnlyLink list={list} params={params} activeTags={activeTags} />
          <MarkAllReadButton selection={selection} filtered={filtered} lang={params.lang} />
          <ListFeedLink list={list} siteTitle={manifest.site.title} title={title} />
          {actions}
        </div>
      </header>
      <ListTagFilter manifest={manifest} list={list} params={params} activeTags={activeTags} />
      <LanguageFilter
        languages={manifest.site.languages}
        selected={params.lang}
        buildPath={(lang) =>
          list.buildPath({ ...toListQuery(params), tags: activeTags, page: 1, lang })
        }
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
