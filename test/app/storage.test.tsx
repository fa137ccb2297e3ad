/**
 * Storage the browser refuses: a full localStorage quota, IndexedDB missing (private modes),
 * refused when opened, or failing later. The app still reads, says once what it is not keeping,
 * never throws, and leaves what was saved before as it was.
 */
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setDataBase } from '../../src/lib/data-base';
import { resetStorageProblems } from '../../src/lib/storage-health';
import { startQueryPersistence } from '../../src/features/offline/persist-query-cache';
import { messageCatalogs } from '../../src/shared/message-catalogs';
import { ARTICLE_URL, startFixtureServer, type FixtureServer } from './fixture-site';
import { renderApp } from './render-app';

const t = messageCatalogs['zh-CN'];
const FIND = { timeout: 10_000 };
const SLOW = 30_000;
const ARTICLE_TITLE = '虚构央行宣布调整利率区间';
const SETTINGS_KEY = 'broadsheet:settings';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  setDataBase(server.base);
});

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(globalThis, 'indexedDB');
  resetStorageProblems();
});

afterAll(async () => {
  await server.close();
});

function setIndexedDb(value: unknown) {
  Object.defineProperty(globalThis, 'indexedDB', { value, configurable: true, writable: true });
}

async function expectArticle() {
  expect(await screen.findByRole('heading', { level: 1, name: ARTICLE_TITLE }, FIND)).toBeTruthy();
}

test(
  'a full localStorage quota: reading goes on, the reader is told once, earlier values are kept',
  async () => {
    const earlier = JSON.stringify({ theme: 'light', textSize: 'large', lang: 'zh-CN' });
    localStorage.setItem(SETTINGS_KEY, earlier);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    renderApp(ARTICLE_URL);
    await expectArticle();
    expect(screen.queryByRole('complementary', { name: t.storageNoticeLabel })).toBeNull();

    const toggle = screen.getByRole('button', { name: t.darkMode });
    await userEvent.click(toggle);
    // The choice holds for this visit even though it cannot be stored.
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(toggle);
    await userEvent.click(toggle);
    const notices = screen.getAllByRole('complementary', { name: t.storageNoticeLabel });
    expect(notices).toHaveLength(1);
    expect(within(notices[0] ?? document.body).getAllByText(t.storageValuesNotKept)).toHaveLength(
      1,
    );
    expect(localStorage.getItem(SETTINGS_KEY)).toBe(earlier);
    await expectArticle();

    await userEvent.click(screen.getByRole('button', { name: t.storageNoticeDismiss }));
    expect(screen.queryByRole('complementary', { name: t.storageNoticeLabel })).toBeNull();
  },
  SLOW,
);

test(
  'localStorage that throws even on reading (storage switched off) still lets the app read',
  async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    renderApp(ARTICLE_URL);
    await expectArticle();
    await userEvent.click(screen.getByRole('button', { name: t.darkMode }));
    expect(
      await screen.findByRole('complementary', { name: t.storageNoticeLabel }, FIND),
    ).toBeTruthy();
  },
  SLOW,
);

const refusedDatabases = [
  { condition: 'no IndexedDB at all (private mode)', indexedDB: undefined },
  {
    condition: 'an IndexedDB that refuses to open',
    indexedDB: {
      open() {
        throw new DOMException('Private browsing forbids this.', 'InvalidStateError');
      },
    },
  },
  {
    condition: 'an IndexedDB whose open request fails later (full or broken)',
    indexedDB: {
      open() {
        const request = {
          error: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
          result: undefined,
          onerror: null as null | (() => void),
        };
        setTimeout(() => request.onerror?.(), 0);
        return request;
      },
    },
  },
];

for (const { condition, indexedDB } of refusedDatabases) {
  test(
    `${condition}: the app starts, reads, and says once that it keeps nothing offline`,
    async () => {
      setIndexedDb(indexedDB);
      const { queryClient } = renderApp(ARTICLE_URL);
      await act(() => startQueryPersistence(queryClient));
      await expectArticle();
      // The persister saves a second after a change; let it try, and fail quietly.
      await act(() => new Promise((resolve) => setTimeout(resolve, 1200)));
      const notices = await screen.findAllByRole(
        'complementary',
        { name: t.storageNoticeLabel },
        FIND,
      );
      expect(notices).toHaveLength(1);
      expect(within(notices[0] ?? document.body).getAllByText(t.storageCacheNotKept)).toHaveLength(
        1,
      );
    },
    SLOW,
  );
}
