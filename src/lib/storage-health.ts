import { useSyncExternalStore } from 'react';

/**
 * What the browser would not keep: small stored values (settings, saved lists, in localStorage),
 * the offline copy of the query cache (IndexedDB) or the reader's own state (read, saved and
 * history, IndexedDB). Private modes, a full quota and disabled
 * storage all end here; the app keeps working from memory and tells the reader once.
 */
export type StorageProblem = 'values' | 'offline-cache' | 'reader-state';

let problems: readonly StorageProblem[] = [];
const listeners = new Set<() => void>();

/** Records that storage failed; repeated failures of the same kind are one problem. */
export function reportStorageProblem(problem: StorageProblem): void {
  if (problems.includes(problem)) return;
  problems = [...problems, problem];
  for (const listener of listeners) listener();
}

/** Forgets every problem (a test starting afresh). */
export function resetStorageProblems(): void {
  problems = [];
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const getProblems = () => problems;
/** A pre-rendered page has no notice; hydration starts from that, then shows what is wrong. */
const none: readonly StorageProblem[] = [];
const getServerProblems = () => none;

export function useStorageProblems(): readonly StorageProblem[] {
  return useSyncExternalStore(subscribe, getProblems, getServerProblems);
}
