/**
 * Broken data on a real server: a missing, truncated or tampered shard, a manifest of another
 * bundle layout, a host's HTML page where JSON belongs. Each says plainly what happened and
 * offers a retry that recovers once the file is right again.
 */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setDataBase } from '../../src/lib/data-base';
import { messageCatalogs } from '../../src/shared/message-catalogs';
import { dataPaths } from '../../src/shared/paths';
import { getArticleLocation } from '../../src/shared/post-key';
import { articleIndexPageSchema } from '../../src/shared/schema';
import { ARTICLE_URL, startFixtureServer, type FixtureServer } from './fixture-site';
import { renderApp } from './render-app';

const t = messageCatalogs['zh-CN'];
const FIND = { timeout: 10_000 };
const SLOW = 30_000;
const ARTICLE_TITLE = '虚构央行宣布调整利率区间';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  setDataBase(server.base);
});

afterEach(() => {
  server.answers.clear();
});

afterAll(async () => {
  await server.close();
});

/** The data path of the article bucket that holds ARTICLE_URL. */
function getArticleBucketPath(): string {
  const location = getArticleLocation(server.bundle.manifest.articles, ARTICLE_URL);
  const pageText = server.bundle.files.get(`article-index/${location.indexPage}.json`) ?? '';
  const page = articleIndexPageSchema.parse(JSON.parse(pageText));
  return dataPaths.articleBucket(page.buckets[location.slot] ?? '');
}

function getFileText(dataPath: string): string {
  return server.bundle.files.get(dataPath.replace(/^data\//, '')) ?? '';
}

const SAVED_LISTS_KEY = 'broadsheet:saved-lists';
const savedLists = JSON.stringify([
  {
    list: 'c:keji',
    title: '科技',
    path: '/category/keji',
    posts: 13,
    files: [{ kind: 'listIndex', hash: '0123456789abcdef' }],
    index: '0123456789abcdef',
  },
]);

const json = (status: number, body: string) => ({
  status,
  contentType: 'application/json',
  body,
});

const cases = [
  {
    condition: 'a shard missing from the server (404)',
    path: getArticleBucketPath,
    answer: () => json(404, 'not found'),
    message: t.errorMissing,
  },
  {
    condition: 'a shard cut short in transfer',
    path: getArticleBucketPath,
    answer: () => {
      const text = getFileText(getArticleBucketPath());
      return json(200, text.slice(0, Math.floor(text.length / 2)));
    },
    message: t.errorNotJson,
  },
  {
    condition: 'a shard altered into other JSON',
    path: getArticleBucketPath,
    answer: () => json(200, JSON.stringify({ posts: [{ title: '被篡改的文章' }] })),
    message: t.errorSchema,
  },
  {
    condition: 'a manifest written for another bundle layout',
    path: () => dataPaths.manifest(),
    answer: () => {
      const manifest: unknown = JSON.parse(getFileText(dataPaths.manifest()));
      return json(200, JSON.stringify({ ...Object(manifest), schema: 999 }));
    },
    message: t.errorOtherBuild,
  },
  {
    condition: "a host's HTML error page, served as 200, instead of the manifest",
    path: () => dataPaths.manifest(),
    answer: () => ({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><html><body><h1>页面不存在</h1></body></html>',
    }),
    message: t.errorWebPage,
  },
  {
    condition: "a host's HTML error page instead of a shard",
    path: getArticleBucketPath,
    answer: () => ({
      status: 404,
      contentType: 'text/html',
      body: '<html><body>404 Not Found</body></html>',
    }),
    message: t.errorMissing,
  },
] as const;

for (const { condition, path, answer, message } of cases) {
  test(
    `${condition}: says so, never renders garbage, and retry recovers`,
    async () => {
      localStorage.setItem(SAVED_LISTS_KEY, savedLists);
      server.answers.set(path(), answer());
      renderApp(ARTICLE_URL);
      const alert = await screen.findByRole('alert', {}, FIND);
      expect(within(alert).getByText(message)).toBeTruthy();
      expect(screen.queryByText('被篡改的文章')).toBeNull();
      // Broken data never costs the reader what they saved.
      expect(localStorage.getItem(SAVED_LISTS_KEY)).toBe(savedLists);
      server.answers.clear();
      await userEvent.click(within(alert).getByRole('button', { name: t.retry }));
      expect(
        await screen.findByRole('heading', { level: 1, name: ARTICLE_TITLE }, FIND),
      ).toBeTruthy();
    },
    SLOW,
  );
}
