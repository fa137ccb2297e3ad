import { afterAll, beforeAll, expect, test } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setDataBase } from '../../src/lib/data-base';
import { updateSettings } from '../../src/lib/settings';
import { dataPaths } from '../../src/shared/paths';
import { getArticleLocation } from '../../src/shared/post-key';
import { articleIndexPageSchema } from '../../src/shared/schema';
import {
  ARCHIVE_PAGE_URL,
  ARTICLE_URL,
  CAIJING_POSTS,
  ENCODED_URL,
  HOSTILE_URL,
  getCaijingTag,
  getCaijingTitle,
  getFixtureDate,
  startFixtureServer,
  type FixtureServer,
} from './fixture-site';
import { renderApp } from './render-app';

// The reader's clock is far from the site's: dates must still be shown in Asia/Shanghai.
process.env.TZ = 'America/Los_Angeles';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  setDataBase(server.base);
});

afterAll(async () => {
  await server.close();
});

/** jsdom is slow with role queries over long lists; generous limits keep a busy machine from failing tests. */
const FIND = { timeout: 10_000 };
const SLOW = 30_000;

function getListTitles(): string[] {
  const main = screen.getByRole('main');
  return within(main)
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading').textContent ?? '');
}

test(
  'home shows the newest posts and a section per category',
  async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { name: '最新文章' }, FIND)).toBeTruthy();
    const caijing = screen.getByRole('region', { name: '财经' });
    expect(within(caijing).getAllByRole('article')).toHaveLength(5);
    expect(within(caijing).getByRole('link', { name: /查看全部 261 篇/ })).toBeTruthy();
    expect(screen.getByRole('region', { name: '科技' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '栏目导航' })).toBeTruthy();
  },
  SLOW,
);

test(
  'a category list is newest first and opens at the page in the URL',
  async () => {
    renderApp('/category/caijing?page=3');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    const titles = getListTitles();
    expect(titles).toHaveLength(50);
    // 261 posts: the feature story is the newest of them... positions 100–149 newest first.
    // 261 posts, the feature story newest: page 3 holds positions 100–149, i.e. 第160号 down to 第111号.
    expect(titles[0]).toBe(getCaijingTitle(CAIJING_POSTS - 99));
    expect(titles[49]).toBe(getCaijingTitle(CAIJING_POSTS - 148));
    const pager = screen.getByRole('navigation', { name: '分页' });
    expect(within(pager).getByRole('link', { name: '第 3 页' }).getAttribute('aria-current')).toBe(
      'page',
    );
  },
  SLOW,
);

test(
  'the .html form of a category path and deep pages work',
  async () => {
    renderApp('/category/caijing.html?page=6');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    const titles = getListTitles();
    expect(titles).toHaveLength(11);
    expect(titles.at(-1)).toBe(getCaijingTitle(1));
  },
  SLOW,
);

test(
  'two tags from the URL filter a list to their union',
  async () => {
    renderApp('/latest?tag=%E5%80%BA%E5%B8%82&tag=%E7%A7%91%E6%8A%80');
    expect(await screen.findByRole('heading', { level: 1, name: '全部文章' }, FIND)).toBeTruthy();
    const debt = Array.from({ length: CAIJING_POSTS }, (_, i) => i + 1).filter(
      (n) => getCaijingTag(n) === '债市',
    ).length;
    const expected = debt + 12 + 1; // 债市 posts, all 科技 posts, the hostile 科技 post
    expect(within(screen.getByRole('main')).getByRole('status').textContent).toContain(
      String(expected),
    );
    expect((screen.getByRole('checkbox', { name: /债市/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /科技/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /宏观/ }) as HTMLInputElement).checked).toBe(
      false,
    );
  },
  SLOW,
);

test(
  'a category list filtered by tag and date keeps only matching posts',
  async () => {
    renderApp('/category/caijing?tag=%E8%82%A1%E5%B8%82&from=2022-01-02&to=2022-01-03');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    const titles = getListTitles();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) {
      const n = Number(title.match(/第(\d+)号/)?.[1]);
      expect(getCaijingTag(n)).toBe('股市');
    }
    await userEvent.click(screen.getByRole('link', { name: '清除筛选' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: '清除筛选' })).toBeNull(), FIND);
  },
  SLOW,
);

test(
  'an article shows its title, its date in the site timezone and its neighbours',
  async () => {
    renderApp(ARTICLE_URL);
    expect(
      await screen.findByRole('heading', { level: 1, name: '虚构央行宣布调整利率区间' }, FIND),
    ).toBeTruthy();
    expect(screen.getByText('2022年2月26日 21:22')).toBeTruthy();
    const neighbours = screen.getByRole('navigation', { name: '前后文章' });
    // The newest post of its category: an older neighbour only.
    expect(
      within(neighbours).getByRole('link', { name: `上一篇${getCaijingTitle(CAIJING_POSTS)}` }),
    ).toBeTruthy();
    expect(within(neighbours).queryByRole('link', { name: /下一篇/ })).toBeNull();
    expect(screen.getByRole('link', { name: '原文链接' }).getAttribute('href')).toBe(
      'http://source.example.com/story/1.html',
    );
    expect(screen.getByRole('link', { name: '宏观' })).toBeTruthy();
    // The old footer of back-links is replaced by the app's own navigation.
    expect(screen.queryByRole('link', { name: '返回首页' })).toBeNull();
    expect(screen.queryByText('隐藏的追踪文字')).toBeNull();
  },
  SLOW,
);

test(
  'a link to a footnote of an article scrolls to it once the body is in',
  async () => {
    const scrolled: string[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id);
    };
    try {
      renderApp(`${ARTICLE_URL}#fn:1`);
      expect(await screen.findByText('一条虚构的脚注。', {}, FIND)).toBeTruthy();
      await waitFor(() => expect(scrolled).toEqual(['user-content-fn:1']));
      // The mark and the back-link follow the prefixed ids too.
      expect(screen.getByRole('link', { name: '1' }).getAttribute('href')).toBe(
        '#user-content-fn:1',
      );
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  },
  SLOW,
);

test(
  'an article path without .html finds the same post',
  async () => {
    renderApp(ARTICLE_URL.replace(/\.html$/, ''));
    expect(
      await screen.findByRole('heading', { level: 1, name: '虚构央行宣布调整利率区间' }, FIND),
    ).toBeTruthy();
  },
  SLOW,
);

test(
  'an in-body link to an old category page is routed inside the app',
  async () => {
    const { router } = renderApp(ARTICLE_URL);
    await userEvent.click(await screen.findByRole('link', { name: '科技栏目' }, FIND));
    expect(await screen.findByRole('heading', { level: 1, name: '科技' }, FIND)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/category/keji');
  },
  SLOW,
);

test(
  'an old category index page opens the category list',
  async () => {
    const { router } = renderApp('/keji/');
    expect(await screen.findByRole('heading', { level: 1, name: '科技' }, FIND)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/category/keji');
  },
  SLOW,
);

test(
  'an unknown path shows the not-found view with search and ways back',
  async () => {
    renderApp('/no/such/page.html');
    expect(
      await screen.findByRole('heading', { level: 1, name: '找不到这个页面' }, FIND),
    ).toBeTruthy();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('search')).toBeTruthy();
    expect(within(main).getByRole('link', { name: '返回首页' })).toBeTruthy();
    expect(within(main).getByRole('link', { name: '科技' })).toBeTruthy();
  },
  SLOW,
);

test(
  'a shard that fails to load shows an error with a retry that recovers',
  async () => {
    const { manifest } = server.bundle;
    const location = getArticleLocation(manifest.articles, ARTICLE_URL);
    const pageText = server.bundle.files.get(`article-index/${location.indexPage}.json`) ?? '';
    const page = articleIndexPageSchema.parse(JSON.parse(pageText));
    const bucketPath = dataPaths.articleBucket(page.buckets[location.slot] ?? '');
    server.failing.add(bucketPath);
    try {
      renderApp(ARTICLE_URL);
      const retry = await screen.findByRole('button', { name: '重试' }, FIND);
      expect(screen.getByRole('alert')).toBeTruthy();
      server.failing.delete(bucketPath);
      await userEvent.click(retry);
      expect(
        await screen.findByRole('heading', { level: 1, name: '虚构央行宣布调整利率区间' }, FIND),
      ).toBeTruthy();
    } finally {
      server.failing.delete(bucketPath);
    }
  },
  SLOW,
);

test(
  'an older post links to its newer neighbour, and back to list returns to the list',
  async () => {
    const { router } = renderApp('/category/caijing');
    const link = await screen.findByRole('link', { name: getCaijingTitle(CAIJING_POSTS) }, FIND);
    await userEvent.click(link);
    expect(
      await screen.findByRole('heading', { level: 1, name: getCaijingTitle(CAIJING_POSTS) }, FIND),
    ).toBeTruthy();
    const neighbours = screen.getByRole('navigation', { name: '前后文章' });
    expect(
      within(neighbours).getByRole('link', { name: /下一篇虚构央行宣布调整利率区间/ }),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: '返回列表' }));
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    expect(router.state.historyAction).toBe('POP');
  },
  SLOW,
);

test(
  'the page URL of an archive folder file (with and without .html) redirects to the permalink',
  async () => {
    for (const appPath of [ARCHIVE_PAGE_URL, ARCHIVE_PAGE_URL.replace(/\.html$/, '')]) {
      const { router, unmount } = renderApp(`${appPath}?from=bookmark`);
      expect(
        await screen.findByRole('heading', { level: 1, name: '评论：虚构市场的长期逻辑' }, FIND),
      ).toBeTruthy();
      expect(router.state.location.pathname).toBe(ENCODED_URL);
      expect(router.state.location.search).toBe('?from=bookmark');
      // Replaced, not pushed: Back must not return to an address that only redirects.
      expect(router.state.historyAction).toBe('REPLACE');
      unmount();
    }
  },
  SLOW,
);

test(
  'a percent-encoded permalink and a non-ASCII category path both resolve',
  async () => {
    renderApp(ENCODED_URL);
    expect(
      await screen.findByRole('heading', { level: 1, name: '评论：虚构市场的长期逻辑' }, FIND),
    ).toBeTruthy();
    const sections = screen.getByRole('navigation', { name: '栏目导航' });
    const link = within(sections).getByRole('link', { name: '评论' });
    expect(link.getAttribute('href')).toBe('/category/%E8%AF%84%E8%AE%BA');
    await userEvent.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: '评论' }, FIND)).toBeTruthy();
    expect(getListTitles()).toEqual(['评论：虚构市场的长期逻辑']);
  },
  SLOW,
);

test(
  'post titles are text, never markup',
  async () => {
    renderApp(HOSTILE_URL);
    const heading = await screen.findByRole(
      'heading',
      { level: 1, name: '<b>标题里的标签</b>应当按文字显示' },
      FIND,
    );
    expect(heading.querySelector('b')).toBeNull();
    expect(screen.getByText('正文第一段。')).toBeTruthy();
    expect(document.querySelector('main script, main [onerror]')).toBeNull();
  },
  SLOW,
);

test(
  'the UI switches to English and the page language follows',
  async () => {
    updateSettings({ lang: 'en' });
    try {
      renderApp('/category/caijing');
      expect(await screen.findByRole('navigation', { name: 'Pagination' }, FIND)).toBeTruthy();
      expect(document.documentElement.lang).toBe('en');
      expect(screen.getByRole('link', { name: 'Next page' })).toBeTruthy();
    } finally {
      updateSettings({ lang: 'zh-CN' });
    }
    expect(document.documentElement.lang).toBe('zh-CN');
  },
  SLOW,
);

test(
  'the dark-mode toggle is remembered',
  async () => {
    renderApp('/');
    const toggle = await screen.findByRole('button', { name: '深色模式' }, FIND);
    const before = toggle.getAttribute('aria-pressed');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).not.toBe(before);
    expect(localStorage.getItem('broadsheet:settings')).toContain(
      before === 'true' ? '"light"' : '"dark"',
    );
    expect(document.documentElement.classList.contains('dark')).toBe(before !== 'true');
    updateSettings({ theme: 'system' });
  },
  SLOW,
);

test(
  'a date range reads only its part of a list, with an exact count and pages',
  async () => {
    const inRange = Array.from({ length: CAIJING_POSTS }, (_, i) => i + 1).filter((n) => {
      const day = getFixtureDate(n * 3).slice(0, 10);
      return day >= '2022-01-05' && day <= '2022-01-20';
    });
    renderApp('/category/caijing?from=2022-01-05&to=2022-01-20&page=2');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    expect(within(screen.getByRole('main')).getByRole('status').textContent).toContain(
      `${inRange.length} 篇`,
    );
    const titles = getListTitles();
    const newestFirst = [...inRange].reverse();
    expect(titles).toEqual(newestFirst.slice(50, 100).map(getCaijingTitle));
    expect((screen.getByLabelText('起始日期') as HTMLInputElement).value).toBe('2022-01-05');
  },
  SLOW,
);

test(
  'a manifest that fails to load shows the error view, and retry recovers',
  async () => {
    server.failing.add('data/manifest.json');
    try {
      renderApp('/');
      const retry = await screen.findByRole('button', { name: '重试' }, FIND);
      expect(screen.getByRole('main')).toBeTruthy();
      server.failing.delete('data/manifest.json');
      await userEvent.click(retry);
      expect(await screen.findByRole('heading', { name: '最新文章' }, FIND)).toBeTruthy();
    } finally {
      server.failing.delete('data/manifest.json');
    }
  },
  SLOW,
);

test(
  'a tag list shows only that tag, with a date filter and no tag choices',
  async () => {
    renderApp('/tag/%E5%80%BA%E5%B8%82?to=2022-01-04');
    expect(await screen.findByRole('heading', { level: 1, name: '标签：债市' }, FIND)).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    const titles = getListTitles();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles)
      expect(getCaijingTag(Number(title.match(/第(\d+)号/)?.[1]))).toBe('债市');
    expect((screen.getByLabelText('截止日期') as HTMLInputElement).value).toBe('2022-01-04');
  },
  SLOW,
);

test(
  'a tag page opens under the name of its pre-rendered file too',
  async () => {
    renderApp('/tag/%E5%80%BA%E5%B8%82.html');
    expect(await screen.findByRole('heading', { level: 1, name: '标签：债市' }, FIND)).toBeTruthy();
    expect(getListTitles().length).toBeGreaterThan(0);
  },
  SLOW,
);
