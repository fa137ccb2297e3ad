import { useId, useState, type ChangeEvent } from 'react';
import { useMessages } from '../../../lib/i18n';
import { useManifest } from '../../../lib/manifest-query';
import { mergeEntries } from '../../../lib/reader-state';
import { buildReaderData, getExportFileName, parseReaderData } from '../api/reader-data-file';

type Outcome = { ok: boolean; message: string } | null;

/** Export the reader's state as a file, and import one (merged; a bad file changes nothing). */
export function ReaderDataPanel() {
  const { t } = useMessages();
  const manifest = useManifest();
  const headingId = useId();
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);

  function exportFile() {
    const data = buildReaderData(manifest.site.url || manifest.site.title);
    const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = getExportFileName();
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // The same file may be chosen again after fixing it.
    input.value = '';
    if (!file) return;
    const parsed = parseReaderData(file.name, await file.text(), t);
    if (!parsed.ok) {
      setOutcome({ ok: false, message: parsed.message });
      return;
    }
    await mergeEntries(parsed.data);
    const { read, saved, history } = parsed.data;
    setOutcome({ ok: true, message: t.imported(read.length, saved.length, history.length) });
  }

  return (
    <section aria-labelledby={headingId} className="mt-12 border-t border-rule pt-6">
      <h2 id={headingId} className="font-serif text-lg font-bold text-ink">
        {t.readerData}
      </h2>
      <p className="mt-2 max-w-prose text-sm text-muted">{t.readerDataHint}</p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="button" className="btn-secondary min-h-9 text-sm" onClick={exportFile}>
          {t.exportData}
        </button>
        <label htmlFor={inputId} className="btn-secondary min-h-9 cursor-pointer text-sm">
          {t.importData}
        </label>
        <input
          id={inputId}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          onChange={(event) => void importFile(event)}
        />
      </div>
      {outcome ? (
        <p
          role={outcome.ok ? 'status' : 'alert'}
          className={`mt-3 text-sm ${outcome.ok ? 'text-muted' : 'font-semibold text-accent'}`}
        >
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
