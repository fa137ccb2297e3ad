/**
 * A site that writes in several languages: lists say which, and `?lang=` narrows any list to one
 * of them, in the URL like every other filter.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createBundle } from '../../scripts/content/write-bundle';
import type { SourcePost } from '../../scripts/content/types';
import { setDataBase } from '../../src/lib/data-base';
import { messageCatalogs } from '../../src/shared/message-catalogs';
import {
  createFixturePost,
  fixtureConfig,
  getFixtureDate,
  startFixtureServer,
  type FixtureServer,
} from './fixture-site';
import { renderApp } from './render-app';

const t = messageCatalogs['zh-CN'];
const FIND = { timeout: 20_000 };

function createPost(n: number, lang: 'en' | 'zh-CN'): SourcePost {
  const date = getFixtureDate(n);
  const title = lang === 'en' ? `Release note ${n}` : `发布说明第${n}号`;
  return createFixturePost({
    url: `/news/${date.slice(0, 10).replaceAll('-', '/')}/note${n}.html`,
    title,
    date,
    categories: ['news'],
    tags: [],
    html: `<p>${title}</p>`,
    lang,
  });
}

let server: FixtureServer;

beforeAll(async () => {
  // Three in each language, taking turns, so a language's posts are never one run of a chunk.
  const posts = Array.from({ length: 6 }, (_, i) => createPost(i + 1, i % 2 ? 'en' : 'zh-CN'));
  server = await startFixtureServer(createBundle({ config: fixtureConfig, posts }));
  setDataBase(server.base);
});

afterAll(async () => {
  await server.close();
});

function getListTitles(): string[] {
  return within(screen.getByRole('main'))
    .getAllByRole('article')
    .map((article) => within(article).getByRole('heading').textContent ?? '');
}

test('a bilingual list offers each language, and ?lang= keeps only that one', async () => {
  const all = renderApp('/category/news');
  const languages = await screen.findByRole('navigation', { name: t.languageFilter }, FIND);
  const english = within(languages).getByRole('link', { name: '英语' });
  expect(english.getAttribute('href')).toBe('/category/news?lang=en');
  expect(
    within(languages).getByRole('link', { name: t.allLanguages }).getAttribute('aria-current'),
  ).toBe('true');
  expect(getListTitles()).toHaveLength(6);
  all.unmount();

  renderApp('/category/news?lang=en');
  expect(await screen.findByText(t.filteredCount(3), undefined, FIND)).toBeTruthy();
  expect(getListTitles()).toEqual(['Release note 6', 'Release note 4', 'Release note 2']);
  const narrowed = screen.getByRole('navigation', { name: t.languageFilter });
  expect(within(narrowed).getByRole('link', { name: '英语' }).getAttribute('aria-current')).toBe(
    'true',
  );
}, 30_000);

test('a malformed ?lang= is dropped, not an error', async () => {
  renderApp('/category/news?lang=%3Cscript%3E');
  await screen.findByRole('navigation', { name: t.languageFilter }, FIND);
  expect(getListTitles()).toHaveLength(6);
});
