import { z } from 'zod/mini';
import type { Messages } from '../../../lib/i18n';
import {
  historyEntrySchema,
  readEntrySchema,
  readAllEntries,
  savedEntrySchema,
} from '../../../lib/reader-state';

/**
 * The export file: what the reader read, saved and opened, keyed by permalink like the store.
 * `format` tells it from any other JSON; `version` grows with incompatible changes, and a file
 * newer than this reader is refused rather than half-read (docs/decisions/016-reader-data-file.md).
 */
export const READER_DATA_FORMAT = 'broadsheet-reader-state';
export const READER_DATA_VERSION = 1;

export const readerDataSchema = z.object({
  format: z.literal(READER_DATA_FORMAT),
  version: z.literal(READER_DATA_VERSION),
  exportedAt: z.string(),
  /** The archive it came from (informative: permalinks are what match). */
  site: z.string(),
  read: z.array(readEntrySchema),
  saved: z.array(savedEntrySchema),
  history: z.array(historyEntrySchema),
});
export type ReaderData = z.infer<typeof readerDataSchema>;

/** Just enough to tell a file of this kind, of any version, from other JSON. */
const envelopeSchema = z.object({ format: z.literal(READER_DATA_FORMAT), version: z.number() });

export function buildReaderData(site: string, now = new Date()): ReaderData {
  return {
    format: READER_DATA_FORMAT,
    version: READER_DATA_VERSION,
    exportedAt: now.toISOString(),
    site,
    ...readAllEntries(),
  };
}

export function getExportFileName(now = new Date()): string {
  return `broadsheet-reading-${now.toISOString().slice(0, 10)}.json`;
}

export type ParsedReaderData = { ok: true; data: ReaderData } | { ok: false; message: string };

/** Line and column (from 1) of a character offset. */
function getLineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Where JSON.parse stopped: engines name a position (V8, WebKit) or a line and column (Gecko). */
function locateJsonError(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  return getLineColumn(text, position ? Number(position[1]) : text.length);
}

/** `saved[3].url`, from a zod issue path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number'
        ? `${text}[${part}]`
        : text
          ? `${text}.${String(part)}`
          : String(part),
    '',
  );
}

/** Parse an import file, or say in words what is wrong with it (naming the file). */
export function parseReaderData(fileName: string, text: string, t: Messages): ParsedReaderData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const { line, column } = locateJsonError(text, error);
    return { ok: false, message: t.importNotJson(fileName, line, column) };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, message: t.importForeign(fileName) };
  if (envelope.data.version > READER_DATA_VERSION)
    return { ok: false, message: t.importNewer(fileName, envelope.data.version) };
  const parsed = readerDataSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      message: t.importInvalid(fileName, formatPath(parsed.error.issues[0]?.path ?? []) || '/'),
    };
  return { ok: true, data: parsed.data };
}
