import { useSyncExternalStore } from 'react';
import { createStore, delMany, entries, setMany, type UseStore } from 'idb-keyval';
import { z } from 'zod/mini';
import { reportStorageProblem } from './storage-health';
import { safeParse, type Schema } from '../shared/schema';

/**
 * The reader's own state: what was read, what was saved, what was opened when. Kept in
 * IndexedDB, one record per post and kind, keyed by the post's permalink (never by a shard), so
 * it outlives reloads, app updates and new builds of the archive. Held in memory too: when the
 * browser refuses IndexedDB everything still works for the visit, and the reader is told once.
 * See docs/decisions/015-reader-state.md.
 */

/** A post marked read: when, and its categories (for unread counts without reading any list). */
export const readEntrySchema = z.object({
  url: z.string().check(z.startsWith('/')),
  at: z.int().check(z.nonnegative()),
  categories: z.array(z.string()),
});
export type ReadEntry = z.infer<typeof readEntrySchema>;

/** A saved post, with what `/saved` shows of it without loading anything. */
export const savedEntrySchema = z.object({
  url: z.string().check(z.startsWith('/')),
  at: z.int().check(z.nonnegative()),
  title: z.string(),
  date: z.string(),
  categories: z.array(z.string()),
});
export type SavedEntry = z.infer<typeof savedEntrySchema>;

/** One opening of a post (the latest one per post). */
export const historyEntrySchema = z.object({
  url: z.string().check(z.startsWith('/')),
  at: z.int().check(z.nonnegative()),
  title: z.string(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const kinds = ['read', 'saved', 'history'] as const;
type Kind = (typeof kinds)[number];
type EntryOf = { read: ReadEntry; saved: SavedEntry; history: HistoryEntry };
const schemas: { [K in Kind]: Schema<EntryOf[K]> } = {
  read: readEntrySchema,
  saved: savedEntrySchema,
  history: historyEntrySchema,
};

/** What a post row or an article hands over to be marked or saved. */
export type PostRef = { url: string; title: string; date: string; categories: readonly string[] };

type Maps = { [K in Kind]: Map<string, EntryOf[K]> };

export type ReaderState = {
  read: ReadonlyMap<string, ReadEntry>;
  saved: ReadonlyMap<string, SavedEntry>;
  history: ReadonlyMap<string, HistoryEntry>;
  /** False until what IndexedDB holds is in memory (counts are not shown before). */
  loaded: boolean;
};

const maps: Maps = { read: new Map(), saved: new Map(), history: new Map() };
let snapshot: ReaderState = { ...maps, loaded: false };
const listeners = new Set<() => void>();
let store: UseStore | null = null;
let ready: Promise<void> | null = null;
/** Keys written or removed while the stored state was still loading: the newer word wins. */
const touchedWhileLoading = new Set<string>();

function publish(loaded = snapshot.loaded): void {
  snapshot = {
    read: new Map(maps.read),
    saved: new Map(maps.saved),
    history: new Map(maps.history),
    loaded,
  };
  for (const listener of listeners) listener();
}

function fail(): void {
  store = null;
  reportStorageProblem('reader-state');
}

/** IndexedDB calls that may be refused at any time: the memory copy stays, and the reader is told once. */
async function persist(action: (db: UseStore) => Promise<void>): Promise<void> {
  // Written at once, not after the stored state has loaded: a reader who opens an article and
  // leaves it within a moment still has the visit recorded. The load skips what was touched.
  const loading = startReaderState();
  if (!store) await loading;
  if (!store) return;
  try {
    await action(store);
  } catch {
    fail();
  }
}

async function load(): Promise<void> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('No IndexedDB');
    store = createStore('broadsheet-reader', 'entries');
    const stored = await entries<IDBValidKey, unknown>(store);
    for (const [key, value] of stored) {
      if (!Array.isArray(key) || key.length !== 2) continue;
      const kind = kinds.find((candidate) => candidate === key[0]);
      if (kind) restore(kind, value, key[1]);
    }
  } catch {
    fail();
  }
  touchedWhileLoading.clear();
  publish(true);
}

/** Keep a stored record only when it parses and sits under its own permalink. */
function restore<K extends Kind>(kind: K, value: unknown, url: unknown): void {
  if (touchedWhileLoading.has(`${kind} ${String(url)}`)) return;
  const parsed = safeParse(schemas[kind], value);
  if (parsed.success && parsed.data.url === url)
    (maps[kind] as Map<string, EntryOf[K]>).set(parsed.data.url, parsed.data);
}

/** Load what IndexedDB holds, once; every reader of the state waits on the same promise. */
export function startReaderState(): Promise<void> {
  ready ??= load();
  return ready;
}

function write<K extends Kind>(kind: K, added: readonly EntryOf[K][], removed: readonly string[]) {
  const map = maps[kind] as Map<string, EntryOf[K]>;
  if (!snapshot.loaded)
    for (const url of [...removed, ...added.map((entry) => entry.url)])
      touchedWhileLoading.add(`${kind} ${url}`);
  for (const url of removed) map.delete(url);
  for (const entry of added) map.set(entry.url, entry);
  publish();
  return persist(async (db) => {
    if (removed.length > 0)
      await delMany(
        removed.map((url) => [kind, url]),
        db,
      );
    if (added.length > 0)
      await setMany(
        added.map((entry) => [[kind, entry.url], entry]),
        db,
      );
  });
}

/** An opened article: read, and the newest entry of the history. */
export function recordOpened(post: PostRef): Promise<void> {
  const at = Date.now();
  return Promise.all([
    write('read', [{ url: post.url, at, categories: [...post.categories] }], []),
    write('history', [{ url: post.url, at, title: post.title }], []),
  ]).then(() => {});
}

/** Mark posts read (all of a list at once goes through here: one transaction). */
export function markRead(posts: readonly Pick<PostRef, 'url' | 'categories'>[]): Promise<void> {
  const at = Date.now();
  const fresh = posts.filter((post) => !maps.read.has(post.url));
  return write(
    'read',
    fresh.map((post) => ({ url: post.url, at, categories: [...post.categories] })),
    [],
  );
}

export function setRead(post: Pick<PostRef, 'url' | 'categories'>, read: boolean): Promise<void> {
  return read ? markRead([post]) : write('read', [], [post.url]);
}

export function setSaved(post: PostRef, saved: boolean): Promise<void> {
  if (!saved) return write('saved', [], [post.url]);
  const entry: SavedEntry = {
    url: post.url,
    at: Date.now(),
    title: post.title,
    date: post.date,
    categories: [...post.categories],
  };
  return write('saved', [entry], []);
}

export function removeHistory(urls: readonly string[]): Promise<void> {
  return write('history', [], urls);
}

export function clearHistory(): Promise<void> {
  return write('history', [], [...maps.history.keys()]);
}

/** Everything, as plain lists (for export). */
export function readAllEntries(): { [K in Kind]: EntryOf[K][] } {
  return {
    read: [...maps.read.values()],
    saved: [...maps.saved.values()],
    history: [...maps.history.values()],
  };
}

/**
 * Merge imported entries: a post in both keeps the later of the two records (a later read, a
 * later opening, the later save), and nothing here is removed.
 */
export async function mergeEntries(incoming: {
  [K in Kind]: readonly EntryOf[K][];
}): Promise<void> {
  await startReaderState();
  const newer = <K extends Kind>(kind: K) =>
    incoming[kind].filter((entry) => (maps[kind].get(entry.url)?.at ?? -1) < entry.at);
  await Promise.all([
    write('read', newer('read'), []),
    write('saved', newer('saved'), []),
    write('history', newer('history'), []),
  ]);
}

/** Forget what is in memory and read IndexedDB anew on next use (tests starting afresh). */
export function resetReaderState(): void {
  for (const kind of kinds) maps[kind].clear();
  touchedWhileLoading.clear();
  ready = null;
  store = null;
  publish(false);
}

function subscribe(listener: () => void): () => void {
  void startReaderState();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSnapshot = () => snapshot;
/** What a pre-rendered page shows, and what its hydration starts from: nothing read in yet. */
const notLoaded: ReaderState = {
  read: new Map(),
  saved: new Map(),
  history: new Map(),
  loaded: false,
};
const getServerSnapshot = () => notLoaded;

export function useReaderState(): ReaderState {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/** Whether a post is read: rows re-render only when their own answer changes. */
export function useIsRead(url: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => snapshot.read.has(url),
    () => false,
  );
}

export function useIsSaved(url: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => snapshot.saved.has(url),
    () => false,
  );
}

export function getSavedUrls(): ReadonlySet<string> {
  return new Set(maps.saved.keys());
}

/** The read posts right now (for filters computed once per visit of a list). */
export function getReadUrls(): ReadonlySet<string> {
  return new Set(maps.read.keys());
}

/**
 * Read posts per category slug. A category's unread count is its post count less this; a post
 * read and then dropped from the archive could make it low, so it is never shown below zero.
 */
export function useReadCountByCategory(): ReadonlyMap<string, number> | null {
  const state = useReaderState();
  return state.loaded ? countByCategory(state.read) : null;
}

let counted: { read: ReadonlyMap<string, ReadEntry>; counts: Map<string, number> } | null = null;

function countByCategory(read: ReadonlyMap<string, ReadEntry>): Map<string, number> {
  if (counted?.read === read) return counted.counts;
  const counts = new Map<string, number>();
  for (const entry of read.values())
    for (const slug of new Set(entry.categories)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  counted = { read, counts };
  return counts;
}

export function getUnreadCount(total: number, readCount: number | undefined): number {
  return Math.max(0, total - (readCount ?? 0));
}
