import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { loadMessages } from '../../src/lib/i18n';
import { resetReaderState } from '../../src/lib/reader-state';

// main.tsx loads the reader's catalogue before the first render; the tests render both languages.
await Promise.all([loadMessages('zh-CN'), loadMessages('en')]);

// jsdom has no scrolling; ScrollRestoration calls it on every navigation.
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  localStorage.clear();
  // A fresh, empty IndexedDB for the next test, and the reader's state read from it anew.
  globalThis.indexedDB = new IDBFactory();
  resetReaderState();
});
