/**
 * Dates are stored with the site's offset and always shown in the site's timezone, whatever
 * the reader's own clock says.
 */

/** The app's own languages, or a post's `lang` (any BCP 47 tag, e.g. `ja`, `de-AT`). */
export type DateLocale = 'zh-CN' | 'en' | (string & {});

/** The Intl locale a language is written in: `en` as in Britain (`26 Feb 2022`), `zh*` as in China. */
function getIntlLocale(locale: string): string {
  if (locale === 'zh-CN' || /^zh(?:-hans)?$/i.test(locale)) return 'zh-CN';
  if (/^en$/i.test(locale)) return 'en-GB';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale])[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/** CJK dates read best with the month in words (`2月`); Latin ones with a short name. */
function isCjk(locale: string): boolean {
  return /^(?:zh|ja|ko)\b/i.test(locale);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(
  locale: DateLocale,
  timeZone: string,
  withTime: boolean,
): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${withTime}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    const intlLocale = getIntlLocale(locale);
    formatter = new Intl.DateTimeFormat(intlLocale, {
      timeZone,
      year: 'numeric',
      month: isCjk(intlLocale) ? 'long' : 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(id, formatter);
  }
  return formatter;
}

/** `2022年2月26日 21:22` (zh-CN) or `26 Feb 2022, 21:22` (en) in the site's timezone. */
export function formatDateTime(
  iso: string,
  timeZone: string,
  locale: DateLocale = 'zh-CN',
): string {
  return getFormatter(locale, timeZone, true).format(new Date(iso)).replace(/日\s*/, '日 ');
}

/** `2022年2月26日` (zh-CN) or `26 Feb 2022` (en) in the site's timezone. */
export function formatDate(iso: string, timeZone: string, locale: DateLocale = 'zh-CN'): string {
  return getFormatter(locale, timeZone, false).format(new Date(iso));
}

const cachedFormatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale, zone and options: building one costs far more than using it. */
function getCachedFormatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = cachedFormatters.get(id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cachedFormatters.set(id, formatter);
  }
  return formatter;
}

/** `YYYY-MM-DD` of an instant in the site's timezone: the day a post belongs to. */
export function getDayKey(instant: string | number | Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return getCachedFormatter('en-CA', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** `09:05`: the time of day in the site's timezone (24-hour, for both languages). */
export function formatClock(iso: string, timeZone: string): string {
  return getCachedFormatter('en-GB', timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** The day before a `YYYY-MM-DD` day, by the calendar (no clock, so no DST to trip on). */
export function getPreviousDayKey(day: string): string {
  return addDays(day, -1);
}

export type DayWords = { today: string; yesterday: string };

/**
 * A day heading of a time-led list: "今天", "昨天", else `5月31日 星期二` (`Tue 31 May`), with the
 * year when it is not this year. `today` is today's `YYYY-MM-DD` in the site's timezone, or empty
 * when it is not known (a pre-rendered page): then every heading is a date with its year.
 */
export function formatDayHeading(
  day: string,
  today: string,
  words: DayWords,
  locale: DateLocale = 'zh-CN',
): string {
  if (today !== '' && day === today) return words.today;
  if (today !== '' && day === getPreviousDayKey(today)) return words.yesterday;
  const [year, month, date] = day.split('-').map(Number);
  // Noon UTC names the same calendar day in every zone the formatter could be told.
  const noon = new Date(Date.UTC(year!, month! - 1, date!, 12));
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return getCachedFormatter(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', 'UTC', {
    weekday: locale === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    month: locale === 'zh-CN' ? 'long' : 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
    .format(noon)
    .replace(/日星期/, '日 星期')
    .replace(/,/g, '');
}

/** Zones that China Standard Time (Beijing time) goes by. */
const BEIJING_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'PRC']);

/** What a list's times are in, said once above it: "北京时间" or the zone's own name. */
export function getZoneLabel(timeZone: string, locale: DateLocale = 'zh-CN'): string {
  if (BEIJING_ZONES.has(timeZone)) return locale === 'zh-CN' ? '北京时间' : 'Beijing time';
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${timeZone} (${offset})` : timeZone;
}

/** The calendar day `offset` days after a `YYYY-MM-DD` day. */
export function addDays(day: string, offset: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + offset)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export function countDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
