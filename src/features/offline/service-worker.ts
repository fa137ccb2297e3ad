import { useSyncExternalStore } from 'react';
import { Workbox } from 'workbox-window';

/** How often an open tab asks whether a new version of the app was deployed. */
const UPDATE_CHECK_INTERVAL = 60 * 60 * 1000;

let workbox: Workbox | null = null;
let updateWaiting = false;
const listeners = new Set<() => void>();

function setUpdateWaiting(value: boolean) {
  updateWaiting = value;
  for (const listener of listeners) listener();
}

/**
 * Register the service worker built by vite-plugin-pwa (sw.js at the deploy base, scoped to it),
 * once. Not in development (the dev server has no worker) nor where browsers have none.
 */
function registerOnce(): void {
  if (
    workbox ||
    import.meta.env.DEV ||
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator)
  )
    return;
  const base = import.meta.env.BASE_URL;
  workbox = new Workbox(`${base}sw.js`, { scope: base, type: 'classic' });
  // A new version installed and waits for the reader (also when it was waiting before this visit).
  workbox.addEventListener('waiting', () => setUpdateWaiting(true));
  void workbox
    .register()
    .then((registration) => {
      window.setInterval(() => {
        if (document.visibilityState === 'visible' && navigator.onLine)
          void registration?.update().catch(() => {});
      }, UPDATE_CHECK_INTERVAL);
    })
    .catch(() => {
      // No worker (private mode, a host that does not serve sw.js): the app works online as before.
    });
}

function subscribe(listener: () => void): () => void {
  registerOnce();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a new version of the app is installed and waiting for the reader to accept it. */
export function useUpdateWaiting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => updateWaiting,
    () => false,
  );
}

/** Let the waiting worker take over, then reload once it controls the page: only ever on the reader's click. */
export function acceptUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}

export function dismissUpdate(): void {
  setUpdateWaiting(false);
}
