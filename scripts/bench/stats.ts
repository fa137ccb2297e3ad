/**
 * The summary every benchmark figure is given as: the median of its runs with the lowest and
 * highest, and how many runs there were. Pure, so the unit tests pin it down.
 */

export type Summary = { median: number; min: number; max: number; runs: number };

/** Median (the mean of the two middle values for an even count), min and max of `values`. */
export function summarize(values: readonly number[]): Summary {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0 };
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? Number.NaN)
      : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  return {
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    runs: sorted.length,
  };
}

/** Summaries of each numeric field of a list of like records (`runs` of the same measurement). */
export function summarizeFields<K extends string>(
  records: readonly Record<K, number>[],
  fields: readonly K[],
): Record<K, Summary> {
  const result = {} as Record<K, Summary>;
  for (const field of fields) result[field] = summarize(records.map((record) => record[field]));
  return result;
}

/** `12.3 s (11.9–13.0, 3 runs)`: a summary with its unit, `digits` decimals. */
export function formatSummary(
  summary: Summary | null | undefined,
  unit: string,
  digits = 1,
): string {
  if (!summary || summary.runs === 0) return 'n/a';
  const value = (n: number) => n.toFixed(digits);
  const spread =
    summary.runs === 1
      ? '1 run'
      : `${value(summary.min)}–${value(summary.max)}, ${summary.runs} runs`;
  return `${value(summary.median)}${unit ? ` ${unit}` : ''} (${spread})`;
}
