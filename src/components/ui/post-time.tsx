import { formatDate, formatDateTime } from '../../shared/dates';
import { useSettings } from '../../lib/settings';

export type PostTimeProps = {
  iso: string;
  timeZone: string;
  withTime?: boolean;
  className?: string;
  /** The post's language: its date is written the way that language writes dates. */
  lang?: string;
};

/** A date in the site's timezone, whatever the reader's clock says. */
export function PostTime({
  iso,
  timeZone,
  withTime = true,
  className,
  lang: postLang,
}: PostTimeProps) {
  const settings = useSettings();
  const lang = postLang ?? settings.lang;
  const text = withTime ? formatDateTime(iso, timeZone, lang) : formatDate(iso, timeZone, lang);
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
