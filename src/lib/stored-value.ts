import { useSyncExternalStore } from 'react';
import { safeParse, type Schema } from '../shared/schema';
import { reportStorageProblem } from './storage-health';

export type StoredValue<T> = {
  read: () => T;
  write: (value: T) => void;
  use: () => T;
};

/**
 * A small value kept in localStorage, parsed with its schema on every read from storage (another
 * tab or an older version may have written it), shared by every component that shows it.
 * `onChange` runs after every write, here or in another tab.
 */
export function createStoredValue<T>(
  key: string,
  schema: Schema<T>,
  fallback: T,
  onChange?: (value: T) => void,
): StoredValue<T> {
  const listeners = new Set<() => void>();
  let current: T | undefined;

  const load = (): T => {
    let raw: string | null | undefined;
    try {
      raw = globalThis.localStorage?.getItem(key);
    } catch {
      // Storage switched off: reading throws SecurityError in some browsers.
      reportStorageProblem('values');
      return fallback;
    }
    try {
      if (!raw) return fallback;
      const parsed = safeParse(schema, JSON.parse(raw));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  };

  const read = (): T => {
    if (current === undefined) current = load();
    return current;
  };

  const write = (value: T) => {
    current = value;
    try {
      globalThis.localStorage?.setItem(key, JSON.stringify(value));
    } catch {
      // A full quota or private mode: the value still holds for this visit, the stored one is
      // left as it was, and the reader is told once that it is not kept.
      reportStorageProblem('values');
    }
    onChange?.(value);
    for (const listener of listeners) listener();
  };

  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    const onStorage = (event: StorageEvent) => {
      if (event.key !== key) return;
      current = load();
      onChange?.(current);
      listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  };

  // The pre-rendered pages show the defaults; hydration starts from them too, then the stored value.
  const readDefault = () => fallback;
  return { read, write, use: () => useSyncExternalStore(subscribe, read, readDefault) };
}
