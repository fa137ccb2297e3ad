import { DataError, type DataErrorKind } from '../../lib/fetch-json';
import { useMessages } from '../../lib/i18n';
import type { Messages } from '../../shared/messages';

export type ErrorViewProps = {
  onRetry: () => void;
  /** What failed: a DataError says why in words of its own; anything else gets the general text. */
  error?: unknown;
  /** Shown small under the explanation, for a bug report (the error's message when not given). */
  detail?: string;
};

/** The catalogue's plain-text entries (the rest are functions of a value). */
type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

const kindMessages: Record<DataErrorKind, TextKey> = {
  unreachable: 'errorUnreachable',
  missing: 'errorMissing',
  server: 'errorServer',
  'not-json': 'errorNotJson',
  'web-page': 'errorWebPage',
  'other-build': 'errorOtherBuild',
  schema: 'errorSchema',
};

/** What a failed load shows instead of the view: a plain explanation and a way to try again. */
export function ErrorView({ onRetry, error, detail }: ErrorViewProps) {
  const { t } = useMessages();
  const cause = error instanceof DataError ? t[kindMessages[error.kind]] : null;
  const shownDetail = detail ?? (error instanceof Error ? error.message : undefined);
  return (
    <section
      role="alert"
      aria-labelledby="error-title"
      className="mx-auto max-w-xl py-16 text-center"
    >
      <h1 id="error-title" className="font-serif text-2xl font-bold text-ink">
        {t.errorTitle}
      </h1>
      {cause ? <p className="mt-4 text-ink">{cause}</p> : null}
      <p className="mt-4 text-muted">{t.errorBody}</p>
      {shownDetail ? <p className="mt-2 text-xs break-all text-muted">{shownDetail}</p> : null}
      <button type="button" onClick={onRetry} className="btn-primary mt-8">
        {t.retry}
      </button>
    </section>
  );
}
