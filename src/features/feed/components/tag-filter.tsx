import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ListQuery } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';
import { ScrollRow } from '../../../components/ui/scroll-row';

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

/**
 * Every choice is written to the URL (page back to 1), so a filtered list is a bookmark: a tag at
 * once, dates when applied (see `DateRange`).
 */
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

type DateRangeProps = {
  from: string;
  to: string;
  filtered: boolean;
  clearPath: string;
  onApply: (range: { from: string; to: string }) => void;
};

/**
 * The dates are a draft until applied (the button, or Enter in a field): a date field reports a
 * "complete" date on every keystroke of the year (0002, 0020, 0202, 2022), so applying on change
 * would navigate four times and land on year 2. One applied range is one history entry.
 */
function DateRange({ from, to, filtered, clearPath, onApply }: DateRangeProps) {
  const { t } = useMessages();
  const [draft, setDraft] = useState({ from, to });
  const changed = draft.from !== from || draft.to !== to;
  const backwards = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (changed && !backwards) onApply(draft);
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <DateField
        label={t.dateFrom}
        value={draft.from}
        max={draft.to}
        onChange={(value) => setDraft((current) => ({ ...current, from: value }))}
      />
      <DateField
        label={t.dateTo}
        value={draft.to}
        min={draft.from}
        onChange={(value) => setDraft((current) => ({ ...current, to: value }))}
      />
      <button type="submit" className="btn-primary h-9 text-sm" disabled={!changed || backwards}>
        {t.applyDates}
      </button>
      {filtered ? (
        <Link to={clearPath} className="btn-secondary h-9 text-sm">
          {t.clearFilters}
        </Link>
      ) : null}
    </form>
  );
}

type JumpToDateProps = {
  /** The day shown when the list is at one day already. */
  day: string;
  onJump: (day: string) => void;
};

/**
 * Straight to one day, in one step: the list at that day (its tags kept), as `?from=D&to=D`, a
 * bookmark like any filter. Apart from the range, which needs two dates and its fold opened. The
 * field is a draft until the button or Enter, for the reason `DateRange` gives.
 */
function JumpToDate({ day, onJump }: JumpToDateProps) {
  const { t } = useMessages();
  const id = useId();
  const [draft, setDraft] = useState(day);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(draft)) onJump(draft);
  }
  return (
    <form onSubmit={submit} aria-label={t.jumpToDate} className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-ink max-sm:sr-only">
        {t.jumpToDate}
      </label>
      <input
        id={id}
        type="date"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        className="h-8 w-36 rounded-md border border-rule bg-paper px-1.5 text-sm text-ink"
      />
      <button type="submit" className="btn-secondary h-8 text-sm" disabled={draft === ''}>
        {t.jumpGo}
      </button>
    </form>
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
      <label className="tag-chip">
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
    <section
      aria-label={t.filters}
      className="rounded-lg border border-rule bg-paper-raised px-3 py-2.5 sm:p-4"
    >
      {offerTags ? (
        <fieldset className="min-w-0">
          <legend className="mb-1.5 text-sm font-semibold text-ink max-sm:sr-only">
            {t.filterByTag}
          </legend>
          {/* One scrolling row on a phone, so the filters do not push the posts off the first screen. */}
          <div className="scroll-row-raised">
            <ScrollRow className="gap-2 px-0.5 py-0.5 sm:flex-wrap sm:overflow-visible">
              {visible.map(renderTag)}
            </ScrollRow>
          </div>
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
      <div
        className={`flex flex-wrap-reverse items-start justify-between gap-x-3 gap-y-2 ${offerTags ? 'mt-2 sm:mt-3' : ''}`}
      >
        {/* Folded until used, so a phone's first screen keeps its headlines; open while a range is set. */}
        <details
          className="date-range min-w-0 flex-1 self-center"
          open={from !== '' || to !== '' || undefined}
        >
          <summary className="cursor-pointer text-sm font-semibold text-ink">
            {t.dateRange}
            {from || to ? (
              <span className="ml-2 font-normal text-muted">{`${from || '…'} – ${to || '…'}`}</span>
            ) : null}
          </summary>
          <fieldset className="mt-2 min-w-0">
            <legend className="sr-only">{t.dateRange}</legend>
            {/* A new range in the URL (back, a link) starts a new draft. */}
            <DateRange
              key={`${from}|${to}`}
              from={from}
              to={to}
              filtered={filtered}
              clearPath={buildPath({})}
              onApply={apply}
            />
          </fieldset>
        </details>
        <JumpToDate
          key={from === to ? from : ''}
          day={from === to ? from : ''}
          onJump={(day) => apply({ from: day, to: day })}
        />
      </div>
    </section>
  );
}
