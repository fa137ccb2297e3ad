import { Fragment } from 'react';
import { markQuery } from '../../../shared/search-text';

/** Text with every whole match of the query marked, rendered as React text, never as HTML. */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  return (
    <>
      {markQuery(text, query).map((part, position) =>
        part.marked ? (
          <mark key={position} className="bg-highlight text-ink">
            {part.text}
          </mark>
        ) : (
          <Fragment key={position}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
