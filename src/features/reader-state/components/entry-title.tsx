import { Link } from 'react-router-dom';
import { paths } from '../../../shared/paths';
import { getShortcutProps } from '../../../lib/shortcut-targets';

/** A saved or history entry's title, linking to the post (the row's `o`/Enter target). */
export function EntryTitle({
  url,
  title,
  className,
}: {
  url: string;
  title: string;
  className: string;
}) {
  return (
    <h2 className={`font-serif leading-snug font-semibold text-ink ${className}`}>
      <Link to={paths.post(url)} className="headline-link" {...getShortcutProps('open')}>
        {title}
      </Link>
    </h2>
  );
}
