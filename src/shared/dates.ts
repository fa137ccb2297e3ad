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
