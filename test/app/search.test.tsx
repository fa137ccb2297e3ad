import { afterAll, beforeAll, expect, test } from 'vitest';
import { render, screen } from '@testing-library/react';
import { setDataBase } from '../../src/lib/data-base';
import {
  HighlightedExcerpt,
  splitExcerpt,
} from '../../src/features/search/components/highlighted-excerpt';
import { createFixtureBundle, startFixtureServer, type FixtureServer } from './fixture-site';
import { renderApp } from './render-app';

const SLOW = 30_000;

let server: FixtureServer;

beforeAll(async () => {
  // The manifest names a search bundle that is not there, as when it cannot be fetched offline.
  server = await startFixtureServer(createFixtureBundle({ search: 'pagefind/' }));
  setDataBase(server.base);
});

afterAll(async () => {
  await server.close();
});

test(
  'search that cannot load its index says so plainly and keeps the query',
  async () => {
    renderApp('/search?q=%E5%88%A9%E7%8E%87');
    expect(
      await screen.findByRole('heading', { level: 1, name: '搜索' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toContain(
      '搜索暂时无法使用',
    );
    const main = screen.getByRole('main');
    const input = main.querySelector('input[type="search"]');
    expect(input instanceof HTMLInputElement && input.value).toBe('利率');
  },
  SLOW,
);

test('excerpt highlights are split from Pagefind marks and rendered as text', () => {
  expect(splitExcerpt('央行<mark>利率</mark>调整 &lt;b&gt;')).toEqual([
    { text: '央行', marked: false },
    { text: '利率', marked: true },
    { text: '调整 <b>', marked: false },
  ]);
  const { container } = render(
    <HighlightedExcerpt excerpt={'<mark>利率</mark><img src=x onerror=alert(1)>后文'} />,
  );
  expect(screen.getByText('利率').tagName).toBe('MARK');
  expect(container.querySelector('img')).toBeNull();
  expect(container.textContent).toBe('利率后文');
});
