/**
 * What Liquid needs of a site besides its posts, read once with the config: `_data/` (YAML,
 * JSON, CSV and TSV files, folders as nested mappings, keys named as Jekyll names them) and the
 * text of every file under `_includes/`. A file that cannot be read is reported and left out.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../src/shared/schema';
import type { LiquidSite } from './read-liquid';
import { parseYamlValue } from './read-front-matter';

/** Jekyll's `sanitize_filename` for a data file's key. */
function getDataKey(name: string): string {
  return name
    .replace(/\.[^.]*$/, '')
    .replace(/[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)/gu, '')
    .replace(/\s+/g, '_');
}

/** RFC 4180 rows (quoted fields may hold the separator, quotes and line breaks). */
export function parseDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file as Jekyll reads it (`headers: true`): one mapping of header → text per row. */
function readTable(text: string, separator: string): Record<string, string>[] {
  const [headers = [], ...rows] = parseDelimited(text.replace(/^\uFEFF/, ''), separator);
  return rows.map((row) => Object.fromEntries(headers.map((header, index) => [header, row[index] ?? ''])));
}

async function readDataFolder(
  root: string,
  relative: string,
  diagnostics: Diagnostic[],
): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      data[getDataKey(`${entry.name}.dir`)] = await readDataFolder(root, file, diagnostics);
      continue;
    }
    const ext = path.extname(entry.name).toLowerCase();
    if (!['.yml', '.yaml', '.json', '.csv', '.tsv'].includes(ext)) continue;
    const text = (await readFile(path.join(root, file), 'utf8')).replaceAll('\r\n', '\n');
    const key = getDataKey(entry.name);
    if (ext === '.csv' || ext === '.tsv') {
      data[key] = readTable(text, ext === '.csv' ? ',' : '\t');
    } else if (ext === '.json') {
      try {
        data[key] = JSON.parse(text);
      } catch (error) {
        diagnostics.push({ file, line: 1, severity: 'error', message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}; left out of site.data` });
      }
    } else {
      const parsed = parseYamlValue(text, 1, 'data file');
      if (parsed.ok) data[key] = parsed.value;
      else diagnostics.push({ file, line: parsed.line, severity: 'error', message: `${parsed.message}; left out of site.data` });
    }
  }
  return data;
}

async function readIncludes(root: string, relative: string, prefix: string, into: Record<string, string>): Promise<void> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const file = `${relative}/${entry.name}`;
    if (entry.isDirectory()) await readIncludes(root, file, `${prefix}${entry.name}/`, into);
    else if (entry.isFile()) into[`${prefix}${entry.name}`] = (await readFile(path.join(root, file), 'utf8')).replaceAll('\r\n', '\n');
  }
}

/** Reads `_data/` and `_includes/` (or the folders the config names) of a site. */
export async function readLiquidSite(
  siteRoot: string,
  config: Record<string, unknown>,
): Promise<{ site: LiquidSite; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const dataDir = typeof config.data_dir === 'string' ? config.data_dir : '_data';
  const includesDir = typeof config.includes_dir === 'string' ? config.includes_dir : '_includes';
  const data = await readDataFolder(siteRoot, dataDir, diagnostics);
  const includes: Record<string, string> = {};
  await readIncludes(siteRoot, includesDir, '', includes);
  return { site: { config, data, includes }, diagnostics };
}
