import { formatDate, formatDateTime } from '../../shared/dates';
import { useSettings } from '../../lib/settings';

export type PostTimeProps = {
  iso: string;
  timeZone: string;
  withTime?: boolean;
  className?: string;
};

/** A date in the site's timezone, whatever the reader's clock says. */
export function PostTime({ iso, timeZone, withTime = true, className }: PostTimeProps) {
  const { lang } = useSettings();
  const text = withTime ? formatDateTime(iso, timeZone, lang) : formatDate(iso, timeZone, lang);
  return (
    <time dateTime={iso} className={className}>
      {text}
    </time>
  );
}
