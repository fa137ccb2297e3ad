import { Fragment } from 'react';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

/** Pagefind excerpts are HTML-escaped text; turn them back into plain text. */
function decodeEntities(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      const known = ENTITIES[name.toLowerCase()];
      if (known !== undefined) return known;
      const code =
        name.startsWith('#x') || name.startsWith('#X')
          ? parseInt(name.slice(2), 16)
          : name.startsWith('#')
            ? parseInt(name.slice(1), 10)
            : NaN;
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : entity;
    });
}

/** Split an excerpt on Pagefind's `<mark>` tags and render text and highlights as React text, never as HTML. */
export function splitExcerpt(excerpt: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/gi;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last)
      parts.push({ text: decodeEntities(excerpt.slice(last, match.index)), marked: false });
    parts.push({ text: decodeEntities(match[1] ?? ''), marked: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length)
    parts.push({ text: decodeEntities(excerpt.slice(last)), marked: false });
  return parts.filter((part) => part.text !== '');
}

export function HighlightedExcerpt({ excerpt }: { excerpt: string }) {
  return (
    <>
      {splitExcerpt(excerpt).map((part, position) =>
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
