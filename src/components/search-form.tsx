import { useId } from 'react';
import { Form } from 'react-router-dom';
import { paths } from '../shared/paths';
import { useMessages } from '../lib/i18n';

export type SearchFormProps = {
  defaultValue?: string;
  /** Compact variant for the site header. */
  compact?: boolean;
};

/** A GET form to the search view, so it also works as a plain link target and keeps the query in the URL. */
export function SearchForm({ defaultValue = '', compact = false }: SearchFormProps) {
  const { t } = useMessages();
  const id = useId();
  return (
    <Form
      role="search"
      method="get"
      action={paths.search()}
      className="flex w-full items-stretch gap-2"
    >
      <label htmlFor={id} className="sr-only">
        {t.searchLabel}
      </label>
      <input
        id={id}
        key={defaultValue}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder={t.searchLabel}
        className={`min-w-0 flex-1 rounded-md border border-rule bg-paper px-3 text-ink placeholder:text-muted ${compact ? 'h-9 text-sm' : 'h-11'}`}
      />
      <button type="submit" className={`btn-primary ${compact ? 'h-9 px-3 text-sm' : 'h-11'}`}>
        {t.searchButton}
      </button>
    </Form>
  );
}
