import { useMemo, type MouseEvent } from 'react';
import { Link, useHref, useNavigate } from 'react-router-dom';
import type { Manifest } from '../../../shared/schema';
import { paths } from '../../../shared/paths';
import { useMessages } from '../../../lib/i18n';
import { groupDaysByMonth, type MonthVolume } from '../day-volume';

const BAR_WIDTH = 10;
const BAR_GAP = 2;
const CHART_HEIGHT = 64;

type MonthChartProps = { volume: MonthVolume; max: number };

/**
 * One month as bars, one a day, drawn by hand (a few dozen rects need no charting library). Each
 * bar is a link to that day's posts; the table below says the same in words.
 */
function MonthChart({ volume, max }: MonthChartProps) {
  const { t } = useMessages();
  const navigate = useNavigate();
  const base = useHref('/').replace(/\/$/, '');
  // Every month is drawn 31 days wide, so the bars of all months share one scale.
  const width = 31 * (BAR_WIDTH + BAR_GAP);
  const open = (event: MouseEvent, day: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(paths.day(day));
  };
  return (
    <svg
      viewBox={`0 0 ${width} ${CHART_HEIGHT + 14}`}
      className="archive-chart"
      role="group"
      aria-label={t.archiveMonthChart(volume.month)}
    >
      {volume.days.map(({ day, count }, index) => {
        // A square-root scale: one busy day does not flatten every other into a line.
        const height =
          count === 0 ? 0 : Math.max(2, Math.round(Math.sqrt(count / max) * CHART_HEIGHT));
        const x = index * (BAR_WIDTH + BAR_GAP);
        const label = t.archiveDayCount(day, count);
        return (
          <a
            key={day}
            href={`${base}${paths.day(day)}`}
            aria-label={label}
            onClick={(event) => open(event, day)}
            className="archive-bar"
          >
            <title>{label}</title>
            {/* The whole column is the target, so a quiet day is as easy to hit as a busy one. */}
            <rect x={x} y={0} width={BAR_WIDTH} height={CHART_HEIGHT} className="archive-bar-hit" />
            <rect x={x} y={CHART_HEIGHT - height} width={BAR_WIDTH} height={height} rx={1} />
            {Number(day.slice(8)) % 5 === 1 ? (
              <text x={x + BAR_WIDTH / 2} y={CHART_HEIGHT + 12} textAnchor="middle">
                {Number(day.slice(8))}
              </text>
            ) : null}
          </a>
        );
      })}
    </svg>
  );
}

export type ArchiveViewProps = { manifest: Manifest };

/** Posts per day (Beijing time), month by month: bars, the same as a table, and a summary by category. */
export function ArchiveView({ manifest }: ArchiveViewProps) {
  const { t, lang } = useMessages();
  const months = useMemo(() => groupDaysByMonth(manifest.days), [manifest.days]);
  const max = Math.max(1, ...manifest.days.counts);
  const number = (n: number) => n.toLocaleString(lang);
  return (
    <div>
      <header className="mb-4 border-b-2 border-ink pb-2 sm:mb-6 sm:pb-4">
        <h1 className="font-serif text-2xl font-bold text-ink sm:text-4xl">{t.archive}</h1>
        <p className="mt-1 text-sm text-muted">{t.archiveIntro(manifest.posts)}</p>
      </header>
      {months.length === 0 ? <p className="py-10 text-muted">{t.noPosts}</p> : null}
      <div className="grid gap-x-10 gap-y-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          {months.map((volume) => (
            <section key={volume.month} aria-labelledby={`archive-${volume.month}`}>
              <div className="section-head">
                <h2 id={`archive-${volume.month}`}>{t.monthName(volume.month)}</h2>
                <Link
                  to={paths.all({
                    from: volume.days[0]!.day,
                    to: volume.days.at(-1)!.day,
                  })}
                  className="link-accent text-sm"
                >
                  {t.postCount(volume.total)}
                </Link>
              </div>
              <MonthChart volume={volume} max={max} />
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-muted">{t.archiveAsTable}</summary>
                <table className="archive-table">
                  <caption className="sr-only">{t.archiveMonthChart(volume.month)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.archiveDay}</th>
                      <th scope="col">{t.archivePosts}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {volume.days.map(({ day, count }) => (
                      <tr key={day}>
                        <th scope="row">
                          {count > 0 ? <Link to={paths.day(day)}>{day}</Link> : day}
                        </th>
                        <td>{number(count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </section>
          ))}
        </div>
        <section aria-labelledby="archive-categories" className="min-w-0">
          <div className="section-head">
            <h2 id="archive-categories">{t.archiveByCategory}</h2>
          </div>
          <table className="archive-table w-full">
            <thead>
              <tr>
                <th scope="col">{t.categories}</th>
                <th scope="col">{t.archivePosts}</th>
              </tr>
            </thead>
            <tbody>
              {manifest.categories.map((category) => (
                <tr key={category.slug}>
                  <th scope="row">
                    <Link to={paths.category(category.slug)}>{category.name}</Link>
                  </th>
                  <td>{number(category.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
