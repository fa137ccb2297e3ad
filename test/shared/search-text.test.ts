/** The indexed text's length, counted without making the text: what bounds a search part. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  MAX_INDEXED_CHARS,
  WORD_BREAK,
  countIndexedChars,
  toIndexedText,
} from '../../src/shared/search-text';

/** Units that test the count's edges: CJK of every kind, word breaks, halves of surrogate pairs. */
const trickyUnit = fc.oneof(
  fc.constantFrom(
    '股', // Han
    'か', // Hiragana
    'カ', // Katakana
    'ｶ', // half-width Katakana
    '々',
    '〇',
    '⺀', // the first CJK radical
    '\u2e7f', // one before it
    '，',
    '。',
    WORD_BREAK,
    '\ud840\udc00', // a Han character beyond the basic plane
    '\ud83d\ude00', // an emoji, not CJK
    '\ud840', // a high surrogate alone
    '\udc00', // a low surrogate alone
    '\n',
    'A',
    'é',
  ),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const trickyText = fc.string({ unit: trickyUnit, maxLength: 60 });

test('countIndexedChars is the length of toIndexedText for any title and text', () => {
  fc.assert(
    fc.property(trickyText, trickyText, (title, text) => {
      expect(countIndexedChars(title, text)).toBe(toIndexedText(title, text).length);
    }),
    { numRuns: 2_000, seed: 9 },
  );
});

test('the count stops where the indexed text does, also when the cut splits a pair', () => {
  const long = '股'.repeat(MAX_INDEXED_CHARS - 1) + '\ud840\udc00' + 'x'.repeat(500);
  expect(countIndexedChars('标题', long)).toBe(toIndexedText('标题', long).length);
  // Word breaks between the halves of a pair join them once removed.
  const joined = `a\ud840${WORD_BREAK}\udc00b`;
  expect(countIndexedChars(joined, joined)).toBe(toIndexedText(joined, joined).length);
});
