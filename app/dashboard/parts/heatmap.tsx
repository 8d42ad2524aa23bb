// The review calendar: one cell per study day for the last 26 weeks, as a table (weekdays in
// rows, weeks in columns) so every cell is announced with its date and count, plus a summary.
import type { Heatmap } from "@/lib/progress";
import { formatDayShort } from "@/lib/progress";

const LEVEL_CLASS = [
  "bg-slate-200 dark:bg-slate-700",
  "bg-emerald-200 dark:bg-emerald-900",
  "bg-emerald-400 dark:bg-emerald-700",
  "bg-emerald-600 dark:bg-emerald-500",
  "bg-emerald-800 dark:bg-emerald-300",
] as const;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function ReviewHeatmap({ heatmap }: { heatmap: Heatmap }) {
  return (
    <section aria-labelledby="heatmap-title" className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid="heatmap">
      <h3 id="heatmap-title" className="font-semibold">
        Reviews per day
      </h3>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300" data-testid="heatmap-summary">
        {heatmap.summary}
      </p>
      <div className="mt-3 overflow-x-auto" role="region" aria-label="Review calendar, scrollable" tabIndex={0}>
        <table className="border-separate border-spacing-0.5 text-xs">
          <caption className="sr-only">Reviews per study day, weeks in columns starting {formatDayShort(heatmap.firstDay)}, weekdays in rows</caption>
          <thead>
            <tr>
              <td />
              {heatmap.weeks.map((week, i) => {
                const first = week[0]!.day;
                const showMonth = i === 0 || first.slice(5, 7) !== heatmap.weeks[i - 1]![0]!.day.slice(5, 7);
                return (
                  <th key={first} scope="col" className="h-4 min-w-3 text-left font-normal whitespace-nowrap text-slate-600 dark:text-slate-300">
                    {showMonth ? <span aria-hidden="true">{formatDayShort(first).split(" ")[1]}</span> : null}
                    <span className="sr-only">Week of {formatDayShort(first)}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, d) => (
              <tr key={name}>
                <th scope="row" className="pr-1 text-right font-normal text-slate-600 dark:text-slate-300">
                  {d % 2 === 0 ? name : <span className="sr-only">{name}</span>}
                </th>
                {heatmap.weeks.map((week) => {
                  const cell = week[d]!;
                  return (
                    <td key={cell.day} className="p-0">
                      <span
                        className={`block h-3 w-3 rounded-sm ${cell.future ? "bg-transparent" : LEVEL_CLASS[cell.level]}`}
                        title={cell.label}
                        data-day={cell.day}
                        data-count={cell.count}
                      >
                        <span className="sr-only">{cell.label}</span>
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 flex items-center gap-1 text-xs text-slate-600 dark:text-slate-300" aria-hidden="true">
        Less
        {LEVEL_CLASS.map((c) => (
          <span key={c} className={`inline-block h-3 w-3 rounded-sm ${c}`} />
        ))}
        More
      </p>
    </section>
  );
}
