import { LoadingView } from '../components/ui/loading-view';

/** What the first paint shows while the manifest and the first view load. */
export function HydrateFallback() {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
      <div className="mb-8 h-10 w-48 animate-pulse rounded bg-rule" />
      <LoadingView />
    </main>
  );
}
