import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { listExams } from "@/lib/content";
import { getSettings } from "@/lib/db/users";
import { PageHeader } from "../_components/empty-state";
import { getTopicStatuses, suggestedNext, type TopicStatus } from "./data";

export const metadata: Metadata = { title: "Learn" };

function MasteryBar({ s }: { s: TopicStatus }) {
  const pct = Math.round(s.mastery * 100);
  return (
    <div className="mt-2">
      <div className="flex justify-between text-xs text-slate-600 dark:text-slate-300">
        <span>Mastery</span>
        <span>
          {s.learned} of {s.items} items learned
        </span>
      </div>
      <div className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-700" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={`Mastery of ${s.topic.title}: ${pct}%`}>
        <div className="h-2 rounded bg-emerald-500" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export default async function LearnPage({ searchParams }: { searchParams: Promise<{ exam?: string }> }) {
  const sp = await searchParams;
  const user = await getCurrentUser();
  const exams = listExams();
  const preferred = user ? (await getSettings(user.id)).targetExam : null;
  const exam = exams.find((e) => e.id === sp.exam) ?? exams.find((e) => e.id === preferred) ?? exams[0]!;
  const statuses = await getTopicStatuses(user?.id ?? null);
  const next = user ? suggestedNext(statuses) : statuses[0];
  const inExam = statuses.filter((s) => s.topic.exams.includes(exam.id));
  const domainOf = (s: TopicStatus) =>
    Math.min(...s.topic.tasks.filter((t) => t.startsWith(`${exam.id}:`)).map((t) => Number(t.split(":")[1]!.split(".")[0])), 9);
  return (
    <div>
      <PageHeader title="Learn">Study notes in a suggested order; each ends with a short self-check. Every note stays open to you.</PageHeader>
      <nav aria-label="Exam" className="mb-6 flex gap-2">
        {exams.map((e) => (
          <Link
            key={e.id}
            href={`/learn?exam=${e.id}`}
            aria-current={e.id === exam.id ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm font-medium ${e.id === exam.id ? "border-amber-500 bg-amber-100 dark:bg-amber-900/40" : "border-slate-300 dark:border-slate-600"}`}
          >
            {e.id}
          </Link>
        ))}
      </nav>
      {next ? (
        <p className="mb-6 rounded-lg bg-amber-50 px-4 py-3 dark:bg-amber-950/30">
          Suggested next:{" "}
          <Link className="font-semibold underline" href={`/learn/${next.topic.slug}`}>
            {next.topic.title}
          </Link>{" "}
          ({next.topic.readingMinutes} min read)
        </p>
      ) : (
        <p className="mb-6 rounded-lg bg-emerald-50 px-4 py-3 dark:bg-emerald-950/30">You have passed every topic&apos;s self-check.</p>
      )}
      {exam.domains.map((d) => {
        const topics = inExam.filter((s) => domainOf(s) === d.number);
        return (
          <section key={d.number} className="mb-8" aria-labelledby={`domain-${d.number}`}>
            <h2 id={`domain-${d.number}`} className="text-lg font-semibold">
              Domain {d.number}: {d.title} <span className="text-sm font-normal text-slate-500">({d.weight}% of the exam)</span>
            </h2>
            {topics.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No study note in this domain yet: this product covers IAM, which the exam tests mostly in other domains.</p>
            ) : (
              <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                {topics.map((s) => (
                  <li key={s.topic.slug} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
                    <Link href={`/learn/${s.topic.slug}`} className="font-semibold underline-offset-2 hover:underline">
                      {s.topic.order}. {s.topic.title}
                    </Link>
                    <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
                      {s.topic.readingMinutes} min read · {s.topic.questionIds.length} questions
                      {s.progress?.passedAt ? <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 font-medium text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100">Self-check passed</span> : null}
                      {next?.topic.slug === s.topic.slug ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">Next</span> : null}
                    </p>
                    {user ? <MasteryBar s={s} /> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
