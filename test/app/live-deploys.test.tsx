import { afterAll, beforeEach, expect, test } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setDataBase } from '../../src/lib/data-base';
import { dataPaths } from '../../src/shared/paths';
import { refreshManifest } from '../../src/lib/manifest-query';
import { MAX_TIMER_DELAY, PERSIST_MAX_AGE, createQueryClient } from '../../src/lib/query-client';
import {
  ENCODED_URL,
  createFixtureBundle,
  getCaijingTitle,
  getLaterCaijingTitle,
  startFixtureServer,
  type FixtureServer,
} from './fixture-site';
import { renderApp } from './render-app';

// A redeploy under an open tab: the tab holds build 1's manifest while the host serves build 2
// only, whose lists gained five posts, so build 1's changed shards answer 404.
const LATER_POSTS = 5;

let server: FixtureServer | undefined;

beforeEach(async () => {
  await server?.close();
  server = await startFixtureServer();
  setDataBase(server.base);
});

afterAll(async () => {
  await server?.close();
});

const FIND = { timeout: 10_000 };
const SLOW = 30_000;

function getServer(): FixtureServer {
  if (!server) throw new Error('the fixture server did not start');
  return server;
}

function getListTitles(): string[] {
  return within(screen.getByRole('main'))
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading').textContent ?? '');
}

test(
  'a shard gone after a redeploy is read again through the new manifest, with the new posts announced',
  async () => {
    const { router } = renderApp('/category/caijing');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    await getServer().replace(createFixtureBundle({ laterPosts: LATER_POSTS }));

    // Page 5 needs the list index, whose build-1 name is gone; build 2 shifts it by five posts.
    await act(() => router.navigate('/category/caijing?page=5'));
    await screen.findByRole('heading', { name: getCaijingTitle(66) }, FIND);
    const titles = getListTitles();
    expect(titles[0]).toBe(getCaijingTitle(66));
    expect(titles.at(-1)).toBe(getCaijingTitle(17));
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    // The lists moved to build 2 without the reader asking, so they are told what came.
    const notice = screen.getByRole('button', { name: `${LATER_POSTS} 条新消息` });
    await userEvent.click(notice);
    expect(screen.queryByRole('button', { name: /条新消息/ })).toBeNull();

    // An article the tab never opened, and one that only build 2 has.
    await act(() => router.navigate(ENCODED_URL));
    expect(
      await screen.findByRole('heading', { level: 1, name: '评论：虚构市场的长期逻辑' }, FIND),
    ).toBeTruthy();
    await act(() => router.navigate('/caijing/2022/03/01/later3.html'));
    expect(
      await screen.findByRole('heading', { level: 1, name: getLaterCaijingTitle(3) }, FIND),
    ).toBeTruthy();
  },
  SLOW,
);

test(
  'retry after a failed shard starts from a fresh manifest',
  async () => {
    const host = getServer();
    const caijing = host.bundle.manifest.categories.find((category) => category.slug === 'caijing');
    if (!caijing) throw new Error('the fixture has a 财经 category');
    // The tab's list index keeps failing (a broken edge of the host, not a 404), so only the new
    // build, which names another index, can serve page 5; a retry must go and find it.
    const oldIndex = dataPaths.listIndex(caijing.list.index);
    const { router } = renderApp('/category/caijing');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    host.failing.add(oldIndex);
    await act(() => router.navigate('/category/caijing?page=5'));
    const retry = await screen.findByRole('button', { name: '重试' }, FIND);

    await host.replace(createFixtureBundle({ laterPosts: LATER_POSTS }));
    await userEvent.click(retry);
    await screen.findByRole('heading', { name: getCaijingTitle(66) }, FIND);
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  },
  SLOW,
);

test(
  'when the new manifest cannot be had either, the error shows, and its retry recovers',
  async () => {
    const { router } = renderApp('/category/caijing');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    const host = getServer();
    await host.replace(createFixtureBundle({ laterPosts: LATER_POSTS }));
    host.failing.add('data/manifest.json');
    await act(() => router.navigate('/category/caijing?page=5'));
    const retry = await screen.findByRole('button', { name: '重试' }, FIND);

    host.failing.delete('data/manifest.json');
    await userEvent.click(retry);
    await screen.findByRole('heading', { name: getCaijingTitle(66) }, FIND);
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  },
  SLOW,
);

test(
  'a post newer than the tab\'s build is found, not "not found", when its index page was cached',
  async () => {
    const { router } = renderApp(ENCODED_URL);
    expect(
      await screen.findByRole('heading', { level: 1, name: '评论：虚构市场的长期逻辑' }, FIND),
    ).toBeTruthy();
    // The tab holds build 1's article index page, which knows nothing of the new posts, and
    // build 1's files were kept, so nothing is gone: its bucket just lacks the post.
    await getServer().replace(createFixtureBundle({ laterPosts: LATER_POSTS }), { keepOld: true });
    await act(() => router.navigate('/caijing/2022/03/01/later2.html'));
    expect(
      await screen.findByRole('heading', { level: 1, name: getLaterCaijingTitle(2) }, FIND),
    ).toBeTruthy();
  },
  SLOW,
);

test('a category saved for offline stays saved, with its undo, when new posts change its index', async () => {
  const { queryClient } = renderApp('/category/caijing');
  await userEvent.click(await screen.findByRole('button', { name: '离线保存' }, FIND));
  // Saving reads every chunk and article bucket of the category: slow in jsdom, slower still on
  // a busy machine (36 s seen with the load at four times the cores).
  await screen.findByRole('button', { name: '取消离线保存' }, { timeout: 90_000 });

  await getServer().replace(createFixtureBundle({ laterPosts: LATER_POSTS }));
  await act(() => refreshManifest(queryClient));
  await screen.findByRole('link', { name: getLaterCaijingTitle(LATER_POSTS) }, FIND);
  await userEvent.click(screen.getByRole('button', { name: '取消离线保存' }));
  await screen.findByRole('button', { name: '离线保存' }, FIND);
}, 150_000);

test('queries live in memory as long as the persisted cache may be restored', () => {
  const gcTime = createQueryClient().getDefaultOptions().queries?.gcTime ?? 0;
  expect(gcTime).toBeGreaterThanOrEqual(PERSIST_MAX_AGE);
  // A longer timer would overflow and collect every unused query at once.
  expect(gcTime).toBeLessThanOrEqual(MAX_TIMER_DELAY);
});
