import { useId } from 'react';
import { Link } from 'react-router-dom';

export type SectionLink = {
  /** An app path, as built by `paths`. */
  to: string;
  label: string;
};

export type LinkSectionProps = {
  /** The heading, which also names the navigation landmark. */
  title: string;
  links: readonly SectionLink[];
  /** `list` for a bulleted column of titles, `inline` for short names wrapped in a row. */
  layout: 'list' | 'inline';
};

const styles = {
  list: {
    nav: 'mt-8',
    heading: 'font-serif text-lg font-bold',
    list: 'mt-2 list-disc pl-6',
    link: 'underline',
  },
  inline: {
    nav: 'mt-8 border-t border-rule pt-6',
    heading: 'text-sm font-semibold text-muted',
    list: 'mt-3 flex flex-wrap gap-x-5 gap-y-2',
    link: 'link-plain',
  },
} as const;

/** A titled block of links the reader can go on to; nothing at all when there are none. */
export function LinkSection({ title, links, layout }: LinkSectionProps) {
  const headingId = useId();
  if (links.length === 0) return null;
  const style = styles[layout];
  return (
    <nav aria-labelledby={headingId} className={style.nav}>
      <h2 id={headingId} className={style.heading}>
        {title}
      </h2>
      <ul className={style.list}>
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className={style.link}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
