import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getQuestion, listTraps } from "@/lib/content";
import { listReviewStates } from "@/lib/db/reviews";
import { getSettings } from "@/lib/db/users";
import { formatDateIn, rankWrongPractice, readMemory, TRAP_STATUS_RULES, usableStudyDay } from "@/lib/progress";
import { PageHeader } from "../_components/empty-state";
import { loadAnswerEvidence } from "../practice/data";
import { StatusBadge } from "./status-badge";
import { buildTrapRows } from "./rows";

export const metadata: Metadata = { title: "Traps" };

export default async function TrapsPage() {
  const user = await requireUser("/traps");
  const now = new Date();
  const [settings, evidence, states] = await Promise.all([getSettings(user.id), loadAnswerEvidence(user.id, now), listReviewStates(user.id, "question")]);
  const { timeZone } = usableStudyDay(settings.timeZone, settings.dayRolloverHour);
  const rows = buildTrapRows(listTraps(), evidence.all, readMemory(states, now));
  const seenAny = rows.some((r) => r.verdict.seen > 0);
  const missedTraps = rows.filter((r) => r.verdict.missed > 0).length;
  const wrongPractice = rankWrongPractice(evidence.practice.values()).filter((s) => getQuestion(s.questionId) !== undefined).length;
  const lastAttempt = evidence.attempts[0];
  const lastAttemptWrong = lastAttempt ? evidence.examAnswers.filter((a) => a.attemptId === lastAttempt.id && a.correct === false).length : 0;

  return (
    <div>
      <PageHeader title="Traps">The classic mistakes, and how often they catch you.</PageHeader>

      <section aria-labelledby="retake-title" className="mb-6 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="retake-title" className="text-lg font-semibold">
          Retake only what you got wrong
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          <li>
            <Link href="/practice/session?wrong=practice" className="font-medium text-amber-800 underline dark:text-amber-300">
              From your practice history
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-300">
              — {wrongPractice === 0 ? "nothing to put right" : `${wrongPractice} ${wrongPractice === 1 ? "question" : "questions"} whose latest answer was wrong, confident misses first`}
            </span>
          </li>
          {lastAttempt ? (
            <li>
              <Link href={`/practice/session?wrong=attempt:${encodeURIComponent(lastAttempt.id)}`} className="font-medium text-amber-800 underline dark:text-amber-300">
                From your last mock exam ({lastAttempt.examId}, {formatDateIn(lastAttempt.endedAt, timeZone)})
              </Link>{" "}
              <span className="text-slate-600 dark:text-slate-300">
                — {lastAttemptWrong} wrong or unanswered
              </span>
            </li>
          ) : (
            <li className="text-slate-600 dark:text-slate-300">
              After a <Link href="/exams" className="underline">mock exam</Link>, you can retake what you got wrong in it from here or from its result page.
            </li>
          )}
        </ul>
      </section>

      {!seenAny ? (
        <p className="mb-4 rounded-lg border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-600 dark:text-slate-200" role="status">
          No missed traps yet: you have not answered a question that tests one. Every trap in the catalogue is listed below; when you miss a question, its
          trap moves to the top so you can drill it.
        </p>
      ) : (
        <p className="mb-4 text-slate-700 dark:text-slate-200" role="status">
          {missedTraps === 0 ? "No trap has caught you yet." : `${missedTraps} of ${rows.length} traps have caught you at least once.`} Traps you got wrong while
          sure come first: those are the dangerous ones.
        </p>
      )}

      <details className="mb-4 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/60">
        <summary className="cursor-pointer font-medium">How the status is decided</summary>
        <p className="mt-2">
          From your answers to the trap&apos;s questions (practice, drills, self-checks and finished mock exams) and from how well you are likely to remember them now,
          as estimated by spaced repetition (FSRS):
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {TRAP_STATUS_RULES.map((r) => (
            <li key={r.status}>{r.rule}</li>
          ))}
        </ul>
        <p className="mt-2">Drilling a trap shows questions you have not answered first, then new variants of the ones you have, so you cannot get by on remembered letters.</p>
      </details>

      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Every trap with, for you: status, times seen, times missed, last missed, and a drill link. Confident misses first.</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-2 pr-3">
                Trap
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                Seen
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                Missed
              </th>
              <th scope="col" className="py-2 pr-3">
                Last missed
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">Drill</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ trap, verdict }) => (
              <tr key={trap.id} data-trap-id={trap.id} data-status={verdict.status} className="border-b border-slate-200 align-top dark:border-slate-700">
                <th scope="row" className="py-3 pr-3 font-normal">
                  <span className="block font-semibold">{trap.title}</span>
                  <span className="block text-slate-600 dark:text-slate-300">{trap.rule}</span>
                  {verdict.openConfidentMisses > 0 ? (
                    <span className="mt-1 block font-medium text-red-800 dark:text-red-300">
                      Answered wrong while sure on {verdict.openConfidentMisses} {verdict.openConfidentMisses === 1 ? "question" : "questions"}
                    </span>
                  ) : null}
                </th>
                <td className="py-3 pr-3">
                  <StatusBadge status={verdict.status} />
                  <ul className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                    {verdict.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </td>
                <td className="py-3 pr-3 text-right tabular-nums" data-testid="seen">
                  {verdict.seen}
                </td>
                <td className="py-3 pr-3 text-right tabular-nums" data-testid="missed">
                  {verdict.missed}
                </td>
                <td className="py-3 pr-3 whitespace-nowrap" data-testid="last-missed">
                  {verdict.lastMissedAt ? formatDateIn(verdict.lastMissedAt, timeZone) : "—"}
                </td>
                <td className="py-3">
                  <Link
                    href={`/practice/session?trap=${encodeURIComponent(trap.id)}&mode=drill`}
                    className="inline-block rounded-md bg-amber-500 px-3 py-1 font-medium whitespace-nowrap text-slate-950 hover:bg-amber-400"
                  >
                    Drill<span className="sr-only"> {trap.title}</span>
                  </Link>
                  <span className="mt-1 block text-xs text-slate-600 dark:text-slate-300">
                    {trap.questionIds.length} {trap.questionIds.length === 1 ? "question" : "questions"}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
