// The result of a finished attempt, and the review of every question with the key, the
// explanations and the evaluator's trace. Reading it finalizes an attempt whose time is up;
// a running attempt sends the learner back to it (no key before the end).
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { PolicyView, RequestView, statementJson } from "@/app/_components/question/policy-view";
import { TraceView } from "@/app/_components/question/trace-view";
import { PageHeader } from "@/app/_components/empty-state";
import { requireUser } from "@/lib/auth/session";
import { getResultView, type ResultView, type ReviewItem } from "../../_lib/data";
import { formatDuration, formatInstant } from "../../_lib/format";
import { attemptUrl } from "../../_lib/mutations";
import { attemptIdParam } from "../../_lib/schema";

export const metadata: Metadata = { title: "Exam result" };

const FILTERS = [
  { id: "all", label: "All", test: () => true },
  { id: "wrong", label: "Wrong", test: (i: ReviewItem) => i.answered && i.correct === false },
  { id: "unanswered", label: "Unanswered", test: (i: ReviewItem) => !i.answered },
  { id: "flagged", label: "Flagged", test: (i: ReviewItem) => i.flagged },
  { id: "guessed", label: "Guessed", test: (i: ReviewItem) => i.confidence === "guess" },
] as const;
type FilterId = (typeof FILTERS)[number]["id"];

export default async function ResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ attemptId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { attemptId } = await params;
  const user = await requireUser(`/attempts/${encodeURIComponent(attemptId)}/result`);
  if (!attemptIdParam.safeParse(attemptId).success) notFound();
  const read = await getResultView(user.id, attemptId, new Date());
  if (!read) notFound();
  if (read.kind === "running") redirect(attemptUrl(attemptId));
  const view = read.view;
  const raw = (await searchParams).show;
  const filter: FilterId = FILTERS.some((f) => f.id === raw) ? (raw as FilterId) : "all";
  const active = FILTERS.find((f) => f.id === filter)!;
  const shown = view.items.filter(active.test);
  const base = `/attempts/${view.attemptId}/result`;

  return (
    // Code wraps instead of scrolling sideways, so no scroll region is out of a keyboard's reach.
    <div className="space-y-8 [&_pre]:[overflow-wrap:anywhere] [&_pre]:whitespace-pre-wrap">
      <PageHeader title={`${view.examId} ${view.formLabel.toLowerCase()}: result`}>
        {view.examTitle}. Started {formatInstant(view.startedAt, view.timeZone)}.
      </PageHeader>
      <ScoreSummary view={view} />
      <DomainBars view={view} />
      <TimeAndAnswers view={view} />
      <MissedTraps view={view} />

      <section aria-labelledby="review-title" className="space-y-4">
        <h2 id="review-title" className="text-xl font-bold">
          Review every question
        </h2>
        <nav aria-label="Filter questions">
          <ul className="flex flex-wrap gap-2">
            {FILTERS.map((f) => {
              const count = view.items.filter(f.test).length;
              return (
                <li key={f.id}>
                  <Link
                    href={f.id === "all" ? base : `${base}?show=${f.id}`}
                    aria-current={f.id === filter ? "page" : undefined}
                    className={`inline-block rounded-full border px-3 py-1 text-sm font-medium ${
                      f.id === filter
                        ? "border-amber-500 bg-amber-100 text-amber-950 dark:bg-amber-900/40 dark:text-amber-50"
                        : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                    }`}
                  >
                    {f.label} ({count})
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        {shown.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-600 dark:border-slate-600 dark:text-slate-300">
            No question is {active.label.toLowerCase()} in this attempt.
          </p>
        ) : (
          <ol className="space-y-6">
            {shown.map((item) => (
              <li key={item.position}>
                <ReviewQuestion item={item} showUnscored={view.plan.unscoredMarked} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <p>
        <Link href="/exams" className="font-medium text-amber-800 underline dark:text-amber-300">
          Back to mock exams and your history
        </Link>
      </p>
    </div>
  );
}

function ScoreSummary({ view }: { view: ResultView }) {
  const score = view.score;
  return (
    <section aria-labelledby="score-title" className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
      <div
        className={`rounded-xl border-2 p-5 ${
          score?.passed ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/30" : "border-red-400 bg-red-50 dark:bg-red-950/30"
        }`}
      >
        <h2 id="score-title" className="text-sm font-semibold uppercase tracking-wide text-slate-700 dark:text-slate-200">
          Estimated scaled score
        </h2>
        {score ? (
          <>
            <p className="mt-1 text-5xl font-bold tabular-nums" data-testid="scaled-score">
              {score.scaledScore}
              <span className="text-lg font-normal text-slate-600 dark:text-slate-300"> / 1000</span>
            </p>
            <p className="mt-2 text-lg font-semibold" data-testid="verdict">
              {score.passed ? "Pass" : "Fail"} <span className="font-normal">— {score.passingScore} is needed to pass</span>
            </p>
            <p className="mt-1 text-sm">
              {score.rawCorrect} of {score.scoredCount} scored questions right ({Math.round(score.rawPercent)}%).
              {view.plan.unscoredMarked ? ` ${view.total - score.scoredCount} questions were unscored, as on the real exam, and do not count.` : ""}
            </p>
          </>
        ) : (
          <p className="mt-2">No question of this attempt could be scored: its questions are no longer in the bank.</p>
        )}
        <p className="mt-3 text-sm">
          {view.status === "expired"
            ? `Time ran out: the exam was submitted automatically at ${formatInstant(view.submittedAt, view.timeZone)}.`
            : `You submitted the exam at ${formatInstant(view.submittedAt, view.timeZone)}.`}
        </p>
      </div>
      <aside aria-labelledby="method-title" className="rounded-xl border border-slate-200 p-5 text-sm dark:border-slate-700">
        <h2 id="method-title" className="font-semibold">
          This score is an estimate: how it is worked out
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300" data-testid="score-method">
          {view.method}
        </p>
      </aside>
    </section>
  );
}

function DomainBars({ view }: { view: ResultView }) {
  if (view.domains.length === 0) return null;
  return (
    <section aria-labelledby="domains-title">
      <h2 id="domains-title" className="text-xl font-bold">
        By domain
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">Share of scored questions right in each domain of the exam guide.</p>
      <ul className="mt-3 space-y-3">
        {view.domains.map((d) => (
          <li key={d.domain} data-testid="domain-bar">
            <div className="flex flex-wrap justify-between gap-2 text-sm">
              <span className="font-medium">
                Domain {d.domain}: {d.title}
              </span>
              <span className="tabular-nums">
                {d.correct} of {d.total} right ({d.percent}%)
              </span>
            </div>
            <div aria-hidden="true" className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
              <div
                className={`h-full rounded-full ${d.percent >= 72 ? "bg-emerald-600 dark:bg-emerald-500" : "bg-amber-500"}`}
                style={{ width: `${Math.max(d.percent, 1)}%` }}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function TimeAndAnswers({ view }: { view: ResultView }) {
  const rows = [
    { label: "Time used", value: `${formatDuration(view.timeUsedMs)} of ${formatDuration(view.timeAllowedMs)}` },
    { label: "Time per question", value: `${formatDuration(view.msPerQuestion)} on average (the real exam allows 2 min)` },
    { label: "Answered", value: `${view.answered} of ${view.total}` },
    { label: "Flagged for review", value: String(view.flagged) },
    { label: "Changed answers", value: view.changesText },
  ];
  return (
    <section aria-labelledby="time-title">
      <h2 id="time-title" className="text-xl font-bold">
        Time and answers
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        {rows.map((r) => (
          <div key={r.label} className="contents">
            <dt className="font-medium">{r.label}</dt>
            <dd className="text-slate-700 dark:text-slate-300">{r.value}</dd>
          </div>
        ))}
      </dl>
      {view.plan.shortfalls.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">What the question bank could not fill for this exam</summary>
          <ul className="mt-2 list-disc pl-6">
            {view.plan.shortfalls.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="mt-3 text-sm">
        {view.rated > 0
          ? `Your ${view.rated} answered ${view.rated === 1 ? "question was" : "questions were"} added to your spaced-repetition schedule: the ones you missed come back soon, in `
          : "Unanswered questions are not scheduled for review. "}
        {view.rated > 0 ? (
          <Link href="/practice/session?mode=due" className="font-medium text-amber-800 underline dark:text-amber-300">
            practice due questions
          </Link>
        ) : null}
        {view.rated > 0 ? "." : ""}{" "}
        <Link href={`/practice/session?wrong=attempt:${encodeURIComponent(view.attemptId)}`} className="font-medium text-amber-800 underline dark:text-amber-300">
          Retake only what I got wrong
        </Link>
      </p>
    </section>
  );
}

function MissedTraps({ view }: { view: ResultView }) {
  if (view.missedTraps.length === 0) return null;
  return (
    <section aria-labelledby="traps-title">
      <h2 id="traps-title" className="text-xl font-bold">
        Traps that caught you
      </h2>
      <ul className="mt-3 space-y-2">
        {view.missedTraps.map((t) => (
          <li key={t.id} className="flex flex-wrap items-baseline gap-x-3">
            <span className="font-medium">{t.title}</span>
            <span className="text-sm text-slate-600 dark:text-slate-300">
              missed {t.missed} {t.missed === 1 ? "time" : "times"}
            </span>
            <Link href={`/practice/session?trap=${encodeURIComponent(t.id)}`} className="text-sm font-medium text-amber-800 underline dark:text-amber-300">
              Drill this trap<span className="sr-only">: {t.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Chip({ children, tone = "slate" }: { children: ReactNode; tone?: "slate" | "green" | "red" | "amber" }) {
  const tones = {
    slate: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
    green: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-50",
    red: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-50",
    amber: "bg-amber-200 text-amber-950",
  } as const;
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>;
}

const CONFIDENCE_WORD = { sure: "Marked sure", unsure: "Marked unsure", guess: "Marked guess" } as const;

function ReviewQuestion({ item, showUnscored }: { item: ReviewItem; showUnscored: boolean }) {
  const headingId = `review-q-${item.position}`;
  const q = item.question;
  const review = item.review;
  const key = new Set(review?.key ?? []);
  const chosen = new Set(item.selected);
  const decided = q?.mode === "decision" ? review?.evaluations[0]?.policy : undefined;
  const decidingStep = review?.evaluations[0]?.trace.find((s) => s.stage === "decision" || (s.policy === decided && s.statement !== undefined));
  const decidedFixture = decided ? q?.policies.find((p) => p.name === decided) : undefined;
  const outcome = !item.answered ? "Unanswered" : item.correct ? "Correct" : item.correct === false ? "Wrong" : "Not graded";

  return (
    <article aria-labelledby={headingId} data-testid="review-item" data-position={item.position} className="rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-700">
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          Question {item.position + 1}
        </h3>
        <Chip tone={item.correct ? "green" : "red"}>{outcome}</Chip>
        {item.flagged ? <Chip tone="amber">Flagged</Chip> : null}
        {item.confidence ? <Chip>{CONFIDENCE_WORD[item.confidence]}</Chip> : null}
        {showUnscored && !item.scored ? <Chip>Unscored: did not count</Chip> : null}
        <Chip>Domain {item.domain}: {item.domainTitle}</Chip>
        {item.timeMs >= 1000 ? <Chip>{formatDuration(item.timeMs)} on it</Chip> : null}
      </header>
      {!q ? (
        <p>This question is no longer in the bank.</p>
      ) : (
        <>
          {/* Fixtures sit outside .content-html, whose tinted <pre> background would dim their highlighting. */}
          <div>
            {q.stem.map((s, i) =>
              s.kind === "html" ? (
                <div key={i} className="content-html my-3" dangerouslySetInnerHTML={{ __html: s.html }} />
              ) : s.kind === "policy" ? (
                <PolicyView key={i} fixture={s.fixture} decided={decided === s.fixture.name} open={false} />
              ) : (
                <RequestView key={i} fixture={s.fixture} />
              ),
            )}
          </div>
          <h4 className="mt-4 font-semibold">Options</h4>
          <ul className="mt-2 space-y-2">
            {q.options.map((o) => {
              const isKey = key.has(o.id);
              const mine = chosen.has(o.id);
              return (
                <li
                  key={o.id}
                  className={`rounded-lg border p-3 ${
                    isKey ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/30" : mine ? "border-red-500 bg-red-50 dark:bg-red-950/30" : "border-slate-300 dark:border-slate-600"
                  }`}
                >
                  <p>
                    <span className="font-semibold">{o.id}.</span> <span dangerouslySetInnerHTML={{ __html: o.html }} />
                  </p>
                  <p className="mt-1 text-sm font-medium">
                    {isKey && mine ? "✓ Correct, your answer" : isKey ? "✓ Correct answer" : mine ? "✗ Your answer, not correct" : ""}
                  </p>
                  {review?.optionExplanations[o.id] ? (
                    <div className="content-html mt-1 text-sm text-slate-700 dark:text-slate-300" dangerouslySetInnerHTML={{ __html: review.optionExplanations[o.id]! }} />
                  ) : null}
                </li>
              );
            })}
          </ul>
          {item.changed ? (
            <p className="mt-2 text-sm">
              You first answered {item.firstSelected.join(" and ")}, then changed to {item.selected.join(" and ")}.
            </p>
          ) : null}
          {review ? (
            <>
              <section aria-label="Explanation" className="mt-4">
                <h4 className="font-semibold">Why</h4>
                <div className="content-html" dangerouslySetInnerHTML={{ __html: review.explanationHtml }} />
              </section>
              {review.evaluations.length > 0 ? (
                <section
                  aria-label="Evaluation trace"
                  // TraceView draws stages the evaluation never reached in slate-400, below WCAG AA
                  // contrast on white; darker here until the shared component changes.
                  className="mt-4 [&_[data-status=none]>span]:text-slate-600 dark:[&_[data-status=none]>span]:text-slate-300"
                  data-testid="evaluation-trace"
                >
                  <h4 className="font-semibold">What the evaluator did</h4>
                  {decidedFixture && decidingStep?.statement !== undefined ? (
                    <div className="mt-2 rounded-lg border border-amber-400 p-3 text-sm">
                      Deciding statement: <code>{decidedFixture.name}</code> statement {decidingStep.statement + 1}
                      {decidingStep.sid ? ` (Sid ${decidingStep.sid})` : ""}
                      <pre className="code-block mt-2">{statementJson(decidedFixture.document, decidingStep.statement)}</pre>
                    </div>
                  ) : null}
                  {review.evaluations.map((e) => (
                    <TraceView key={e.request} evaluation={e} />
                  ))}
                </section>
              ) : (
                <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">A conceptual question: graded against the author&apos;s key, with no scenario to run.</p>
              )}
              {item.traps.length > 0 ? (
                <section aria-label="Traps tested" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950/30">
                  <h4 className="font-semibold">Trap{item.traps.length > 1 ? "s" : ""} tested</h4>
                  <ul className="mt-1 space-y-1 text-sm">
                    {item.traps.map((t) => (
                      <li key={t.id}>
                        <span className="font-medium">{t.title}.</span> {t.rule}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {review.docs.length > 0 ? (
                <section aria-label="AWS documentation" className="mt-4">
                  <h4 className="font-semibold">Read more in the AWS documentation</h4>
                  <ul className="list-disc pl-6 text-sm">
                    {review.docs.map((d) => (
                      <li key={d.url}>
                        <a className="text-amber-800 underline dark:text-amber-300" href={d.url} target="_blank" rel="noreferrer">
                          {d.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {q.mode !== "keyed" ? (
                <p className="mt-3 text-sm">
                  <Link href={`/lab?question=${encodeURIComponent(item.questionId)}&variant=${encodeURIComponent(item.variant)}`} className="font-medium underline">
                    Open this scenario in the lab<span className="sr-only"> (question {item.position + 1})</span>
                  </Link>
                </p>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </article>
  );
}
