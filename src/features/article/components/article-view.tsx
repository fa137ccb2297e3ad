import { useEffect, useMemo, type MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { z } from 'zod/mini';
import type { Article, Manifest, PostLink } from '../../../shared/schema';
import { paths } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';
import { HeadlineText } from '../../../components/ui/headline-text';
import { PostTime } from '../../../components/ui/post-time';
import { PostBody } from './post-body';
import { ShareButton } from './share-button';
import { recordOpened } from '../../../lib/reader-state';
import { getShortcutProps } from '../../../lib/shortcut-targets';
import { ReadToggle } from '../../../components/reader/read-toggle';
import { SaveButton } from '../../../components/reader/save-button';

export type ArticleViewProps = {
  manifest: Manifest;
  article: Article;
};

/** Characters a reader of Chinese gets through in a minute, roughly. */
const CHARS_PER_MINUTE = 400;

/** How many history entries back the list is: set to 1 by list links, grown by prev/next. */
const navigationStateSchema = z.object({ listDepth: z.int().check(z.positive()) });

function getListDepth(state: unknown): number {
  const parsed = navigationStateSchema.safeParse(state);
  return parsed.success ? parsed.data.listDepth : 0;
}

type NeighbourLinkProps = {
  link: PostLink;
  label: string;
  rel: 'prev' | 'next';
  state: { listDepth: number } | undefined;
  className?: string;
};

/** The previous or next post of the category, as a card. */
function NeighbourLink({ link, label, rel, state, className = '' }: NeighbourLinkProps) {
  return (
    <Link
      to={paths.post(link.url)}
      state={state}
      rel={rel}
      className={`neighbour-card ${className}`}
      {...getShortcutProps(rel === 'next' ? 'next' : 'previous')}
    >
      <span className="text-xs text-muted">{label}</span>
      <span className="mt-1 block font-serif font-semibold text-ink">{link.title}</span>
    </Link>
  );
}

/** The post's address as the reader sees it in the address bar (the deploy base included). */
function getPermalink(url: string): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/+$/, '')}${url}`, window.location.origin)
    .href;
}

export function ArticleView({ manifest, article }: ArticleViewProps) {
  const { t } = useMessages();
  const location = useLocation();
  const navigate = useNavigate();
  const listDepth = getListDepth(location.state);
  const categorySlug = article.categories[0];
  const category = manifest.categories.find((candidate) => candidate.slug === categorySlug);
  const minutes = Math.max(1, Math.round(article.chars / CHARS_PER_MINUTE));
  const categorySlugs = useMemo(
    () => manifest.categories.map((candidate) => candidate.slug),
    [manifest],
  );
  const bodyContext = useMemo(
    () => ({
      postUrl: article.url,
      siteUrl: manifest.site.url,
      hosts: manifest.site.hosts,
      categories: categorySlugs,
      source: article.source,
    }),
    [article.url, article.source, manifest.site.url, manifest.site.hosts, categorySlugs],
  );
  const contentLang = manifest.site.lang || undefined;
  const listPath = category ? paths.category(category.slug) : paths.home();

  function goBackToList(event: MouseEvent<HTMLAnchorElement>) {
    // Coming from a list, going back in history restores its page, filters and scroll position.
    if (listDepth === 0 || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(-listDepth);
  }

  const neighbourState = listDepth > 0 ? { listDepth: listDepth + 1 } : undefined;

  // Opening an article is reading it: marked read and put at the top of the history.
  useEffect(() => {
    void recordOpened(article);
  }, [article]);

  return (
    <article className="mx-auto max-w-[40em]">
      <p className="mb-6 text-sm">
        <Link to={listPath} onClick={goBackToList} className="link-accent">
          <span aria-hidden="true">← </span>
          {t.backToList}
        </Link>
      </p>
      <header className="border-b border-rule pb-6">
        {category ? (
          <p className="mb-3 text-sm font-semibold tracking-wide text-accent">
            <Link to={paths.category(category.slug)} className="hover:underline">
              {category.name}
            </Link>
          </p>
        ) : null}
        <h1
          lang={contentLang}
          className="font-serif text-[1.75em] leading-snug font-bold text-pretty text-ink sm:text-[2.1em]"
        >
          <HeadlineText text={article.title} />
        </h1>
        <dl className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
          <div className="flex gap-1">
            <dt className="sr-only">{t.publishedAt}</dt>
            <dd>
              <PostTime iso={article.date} timeZone={manifest.site.timezone} lang={article.lang} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="sr-only">{t.readingTime(minutes)}</dt>
            <dd>
              {t.charCount(article.chars)} · {t.readingTime(minutes)}
            </dd>
          </div>
        </dl>
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <SaveButton post={article} variant="article" />
          <ReadToggle post={article} variant="article" />
          <ShareButton title={article.title} url={getPermalink(article.url)} />
        </div>
      </header>
      {/* The post keeps the site's language even when the reader chose another for the interface. */}
      <div lang={contentLang}>
        <PostBody html={article.html} context={bodyContext} />
      </div>
      <footer className="mt-10 space-y-6 border-t border-rule pt-6">
        {article.source ? (
          <p className="text-sm">
            <a
              href={article.source}
              target="_blank"
              rel="noopener noreferrer"
              className="link-accent break-all"
            >
              {t.source}
            </a>
          </p>
        ) : null}
        {article.tags.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <h2 className="text-muted">{t.tags}</h2>
            <ul className="flex flex-wrap gap-2">
              {article.tags.map((tag) => (
                <li key={tag}>
                  <Link to={paths.tag(tag)} className="tag-pill">
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {article.prev || article.next ? (
          <nav aria-label={t.postNavigation} className="grid gap-4 sm:grid-cols-2">
            {article.prev ? (
              <NeighbourLink
                link={article.prev}
                label={t.previousPost}
                rel="prev"
                state={neighbourState}
              />
            ) : (
              <span className="hidden sm:block" />
            )}
            {article.next ? (
              <NeighbourLink
                link={article.next}
                label={t.nextPost}
                rel="next"
                state={neighbourState}
                className="sm:text-right"
              />
            ) : null}
          </nav>
        ) : null}
      </footer>
    </article>
  );
}
