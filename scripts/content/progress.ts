/**
 * What the prebuild tells the person running it: a live line on a terminal, plain lines in a
 * log (CI, pipes), where a carriage-return animation would only add noise.
 */
import type { Diagnostic } from '../../src/shared/schema';

/** Diagnostics printed in full; the rest are counted. */
export const SHOWN_DIAGNOSTICS = 50;

export type Progress = {
  /** Replaces the live line on a terminal; prints nothing otherwise (too chatty for logs). */
  update(text: string): void;
  /** A line that stays. */
  log(text: string): void;
  /** Clears the live line. */
  done(): void;
};

export type OutputStream = { isTTY?: boolean; write(text: string): unknown };

export function createProgress(stream: OutputStream, quiet = false): Progress {
  const live = stream.isTTY === true && !quiet;
  let shown = false;
  let last = 0;
  const clear = () => {
    if (shown) stream.write('\r\x1b[K');
    shown = false;
  };
  return {
    update(text) {
      if (!live) return;
      const now = Date.now();
      // A few frames a second is enough; writing on every file would slow a 100k-file build.
      if (now - last < 80) return;
      last = now;
      stream.write(`\r\x1b[K${text}`);
      shown = true;
    },
    log(text) {
      if (quiet) return;
      clear();
      stream.write(`${text}\n`);
    },
    done: clear,
  };
}

/** `file:line: severity: message`, the shape editors and CI annotate. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}` : diagnostic.file;
  return `${place}: ${diagnostic.severity}: ${diagnostic.message}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const lines = diagnostics.slice(0, SHOWN_DIAGNOSTICS).map(formatDiagnostic);
  if (diagnostics.length > SHOWN_DIAGNOSTICS) {
    lines.push(`… and ${diagnostics.length - SHOWN_DIAGNOSTICS} more (see build-report.json)`);
  }
  return lines;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
