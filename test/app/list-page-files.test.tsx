import { afterAll, beforeAll, expect, test } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setDataBase } from '../../src/lib/data-base';
import { setListPageFiles } from '../../src/lib/list-page-files';
import {
  CAIJING_POSTS,
  getCaijingTitle,
  startFixtureServer,
  type FixtureServer,
} from './fixture-site';
import { renderApp } from './render-app';

/** A list's pages as files of their own (docs/decisions/027), in the app. */

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  setDataBase(server.base);
  // As on a page the writer rendered with the default window: pages 1..20 have files.
  setListPageFiles(20);
});

afterAll(async () => {
  setListPageFiles(0);
  await server.close();
});

const FIND = { timeout: 10_000 };
const SLOW = 30_000;

function getFirstTitle(): string {
  const main = screen.getByRole('main');
  const [first] = within(main).getAllByRole('article');
  return first ? (within(first).getByRole('heading').textContent ?? '') : '';
}

test(
  "a page's file shows that page at its ?page= address; the pager links files, a click opens ?page=",
  async () => {
    const { router } = renderApp('/page/3/category/caijing/');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe('?page=3'));
    expect(router.state.location.pathname).toBe('/category/caijing');
    // 261 posts, the feature story newest: page 3 starts at position 100, 第162号.
    expect(getFirstTitle()).toBe(getCaijingTitle(CAIJING_POSTS - 99));
    const pager = screen.getByRole('navigation', { name: '分页' });
    expect(within(pager).getByRole('link', { name: '第 1 页' }).getAttribute('href')).toBe(
      '/category/caijing',
    );
    const fourth = within(pager).getByRole('link', { name: '第 4 页' });
    expect(fourth.getAttribute('href')).toBe('/page/4/category/caijing/');
    await userEvent.click(fourth);
    await waitFor(() => expect(router.state.location.search).toBe('?page=4'));
    expect(router.state.location.pathname).toBe('/category/caijing');
  },
  SLOW,
);

test(
  'a filtered list links its pages by query',
  async () => {
    renderApp('/category/caijing?from=2022-01-01&to=2022-12-31');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    const pager = await screen.findByRole('navigation', { name: '分页' }, FIND);
    expect(within(pager).getByRole('link', { name: '第 2 页' }).getAttribute('href')).toBe(
      '/category/caijing?from=2022-01-01&to=2022-12-31&page=2',
    );
  },
  SLOW,
);

test(
  'a page number that is none opens page 1',
  async () => {
    const { router } = renderApp('/page/x/category/caijing/');
    expect(await screen.findByRole('heading', { level: 1, name: '财经' }, FIND)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/category/caijing');
    expect(router.state.location.search).toBe('');
  },
  SLOW,
);
