/**
 * Postbuild: after `vite build`, give every URL of the archive a real file, so a deep link works
 * on a host without rewrites and crawlers and link previews see each page's own title. Each file
 * is the app shell with that page's head; the app boots and renders the view. Also writes the
 * Atom feeds, the sitemap and robots.txt. See docs/decisions/006-static-pages-and-offline.md.
 *
 *   tsx scripts/build-pages.ts [--dist dist] [--pages all|posts|none]
 *
 * Env: `BASE_PATH` (as for the build), `SITE_URL` (absolute address of the deployment; default the
 * host of `_config.yml`'s `url` followed by BASE_PATH), `BROADSHEET_PAGES` (same as `--pages`).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  decodeSegment,
  encodeSegment,
  getPageAddress,
  hasCategoryFeed,
  normalizeBasePath,
  paths,
} from '../src/shared/paths';
import type { Manifest, PostSummary } from '../src/shared/schema';
import { UsageError, isMainModule, parseCommandLine, reportUsageError } from './cli';
import { createFolderMaker } from './files';
import { openBundle, type BundleReader } from './pages/read-bundle';
import { openAppRenderer, type AppRenderer } from './pages/render-app';
import { FEED_LIMIT, renderFeed, renderSitemaps, type SitemapUrl } from './pages/render-feeds';
import {
  hasEmptyRoot,
  parseShell,
  renderHead,
  renderSettingsScript,
  summarize,
  type PageHead,
  type Shell,
} from './pages/render-head';
import { messageCatalogs } from '../src/shared/message-catalogs';
import { formatListPageFiles, getLastPageFile } from '../src/shared/list-page-files';
import { getPageCount } from '../src/shared/list-math';
import { formatFeedTitle, formatPageTitle } from '../src/shared/page-title';

export type PagesMode = 'all' | 'posts' | 'none';

export type BuildPagesOptions = {
  dist: string;
  /**
   * `all`: posts (with the page URLs of archive folder files), categories and tags; `posts`:
   * posts and those page URLs; `none`: only 404.html, feeds and sitemap.
   */
  pages?: PagesMode;
  base?: string;
  /** Absolute address the site is deployed at; overrides the bundle's `site.url`. */
  siteUrl?: string;
  /** False: heads only, every `#root` empty (unit tests of the heads, feeds and sitemap). */
  render?: boolean;
  /**
   * How many of the newest posts' pages hold their view (`Infinity`: all); older posts' pages
   * hold their head only. Lists and home always hold theirs. Default `DEFAULT_VIEWS`.
   */
  views?: number;
};

/**
 * Rendering a view costs 15–50 ms here, so every post of a 100,000-post archive would take the
 * page writer over an hour, every five minutes. The newest posts are the ones shared as links
 * and previewed; older ones keep their head (title, description, canonical) and the app draws
 * them. `BROADSHEET_VIEWS=all` renders every post where the time is there.
 */
export const DEFAULT_VIEWS = 1000;

export type BuildPagesResult = {
  files: number;
  bytes: number;
  skipped: string[];
  ms: number;
  /** The share of the page URLs of archive folder files (`/old_post/<file>.html`). */
  aliases: { files: number; bytes: number; ms: number };
  /** Pages that hold the app's view of their address, and the time rendering took. */
  rendered: { pages: number; ms: number };
  /** The share of pages 2..n of the lists (`/page/<n>/category/<slug>/`, decision 027). */
  listPages: { files: number; bytes: number; ms: number };
};

/** The app opens in Chinese until the reader picks a language, so the heads say what it shows first. */
const t = messageCatalogs['zh-CN'];

/** Names the app and the build own; a post URL that lands on one of them is not written. */
const RESERVED =
  /^(index\.html|404\.html|app-shell\.html|sw\.js|manifest\.webmanifest|robots\.txt|feed\.xml|sitemap[^/]*\.xml|workbox-[^/]*\.js|(assets|data|icons|feed)\/.*)$/;

/** Folder names at the root that old `/<category>/` index pages must not take over. */
const RESERVED_FOLDERS = new Set([
  'assets',
  'data',
  'icons',
  'feed',
  'category',
  'tag',
  'search',
  'latest',
  'saved',
  'history',
  'archive',
  // The list pages' own files (decision 027).
  'page',
]);

/**
 * The file a URL path is served from, relative to the deployed root, decoded as servers decode
 * URLs; null when the path could escape the folder or cannot be a file name.
 */
export function getPageFile(urlPath: string): string | null {
  let relative = urlPath.replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  else if (!/\.html?$/.test(relative)) relative += '.html';
  const segments = relative.split('/').map(decodeSegment);
  const unsafe = segments.some(
    (segment) =>
      segment === '' ||
      segment === '.' ||
      segment === '..' ||
      /[\\/\0]/.test(segment) ||
      segment.length > 255,
  );
  if (unsafe) return null;
  const file = segments.join('/');
  return RESERVED.test(file) ? null : file;
}

/** `view`: the app path whose view the page holds (a redirecting address names its target). */
type Page = { file: string; head: PageHead; view?: string };

/** How many pages share the data files read for them before those are dropped from memory. */
const FORGET_EVERY = 256;

class PageWriter {
  readonly written = new Set<string>();
  readonly skipped: string[] = [];
  private readonly makeFolder = createFolderMaker();
  files = 0;
  bytes = 0;
  /** Pages whose view was rendered into them, and the time that took. */
  rendered = { pages: 0, ms: 0 };

  constructor(
    private readonly dist: string,
    readonly shell: Shell,
    private readonly base: string,
    private readonly buildId: string,
    private readonly renderer: AppRenderer | null,
    /** The last page number of a list that gets its own file (decision 027). */
    readonly listPages: number,
  ) {}

  get renders(): boolean {
    return this.renderer !== null;
  }

  /** The page's text: the shell, its head, and the view the app renders at its address. */
  async renderPage(page: Page): Promise<string> {
    const head = renderHead(page.head);
    if (!this.renderer || page.view === undefined) return this.shell.render(head, page.head.lang);
    const started = performance.now();
    let shownAt = `${this.base.slice(0, -1)}${page.view}`;
    let view = await this.renderer.render(shownAt);
    // An address that redirects (an old category index) holds the view it lands on.
    if (view.kind === 'redirect') {
      shownAt = view.location;
      view = await this.renderer.render(shownAt);
    }
    if (view.kind === 'redirect') throw new Error(`${page.view} redirects twice`);
    this.rendered.pages += 1;
    if (this.rendered.pages % FORGET_EVERY === 0) this.renderer.forgetShards();
    this.rendered.ms += performance.now() - started;
    const body = {
      html: view.html,
      // The address of the view it holds: a file answering for another address (an archive
      // folder's page URL, an old category index) is drawn afresh there, and the app redirects.
      path: getPageAddress(shownAt),
      build: this.buildId,
      listPages: formatListPageFiles(this.listPages),
    };
    return this.shell.render(
      `${head}\n    ${renderSettingsScript(this.base)}`,
      page.head.lang,
      body,
    );
  }

  async write(pages: Iterable<Page>) {
    const batch: Promise<void>[] = [];
    for (const page of pages) {
      if (this.written.has(page.file)) {
        this.skipped.push(`${page.file}: written already by another page`);
        continue;
      }
      this.written.add(page.file);
      // One page renders at a time (the views share one query cache); the writes overlap.
      batch.push(this.writeOne(page.file, await this.renderPage(page)));
      // Bounded concurrency: enough to keep the disk busy, not so much that 100,000 open files pile up.
      if (batch.length >= 64) await Promise.all(batch.splice(0));
    }
    await Promise.all(batch);
  }

  async writeOne(file: string, text: string) {
    const target = path.join(this.dist, ...file.split('/'));
    this.makeFolder(target);
    const bytes = Buffer.from(text);
    this.files += 1;
    this.bytes += bytes.length;
    await writeFile(target, bytes);
  }
}

function describePost(
  post: PostSummary,
  manifest: Manifest,
  toAddress: (p: string) => string,
): PageHead {
  const canonical = toAddress(post.url);
  const section = manifest.categories.find(
    (category) => category.slug === post.categories[0],
  )?.name;
  const description = summarize(post.excerpt) || manifest.site.description;
  return {
    title: formatPageTitle(post.title, manifest.site.title),
    description,
    canonical,
    type: 'article',
    siteName: manifest.site.title,
    lang: post.lang,
    published: post.date,
    section,
    tags: post.tags,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      // Kept lean: 100,000 pages carry it. The description is in the meta tags already.
      headline: post.title,
      datePublished: post.date,
      url: canonical,
      inLanguage: post.lang,
      ...(section ? { articleSection: section } : {}),
      ...(post.tags.length ? { keywords: post.tags.join(',') } : {}),
      publisher: { '@type': 'Organization', name: manifest.site.title },
    },
  };
}

/**
 * The page URLs of archive folder files (`/old_post/<file>.html`): each a file with its post's
 * head, whose canonical link names the permalink; the app then redirects to it. Not in the
 * sitemap: the permalink is the one address to index.
 */
async function describeAliasPages(
  bundle: BundleReader,
  all: readonly PostSummary[],
  manifest: Manifest,
  toAddress: (p: string) => string,
  skipped: string[],
  viewed: ReadonlySet<string>,
): Promise<Page[]> {
  const byUrl = new Map(all.map((post) => [post.url, post]));
  const pages: Page[] = [];
  for (const alias of await bundle.readAliases()) {
    const post = byUrl.get(alias.url);
    const file = getPageFile(alias.path);
    if (!post || !file) {
      skipped.push(`${alias.path}: ${post ? 'not a safe file name' : `no post at ${alias.url}`}`);
      continue;
    }
    // The page holds the post's view where the permalink does: readable without JavaScript; the
    // app draws it afresh and redirects to the permalink.
    const view = viewed.has(post.url) ? post.url : undefined;
    pages.push({ file, head: describePost(post, manifest, toAddress), view });
  }
  return pages;
}

/** The folder that `paths.categoryPage` and `paths.tagPage` put every list page's file in. */
const LIST_PAGE_FOLDER = 'page';

/**
 * Pages 2..n of an unfiltered list as files of their own (`/page/<n>/category/<slug>/`), each
 * holding the view of page n and naming its `?page=n` address as canonical; the app replaces the
 * address with that one. Only up to page `last`, the views window (decision 027).
 */
function describeListPageFiles(
  head: PageHead,
  count: number,
  last: number,
  locate: (page: number) => { file: string; canonical: string },
): Page[] {
  const pages: Page[] = [];
  const end = Math.min(getPageCount(count), last);
  for (let page = 2; page <= end; page++) {
    const { file: address, canonical } = locate(page);
    const file = getPageFile(address);
    if (file) pages.push({ file, head: { ...head, canonical }, view: address });
  }
  return pages;
}

/** The home page: the site's own title, as the app's home view sets it. */
function describeHome(manifest: Manifest, toAddress: (p: string) => string): Page {
  const head = describeList('', manifest.site.description, toAddress('/'), manifest);
  return { file: 'index.html', head: { ...head, title: manifest.site.title }, view: paths.home() };
}

function describeList(
  title: string,
  description: string,
  canonical: string,
  manifest: Manifest,
): PageHead {
  return {
    title: formatPageTitle(title, manifest.site.title),
    description,
    canonical,
    type: 'website',
    siteName: manifest.site.title,
    lang: manifest.site.lang,
  };
}

/**
 * The absolute address of the deployed root, without a trailing slash. `SITE_URL` names it
 * whole; otherwise the host comes from `_config.yml`'s `url` and the path from BASE_PATH (which
 * is where the files are served, whatever `baseurl` the Jekyll site had). Empty when unknown.
 */
export function getSiteRoot(explicit: string | undefined, configUrl: string, base: string): string {
  if (explicit !== undefined) return explicit.replace(/\/+$/, '');
  if (!configUrl) return '';
  try {
    return `${new URL(configUrl).origin}${base.replace(/\/+$/, '')}`;
  } catch {
    return '';
  }
}

/** Where the page writer keeps the app shell as `vite build` wrote it, since `index.html` becomes the home page. */
const SHELL_COPY = 'app-shell.html';

/**
 * The app shell with its empty `#root`: `index.html` straight from `vite build`, kept aside as
 * `app-shell.html` so that the page writer can run again over the same build (a new bundle of
 * data, the same app), as a rebuild without a new `vite build` does.
 */
async function readShell(dist: string): Promise<string> {
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  if (hasEmptyRoot(index)) {
    await writeFile(path.join(dist, SHELL_COPY), index);
    return index;
  }
  try {
    return await readFile(path.join(dist, SHELL_COPY), 'utf8');
  } catch {
    return index; // parseShell says what is wrong with it
  }
}

export async function buildPages(options: BuildPagesOptions): Promise<BuildPagesResult> {
  const started = performance.now();
  const dist = path.resolve(options.dist);
  const base = normalizeBasePath(options.base);
  const mode = options.pages ?? 'all';
  const bundle: BundleReader = await openBundle(dist);
  const { manifest } = bundle;
  const site = manifest.site;
  const siteUrl = getSiteRoot(options.siteUrl, site.url, base);
  // Paths in the bundle are relative to the deployed root, which sits at BASE_PATH on the site's host.
  const toAddress = (appPath: string) =>
    siteUrl ? `${siteUrl}${appPath}` : `${base.slice(0, -1)}${appPath}`;

  const shell = parseShell(await readShell(dist));
  // Pages 2..n of the lists get files of their own only where they hold their view (decision 027).
  const listPages =
    options.render === false || mode !== 'all'
      ? 0
      : getLastPageFile(options.views ?? DEFAULT_VIEWS);
  const renderer =
    options.render === false ? null : await openAppRenderer({ dist, base, listPages });
  try {
    const writer = new PageWriter(dist, shell, base, manifest.buildId, renderer, listPages);
    return await writePages(
      { ...options, mode, base, siteUrl, started },
      bundle,
      writer,
      toAddress,
    );
  } finally {
    await renderer?.close();
  }
}

type WriteContext = BuildPagesOptions & {
  mode: PagesMode;
  base: string;
  siteUrl: string;
  started: number;
};

function* describePostPages(
  all: readonly PostSummary[],
  manifest: Manifest,
  toAddress: (p: string) => string,
  skipped: string[],
  views: number,
): Generator<Page> {
  for (const [index, post] of all.entries()) {
    const file = getPageFile(post.url);
    if (!file) {
      skipped.push(`${post.url}: not a safe file name`);
      continue;
    }
    // The newest posts hold their view; older ones their head, and the app draws the view.
    const view = index < views ? post.url : undefined;
    yield { file, head: describePost(post, manifest, toAddress), view };
  }
}

async function writePages(
  context: WriteContext,
  bundle: BundleReader,
  writer: PageWriter,
  toAddress: (p: string) => string,
): Promise<BuildPagesResult> {
  const { mode, siteUrl, started } = context;
  const { manifest } = bundle;
  const site = manifest.site;
  // The list pages' own files of the last run go: lists shrink, and the window may have changed.
  await rm(path.join(context.dist, LIST_PAGE_FOLDER), { recursive: true, force: true });
  // The not-found page stays generic: it answers every address the build does not know.
  await writer.writeOne(
    '404.html',
    writer.shell.render(
      renderHead({
        ...describeList(t.notFoundTitle, site.description, toAddress('/'), manifest),
        noindex: true,
      }),
    ),
  );
  // The home page is the shell's own file: it holds the home view when views are rendered.
  if (writer.renders)
    await writer.writeOne('index.html', await writer.renderPage(describeHome(manifest, toAddress)));

  const all = await bundle.readNewest(manifest.all);
  const sitemap: SitemapUrl[] = [{ loc: toAddress('/') }];

  const aliases = { files: 0, bytes: 0, ms: 0 };
  if (mode !== 'none') {
    const views = Math.min(context.views ?? DEFAULT_VIEWS, all.length);
    await writer.write(describePostPages(all, manifest, toAddress, writer.skipped, views));
    const before = { files: writer.files, bytes: writer.bytes, ms: performance.now() };
    const viewed = new Set(all.slice(0, views).map((post) => post.url));
    await writer.write(
      await describeAliasPages(bundle, all, manifest, toAddress, writer.skipped, viewed),
    );
    aliases.files = writer.files - before.files;
    aliases.bytes = writer.bytes - before.bytes;
    aliases.ms = performance.now() - before.ms;
  }
  for (const post of all) sitemap.push({ loc: toAddress(post.url), lastmod: post.date });

  const listPages: Page[] = [];
  // Pages 2..n of the lists, written after the lists themselves and counted on their own.
  const pageFiles: Page[] = [];
  for (const category of manifest.categories) {
    const canonical = toAddress(paths.category(category.slug));
    sitemap.push({ loc: canonical });
    const head: PageHead = {
      ...describeList(
        category.name,
        t.listSummary(category.name, category.count),
        canonical,
        manifest,
      ),
      ...(hasCategoryFeed(category.slug)
        ? {
            feed: {
              href: toAddress(paths.categoryFeed(category.slug)),
              title: formatFeedTitle(site.title, category.name),
            },
          }
        : {}),
    };
    const file = getPageFile(paths.category(category.slug));
    const view = paths.category(category.slug);
    if (file) listPages.push({ file, head, view });
    pageFiles.push(
      ...describeListPageFiles(head, category.count, writer.listPages, (page) => ({
        file: paths.categoryPage(category.slug, page),
        canonical: toAddress(paths.category(category.slug, { page })),
      })),
    );
    // The old site's `/<category>/` index pages keep working as bookmarks.
    if (!RESERVED_FOLDERS.has(category.slug)) {
      const old = getPageFile(`/${encodeSegment(category.slug)}/`);
      if (old) listPages.push({ file: old, head, view });
    }
  }
  for (const tag of manifest.tags) {
    const canonical = toAddress(paths.tag(tag.name));
    sitemap.push({ loc: canonical });
    const file = getPageFile(paths.tag(tag.name));
    const head = describeList(tag.name, t.listSummary(tag.name, tag.count), canonical, manifest);
    if (file) listPages.push({ file, head, view: paths.tag(tag.name) });
    pageFiles.push(
      ...describeListPageFiles(head, tag.count, writer.listPages, (page) => ({
        file: paths.tagPage(tag.name, page),
        canonical: toAddress(paths.tag(tag.name, { page })),
      })),
    );
  }
  const listPageShare = { files: 0, bytes: 0, ms: 0 };
  if (mode === 'all') {
    listPages.push({
      file: 'latest.html',
      head: describeList(t.latest, site.description, toAddress(paths.all()), manifest),
    });
    listPages.push({
      file: 'archive.html',
      head: describeList(
        t.archive,
        t.archiveIntro(manifest.posts),
        toAddress(paths.archive()),
        manifest,
      ),
    });
    // Views of the reader's own state and of search: pages to land on, never to index.
    const unindexed = [
      { file: 'search.html', title: t.searchTitle, path: paths.search() },
      { file: 'saved.html', title: t.savedTitle, path: paths.saved() },
      { file: 'history.html', title: t.historyTitle, path: paths.history() },
    ];
    for (const page of unindexed)
      listPages.push({
        file: page.file,
        head: {
          ...describeList(page.title, site.description, toAddress(page.path), manifest),
          noindex: true,
        },
      });
    await writer.write(listPages);
    const before = { files: writer.files, bytes: writer.bytes, ms: performance.now() };
    await writer.write(pageFiles);
    listPageShare.files = writer.files - before.files;
    listPageShare.bytes = writer.bytes - before.bytes;
    listPageShare.ms = performance.now() - before.ms;
  }

  // Feeds: the whole site, then one per category, as jekyll-feed's `categories` option writes them.
  const writeFeed = async (feedPath: string, title: string, home: string, posts: PostSummary[]) => {
    const entries = await Promise.all(
      posts.map(async (summary) => ({ summary, article: await bundle.readArticle(summary.url) })),
    );
    // On disk the name is decoded, as servers decode the percent-encoded address.
    const file = feedPath.slice(1).split('/').map(decodeSegment).join('/');
    await writer.writeOne(
      file,
      renderFeed({ site, self: toAddress(feedPath), home, title, toAddress, entries }),
    );
  };
  await rm(path.join(context.dist, 'feed'), { recursive: true, force: true });
  await writeFeed(paths.feed(), site.title, toAddress('/'), all.slice(0, FEED_LIMIT));
  for (const category of manifest.categories) {
    if (!hasCategoryFeed(category.slug)) continue;
    const posts = await bundle.readNewest(category.list, FEED_LIMIT);
    await writeFeed(
      paths.categoryFeed(category.slug),
      formatFeedTitle(site.title, category.name),
      toAddress(paths.category(category.slug)),
      posts,
    );
  }

  // A sitemap needs absolute addresses; without a known site address there is nothing valid to write.
  if (siteUrl) {
    for (const [name, text] of renderSitemaps(sitemap, toAddress))
      await writer.writeOne(name, text);
  }
  const robots = [
    'User-agent: *',
    'Allow: /',
    ...(siteUrl ? [`Sitemap: ${toAddress('/sitemap.xml')}`] : []),
    '',
  ];
  await writer.writeOne('robots.txt', robots.join('\n'));

  return {
    files: writer.files,
    bytes: writer.bytes,
    skipped: writer.skipped,
    ms: performance.now() - started,
    aliases,
    rendered: writer.rendered,
    listPages: listPageShare,
  };
}

function readMode(value: string | undefined): PagesMode {
  if (value === undefined || value === '') return 'all';
  if (value === 'all' || value === 'posts' || value === 'none') return value;
  throw new UsageError(`--pages must be all, posts or none (got ${value})`);
}

export function readViews(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_VIEWS;
  if (value === 'all') return Infinity;
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count))
    throw new UsageError(`--views must be a whole number or all (got ${value})`);
  return count;
}

const USAGE =
  'usage: tsx scripts/build-pages.ts [--dist DIR] [--pages all|posts|none] [--views N|all]';

async function runCli() {
  const { values } = parseCommandLine({
    options: {
      dist: { type: 'string', default: 'dist' },
      pages: { type: 'string' },
      views: { type: 'string' },
    },
  });
  const pages = readMode(values.pages ?? process.env.BROADSHEET_PAGES);
  const views = readViews(values.views ?? process.env.BROADSHEET_VIEWS);
  const result = await buildPages({
    dist: values.dist,
    pages,
    views,
    base: process.env.BASE_PATH,
    siteUrl: process.env.SITE_URL,
  });
  for (const line of result.skipped.slice(0, 20)) console.warn(`build-pages: skipped ${line}`);
  if (result.skipped.length > 20)
    console.warn(`build-pages: … and ${result.skipped.length - 20} more skipped`);
  console.log(
    `build-pages: ${result.rendered.pages} views rendered in ${(result.rendered.ms / 1000).toFixed(1)} s`,
  );
  console.log(
    `build-pages: ${result.files} pages, ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s`,
  );
  if (result.listPages.files > 0)
    console.log(
      `build-pages: of them ${result.listPages.files} pages 2..n of the lists, ${(result.listPages.bytes / 1e6).toFixed(1)} MB in ${(result.listPages.ms / 1000).toFixed(1)} s`,
    );
  if (result.aliases.files > 0)
    console.log(
      `build-pages: of them ${result.aliases.files} page URLs of archive folders, ${(result.aliases.bytes / 1e6).toFixed(1)} MB in ${(result.aliases.ms / 1000).toFixed(1)} s`,
    );
}

if (isMainModule(import.meta.url)) {
  runCli().catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.exitCode = reportUsageError(error, USAGE);
      return;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
