/**
 * Front matter the way Jekyll reads it: the block between a first line `---` and the next
 * `---` (or `...`) line, parsed as YAML 1.1 with Psych's rules for the scalars that decide
 * a post's fate (timestamps, dates, booleans).
 */
import { parseDocument, visit, type Document, type ScalarTag, type Tags } from 'yaml';
import { isCalendarDate, parsePsychTimestamp } from './read-date';

/** An unquoted YAML timestamp (`2021-12-08 14:03:00`): an instant, UTC unless an offset is written. */
export class YamlTime {
  constructor(
    readonly instant: number,
    /** The text as written when its day does not exist (`2021-02-30 …`), which Psych rolls over. */
    readonly rolledOverFrom: string | null = null,
  ) {}
}

/** An unquoted YAML date (`2021-12-08`): a calendar day, placed in the site's timezone later. */
export class YamlDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}
}

export type SplitFile = {
  /** The YAML text including its opening `---` line, or null when the file has no front matter. */
  yaml: string | null;
  /** 1-based line of the opening `---`. */
  yamlLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** Blank lines before the opening `---`, which Jekyll would not accept. */
  leadingBlankLines: number;
  /** The file starts with `---` but no closing line follows. */
  unclosed: boolean;
};

// Ruby's \s is ASCII whitespace only; the y flag anchors at the start like Ruby's \A.
const FRONT_MATTER_PATTERN = /(---[ \t\r\n\f\v]*\n[^]*?\n?)^(?:---|\.\.\.)[ \t\r\n\f\v]*$\n?/my;
const LEADING_BLANK_LINES = /^(?:[ \t]*\n)+/;

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

function matchFrontMatter(text: string, start: number): { block: string; yaml: string } | null {
  FRONT_MATTER_PATTERN.lastIndex = start;
  const match = FRONT_MATTER_PATTERN.exec(text);
  return match ? { block: match[0], yaml: match[1] ?? '' } : null;
}

/** Splits a file (BOM already removed, line ends already `\n`) into front matter and body. */
export function splitFrontMatter(text: string): SplitFile {
  const blank = LEADING_BLANK_LINES.exec(text);
  const start = blank && text.startsWith('---', blank[0].length) ? blank[0].length : 0;
  const found = matchFrontMatter(text, start);
  if (found === null) {
    return {
      yaml: null,
      yamlLine: 1,
      body: text,
      bodyLine: 1,
      leadingBlankLines: 0,
      unclosed: /^---[ \t]*\n/.test(text),
    };
  }
  const leadingBlankLines = countNewlines(text.slice(0, start));
  const { block, yaml } = found;
  return {
    yaml,
    yamlLine: leadingBlankLines + 1,
    body: text.slice(start + block.length),
    bodyLine: leadingBlankLines + countNewlines(block) + 1,
    leadingBlankLines,
    unclosed: false,
  };
}

const PSYCH_TIME_TEST =
  /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;
const PSYCH_DATE_TEST = /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/;

/** Psych's timestamps and dates; a value out of range stays a string, as in Psych. */
const psychTimestampTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  identify: (value) => value instanceof YamlTime || value instanceof YamlDate,
  test: new RegExp(`(?:${PSYCH_TIME_TEST.source})|(?:${PSYCH_DATE_TEST.source})`),
  resolve(text) {
    if (PSYCH_DATE_TEST.test(text)) {
      const [year, month, day] = text.split('-').map(Number);
      if (year !== undefined && month !== undefined && day !== undefined && isCalendarDate(year, month, day)) {
        return new YamlDate(year, month, day);
      }
      return text;
    }
    const instant = parsePsychTimestamp(text);
    if (instant === null) return text;
    const [year, month, day] = (/^(-?\d+)-(\d+)-(\d+)/.exec(text) ?? []).slice(1).map(Number);
    const exists = year !== undefined && month !== undefined && day !== undefined && isCalendarDate(year, month, day);
    return new YamlTime(instant, exists ? null : text);
  },
};

/** Psych reads yes/true/on and no/false/off as booleans in any letter case (but not y/n). */
const psychBoolTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  identify: (value) => typeof value === 'boolean',
  test: /^(?:yes|true|on|no|false|off)$/i,
  resolve: (text) => /^(?:yes|true|on)$/i.test(text),
};

/** `0800` is not octal and, with its leading zero, not decimal either: Psych keeps it as text. */
const psychLeadingZeroTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:str',
  default: true,
  identify: () => false,
  test: /^[-+]?0[0-9_]*[89][0-9_]*$/,
  resolve: (text) => text,
};

function replacePsychTags(tags: Tags): Tags {
  const kept = tags.filter(
    (tag) => typeof tag === 'string' || (tag.tag !== psychBoolTag.tag && tag.tag !== psychTimestampTag.tag),
  );
  return [psychTimestampTag, psychBoolTag, psychLeadingZeroTag, ...kept];
}

export type ParsedFrontMatter =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; line: number; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseYaml(yaml: string): Document {
  return parseDocument(yaml, {
    version: '1.1',
    customTags: replacePsychTags,
    // Psych keeps the last of repeated keys; so do we.
    uniqueKeys: false,
  });
}

/**
 * The YAML with every line that continues a quoted scalar or a flow collection (`[a, b` … `c]`)
 * indented one space deeper than the line that opened it, when it is not already. Comments and
 * block scalars are skipped over; anything else is left as written.
 */
export function indentContinuationLines(yaml: string): string {
  const lines = yaml.split('\n');
  let quote: '"' | "'" | null = null;
  let flowDepth = 0;
  let openIndent = 0;
  for (let index = 0; index < lines.length; index += 1) {
    let line = lines[index] ?? '';
    const indent = /^[ ]*/.exec(line)?.[0].length ?? 0;
    if (quote !== null || flowDepth > 0) {
      if (indent <= openIndent && line.trim() !== '') {
        line = ' '.repeat(openIndent + 1 - indent) + line;
        lines[index] = line;
      }
    } else {
      openIndent = indent;
    }
    for (let position = 0; position < line.length; position += 1) {
      const char = line[position];
      if (quote === '"') {
        if (char === '\\') position += 1;
        else if (char === '"') quote = null;
      } else if (quote === "'") {
        if (char === "'" && line[position + 1] === "'") position += 1;
        else if (char === "'") quote = null;
      } else if (char === '#' && (position === 0 || /\s/.test(line[position - 1] ?? ''))) {
        break;
      } else if ((char === '"' || char === "'") && (position === 0 || /[\s:[{,]/.test(line[position - 1] ?? ''))) {
        quote = char;
      } else if (char === '[' || char === '{') {
        if (flowDepth > 0 || position === 0 || /[\s:,-]/.test(line[position - 1] ?? '')) flowDepth += 1;
      } else if ((char === ']' || char === '}') && flowDepth > 0) {
        flowDepth -= 1;
      }
    }
  }
  return lines.join('\n');
}

/**
 * Parses front matter YAML (with its opening `---`) with the full YAML parser. `firstLine` is the file line of that
 * `---`, so errors point at the real line of the file.
 */
export function parseFrontMatterFully(
  yaml: string,
  firstLine: number,
  what = 'front matter',
): ParsedFrontMatter {
  let doc = parseYaml(yaml);
  if (doc.errors.length > 0) {
    // Psych takes a quoted scalar or a flow collection continued on a line indented less than
    // its key; the `yaml` package does not. Indenting those lines changes no value (folding drops
    // a continuation line's leading spaces) and no line number.
    const indented = indentContinuationLines(yaml);
    if (indented !== yaml) {
      const retried = parseYaml(indented);
      if (retried.errors.length === 0) doc = retried;
    }
  }
  const error = doc.errors[0];
  if (error) {
    // An error at the very end (an unclosed quote) points at the last line of the block.
    const lastLine = firstLine + countNewlines(yaml.replace(/\n$/, ''));
    const line = Math.min((error.linePos?.[0]?.line ?? 1) + firstLine - 1, lastLine);
    const message = (error.message.split('\n', 1)[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, line, message: `invalid YAML in ${what}: ${message}` };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (thrown) {
    // The parser throws rather than reports an alias to no anchor (`title: *x`) and an alias bomb.
    const offset = findUnresolvedAlias(doc);
    const line = offset === null ? firstLine : firstLine + countNewlines(yaml.slice(0, offset));
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, line, message: `invalid YAML in ${what}: ${message}` };
  }
  if (data === null || data === undefined) return { ok: true, data: {} };
  if (!isRecord(data)) {
    return { ok: false, line: firstLine, message: `${what} is not a mapping of keys to values` };
  }
  return { ok: true, data };
}

/** Any YAML document (a data file): its value, or the line and message of its first error. */
export function parseYamlValue(
  text: string,
  firstLine: number,
  what: string,
): { ok: true; value: unknown } | { ok: false; line: number; message: string } {
  const doc = parseYaml(text);
  const error = doc.errors[0];
  if (error) {
    const line = (error.linePos?.[0]?.line ?? 1) + firstLine - 1;
    const message = (error.message.split('\n', 1)[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, line, message: `invalid YAML in ${what}: ${message}` };
  }
  try {
    return { ok: true, value: toPlainValues(doc.toJS({ maxAliasCount: 1000 })) };
  } catch (thrown) {
    return { ok: false, line: firstLine, message: `invalid YAML in ${what}: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
}

/** Psych's dates and times as JavaScript dates, which is what Liquid's date filters take. */
function toPlainValues(value: unknown): unknown {
  if (value instanceof YamlTime) return new Date(value.instant);
  if (value instanceof YamlDate) return new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (Array.isArray(value)) return value.map(toPlainValues);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainValues(item)]));
  }
  return value;
}

/** Offset of the first alias whose anchor is nowhere, or null. */
function findUnresolvedAlias(doc: Document): number | null {
  let offset: number | null = null;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      offset = node.range?.[0] ?? null;
      return visit.BREAK;
    },
  });
  return offset;
}

const NO_FAST_PATH = Symbol('needs the full YAML parser');
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const NULL_TEST = /^(?:~|[Nn]ull|NULL)$/;

/** One scalar of a `key: value` line, or NO_FAST_PATH when only the full parser can tell. */
function resolveSimpleScalar(raw: string): unknown {
  if (raw === '') return null;
  const first = raw.charAt(0);
  if (first === '"') {
    const match = /^"((?:[^"\\]|\\["\\])*)"$/.exec(raw);
    return match ? (match[1] ?? '').replace(/\\(["\\])/g, '$1') : NO_FAST_PATH;
  }
  if (first === "'") {
    const match = /^'((?:[^']|'')*)'$/.exec(raw);
    return match ? (match[1] ?? '').replaceAll("''", "'") : NO_FAST_PATH;
  }
  if (psychTimestampTag.test?.test(raw)) return psychTimestampTag.resolve(raw, () => {}, {});
  if (psychBoolTag.test?.test(raw)) return /^(?:yes|true|on)$/i.test(raw);
  if (NULL_TEST.test(raw)) return null;
  // Numbers, indicators, anchors, tags, flow collections, comments and nested mappings.
  if (/^[-+.0-9?:,[\]{}#&*!|>%@`]/.test(raw) || /:(?:\s|$)|\s#/.test(raw)) return NO_FAST_PATH;
  return raw;
}

/**
 * Most front matter is a few `key: value` lines; reading those directly is many times faster
 * than the full YAML parser, which matters at 100,000 posts. Anything else returns null and goes
 * to the full parser; a test checks that both agree.
 */
function parseSimpleFrontMatter(yaml: string): Record<string, unknown> | null {
  const lines = yaml.split('\n');
  const data: Record<string, unknown> = {};
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = SIMPLE_LINE.exec(line);
    const key = match?.[1];
    if (!match || key === undefined || psychBoolTag.test?.test(key) || NULL_TEST.test(key)) return null;
    const value = resolveSimpleScalar(match[2] ?? '');
    if (value === NO_FAST_PATH) return null;
    data[key] = value;
  }
  return data;
}

/** Parses front matter YAML (with its opening `---`); errors carry the file line. */
export function parseFrontMatter(yaml: string, firstLine: number, what = 'front matter'): ParsedFrontMatter {
  const simple = /^---[ \t]*\n/.test(yaml) ? parseSimpleFrontMatter(yaml) : null;
  return simple ? { ok: true, data: simple } : parseFrontMatterFully(yaml, firstLine, what);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * A front-matter value as Ruby's `to_s` writes it, which is what Jekyll puts into titles,
 * categories and URLs: `nil` is empty, dates are `YYYY-MM-DD`, lists are inspected.
 */
export function formatRubyValue(
  value: unknown,
  formatTime: (instant: number) => string,
  ancestors: ReadonlySet<unknown> = new Set(),
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof YamlDate) return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
  if (value instanceof YamlTime) return formatTime(value.instant);
  if (Array.isArray(value)) {
    // An anchor can hold itself (`&a [*a]`); Ruby's inspect writes such a list as `[...]`.
    if (ancestors.has(value)) return '[...]';
    const inner = new Set([...ancestors, value]);
    return `[${value.map((item) => (typeof item === 'string' ? JSON.stringify(item) : formatRubyValue(item, formatTime, inner))).join(', ')}]`;
  }
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // A mapping that holds itself (`&a {b: *a}`), which JSON cannot write.
    return '{...}';
  }
}

/** The file line of a top-level key in front matter, or the first line when it is not found. */
export function findKeyLine(yaml: string, firstLine: number, key: string): number {
  const match = new RegExp(`^${key}[ \\t]*:`, 'm').exec(yaml);
  if (!match) return firstLine;
  let line = firstLine;
  for (let index = yaml.indexOf('\n'); index !== -1 && index < match.index; index = yaml.indexOf('\n', index + 1)) {
    line += 1;
  }
  return line;
}
