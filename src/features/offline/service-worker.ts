import { useSyncExternalStore } from 'react';
import type { Workbox } from 'workbox-window';
import { keepLoadedCodeOffline } from '../../lib/app-code-cache';
import { trustedTypesPolicies } from '../../shared/content-security-policy';

/** How often an open tab asks whether a new version of the app was deployed. */
const UPDATE_CHECK_INTERVAL = 60 * 60 * 1000;

/** The Trusted Types policy that may name the worker script; CSP `trusted-types` allows it (decision 011). */
export const SERVICE_WORKER_POLICY = trustedTypesPolicies.serviceWorker;

let workbox: Workbox | null = null;
let updateWaiting = false;
const listeners = new Set<() => void>();

function setUpdateWaiting(value: boolean) {
  updateWaiting = value;
  for (const listener of listeners) listener();
}

/**
 * `serviceWorker.register` is a script-URL sink under `require-trusted-types-for 'script'`. The
 * policy accepts exactly one address, the worker this build wrote, so it cannot launder another.
 */
function getWorkerScriptUrl(scriptUrl: string): TrustedScriptURL | string {
  const factory = typeof window.trustedTypes === 'object' ? window.trustedTypes : null;
  if (!factory) return scriptUrl;
  const policy = factory.createPolicy(SERVICE_WORKER_POLICY, {
    createScriptURL: (url: string) => {
      if (url !== scriptUrl) throw new TypeError(`Not the app's service worker: ${url}`);
      return url;
    },
  });
  return policy.createScriptURL(scriptUrl);
}

/** Once the page has loaded and the browser is idle: the worker's start never competes with the first paint. */
function whenSettled(run: () => void): void {
  const idle = () =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(run, { timeout: 3000 })
      : window.setTimeout(run, 200);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

let registering = false;

/**
 * Register the service worker built by vite-plugin-pwa (sw.js at the deploy base, scoped to it),
 * once, after the first paint (workbox-window loads only then). Not in development (the dev
 * server has no worker) nor where browsers have none.
 */
function registerOnce(): void {
  if (
    registering ||
    import.meta.env.DEV ||
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator)
  )
    return;
  registering = true;
  whenSettled(() => void register());
}

async function register(): Promise<void> {
  const base = import.meta.env.BASE_URL;
  try {
    const { Workbox } = await import('workbox-window');
    workbox = new Workbox(getWorkerScriptUrl(`${base}sw.js`), { scope: base, type: 'classic' });
    // A new version installed and waits for the reader (also when it was waiting before this visit).
    workbox.addEventListener('waiting', () => setUpdateWaiting(true));
    // The first worker takes the page at once (clientsClaim): what loaded before goes into its cache.
    workbox.addEventListener('controlling', () => void keepLoadedCodeOffline());
    const registration = await workbox.register();
    void navigator.serviceWorker.ready.then(() => keepLoadedCodeOffline());
    window.setInterval(() => {
      if (document.visibilityState === 'visible' && navigator.onLine)
        void registration?.update().catch(() => {});
    }, UPDATE_CHECK_INTERVAL);
  } catch {
    // No worker (private mode, a host that does not serve sw.js): the app works online as before.
  }
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
