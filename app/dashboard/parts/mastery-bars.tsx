// Mastery by exam domain and task statement as stacked bars (mastered, learning, weak, not yet
// tested), each with its numbers in words beside it; the bars themselves are decoration.
import { type DomainMastery, type ExamMastery, type LevelCounts, MASTERY_LABELS, MASTERY_LEVELS, type MasteryGroup } from "@/lib/progress";

const LEVEL_CLASS: Readonly<Record<keyof LevelCounts, string>> = {
  mastered: "bg-emerald-600",
  learning: "bg-amber-400",
  weak: "bg-red-500",
  untested: "bg-slate-300 dark:bg-slate-600",
};

function Bar({ group }: { group: MasteryGroup }) {
  if (group.total === 0) return <div className="h-3 w-full rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true" />;
  return (
    <div className="flex h-3 w-full overflow-hidden rounded" aria-hidden="true">
      {MASTERY_LEVELS.map((l) =>
        group.counts[l] ? <span key={l} className={LEVEL_CLASS[l]} style={{ width: `${(100 * group.counts[l]) / group.total}%` }} /> : null,
      )}
    </div>
  );
}

function words(group: MasteryGroup): string {
  if (group.total === 0) return "No questions in our bank for this one.";
  return MASTERY_LEVELS.filter((l) => group.counts[l] > 0)
    .map((l) => `${group.counts[l]} ${MASTERY_LABELS[l].toLowerCase()}`)
    .join(" · ")
    .concat(` (of ${group.total})`);
}

function DomainBlock({ domain }: { domain: DomainMastery }) {
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="font-medium">
          {domain.label}: {domain.title} <span className="text-sm font-normal text-slate-600 dark:text-slate-300">({domain.weight}% of the exam)</span>
        </span>
        <span className="text-sm text-slate-600 dark:text-slate-300">{words(domain)}</span>
      </div>
      <Bar group={domain} />
      <ul className="mt-2 space-y-1 pl-4">
        {domain.tasks.map((t) => (
          <li key={t.id} className="text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <span>
                {t.label} {t.title}
              </span>
              <span className="text-xs text-slate-600 dark:text-slate-300">{words(t)}</span>
            </div>
            <Bar group={t} />
          </li>
        ))}
      </ul>
    </li>
  );
}

export function MasteryBars({ mastery }: { mastery: readonly ExamMastery[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {mastery.map((m) => (
        <section key={m.exam} aria-labelledby={`mastery-${m.exam}`} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid={`mastery-${m.exam}`}>
          <h3 id={`mastery-${m.exam}`} className="font-semibold">
            {m.exam}
          </h3>
          <ul className="divide-y divide-slate-200 dark:divide-slate-700">
            {m.domains.map((d) => (
              <DomainBlock key={d.id} domain={d} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function MasteryLegend() {
  return (
    <p className="mb-3 flex flex-wrap gap-3 text-sm text-slate-600 dark:text-slate-300" aria-hidden="true">
      {MASTERY_LEVELS.map((l) => (
        <span key={l} className="inline-flex items-center gap-1">
          <span className={`inline-block h-3 w-3 rounded-sm ${LEVEL_CLASS[l]}`} /> {MASTERY_LABELS[l]}
        </span>
      ))}
    </p>
  );
}
