// One exam's readiness: the estimated scaled-score band with the pass mark, what it rests on,
// or — below the minimum of evidence — plainly "too little data" and what would fix it.
import type { Readiness } from "@/lib/progress";

const SCALE_MIN = 100;
const SCALE_MAX = 1000;

function position(score: number): string {
  return `${(100 * (score - SCALE_MIN)) / (SCALE_MAX - SCALE_MIN)}%`;
}

export function ReadinessCard({ readiness }: { readiness: Readiness }) {
  const r = readiness;
  const uncovered = r.domains.filter((d) => !d.covered);
  return (
    <section aria-labelledby={`readiness-${r.exam}`} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid={`readiness-${r.exam}`}>
      <h3 id={`readiness-${r.exam}`} className="font-semibold">
        {r.exam} <span className="font-normal text-slate-600 dark:text-slate-300">— {r.title}</span>
      </h3>
      {r.result.kind === "band" ? (
        <>
          <p className="mt-2 text-2xl font-bold tabular-nums" data-testid="readiness-band">
            {r.result.lowScore}–{r.result.highScore}
            <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">estimated scaled-score range (pass mark {r.passing})</span>
          </p>
          <div className="relative mt-2 h-4 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
            <span className="absolute inset-y-0 rounded bg-amber-400/80" style={{ left: position(r.result.lowScore), width: `calc(${position(r.result.highScore)} - ${position(r.result.lowScore)})` }} />
            <span className="absolute -inset-y-1 w-0.5 bg-slate-900 dark:bg-slate-100" style={{ left: position(r.passing) }} />
          </div>
          <p className="mt-2">{r.result.sentence}</p>
        </>
      ) : (
        <>
          <p className="mt-2 text-lg font-semibold" data-testid="readiness-insufficient">
            Too little data for an estimate yet
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-300">With so few answers any score would be a guess. To get a range:</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {r.result.needs.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        Based on {r.practice.questions} practised {r.practice.questions === 1 ? "question" : "questions"}
        {r.practice.effective > 0 ? ` (worth about ${Math.round(r.practice.effective)} ${Math.round(r.practice.effective) === 1 ? "answer" : "answers"} once weighted by domain)` : ""} and {r.mocks.attempts}{" "}
        {r.mocks.attempts === 1 ? "mock exam" : "mock exams"}
        {r.mocks.scored > 0 ? ` (${r.mocks.correct} of ${r.mocks.scored} scored questions right)` : ""}. Our IAM bank covers domains worth {r.coveredWeight}% of {r.exam}
        {uncovered.length ? `; not covered: ${uncovered.map((d) => `domain ${d.id} (${d.weight}%)`).join(", ")}` : ""}.
      </p>
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">Readiness evidence per domain of {r.exam}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-1 pr-2 font-medium">
              Domain
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">
              Weight
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">
              You answered
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Expected right
            </th>
          </tr>
        </thead>
        <tbody>
          {r.domains.map((d) => (
            <tr key={d.id} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1 pr-2 font-normal">
                {d.id}. {d.title}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">{d.weight}%</td>
              <td className="py-1 pr-2 text-right tabular-nums">{d.covered ? `${d.answered} of ${d.bankQuestions}` : "not in our bank"}</td>
              <td className="py-1 text-right tabular-nums">{d.share === null ? "—" : `${Math.round(d.share * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
