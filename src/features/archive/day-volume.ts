import { addDays, countDaysBetween } from '../../shared/dates';
import type { DayCounts } from '../../shared/schema';

/** One month of the archive by date: its days with their post counts, oldest day first. */
export type MonthVolume = {
  /** `YYYY-MM`. */
  month: string;
  days: { day: string; count: number }[];
  total: number;
};

/**
 * The manifest's day counts as whole months (days before the first post or after the newest
 * count 0, so every month draws at one scale), newest month first, as a reader looks back.
 */
export function groupDaysByMonth(days: DayCounts): MonthVolume[] {
  const months: MonthVolume[] = [];
  if (days.counts.length === 0) return months;
  const lead = Number(days.first.slice(8, 10)) - 1;
  const start = addDays(days.first, -lead);
  const lastDay = addDays(days.first, days.counts.length - 1);
  const end = addDays(`${addDays(`${lastDay.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);
  const total = countDaysBetween(start, end) + 1;
  for (let index = 0; index < total; index++) {
    const day = addDays(start, index);
    const count = days.counts[index - lead] ?? 0;
    const month = day.slice(0, 7);
    let last = months.at(-1);
    if (!last || last.month !== month) {
      last = { month, days: [], total: 0 };
      months.push(last);
    }
    last.days.push({ day, count });
    last.total += count;
  }
  return months.reverse();
}
