import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { drawVariant, getTopic, getTrap } from "@/lib/content";
import { EmptyState, PageHeader } from "@/app/_components/empty-state";
import { isDrill, parseSet, parseWrong, pickNext, setQuery, type NextPick, type PracticeSet } from "../data";
import { PracticeRunner } from "./runner";

export const metadata: Metadata = { title: "Practice" };

function describeSet(set: PracticeSet, pick?: NextPick): string {
  const parts: string[] = [];
  const wrong = parseWrong(set.wrong);
  if (wrong?.kind === "practice") parts.push("Retake: questions whose latest answer was wrong");
  if (wrong?.kind === "attempt") parts.push(pick?.retake?.kind === "attempt" ? `Retake: what you got wrong in the ${pick.retake.examId} mock exam` : "Retake: what you got wrong in a mock exam");
  if (set.mode === "due") parts.push("Due now");
  if (set.mode === "new") parts.push("New questions");
  if (!wrong && isDrill(set)) parts.push("Drill: unseen questions first, then new variants");
  if (set.exam) parts.push(set.exam);
  if (set.domain) parts.push(`domain ${set.domain}`);
  if (set.task) parts.push(`task ${set.task}`);
  if (set.topic) parts.push(getTopic(set.topic)?.title ?? set.topic);
  if (set.trap) parts.push(`trap: ${getTrap(set.trap)?.title ?? set.trap}`);
  return parts.length ? parts.join(" · ") : "All questions";
}

const FRESHNESS_NOTE = {
  "new-question": "A question you have not answered before.",
  "new-variant": "A new variant of a question you have answered: new policies, so the answer may differ.",
  "other-variant": "A different variant from the one you answered last: read it afresh.",
  repeat: "Shown again: this question has no other variant.",
} as const;

export default async function PracticeSessionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const parsed = parseSet(sp);
  const user = await requireUser(`/practice/session${parsed.ok ? `?${setQuery(parsed.set)}` : ""}`);
  if (!parsed.ok) {
    return (
      <div>
        <PageHeader title="Practice" />
        <EmptyState title="That practice set is not valid" action={{ href: "/practice", label: "Choose a set" }}>
          {parsed.message}
        </EmptyState>
      </div>
    );
  }
  const set = parsed.set;
  const now = new Date();
  const pick = await pickNext(user.id, set, now);
  const drawn = pick.question ? drawVariant(pick.question.id, `${user.id}:${pick.attempt}`, pick.variant ? { variant: pick.variant } : {}) : undefined;
  const source = set.trap || set.wrong || set.mode === "drill" ? "drill" : "practice";
  const wrong = parseWrong(set.wrong);

  if (pick.refusal) {
    return (
      <div>
        <PageHeader title="Practice">{describeSet(set)}</PageHeader>
        <EmptyState
          title={pick.refusal.reason === "NOT_FOUND" ? "Mock exam not found" : "That mock exam is not finished"}
          action={
            pick.refusal.reason === "NOT_FOUND" || wrong?.kind !== "attempt" ? { href: "/exams", label: "Your mock exams" } : { href: `/attempts/${encodeURIComponent(wrong.attemptId)}`, label: "Back to the exam" }
          }
        >
          {pick.refusal.message}
        </EmptyState>
      </div>
    );
  }

  const retake = pick.retake;
  return (
    <div>
      <PageHeader title="Practice">{describeSet(set, pick)}</PageHeader>
      <div className="mb-4">
        <div className="flex justify-between gap-4 text-sm text-slate-600 dark:text-slate-300">
          {retake?.kind === "practice" ? (
            <span data-testid="retake-progress">
              {retake.remaining} {retake.remaining === 1 ? "question" : "questions"} to put right · a question leaves this set once you answer it right
            </span>
          ) : retake?.kind === "attempt" ? (
            <span data-testid="retake-progress">
              {retake.retaken} of {retake.total} retaken · {retake.rightOnRetake} right on the retake
            </span>
          ) : (
            <span>
              {pick.answered} of {pick.total} answered at least once · {pick.due} due now
            </span>
          )}
          <Link href="/practice" className="shrink-0 underline">
            Change set
          </Link>
        </div>
        {retake?.kind === "attempt" ? (
          <progress className="mt-1 h-2 w-full accent-amber-500" max={Math.max(retake.total, 1)} value={retake.retaken} aria-label={`${retake.retaken} of ${retake.total} questions retaken`} />
        ) : retake?.kind === "practice" ? null : (
          <progress className="mt-1 h-2 w-full accent-amber-500" max={Math.max(pick.total, 1)} value={pick.answered} aria-label={`${pick.answered} of ${pick.total} questions answered at least once`} />
        )}
      </div>
      {drawn && pick.freshness && (source === "drill" || isDrill(set)) ? (
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300" data-testid="freshness" data-freshness={pick.freshness}>
          {FRESHNESS_NOTE[pick.freshness]}
        </p>
      ) : null}
      {drawn ? (
        <PracticeRunner key={`${drawn.id}:${drawn.variant}:${pick.attempt}`} question={drawn} source={source} position={`${pick.answered} answered`} />
      ) : retake?.kind === "practice" ? (
        <EmptyState title="Nothing to retake" action={{ href: "/practice", label: "Practise something new" }}>
          Your latest answer to every question you have practised{set.exam || set.domain || set.task || set.topic || set.trap ? " in this set" : ""} is right. When you
          miss one, it waits here until you answer it right.
        </EmptyState>
      ) : retake?.kind === "attempt" ? (
        <EmptyState title={retake.total === 0 ? "Nothing to retake from this exam" : "You retook every question you missed"} action={{ href: "/practice/session?wrong=practice", label: "Retake what is still wrong" }}>
          {retake.total === 0
            ? "You answered every question of that mock exam right."
            : `You retook all ${retake.total} questions you got wrong or left unanswered; ${retake.rightOnRetake} of them right this time.`}
        </EmptyState>
      ) : pick.total === 0 ? (
        <EmptyState title="No questions match this set" action={{ href: "/practice", label: "Choose another set" }}>
          The question bank has nothing for this combination yet.
        </EmptyState>
      ) : (
        <EmptyState title={set.mode === "due" ? "Nothing is due" : "No new questions left"} action={{ href: `/practice/session?${setQuery({ ...set, mode: "all" })}`, label: "Practise the whole set" }}>
          {pick.nextDue ? `The next question in this set is due ${pick.nextDue.toUTCString()}.` : "You have answered every question in this set."}
        </EmptyState>
      )}
    </div>
  );
}
