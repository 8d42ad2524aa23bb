// Mock exams: the exam in progress (if any), the settings of a new one with an honest preview
// of what the bank can fill before it starts, and the history of finished attempts per exam
// with a trend. Reading this page finalizes any attempt whose time ran out while no browser
// was open.
import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getBlueprint, listExamTraps } from "@/app/attempts/_lib/catalog";
import { getExamsOverview, type ExamsOverview, type HistoryEntry } from "@/app/attempts/_lib/data";
import { formatDay, formatDuration, formatInstant } from "@/app/attempts/_lib/format";
import { attemptUrl, type ExamPreview, previewExam, resultUrl } from "@/app/attempts/_lib/mutations";
import { parseStartParams, type StartInput } from "@/app/attempts/_lib/schema";
import { PageHeader } from "../_components/empty-state";
import { ScoreTrend } from "./score-trend";
import { StartButton } from "./start-button";
import { StartForm, type StartFormValues } from "./start-form";

export const metadata: Metadata = { title: "Mock exams" };

type Search = Record<string, string | string[] | undefined>;

export default async function ExamsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("/exams");
  const now = new Date();
  const sp = await searchParams;
  const overview = await getExamsOverview(user.id, now);
  const parsed = sp.preview === "1" ? parseStartParams(sp) : null;
  const preview = parsed?.ok ? await previewExam(user.id, parsed.input, now) : null;

  const fallbackExam = overview.exams.some((e) => e.id === overview.targetExam) ? overview.targetExam! : (overview.exams[0]?.id ?? "DVA-C02");
  const initial: StartFormValues = parsed?.ok
    ? {
        exam: parsed.input.examId,
        form: parsed.input.form,
        count: parsed.input.count,
        minutes: parsed.input.minutes,
        domains: parsed.input.domains,
        traps: parsed.input.traps,
        unscored: parsed.input.unscored,
      }
    : { exam: fallbackExam, form: "full", count: 20, minutes: 40, domains: [], traps: [], unscored: true };

  return (
    <div className="space-y-8">
      <PageHeader title="Mock exams">Timed exams in the format of DVA-C02 and SAA-C03, scored on the 100–1000 scale.</PageHeader>

      {overview.running ? <RunningBanner entry={overview.running} now={now} timeZone={overview.timeZone} /> : null}

      <p className="max-w-prose text-sm text-slate-600 dark:text-slate-300">
        The question bank covers IAM only, so an exam follows the exam guide&apos;s domain weights as far as the bank allows. Check an exam before you start
        it: the page says what the bank could not fill.
        {overview.esl ? " Your settings give you the ESL accommodation (30 more minutes on a full exam)." : ""}{" "}
        {!overview.esl ? (
          <>
            Not a native English speaker? Turn on the ESL accommodation in{" "}
            <Link href="/settings" className="underline">
              Settings
            </Link>
            .
          </>
        ) : null}
      </p>

      <StartForm
        exams={overview.exams.map((e) => ({ ...e, traps: listExamTraps(e.id) }))}
        initial={initial}
        esl={overview.esl}
      />

      {parsed && !parsed.ok ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
          {parsed.message}
        </p>
      ) : null}
      {preview && !preview.ok ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
          {preview.message}
        </p>
      ) : null}
      {preview?.ok && parsed?.ok ? <Preview preview={preview.preview} input={parsed.input} blocked={overview.running !== null} /> : null}

      <History overview={overview} />
    </div>
  );
}

function RunningBanner({ entry, now, timeZone }: { entry: HistoryEntry; now: Date; timeZone: string }) {
  return (
    <section aria-labelledby="running-title" className="rounded-xl border-2 border-amber-500 bg-amber-50 p-4 dark:bg-amber-950/30">
      <h2 id="running-title" className="text-lg font-semibold">
        You have an exam in progress
      </h2>
      <p className="mt-1 text-sm">
        {entry.examId} {entry.formLabel.toLowerCase()}, {entry.questionCount} questions, started {formatInstant(entry.startedAt, timeZone)}.
        {` ${formatDuration(Math.max(0, entry.deadline.getTime() - now.getTime()))} left: the clock runs while you are away.`}
      </p>
      <Link href={attemptUrl(entry.id)} className="mt-3 inline-block rounded-md bg-amber-500 px-4 py-2 font-semibold text-slate-950 hover:bg-amber-400">
        Resume the exam
      </Link>
    </section>
  );
}

function startFields(input: StartInput, seed: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ["exam", input.examId],
    ["form", input.form],
    ["seed", seed],
  ];
  if (input.form === "full") fields.push(["unscored", input.unscored ? "on" : "off"]);
  else {
    fields.push(["count", String(input.count)], ["minutes", String(input.minutes)]);
    for (const d of input.domains) fields.push(["domain", d]);
    for (const t of input.traps) fields.push(["trap", t]);
  }
  return fields;
}

function Preview({ preview, input, blocked }: { preview: ExamPreview; input: StartInput; blocked: boolean }) {
  const minutes = preview.durationMinutes + preview.extraMinutes;
  return (
    <section aria-labelledby="preview-title" className="rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-700" data-testid="exam-preview">
      <h2 id="preview-title" className="text-xl font-bold">
        Before you start: {preview.examId} {preview.form.kind === "full" ? "full exam" : "focused exam"}
      </h2>
      <ul className="mt-3 space-y-1">
        <li>
          <span className="font-semibold">{preview.questionCount} questions</span>
          {preview.questionCount < preview.wanted ? ` (you asked for ${preview.wanted})` : ""}, {preview.multipleCount} of them multiple response.
        </li>
        <li>
          <span className="font-semibold">{minutes} minutes</span>
          {preview.extraMinutes ? ` (${preview.durationMinutes} + ${preview.extraMinutes} for the ESL accommodation)` : ""}. The clock starts when you press
          Start and keeps running if you close the page{preview.form.kind === "full" ? "; a full exam cannot be paused" : ""}.
        </li>
        {preview.form.kind === "full" ? (
          <li>
            {preview.unscoredMarked
              ? "15 questions are unscored, as on the real exam; you will not know which."
              : "Every question is scored (unscored questions are turned off)."}
          </li>
        ) : null}
      </ul>
      <table className="mt-4 w-full max-w-xl text-left text-sm">
        <caption className="mb-1 text-left font-semibold">Questions per domain</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-600">
            <th scope="col" className="py-1 pr-3">
              Domain
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              By weight
            </th>
            <th scope="col" className="py-1 text-right">
              In this exam
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.perDomain.map((d) => (
            <tr key={d.domain} className="border-b border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 pr-3 font-normal">
                {d.domain}. {d.title}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{d.target}</td>
              <td className={`py-1 text-right tabular-nums ${d.got < d.target ? "font-semibold text-red-800 dark:text-red-300" : ""}`}>{d.got}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4" data-testid="shortfalls">
        {preview.shortfalls.length > 0 ? (
          <>
            <h3 className="font-semibold">What the question bank cannot fill</h3>
            <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
              {preview.shortfalls.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm">The bank can fill this exam as the exam guide asks.</p>
        )}
      </div>
      {blocked ? (
        <p className="mt-4 text-sm font-medium">Finish or submit the exam in progress before you start another.</p>
      ) : (
        <StartButton fields={startFields(input, preview.seed)} label={`Start the ${minutes}-minute exam`} />
      )}
    </section>
  );
}

function History({ overview }: { overview: ExamsOverview }) {
  const examsWithHistory = overview.exams.filter((e) => (overview.history[e.id]?.length ?? 0) > 0);
  return (
    <section aria-labelledby="history-title" className="space-y-6">
      <h2 id="history-title" className="text-xl font-bold">
        Your attempts
      </h2>
      {examsWithHistory.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-600 dark:border-slate-600 dark:text-slate-300">
          No finished attempt yet. Your scores and their trend appear here after your first exam.
        </p>
      ) : null}
      {examsWithHistory.map((e) => {
        const entries = overview.history[e.id] ?? [];
        const bp = getBlueprint(e.id)?.blueprint;
        const points = [...entries]
          .reverse()
          .filter((a) => a.scaledScore !== null)
          .map((a) => ({ label: formatDay(a.startedAt, overview.timeZone), score: a.scaledScore! }));
        return (
          <div key={e.id} className="space-y-3">
            <h3 className="text-lg font-semibold">
              {e.id} <span className="font-normal text-slate-600 dark:text-slate-300">— {e.title}</span>
            </h3>
            {points.length > 0 && bp ? <ScoreTrend examId={e.id} points={points} passing={bp.passingScore} min={bp.minScore} max={bp.maxScore} /> : null}
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid={`history-${e.id}`}>
                <caption className="sr-only">{e.id} attempts, newest first</caption>
                <thead>
                  <tr className="border-b border-slate-300 dark:border-slate-600">
                    <th scope="col" className="py-1 pr-3">
                      Started
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Form
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right">
                      Questions
                    </th>
                    <th scope="col" className="py-1 pr-3 text-right">
                      Score
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Result
                    </th>
                    <th scope="col" className="py-1">
                      <span className="sr-only">Review</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((a) => (
                    <tr key={a.id} className="border-b border-slate-200 dark:border-slate-700">
                      <td className="py-1 pr-3">{formatInstant(a.startedAt, overview.timeZone)}</td>
                      <td className="py-1 pr-3">
                        {a.formLabel}
                        {a.status === "expired" ? " (time ran out)" : ""}
                      </td>
                      <td className="py-1 pr-3 text-right tabular-nums">{a.questionCount}</td>
                      <td className="py-1 pr-3 text-right tabular-nums">{a.scaledScore ?? "—"}</td>
                      <td className="py-1 pr-3">{a.passed === null ? "—" : a.passed ? "Pass" : "Fail"}</td>
                      <td className="py-1">
                        <Link href={resultUrl(a.id)} className="font-medium text-amber-800 underline dark:text-amber-300">
                          Review<span className="sr-only"> the attempt of {formatInstant(a.startedAt, overview.timeZone)}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}
