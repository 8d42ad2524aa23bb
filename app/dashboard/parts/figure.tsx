// A chart with its text alternative: a caption, a one-sentence summary everyone sees, the
// drawing hidden from assistive technology, and the same numbers as a visually hidden table.
import type { ReactNode } from "react";

export function ChartFigure({
  id,
  title,
  summary,
  chart,
  table,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  chart: ReactNode;
  table: { caption: string; columns: readonly string[]; rows: ReadonlyArray<ReadonlyArray<string | number>> };
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid={`chart-${id}`}>
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300" data-testid={`chart-${id}-summary`}>
        {summary}
      </p>
      <div aria-hidden="true" className="mt-3 text-slate-700 dark:text-slate-200">
        {chart}
      </div>
      <table className="sr-only">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The honest empty state of one chart: what is missing and what makes it appear. */
export function ChartEmpty({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-dashed border-slate-300 p-4 dark:border-slate-600" data-testid={`chart-${id}-empty`}>
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{children}</p>
    </section>
  );
}
