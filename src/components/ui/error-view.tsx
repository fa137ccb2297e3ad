import { useMessages } from '../../lib/i18n';

export type ErrorViewProps = {
  onRetry: () => void;
  /** Shown small under the explanation, for a bug report. */
  detail?: string;
};

/** What a failed load shows instead of the view: a plain explanation and a way to try again. */
export function ErrorView({ onRetry, detail }: ErrorViewProps) {
  const { t } = useMessages();
  return (
    <section
      role="alert"
      aria-labelledby="error-title"
      className="mx-auto max-w-xl py-16 text-center"
    >
      <h1 id="error-title" className="font-serif text-2xl font-bold text-ink">
        {t.errorTitle}
      </h1>
      <p className="mt-4 text-muted">{t.errorBody}</p>
      {detail ? <p className="mt-2 text-xs break-all text-muted">{detail}</p> : null}
      <button type="button" onClick={onRetry} className="btn-primary mt-8">
        {t.retry}
      </button>
    </section>
  );
}
