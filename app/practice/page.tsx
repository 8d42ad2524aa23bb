import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listExams, listTopics, listTraps } from "@/lib/content";
import { listReviewStates } from "@/lib/db/reviews";
import { listAnswerSummaries } from "@/lib/db/stats";
import { rankWrongPractice, recentSince } from "@/lib/progress";
import { PageHeader } from "../_components/empty-state";
import { questionsInSet } from "./data";

export const metadata: Metadata = { title: "Practice" };

const select = "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-800";

export default async function PracticePage() {
  const user = await requireUser("/practice");
  const now = new Date();
  const [states, summaries] = await Promise.all([listReviewStates(user.id, "question"), listAnswerSummaries(user.id, recentSince(now))]);
  const all = questionsInSet({ mode: "all" });
  const ids = new Set(all.map((q) => q.id));
  const wrong = rankWrongPractice(summaries).filter((s) => ids.has(s.questionId));
  const sureWrong = wrong.filter((s) => s.latestConfidence === "sure").length;
  const due = states.filter((s) => ids.has(s.itemId) && s.due <= now).length;
  const fresh = all.length - states.filter((s) => ids.has(s.itemId)).length;
  const exams = listExams();
  const topics = listTopics().sort((a, b) => a.order - b.order);
  const traps = listTraps();
  return (
    <div>
      <PageHeader title="Practice">Scenario questions, untimed, graded on the spot by the IAM policy evaluator.</PageHeader>
      <div className="mb-4 grid gap-4 sm:grid-cols-3">
        <Link href="/practice/session?mode=due" className="rounded-xl border border-slate-200 p-4 hover:border-amber-500 dark:border-slate-700">
          <span className="block text-sm text-slate-600 dark:text-slate-300">Spaced repetition</span>
          <span className="text-xl font-bold">Due now: {due}</span>
        </Link>
        <Link href="/practice/session?mode=new" className="rounded-xl border border-slate-200 p-4 hover:border-amber-500 dark:border-slate-700">
          <span className="block text-sm text-slate-600 dark:text-slate-300">Never answered</span>
          <span className="text-xl font-bold">New: {fresh}</span>
        </Link>
        <Link href="/practice/session" className="rounded-xl border border-slate-200 p-4 hover:border-amber-500 dark:border-slate-700">
          <span className="block text-sm text-slate-600 dark:text-slate-300">Whole bank</span>
          <span className="text-xl font-bold">All {all.length} questions</span>
        </Link>
      </div>
      <div className="mb-8 grid gap-4 sm:grid-cols-2">
        <Link href="/practice/session?wrong=practice" className="rounded-xl border border-slate-200 p-4 hover:border-amber-500 dark:border-slate-700">
          <span className="block text-sm text-slate-600 dark:text-slate-300">Retake only what I got wrong</span>
          <span className="text-xl font-bold">
            {wrong.length === 0 ? "Nothing to retake" : `${wrong.length} to put right`}
          </span>
          {sureWrong > 0 ? <span className="block text-sm text-slate-600 dark:text-slate-300">{sureWrong} answered wrong while sure: these come first</span> : null}
        </Link>
        <Link href="/traps" className="rounded-xl border border-slate-200 p-4 hover:border-amber-500 dark:border-slate-700">
          <span className="block text-sm text-slate-600 dark:text-slate-300">Classic mistakes</span>
          <span className="text-xl font-bold">Drill a trap</span>
        </Link>
      </div>

      <form action="/practice/session" method="get" className="grid gap-4 rounded-xl border border-slate-200 p-4 sm:grid-cols-2 dark:border-slate-700" aria-labelledby="choose-set">
        <h2 id="choose-set" className="text-lg font-semibold sm:col-span-2">
          Choose a set
        </h2>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Exam
          <select name="exam" className={select} defaultValue="">
            <option value="">Both exams</option>
            {exams.map((e) => (
              <option key={e.id} value={e.id}>
                {e.id} — {e.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Domain (of the chosen exam)
          <select name="domain" className={select} defaultValue="">
            <option value="">Any domain</option>
            {[1, 2, 3, 4].map((d) => (
              <option key={d} value={d}>
                Domain {d}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Task statement
          <select name="task" className={select} defaultValue="">
            <option value="">Any task statement</option>
            {exams.map((e) => (
              <optgroup key={e.id} label={e.id}>
                {e.domains.flatMap((d) =>
                  d.tasks.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.number} {t.title}
                    </option>
                  )),
                )}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Topic
          <select name="topic" className={select} defaultValue="">
            <option value="">Any topic</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Trap
          <select name="trap" className={select} defaultValue="">
            <option value="">Any trap</option>
            {traps.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Which questions
          <select name="mode" className={select} defaultValue="all">
            <option value="all">Unseen first, then least recent</option>
            <option value="due">Due now only</option>
            <option value="new">New only</option>
            <option value="drill">Drill: unseen first, then new variants</option>
          </select>
        </label>
        <div className="sm:col-span-2">
          <button type="submit" className="rounded-md bg-amber-500 px-5 py-2 font-semibold text-slate-950 hover:bg-amber-400">
            Start practising
          </button>
        </div>
      </form>
    </div>
  );
}
