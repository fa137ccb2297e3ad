import { Fragment, useMemo } from 'react';

/** Closing punctuation and the like: never the first thing on a line. */
const NO_BREAK_BEFORE = /^[\p{Pe}\p{Pf}\p{Po}]/u;
/** Opening punctuation: never the last thing on a line. */
const NO_BREAK_AFTER = /[\p{Ps}\p{Pi}]$/u;

let segmenter: Intl.Segmenter | null | undefined;

function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined)
    segmenter =
      typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter('zh', { granularity: 'word' })
        : null;
  return segmenter;
}

/**
 * A headline cut into the runs a line may break between: Chinese words found by the browser's own
 * dictionary segmenter (`Intl.Segmenter`), punctuation kept on the word before it. Without a
 * segmenter the headline is one run and the browser's rules apply.
 */
export function splitHeadline(text: string): string[] {
  const words = getSegmenter();
  if (!words) return [text];
  const runs: string[] = [];
  for (const { segment } of words.segment(text)) {
    const last = runs.length - 1;
    if (
      last >= 0 &&
      (NO_BREAK_BEFORE.test(segment) || NO_BREAK_AFTER.test(runs[last]!) || /^\s/.test(segment))
    )
      runs[last] += segment;
    else runs.push(segment);
  }
  return runs;
}

export type HeadlineTextProps = { text: string };

/**
 * Headline text that wraps only between words: the runs are joined by `<wbr>` and the class
 * `headline-text` keeps the browser from breaking inside them (a run longer than the line still
 * breaks, rather than overflowing).
 */
export function HeadlineText({ text }: HeadlineTextProps) {
  const runs = useMemo(() => splitHeadline(text), [text]);
  return (
    <span className="headline-text">
      {runs.map((run, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {run}
        </Fragment>
      ))}
    </span>
  );
}
