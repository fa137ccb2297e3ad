/**
 * The pure parts of `docs/benchmarks.md`: Markdown tables, targets checked against figures
 * (reported, never asserted), and the machine line. `scripts/bench.ts` gathers the figures.
 */
import type { Summary } from './stats';

/** A cell: text, with `|` escaped and line breaks folded so the table stays one row per line. */
function toCell(value: string | number): string {
  return String(value).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A GitHub-flavoured Markdown table; short rows are padded with empty cells. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (string | number)[][],
): string {
  const width = headers.length;
  const line = (cells: readonly (string | number)[]) =>
    `| ${Array.from({ length: width }, (_, index) => toCell(cells[index] ?? '')).join(' | ')} |`;
  return [line(headers), `|${' --- |'.repeat(width)}`, ...rows.map(line)].join('\n');
}

export type Comparison = 'below' | 'at-most' | 'at-least';

export type Target = {
  /** What is measured, e.g. "cold prebuild, 100,000 posts, no search: time". */
  name: string;
  /** The figure as shown, e.g. "31.2 s (30.8–33.0, 3 runs)". */
  figure: string;
  /** The measured value compared (the median); null when not measured. */
  value: number | null;
  comparison: Comparison;
  limit: number;
  /** The target as shown, e.g. "< 40 s". */
  shown: string;
};

export type TargetResult = Target & { verdict: 'met' | 'missed' | 'not measured' };

export function checkTarget(target: Target): TargetResult {
  const { value, limit, comparison } = target;
  if (value === null || !Number.isFinite(value)) return { ...target, verdict: 'not measured' };
  const met =
    comparison === 'below'
      ? value < limit
      : comparison === 'at-most'
        ? value <= limit
        : value >= limit;
  return { ...target, verdict: met ? 'met' : 'missed' };
}

export function renderTargets(targets: readonly Target[]): string {
  return renderTable(
    ['figure', 'measured', 'target', ''],
    targets.map((target) => {
      const result = checkTarget(target);
      return [result.name, result.figure, result.shown, result.verdict];
    }),
  );
}

/** The median of a summary, or null when it has no runs (for `Target.value`). */
export function medianOf(summary: Summary | null | undefined): number | null {
  return summary && summary.runs > 0 ? summary.median : null;
}

export type Machine = {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  /** 1-minute load averages when the run started and ended. */
  loadBefore: number;
  loadAfter: number;
  /** Highest 1-minute load average sampled during the run. */
  loadPeak: number;
};

/** Whether others used the machine during the run: a load above half its cores, outside our own work. */
export function wasShared(machine: Machine): boolean {
  return machine.loadBefore > machine.cores / 2 || machine.loadAfter > machine.cores / 2;
}

export function describeMachine(machine: Machine): string {
  const load = `load average ${machine.loadBefore.toFixed(1)} at the start, ${machine.loadAfter.toFixed(1)} at the end, ${machine.loadPeak.toFixed(1)} at the highest`;
  const shared = wasShared(machine)
    ? ` The machine was shared with other work during the run (${load}), so times are inflated and memory is unaffected.`
    : ` (${load}).`;
  return `${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB.toFixed(0)} GiB RAM, ${machine.os}, Node ${machine.node}.${shared}`;
}
