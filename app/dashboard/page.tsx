import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { SCALED_SCORE_METHOD } from "@/lib/exam";
import { formatDayLong, formatDayShort, MIN_ANSWERS_FOR_VERDICT, PACE_DAYS, READINESS_METHOD } from "@/lib/progress";
import { EmptyState, PageHeader } from "../_components/empty-state";
import { CalibrationChart } from "./charts/calibration-chart";
import { ForecastChart } from "./charts/forecast-chart";
import { RetentionChart } from "./charts/retention-chart";
import { StatesChart } from "./charts/states-chart";
import { loadDashboard, type DashboardData } from "./data";
import { ChartEmpty, ChartFigure } from "./parts/figure";
import { ReviewHeatmap } from "./parts/heatmap";
import { MasteryBars, MasteryLegend } from "./parts/mastery-bars";
import { ReadinessCard } from "./parts/readiness-card";

export const metadata: Metadata = { title: "Dashboard" };

const link = "font-medium text-amber-800 underline dark:text-amber-300";
const pct = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => (Math.round(x * 10) / 10).toLocaleString("en-GB");

function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {intro ? <p className="mt-1 mb-4 max-w-prose text-slate-600 dark:text-slate-300">{intro}</p> : <div className="mb-4" />}
      {children}
    </section>
  );
}

function Today({ d }: { d: DashboardData }) {
  const t = d.todayStats;
  const stats = [
    { id: "due", label: "Due now", value: String(t.dueNow), note: `${t.dueCards} cards · ${t.dueQuestions} questions` },
    { id: "new", label: "New available", value: String(t.newCardsToday + t.unseenQuestions), note: `${t.newCardsToday} cards today (daily limit) · ${t.unseenQuestions} questions never answered` },
    { id: "done", label: "Done today", value: String(t.doneToday), note: `reviews and answers since your day began (${d.timeZone}, ${d.rolloverHour}:00)` },
    {
      id: "streak",
      label: "Streak",
      value: `${t.streak.atLeast ? "≥ " : ""}${t.streak.current} ${t.streak.current === 1 ? "day" : "days"}`,
      note: t.streak.current === 0 ? "study today to start one" : t.streak.todayDone ? "today counts already" : "study today to keep it",
    },
  ];
  return (
    <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {stats.map((s) => (
        <div key={s.id} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
          <dt className="text-sm text-slate-600 dark:text-slate-300">{s.label}</dt>
          <dd className="mt-1 text-3xl font-bold tabular-nums" data-testid={`today-${s.id}`}>
            {s.value}
          </dd>
          <dd className="mt-1 text-xs text-slate-600 dark:text-slate-300">{s.note}</dd>
        </div>
      ))}
    </dl>
  );
}

function Memory({ d }: { d: DashboardData }) {
  const r = d.retention;
  const desired = Math.round(r.desired * 100);
  const forecast = d.forecast;
  const totalItems = d.states.reduce((s, x) => s + x.cards + x.questions, 0);
  const started = d.states.slice(1).reduce((s, x) => s + x.cards + x.questions, 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {r.overall.reviews > 0 ? (
        <ChartFigure
          id="retention"
          title="Measured retention per week"
          summary={
            <>
              Of {r.overall.reviews} reviews of items past their learning steps in the last 26 weeks, you remembered {r.overall.recalled} ({pct(r.overall.rate ?? 0)}, likely between{" "}
              {pct(r.overall.band.low)} and {pct(r.overall.band.high)}); your desired retention is {desired}%. Remembered means rated Hard, Good or Easy.
            </>
          }
          chart={<RetentionChart desiredPercent={desired} data={r.weeks.map((w) => ({ label: formatDayShort(w.week), measured: w.rate === null ? null : Math.round(w.rate * 1000) / 10 }))} />}
          table={{
            caption: `Measured retention per week against the desired ${desired}%`,
            columns: ["Week of", "Reviews of mature items", "Remembered", "Measured retention"],
            rows: r.weeks.filter((w) => w.reviews > 0).map((w) => [formatDayLong(w.week), w.reviews, w.recalled, pct(w.rate ?? 0)]),
          }}
        />
      ) : (
        <ChartEmpty id="retention" title="Measured retention per week">
          Not measured yet: retention counts reviews of items that have graduated from their learning steps (usually a few days after you first study them). Your desired
          retention is {desired}%.
        </ChartEmpty>
      )}
      {forecast && forecast.total > 0 ? (
        <ChartFigure
          id="forecast"
          title="Reviews due in the next 30 days"
          summary={forecast.summary}
          chart={<ForecastChart data={forecast.days.map((x) => ({ label: x.label, count: x.count }))} />}
          table={{ caption: "Reviews due per study day", columns: ["Day", "Reviews due"], rows: forecast.days.filter((x) => x.count > 0).map((x) => [x.label === "Today" ? `Today, ${formatDayLong(x.day)}` : formatDayLong(x.day), x.count]) }}
        />
      ) : (
        <ChartEmpty id="forecast" title="Reviews due in the next 30 days">
          Nothing is scheduled yet. Every card you review and question you answer is scheduled for a next review; the forecast shows when they fall due.
        </ChartEmpty>
      )}
      {started > 0 ? (
        <ChartFigure
          id="states"
          title="Items by memory state"
          summary={`${started} of ${totalItems} items started: ${d.states
            .slice(1)
            .map((s) => `${s.cards + s.questions} ${s.state.toLowerCase()}`)
            .join(", ")}; ${d.states[0]!.cards + d.states[0]!.questions} not started.`}
          chart={<StatesChart data={d.states} />}
          table={{ caption: "Items per memory state", columns: ["State", "Flashcards", "Questions"], rows: d.states.map((s) => [s.state, s.cards, s.questions]) }}
        />
      ) : (
        <ChartEmpty id="states" title="Items by memory state">
          All {totalItems} flashcards and questions are still new. Start with <Link href="/review" className={link}>a review session</Link> or{" "}
          <Link href="/practice" className={link}>practice questions</Link>.
        </ChartEmpty>
      )}
    </div>
  );
}

function CalibrationBlock({ d }: { d: DashboardData }) {
  const c = d.calibration;
  if (c.total === 0) {
    return (
      <ChartEmpty id="calibration" title="How often your confidence was right">
        No answers yet. Each time you answer a question you mark it sure, unsure or guess; here you will see how often each was right.
      </ChartEmpty>
    );
  }
  const label = { sure: "Sure", unsure: "Unsure", guess: "Guess" } as const;
  return (
    <ChartFigure
      id="calibration"
      title="How often your confidence was right"
      summary={
        <>
          {c.rows
            .filter((r) => r.answered > 0)
            .map((r) => `${label[r.confidence]}: ${r.right} of ${r.answered} right (${pct(r.rate ?? 0)})`)
            .join("; ")}
          . {c.verdict ?? `After ${MIN_ANSWERS_FOR_VERDICT} answers marked sure we can say whether your confidence is a good guide.`}
        </>
      }
      chart={<CalibrationChart data={c.rows.map((r) => ({ label: label[r.confidence], percent: r.rate === null ? null : Math.round(r.rate * 100) }))} />}
      table={{
        caption: "Share of answers right per confidence mark, with a 95% range",
        columns: ["Confidence", "Answers", "Right", "Share right", "Likely range"],
        rows: c.rows.map((r) => [label[r.confidence], r.answered, r.right, r.rate === null ? "—" : pct(r.rate), r.answered ? `${pct(r.band.low)}–${pct(r.band.high)}` : "—"]),
      }}
    />
  );
}

function PlanBlock({ d }: { d: DashboardData }) {
  const p = d.plan;
  const focus = p.today.focus;
  const suggestions: ReactNode[] = [];
  if (p.today.reviews > 0)
    suggestions.push(
      <>
        Clear the {p.today.reviews} reviews due now: <Link href="/review" className={link}>flashcards</Link> ({d.todayStats.dueCards}) and{" "}
        <Link href="/practice/session?mode=due" className={link}>questions</Link> ({d.todayStats.dueQuestions}).
      </>,
    );
  if (p.today.newItems > 0)
    suggestions.push(
      <>
        Start {p.today.newItems} new {p.today.newItems === 1 ? "item" : "items"}
        {p.status === "ahead" ? " to see the whole bank before your exam" : ""}: <Link href="/review" className={link}>new flashcards</Link> or{" "}
        <Link href="/practice/session?mode=new" className={link}>new questions</Link>.
      </>,
    );
  if (focus)
    suggestions.push(
      <>
        Practise your weakest domain, {focus.exam} domain {focus.domain} ({focus.title}): {Math.round(focus.masteredShare * 100)}% mastered.{" "}
        <Link href={`/practice/session?exam=${focus.exam}&domain=${focus.domain}`} className={link}>
          Practise it
        </Link>
        .
      </>,
    );
  if (d.weakestTrap)
    suggestions.push(
      <>
        Drill the trap “{d.weakestTrap.trap.title}”.{" "}
        <Link href={`/practice/session?trap=${d.weakestTrap.trap.id}&mode=drill`} className={link}>
          Drill it
        </Link>
        .
      </>,
    );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="exam-date-title" className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid="exam-date">
        <h3 id="exam-date-title" className="font-semibold">
          Exam date and pace
        </h3>
        {p.status === "no-date" ? (
          <p className="mt-1">
            No exam date set. <Link href="/settings" className={link}>Set your exam date in settings</Link> to see the days left and whether your pace covers the bank in time.
          </p>
        ) : (
          <>
            <p className="mt-1 text-2xl font-bold" data-testid="days-left">
              {p.status === "past" ? "Your exam date has passed" : p.status === "today" ? "Your exam is today" : `${p.daysLeft} ${p.daysLeft === 1 ? "day" : "days"} left`}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {d.targetExam ?? "Exam"} on {formatDayLong(d.examDate!)} · <Link href="/settings" className="underline">change</Link>
            </p>
          </>
        )}
        <p className="mt-3 text-sm">
          Your pace over the last {PACE_DAYS} days: {one(d.pace.newPerDay)} new items, {one(d.pace.questionsPerDay)} question answers and {one(d.pace.reviewsPerDay)} reviews in all per day.
        </p>
        {p.status === "ahead" ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            <li data-testid="pace-bank">
              {p.bank.unseen === 0
                ? "You have started every item in the bank."
                : `${p.bank.unseen} items not started; seeing them all by the exam takes ${p.bank.neededPerDay} new a day. ${p.bank.onPace ? "Your pace covers that." : `Your pace does not cover that${p.bank.finishInDays !== null ? ` (at it you would need ${p.bank.finishInDays} days)` : ""}.`}`}
            </li>
            <li data-testid="pace-weak">
              {p.weak.open === 0
                ? "No weak domain: every domain our bank covers has at least 60% of its questions mastered."
                : `${p.weak.open} questions not yet mastered in your weak domains; that is ${p.weak.neededPerDay} a day. ${p.weak.onPace ? "Your pace of question answers covers that." : "Your pace of question answers does not cover that yet."}`}
            </li>
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="suggest-title" className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid="suggestions">
        <h3 id="suggest-title" className="font-semibold">
          Suggested for today
        </h3>
        {suggestions.length ? (
          <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm">
            {suggestions.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        ) : (
          <p className="mt-1 text-sm">Nothing is due and nothing is weak. Take a <Link href="/exams" className={link}>mock exam</Link> to check your readiness.</p>
        )}
      </section>
    </div>
  );
}

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const d = await loadDashboard(user.id, new Date());
  return (
    <div>
      <PageHeader title={`Welcome${user.name ? `, ${user.name}` : ""}`}>Where you stand today.</PageHeader>
      {!d.hasHistory ? (
        <div className="mb-8">
          <EmptyState title="Nothing studied yet" action={{ href: "/learn", label: "Start with the study notes" }}>
            Once you review cards, practise questions or take a mock exam, your progress, memory and readiness charts fill in below.
          </EmptyState>
        </div>
      ) : null}

      <Section id="today-title" title="Today">
        <Today d={d} />
        <div className="mt-4">
          <PlanBlock d={d} />
        </div>
      </Section>

      <Section id="activity-title" title="Activity">
        <ReviewHeatmap heatmap={d.heatmap} />
      </Section>

      <Section id="memory-title" title="Memory" intro="How well spaced repetition is working for you, and what it has scheduled next.">
        <Memory d={d} />
      </Section>

      <Section
        id="mastery-title"
        title="Mastery by exam domain and task statement"
        intro="Each question of our bank counts toward the task statements it tests. Mastered: latest answer right, past the learning steps, and at least 85% likely to be recalled now. Weak: latest answer wrong or memory faded below 70%."
      >
        <MasteryLegend />
        <MasteryBars mastery={d.mastery} />
      </Section>

      <Section id="calibration-title" title="Calibration" intro="Answers you were sure of should nearly always be right; sure-but-wrong is the pattern that costs marks on exam day.">
        <CalibrationBlock d={d} />
      </Section>

      <Section id="readiness-title" title="Readiness" intro="A range, not a score: it is wide when it rests on few answers, and we say so when there is too little to go on.">
        <div className="grid gap-4 lg:grid-cols-2">
          {d.readiness.map((r) => (
            <ReadinessCard key={r.exam} readiness={r} />
          ))}
        </div>
        <details className="mt-4 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
          <summary className="cursor-pointer font-medium">How readiness is estimated</summary>
          <p className="mt-2">{READINESS_METHOD}</p>
          <p className="mt-2">{SCALED_SCORE_METHOD}</p>
        </details>
      </Section>

      <Section id="export-title" title="Your data" intro="Download your history as CSV files (UTF-8, comma-separated, dates in UTC with your study day alongside).">
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href="/api/export/reviews" download className="inline-block rounded-md border border-slate-300 px-4 py-2 font-medium hover:border-amber-500 dark:border-slate-600">
              Download review history (CSV)
            </a>
          </li>
          <li>
            <a href="/api/export/answers" download className="inline-block rounded-md border border-slate-300 px-4 py-2 font-medium hover:border-amber-500 dark:border-slate-600">
              Download practice answers (CSV)
            </a>
          </li>
          <li>
            <a href="/api/export/attempts" download className="inline-block rounded-md border border-slate-300 px-4 py-2 font-medium hover:border-amber-500 dark:border-slate-600">
              Download mock exam attempts (CSV)
            </a>
          </li>
        </ul>
      </Section>
    </div>
  );
}
