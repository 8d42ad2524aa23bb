import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { drawVariant, getTopic, getTrap } from "@/lib/content";
import { EmptyState, PageHeader } from "@/app/_components/empty-state";
import { parseSet, pickNext, setQuery, type PracticeSet } from "../data";
import { PracticeRunner } from "./runner";

export const metadata: Metadata = { title: "Practice" };

function describeSet(set: PracticeSet): string {
  const parts: string[] = [];
  if (set.mode === "due") parts.push("Due now");
  if (set.mode === "new") parts.push("New questions");
  if (set.exam) parts.push(set.exam);
  if (set.domain) parts.push(`domain ${set.domain}`);
  if (set.task) parts.push(`task ${set.task}`);
  if (set.topic) parts.push(getTopic(set.topic)?.title ?? set.topic);
  if (set.trap) parts.push(`trap: ${getTrap(set.trap)?.title ?? set.trap}`);
  return parts.length ? parts.join(" · ") : "All questions";
}

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
  const drawn = pick.question ? drawVariant(pick.question.id, `${user.id}:${pick.attempt}`) : undefined;
  const trapSource = set.trap ? "drill" : "practice";
  return (
    <div>
      <PageHeader title="Practice">{describeSet(set)}</PageHeader>
      <div className="mb-4">
        <div className="flex justify-between text-sm text-slate-600 dark:text-slate-300">
          <span>
            {pick.answered} of {pick.total} answered at least once · {pick.due} due now
          </span>
          <Link href="/practice" className="underline">
            Change set
          </Link>
        </div>
        <progress className="mt-1 h-2 w-full accent-amber-500" max={Math.max(pick.total, 1)} value={pick.answered} aria-label={`${pick.answered} of ${pick.total} questions answered at least once`} />
      </div>
      {drawn ? (
        <PracticeRunner key={`${drawn.id}:${drawn.variant}:${pick.attempt}`} question={drawn} source={trapSource} position={`${pick.answered + (pick.fresh && drawn ? 0 : 0)} answered`} />
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
