import { expect, test } from 'vitest';
import {
  formatIsoInZone,
  getDatePlaceholders,
  parsePsychTimestamp,
  parseRubyTime,
} from '../../scripts/content/read-date';
import { RUBY_TIME_PARSE } from './fixtures/ruby-answers';

function iso(text: string, zone = 'Asia/Shanghai'): string {
  const parsed = parseRubyTime(text, zone);
  if (!parsed.ok) throw new Error(parsed.message);
  return formatIsoInZone(parsed.instant, zone);
}

test('Ruby-style date strings in the site zone', () => {
  expect(iso('2021-12-08')).toBe('2021-12-08T00:00:00+08:00');
  expect(iso('2021-12-08 14:03:00')).toBe('2021-12-08T14:03:00+08:00');
  expect(iso('2021-12-08 14:03:00 +0800')).toBe('2021-12-08T14:03:00+08:00');
  expect(iso('2021-12-08 14:03:00 -0530')).toBe('2021-12-09T03:33:00+08:00');
  expect(iso('2021-12-08T14:03:00Z')).toBe('2021-12-08T22:03:00+08:00');
  expect(iso('2021-12-8 1:2:3')).toBe('2021-12-08T01:02:03+08:00');
  expect(iso('2021/12/08')).toBe('2021-12-08T00:00:00+08:00');
  expect(iso('20211208')).toBe('2021-12-08T00:00:00+08:00');
  expect(iso('21-1-5')).toBe('2021-01-05T00:00:00+08:00');
  expect(iso('99-12-31')).toBe('1999-12-31T00:00:00+08:00');
  expect(iso('2021-12-08 24:00:00')).toBe('2021-12-09T00:00:00+08:00');
});

test('days past the month end roll over as in Ruby, and say so', () => {
  expect(parseRubyTime('2022-02-30', 'UTC')).toMatchObject({ ok: true, rolledOver: true });
  expect(iso('2021-02-29')).toBe('2021-03-01T00:00:00+08:00');
});

test('what Ruby refuses is refused', () => {
  for (const text of [
    '',
    'garbage',
    ' +0800',
    '2021-13-01',
    '2021-12-32',
    '2021-12-08 14:60:00',
    '2021',
  ]) {
    expect(parseRubyTime(text, 'UTC')).toMatchObject({ ok: false });
  }
});

test('daylight saving time zones place wall times correctly', () => {
  expect(iso('2021-07-01 12:00:00', 'America/New_York')).toBe('2021-07-01T12:00:00-04:00');
  expect(iso('2021-12-01 12:00:00', 'America/New_York')).toBe('2021-12-01T12:00:00-05:00');
});

test('Psych timestamps are UTC without an offset and keep a written offset', () => {
  expect(parsePsychTimestamp('2021-12-08 14:03:00')).toBe(Date.parse('2021-12-08T14:03:00Z'));
  expect(parsePsychTimestamp('2021-12-08 14:03:00 +0800')).toBe(Date.parse('2021-12-08T06:03:00Z'));
  expect(parsePsychTimestamp('2021-12-08 14:03:00 +08:00')).toBe(
    Date.parse('2021-12-08T06:03:00Z'),
  );
  expect(parsePsychTimestamp('2021-12-08 25:03:00')).toBeNull();
  expect(parsePsychTimestamp('2021-12-08')).toBeNull();
});

test('ISO week placeholders follow ISO 8601 at year boundaries', () => {
  // 2021-01-03 is a Sunday in ISO week 53 of 2020.
  const placeholders = getDatePlaceholders(Date.parse('2021-01-03T12:00:00Z'), 'UTC');
  expect(placeholders).toMatchObject({
    w_year: '2020',
    week: '53',
    w_day: '7',
    y_day: '003',
    short_day: 'Sun',
  });
});

test("Time.parse's carries and zones, value for value as Ruby gives them", () => {
  for (const [text, shanghai, london] of RUBY_TIME_PARSE) {
    for (const [zone, expected] of [
      ['Asia/Shanghai', shanghai],
      ['Europe/London', london],
    ] as const) {
      const parsed = parseRubyTime(text, zone);
      expect([text, zone, parsed.ok ? formatIsoInZone(parsed.instant, zone) : 'error']).toEqual([
        text,
        zone,
        expected,
      ]);
    }
  }
});

test('a carried hour or day is reported as rolled over; a plain 24:00 is not', () => {
  expect(parseRubyTime('2023-02-22 29:39:08 +0800', 'UTC')).toMatchObject({
    ok: true,
    rolledOver: true,
  });
  expect(parseRubyTime('2023-02-30 10:00:00 +0800', 'UTC')).toMatchObject({
    ok: true,
    rolledOver: true,
  });
  expect(parseRubyTime('2023-02-22 24:00:00', 'UTC')).toMatchObject({
    ok: true,
    rolledOver: false,
  });
  expect(parseRubyTime('2023-02-22 +0800', 'UTC')).toMatchObject({ ok: true, rolledOver: false });
});
