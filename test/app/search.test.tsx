import { afterAll, beforeAll, expect, test } from 'vitest';
import { render, screen } from '@testing-library/react';
import { setDataBase } from '../../src/lib/data-base';
import { HighlightedText } from '../../src/features/search/components/highlighted-excerpt';
import { toPlainExcerpt } from '../../src/features/search/api/search-engine';
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
    // The one search box is the header's, and it shows the query of the URL.
    const inputs = document.querySelectorAll('input[type="search"]');
    expect(inputs).toHaveLength(1);
    const input = document.getElementById('site-search');
    expect(input instanceof HTMLInputElement && input.value).toBe('利率');
  },
  SLOW,
);

test('highlights mark whole matches of the query and render as text', () => {
  expect(toPlainExcerpt('央\u200B行<mark>利</mark><mark>率</mark>调整 &lt;b&gt;')).toBe(
    '央行利率调整 <b>',
  );
  const { container } = render(
    <HighlightedText text={'A股与A 股，利率<img src=x onerror=alert(1)>后文'} query="A股" />,
  );
  const marks = [...container.querySelectorAll('mark')].map((mark) => mark.textContent);
  expect(marks).toEqual(['A股', 'A 股']);
  expect(container.querySelector('img')).toBeNull();
  expect(container.textContent).toBe('A股与A 股，利率<img src=x onerror=alert(1)>后文');
});
