/**
 * How text is cut into words for search, on both sides of the index: the prebuild puts every
 * CJK character between zero-width spaces (Pagefind splits words there, and drops them from what
 * it shows), and the reader turns a query into an exact phrase of the same words. So a query of
 * CJK characters typed without spaces finds exactly the posts that contain it as written, with no
 * dictionary in between that cuts the text one way and the query another
 * (docs/decisions/013-search-index-split.md).
 */

/** Han, kana and the CJK compatibility ideographs: one word per character. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u3007]/u;
const CJK_CHARS = new RegExp(CJK_CHAR.source, 'gu');

/** Letters, digits and marks that are not CJK: a run of them is one word. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Pagefind's word break that shows as nothing. */
export const WORD_BREAK = '\u200B';

/** The characters of a post's title and text that are indexed, at most. */
export const MAX_INDEXED_CHARS = 6_000;

/** The text Pagefind indexes for one post: title and body, each CJK character its own word. */
export function toIndexedText(title: string, text: string): string {
  return `${title}\n${getIndexedBody(text)}`
    .replaceAll(WORD_BREAK, '')
    .replace(CJK_CHARS, (char) => `${WORD_BREAK}${char}${WORD_BREAK}`);
}

/** The part of a post's text that is indexed. */
export function getIndexedBody(text: string): string {
  return text.length > MAX_INDEXED_CHARS ? text.slice(0, MAX_INDEXED_CHARS) : text;
}

/** Whether each UTF-16 unit of the basic plane is a CJK word, learnt once per unit: 0 not yet, 1 yes, 2 no. */
const cjkUnits = new Uint8Array(0x10000);

/** Below this no character is CJK (the Han script starts with the CJK radicals at U+2E80). */
const FIRST_CJK = 0x2e80;

function countCjk(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (unit < FIRST_CJK) continue;
    if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length) {
      const low = text.charCodeAt(at + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (CJK_CHAR.test(text.slice(at, at + 2))) count++;
        at++;
        continue;
      }
    }
    let known = cjkUnits[unit];
    if (!known) cjkUnits[unit] = known = CJK_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
    if (known === 1) count++;
  }
  return count;
}

function countIndexedPart(text: string): number {
  const clean = text.includes(WORD_BREAK) ? text.replaceAll(WORD_BREAK, '') : text;
  // Each CJK character gains a word break on either side.
  return clean.length + 2 * countCjk(clean);
}

/**
 * `toIndexedText(title, text).length`, without building that text: what bounds a search part
 * (tested equal on any text).
 */
export function countIndexedChars(title: string, text: string): number {
  return countIndexedPart(title) + 1 + countIndexedPart(getIndexedBody(text));
}

/** The words of a query, lower-cased: each CJK character, and each run of other letters or digits. */
export function getQueryWords(query: string): string[] {
  const words: string[] = [];
  let run = '';
  for (const char of query) {
    if (CJK_CHAR.test(char)) {
      if (run) words.push(run);
      run = '';
      words.push(char);
    } else if (WORD_CHAR.test(char)) {
      run += char.toLowerCase();
    } else {
      if (run) words.push(run);
      run = '';
    }
  }
  if (run) words.push(run);
  return words;
}

/**
 * The query Pagefind runs: always an exact phrase of the query's words, so `A股` means "A"
 * followed by "股" and `5G` means the word 5G (Pagefind's loose matching of a bare word also
 * finds pages without it). Null for a query without words.
 */
export function toPagefindQuery(query: string): string | null {
  const words = getQueryWords(query);
  return words.length === 0 ? null : `"${words.join(' ')}"`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type TextPart = { text: string; marked: boolean };

/**
 * Marks every place where the query's words stand in order in `text` (as the search matched
 * them: case aside, with only spaces or punctuation between them): whole words, never single
 * characters of one. Plain text in, plain text parts out.
 */
export function markQuery(text: string, query: string): TextPart[] {
  const words = getQueryWords(query);
  if (words.length === 0 || text === '') return text ? [{ text, marked: false }] : [];
  const between = '[^\\p{L}\\p{N}]{0,3}';
  const pattern = new RegExp(words.map(escapeRegExp).join(between), 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

/** Whether `text` contains the query as the search means it (the oracle of the search tests). */
export function containsQuery(text: string, query: string): boolean {
  return markQuery(text, query).some((part) => part.marked);
}
