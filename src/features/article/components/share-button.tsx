import { useState } from 'react';
import { useMessages } from '../../../lib/i18n';

export type ShareButtonProps = {
  title: string;
  /** The post's permalink as an absolute address. */
  url: string;
};

type Outcome = { kind: 'copied' } | { kind: 'manual' } | null;

/**
 * Web Share where the browser has it; else the permalink copied to the clipboard with a
 * confirmation in a live region, or shown to copy by hand when the clipboard is refused.
 */
export function ShareButton({ title, url }: ShareButtonProps) {
  const { t } = useMessages();
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function share() {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The reader closed the share sheet: nothing to do.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'manual' });
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className="btn-secondary min-h-9 text-sm" onClick={() => void share()}>
        {t.share}
      </button>
      {outcome ? (
        <span role="status" className="text-sm text-muted">
          {outcome.kind === 'copied' ? t.linkCopied : t.copyFailed}
        </span>
      ) : null}
      {outcome?.kind === 'manual' ? (
        <input
          readOnly
          value={url}
          aria-label={t.share}
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 w-full rounded-md border border-rule bg-paper px-2 text-sm text-ink sm:w-96"
        />
      ) : null}
    </span>
  );
}
