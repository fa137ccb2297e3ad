/**
 * Dates as Jekyll sees them. Jekyll turns every post date into a string and back through
 * Ruby's `Time.parse`, in the site's timezone; the fields of a URL (`:year`, `:month`, ...) come
 * from that local time. This module does the same for the formats people actually write, and
 * says which inputs Jekyll would refuse (it stops the whole build on those).
 */

/** A calendar date and wall-clock time, before a timezone places it. */
export type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/** Local fields of an instant in a zone, with what `strftime` needs besides. */
export type ZonedTime = WallTime & {
  /** Minutes east of UTC. */
  offset: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
};

export type ParsedDate =
  | { ok: true; instant: number; rolledOver: boolean }
  | { ok: false; message: string };

const zonedFormatters = new Map<string, Intl.DateTimeFormat>();

function getZonedFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zonedFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zonedFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    getZonedFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC at an instant, asked of Intl (slow: about 10 µs). */
function getExactOffset(instant: number, timeZone: string): number {
  const fields: Record<string, string> = {};
  for (const part of getZonedFormatter(timeZone).formatToParts(new Date(instant))) {
    fields[part.type] = part.value;
  }
  const rawYear = Number(fields.year);
  const wall: WallTime = {
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - rawYear : rawYear,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
  return Math.round((getWallInstantAsUtc(wall) - Math.floor(instant / 1000) * 1000) / 60_000);
}

const DAY_MS = 86_400_000;
/** Zone and UTC day → the offset of the whole day, or null when the offset changes that day. */
const dayOffsets = new Map<string, number | null>();

/**
 * Minutes east of UTC at an instant. Offsets change a few times a year at most, so one answer
 * serves a whole UTC day unless the day holds a change; 100,000 posts need a few thousand lookups.
 */
export function getZoneOffset(instant: number, timeZone: string): number {
  const day = Math.floor(instant / DAY_MS);
  const key = `${timeZone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const start = getExactOffset(day * DAY_MS, timeZone);
    offset = start === getExactOffset((day + 1) * DAY_MS - 1000, timeZone) ? start : null;
    dayOffsets.set(key, offset);
  }
  return offset ?? getExactOffset(instant, timeZone);
}

/** The local fields of an instant (milliseconds since the epoch) in `timeZone`. */
export function getZonedTime(instant: number, timeZone: string): ZonedTime {
  const offset = getZoneOffset(instant, timeZone);
  const local = new Date(Math.floor(instant / 1000) * 1000 + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    offset,
    weekday: local.getUTCDay(),
  };
}

/** Wall fields read as if they were UTC; days past the month's end roll over like Ruby's `Time`. */
function getWallInstantAsUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** The instant of a wall-clock time in `timeZone` (the earlier one when a clock change repeats it). */
export function getInstantOfWallTime(wall: WallTime, timeZone: string): number {
  const asUtc = getWallInstantAsUtc(wall);
  const firstGuess = asUtc - getZonedTime(asUtc, timeZone).offset * 60_000;
  const offset = getZonedTime(firstGuess, timeZone).offset;
  return asUtc - offset * 60_000;
}

function pad(value: number, width = 2): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

/** `2022-02-26T21:22:00+08:00`: the instant in the site's timezone with its offset. */
export function formatIsoInZone(instant: number, timeZone: string): string {
  const zoned = getZonedTime(instant, timeZone);
  const sign = zoned.offset < 0 ? '-' : '+';
  const offset = Math.abs(zoned.offset);
  return (
    `${pad(zoned.year, 4)}-${pad(zoned.month)}-${pad(zoned.day)}T` +
    `${pad(zoned.hour)}:${pad(zoned.minute)}:${pad(zoned.second)}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}

function getDaysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** Ruby's two-digit years: 69..99 are 19xx, 00..68 are 20xx; three or four digits stay as written. */
function expandYear(text: string): number {
  const year = Number(text);
  if (text.length !== 2) return year;
  return year >= 69 ? 1900 + year : 2000 + year;
}

/**
 * Checks the ranges Ruby's `Time.utc` and `Time.local` check. Days 29..31 past the month's end
 * are accepted and roll into the next month, as Ruby does; that is reported as `rolledOver`.
 */
function checkWallTime(wall: WallTime): { ok: true; rolledOver: boolean } | { ok: false; message: string } {
  if (wall.month < 1 || wall.month > 12) return { ok: false, message: 'month out of range' };
  if (wall.day < 1 || wall.day > 31) return { ok: false, message: 'day out of range' };
  if (wall.hour > 24 || (wall.hour === 24 && (wall.minute > 0 || wall.second > 0))) {
    return { ok: false, message: 'hour out of range' };
  }
  if (wall.minute > 59) return { ok: false, message: 'minute out of range' };
  if (wall.second > 60) return { ok: false, message: 'second out of range' };
  return { ok: true, rolledOver: wall.day > getDaysInMonth(wall.year, wall.month) };
}

/** Ruby's `Integer#divmod`: the quotient rounds down, the remainder takes the divisor's sign. */
function divmod(value: number, divisor: number): [number, number] {
  const quotient = Math.floor(value / divisor);
  return [quotient, value - quotient * divisor];
}

/**
 * Ruby's `Time.apply_offset` (lib/time.rb), step for step: `Time.parse` moves the written fields
 * to UTC with carries of its own before `Time.utc` checks them, which is why an hour past 23 is
 * accepted with most written offsets (`29:39:08 +0800` is 05:39:08 the next day) but refused with
 * `Z` or `+0000`, and why a carry past the month's end lands on the 1st of the next month.
 */
function applyRubyOffset(written: WallTime, offsetMinutes: number): WallTime {
  let { year, month, day, hour, minute } = written;
  const { second } = written;
  let carry: number;
  if (offsetMinutes < 0) {
    const [offsetHours, minutes] = divmod(-offsetMinutes, 60);
    let hours = offsetHours;
    if (minutes !== 0) {
      minute += minutes;
      [carry, minute] = divmod(minute, 60);
      hours += carry;
    }
    const [offsetDays, rest] = divmod(hours, 24);
    let days = offsetDays;
    if (rest !== 0) {
      hour += rest;
      [carry, hour] = divmod(hour, 24);
      days += carry;
    }
    if (days !== 0) {
      day += days;
      if (getDaysInMonth(year, month) < day) {
        month += 1;
        if (month > 12) {
          month = 1;
          year += 1;
        }
        day = 1;
      }
    }
  } else if (offsetMinutes > 0) {
    const [offsetHours, minutes] = divmod(offsetMinutes, 60);
    let hours = offsetHours;
    if (minutes !== 0) {
      minute -= minutes;
      [carry, minute] = divmod(minute, 60);
      hours -= carry;
    }
    const [offsetDays, rest] = divmod(hours, 24);
    let days = offsetDays;
    if (rest !== 0) {
      hour -= rest;
      [carry, hour] = divmod(hour, 24);
      days -= carry;
    }
    if (days !== 0) {
      day -= days;
      if (day < 1) {
        month -= 1;
        if (month < 1) {
          year -= 1;
          month = 12;
        }
        day = getDaysInMonth(year, month);
      }
    }
  }
  return { year, month, day, hour, minute, second };
}

const DATE_TIME_PATTERN =
  /^\s*(\d{4}|\d{2,3})([-/])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]|\s+)(\d+):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?\s*(Z|UTC|GMT|[-+]\d{1,2}(?::?\d{2})?)?\s*$/i;
const COMPACT_DATE_PATTERN = /^\s*(\d{4})(\d{2})(\d{2})\s*$/;

/** Minutes east of UTC of a zone designator such as `Z`, `+0800`, `+08:00`, `-5`. */
function parseZoneOffset(zone: string): number {
  if (/^(?:Z|UTC|GMT)$/i.test(zone)) return 0;
  const match = /^([-+])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * Ruby's `Time.parse` for the date formats found in front matter and file names:
 * `2021-12-08`, `2021/12/08`, `20211208`, with an optional `HH:MM[:SS[.frac]]` and an optional
 * `Z`/`UTC`/`±HH[:MM]`. Without a zone the time is local to `timeZone`. As in Ruby, a zone
 * without a time is ignored (`2023-02-22 +0800` is local midnight) except `±HH:MM`, which Ruby
 * reads as a time of day; an hour past 23 with an offset is carried into the next days. Anything
 * else is refused (Ruby accepts more, such as month names; we ask for a plain date instead).
 * `rolledOver` says the written fields named no real moment (Feb 30, hour 29) and were carried.
 */
export function parseRubyTime(text: string, timeZone: string): ParsedDate {
  if (text.trim() === '') return { ok: false, message: 'no date given' };
  let wall: WallTime;
  let zone: string | undefined;
  const match = DATE_TIME_PATTERN.exec(text);
  const compact = match ? null : COMPACT_DATE_PATTERN.exec(text);
  if (match) {
    wall = {
      year: expandYear(match[1] ?? ''),
      month: Number(match[3]),
      day: Number(match[4]),
      hour: Number(match[5] ?? 0),
      minute: Number(match[6] ?? 0),
      second: Number(match[7] ?? 0),
    };
    zone = match[8];
    if (zone !== undefined && match[5] === undefined) {
      // Ruby's `Date._parse` finds no zone here; `+08:00` it reads as the time 08:00.
      const asTime = /^[-+](\d{1,2}):(\d{2})$/.exec(zone);
      if (asTime) wall = { ...wall, hour: Number(asTime[1]), minute: Number(asTime[2]) };
      zone = undefined;
    }
  } else if (compact) {
    wall = { year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]), hour: 0, minute: 0, second: 0 };
  } else {
    return { ok: false, message: 'not a date Broadsheet understands (write YYYY-MM-DD HH:MM:SS ±HHMM)' };
  }
  const writtenOutOfRange = wall.hour > 24 || wall.day > getDaysInMonth(wall.year, wall.month);
  // Ruby checks the fields after the carry, not as written.
  const placed = zone === undefined ? wall : applyRubyOffset(wall, parseZoneOffset(zone));
  const checked = checkWallTime(placed);
  if (!checked.ok) return checked;
  const instant =
    zone === undefined ? getInstantOfWallTime(placed, timeZone) : getWallInstantAsUtc(placed);
  return { ok: true, instant, rolledOver: checked.rolledOver || writtenOutOfRange };
}

/**
 * How Psych (Jekyll's YAML reader) reads an unquoted `YYYY-MM-DD HH:MM:SS[.frac][ ±HH[:MM]]`:
 * the fields are UTC unless an offset is written. Returns null when Psych would keep the text as
 * a string instead (a field out of range).
 */
export function parsePsychTimestamp(text: string): number | null {
  const match =
    /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.\d*)?(?:\s*(Z|[-+]\d{1,2}:?(?:\d\d)?))?$/.exec(
      text,
    );
  if (!match) return null;
  const wall: WallTime = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6]),
  };
  if (!checkWallTime(wall).ok) return null;
  const zone = match[7];
  return getWallInstantAsUtc(wall) - (zone ? parseZoneOffset(zone) : 0) * 60_000;
}

/** True when `YYYY-MM-DD` is a real calendar date (Psych reads only those as dates). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= getDaysInMonth(year, month);
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function getDayOfYear(zoned: ZonedTime): number {
  const date = new Date(0);
  date.setUTCFullYear(zoned.year, zoned.month - 1, zoned.day);
  const jan1 = new Date(0);
  jan1.setUTCFullYear(zoned.year, 0, 1);
  return Math.round((date.getTime() - jan1.getTime()) / 86_400_000) + 1;
}

/** ISO 8601 week-numbering year and week (`%G`, `%V`). */
function getIsoWeek(zoned: ZonedTime): { year: number; week: number } {
  const date = new Date(0);
  date.setUTCFullYear(zoned.year, zoned.month - 1, zoned.day);
  const isoDay = zoned.weekday === 0 ? 7 : zoned.weekday;
  date.setUTCDate(date.getUTCDate() + 4 - isoDay);
  const year = date.getUTCFullYear();
  const jan1 = new Date(0);
  jan1.setUTCFullYear(year, 0, 1);
  const week = Math.floor((date.getTime() - jan1.getTime()) / 86_400_000 / 7) + 1;
  return { year, week };
}

/** The date placeholders of a Jekyll permalink, as Ruby's `strftime` writes them. */
export function getDatePlaceholders(instant: number, timeZone: string): Record<string, string> {
  const zoned = getZonedTime(instant, timeZone);
  const isoWeek = getIsoWeek(zoned);
  return {
    year: pad(zoned.year, 4),
    month: pad(zoned.month),
    day: pad(zoned.day),
    hour: pad(zoned.hour),
    minute: pad(zoned.minute),
    second: pad(zoned.second),
    i_day: String(zoned.day),
    i_month: String(zoned.month),
    short_month: SHORT_MONTHS[zoned.month - 1] ?? '',
    long_month: LONG_MONTHS[zoned.month - 1] ?? '',
    short_year: pad(((zoned.year % 100) + 100) % 100),
    w_year: String(isoWeek.year),
    week: pad(isoWeek.week),
    w_day: String(zoned.weekday === 0 ? 7 : zoned.weekday),
    short_day: (LONG_DAYS[zoned.weekday] ?? '').slice(0, 3),
    long_day: LONG_DAYS[zoned.weekday] ?? '',
    y_day: pad(getDayOfYear(zoned), 3),
  };
}
