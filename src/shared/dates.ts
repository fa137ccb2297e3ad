/**
 * Dates are stored with the site's offset and always shown in the site's timezone, whatever
 * the reader's own clock says.
 */

export type DateLocale = 'zh-CN' | 'en';

const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(
  locale: DateLocale,
  timeZone: string,
  withTime: boolean,
): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${withTime}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
      timeZone,
      year: 'numeric',
      month: locale === 'zh-CN' ? 'long' : 'short',
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
