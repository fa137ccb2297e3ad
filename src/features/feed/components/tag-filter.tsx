import { useId } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ListQuery } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';

export type TagFilterProps = {
  /** Tags offered, most used first; empty for a tag's own list (dates only). */
  tagCounts: readonly { name: string; count: number }[];
  selected: readonly string[];
  from: string;
  to: string;
  buildPath: (query: ListQuery) => string;
};

/** Tags shown before "more": enough for a category, short enough for a phone screen. */
const VISIBLE_TAGS = 12;

/** Every choice is written to the URL at once (page back to 1), so a filtered list is a bookmark. */
type DateFieldProps = {
  label: string;
  /** `YYYY-MM-DD` or empty. */
  value: string;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
};

function DateField({ label, value, min, max, onChange }: DateFieldProps) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs text-muted">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(event) => onChange(event.target.value)}
        className="h-9 rounded-md border border-rule bg-paper px-2 text-sm text-ink"
      />
    </div>
  );
}

export function TagFilter({ tagCounts, selected, from, to, buildPath }: TagFilterProps) {
  const { t } = useMessages();
  const navigate = useNavigate();
  const filtered = selected.length > 0 || from !== '' || to !== '';
  // One tag on every post of the list filters nothing; keep the date range only.
  const offerTags = tagCounts.length > 1 || selected.length > 0;

  function apply(query: ListQuery) {
    navigate(buildPath({ tags: selected, from, to, ...query, page: 1 }));
  }

  function toggleTag(tag: string) {
    apply({
      tags: selected.includes(tag) ? selected.filter((name) => name !== tag) : [...selected, tag],
    });
  }

  const visible = tagCounts.filter(
    (tag, position) => position < VISIBLE_TAGS || selected.includes(tag.name),
  );
  const hidden = tagCounts.filter(
    (tag, position) => position >= VISIBLE_TAGS && !selected.includes(tag.name),
  );

  const renderTag = (tag: { name: string; count: number }) => (
    <li key={tag.name}>
      <label className="tag-chip shrink-0">
        <input
          type="checkbox"
          className="peer sr-only"
          checked={selected.includes(tag.name)}
          onChange={() => toggleTag(tag.name)}
        />
        <span className="tag-chip-face">
          {tag.name}
          <span className="tag-chip-count">{tag.count.toLocaleString()}</span>
        </span>
      </label>
    </li>
  );

  return (
    <section aria-label={t.filters} className="rounded-lg border border-rule bg-paper-raised p-4">
      {offerTags ? (
        <fieldset>
          <legend className="mb-2 text-sm font-semibold text-ink">{t.filterByTag}</legend>
          {/* One scrolling row on a phone, so the filters do not push the posts off the first screen. */}
          <ul className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1 sm:flex-wrap sm:overflow-visible">
            {visible.map(renderTag)}
          </ul>
          {hidden.length > 0 ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-muted">
                {t.moreTags(hidden.length)}
              </summary>
              <ul className="mt-2 flex flex-wrap gap-2">{hidden.map(renderTag)}</ul>
            </details>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset className={offerTags ? 'mt-4' : ''}>
        <legend className="mb-2 text-sm font-semibold text-ink">{t.dateRange}</legend>
        <div className="flex flex-wrap items-end gap-3">
          <DateField
            label={t.dateFrom}
            value={from}
            max={to}
            onChange={(value) => apply({ from: value })}
          />
          <DateField
            label={t.dateTo}
            value={to}
            min={from}
            onChange={(value) => apply({ to: value })}
          />
          {filtered ? (
            <Link to={buildPath({})} className="btn-secondary h-9 text-sm">
              {t.clearFilters}
            </Link>
          ) : null}
        </div>
      </fieldset>
    </section>
  );
}
