/**
 * The reader's state store over a real (in-memory) IndexedDB, and the export file's parser:
 * what survives a reload, how imports merge, and what a bad file is told.
 */
import { set, createStore } from 'idb-keyval';
import { expect, test } from 'vitest';
import {
  markRead,
  mergeEntries,
  readAllEntries,
  recordOpened,
  resetReaderState,
  setRead,
  setSaved,
  startReaderState,
} from '../../src/lib/reader-state';
import { resetStorageProblems, useStorageProblems } from '../../src/lib/storage-health';
import {
  buildReaderData,
  parseReaderData,
  READER_DATA_FORMAT,
} from '../../src/features/reader-state/api/reader-data-file';
import { getMessages } from '../../src/lib/i18n';
import { renderHook } from '@testing-library/react';

const t = getMessages('zh-CN');
const post = {
  url: '/a/2024/01/01/one.html',
  title: '一',
  date: '2024-01-01T08:00:00+08:00',
  categories: ['a'],
};

/** As a new page load: memory dropped, IndexedDB read again. */
async function reload() {
  resetReaderState();
  await startReaderState();
}

test('read marks, saves and history survive a reload, keyed by permalink', async () => {
  await startReaderState();
  await recordOpened(post);
  await setSaved(post, true);
  await markRead([{ url: '/b/two.html', categories: ['b'] }]);
  await reload();
  const entries = readAllEntries();
  expect(entries.read.map((entry) => entry.url).sort()).toEqual([
    '/a/2024/01/01/one.html',
    '/b/two.html',
  ]);
  expect(entries.saved).toMatchObject([{ url: post.url, title: '一' }]);
  expect(entries.history).toMatchObject([{ url: post.url, title: '一' }]);
});

test('a stored record that does not parse is skipped, the rest load', async () => {
  const store = createStore('broadsheet-reader', 'entries');
  await set(['read', '/ok.html'], { url: '/ok.html', at: 1, categories: [] }, store);
  await set(['read', '/bad.html'], { url: 42 }, store);
  await set(
    ['saved', '/elsewhere.html'],
    { url: '/other.html', at: 1, title: '', date: '', categories: [] },
    store,
  );
  await reload();
  expect(readAllEntries().read.map((entry) => entry.url)).toEqual(['/ok.html']);
  expect(readAllEntries().saved).toEqual([]);
});

test('a change made while the stored state is still loading is not undone by it', async () => {
  const store = createStore('broadsheet-reader', 'entries');
  const early = { url: '/early.html', categories: ['a'] };
  await set(['read', early.url], { url: early.url, at: 1, categories: ['a'] }, store);
  await set(['history', post.url], { url: post.url, at: 1, title: '旧' }, store);
  resetReaderState();
  // Both before the first load has finished: unmarking a stored read, opening a stored visit.
  const changes = Promise.all([setRead(early, false), recordOpened(post)]);
  await startReaderState();
  await changes;
  const check = () => {
    const entries = readAllEntries();
    expect(entries.read.map((entry) => entry.url)).not.toContain(early.url);
    expect(entries.history.find((entry) => entry.url === post.url)?.title).toBe('一');
  };
  check();
  await reload();
  check();
});

test('an import merges: the later record of a post wins, nothing is removed', async () => {
  await startReaderState();
  await markRead([{ url: '/kept.html', categories: [] }]);
  const before = readAllEntries().read[0]?.at ?? 0;
  await mergeEntries({
    read: [
      { url: '/kept.html', at: before - 1000, categories: ['old'] },
      { url: '/new.html', at: 5, categories: [] },
    ],
    saved: [],
    history: [{ url: '/new.html', at: 5, title: '新' }],
  });
  await reload();
  const read = new Map(readAllEntries().read.map((entry) => [entry.url, entry]));
  expect(read.get('/kept.html')?.at).toBe(before);
  expect(read.has('/new.html')).toBe(true);
  expect(readAllEntries().history).toHaveLength(1);
});

test('IndexedDB refusing to open: state lasts for the visit, the problem is reported, nothing throws', async () => {
  resetStorageProblems();
  const open = indexedDB.open;
  indexedDB.open = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  try {
    await reload();
    await recordOpened(post);
    expect(readAllEntries().read).toHaveLength(1);
    const { result } = renderHook(() => useStorageProblems());
    expect(result.current).toEqual(['reader-state']);
  } finally {
    indexedDB.open = open;
  }
});

test('an export parses back; broken, foreign, newer and altered files are refused with the file named', async () => {
  await startReaderState();
  await recordOpened(post);
  const text = JSON.stringify(buildReaderData('https://example.org'), null, 2);
  const parsed = parseReaderData('me.json', text, t);
  expect(parsed.ok && parsed.data.history).toMatchObject([{ url: post.url }]);

  const message = (name: string, body: string) => {
    const result = parseReaderData(name, body, t);
    return result.ok ? null : result.message;
  };
  expect(message('cut.json', '{\n  "format": "broadsheet-reader-state",\n  "read": [')).toMatch(
    /^cut\.json：第 3 行第 \d+ 列不是有效的 JSON/,
  );
  expect(message('x.json', '[1, 2]')).toMatch(/^x\.json：这不是本站导出的阅读数据文件/);
  expect(message('x.json', JSON.stringify({ format: 'other', version: 1 }))).toMatch(/不是本站/);
  expect(message('n.json', JSON.stringify({ format: READER_DATA_FORMAT, version: 9 }))).toMatch(
    /^n\.json：这个文件由更新版本的阅读器导出（格式版本 9）/,
  );
  const altered = { ...JSON.parse(text), history: [{ url: 'no-slash', at: 1, title: '' }] };
  expect(message('a.json', JSON.stringify(altered))).toBe(
    'a.json：history[0].url 处的内容不符合格式。没有做任何改动。',
  );
});
