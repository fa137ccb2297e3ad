import { useMessages } from '../../lib/i18n';

/** Placeholder lines in the shape of a list, so the page does not jump when the posts arrive. */
export function LoadingView() {
  const { t } = useMessages();
  return (
    <div role="status" aria-live="polite" className="py-6">
      <span className="sr-only">{t.loading}</span>
      <div aria-hidden="true" className="space-y-8">
        {[0, 1, 2, 3, 4].map((line) => (
          <div key={line} className="space-y-3">
            <div className="h-5 w-3/4 animate-pulse rounded bg-rule" />
            <div className="h-4 w-full animate-pulse rounded bg-rule/60" />
            <div className="h-3 w-1/4 animate-pulse rounded bg-rule/60" />
          </div>
        ))}
      </div>
    </div>
  );
}
