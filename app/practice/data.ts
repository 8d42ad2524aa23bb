// Practice sets: which questions a set holds (by exam, domain, task statement, topic, trap,
// or the spaced-repetition queue) and which one to show next. Server-only reads.
import { z } from "zod";
import { listQuestions, type PublicQuestion } from "@/lib/content";
import { listAnswers } from "@/lib/db/practice";
import { listReviewStates, type ReviewStateRecord } from "@/lib/db/reviews";

export const setSchema = z.object({
  exam: z.enum(["DVA-C02", "SAA-C03"]).optional(),
  domain: z.coerce.number().int().min(1).max(4).optional(),
  task: z
    .string()
    .regex(/^(DVA-C02|SAA-C03):\d\.\d$/)
    .optional(),
  topic: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  trap: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  mode: z.enum(["all", "due", "new"]).default("all"),
});

export type PracticeSet = z.infer<typeof setSchema>;

export function parseSet(params: Record<string, string | string[] | undefined>): { ok: true; set: PracticeSet } | { ok: false; message: string } {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = setSchema.safeParse(flat);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  return { ok: true, set: parsed.data };
}

export function setQuery(set: PracticeSet): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(set)) if (v !== undefined && !(k === "mode" && v === "all")) q.set(k, String(v));
  return q.toString();
}

export function questionsInSet(set: PracticeSet): PublicQuestion[] {
  return listQuestions({ exam: set.exam, task: set.task, topic: set.topic, trap: set.trap }).filter(
    (q) => set.domain === undefined || q.tasks.some((t) => (!set.exam || t.startsWith(`${set.exam}:`)) && t.split(":")[1]?.startsWith(`${set.domain}.`)),
  );
}

export interface NextPick {
  question: PublicQuestion | undefined;
  total: number;
  answered: number;
  due: number;
  fresh: number;
  /** Earliest future due date in the set when nothing is due (for an honest empty state). */
  nextDue: Date | null;
  attempt: number;
}

/** Chooses the next question: due mode → most overdue; new → never answered; all → unseen first, then least recently reviewed. */
export async function pickNext(userId: string, set: PracticeSet, now: Date): Promise<NextPick> {
  const questions = questionsInSet(set);
  const states = new Map<string, ReviewStateRecord>((await listReviewStates(userId, "question")).map((s) => [s.itemId, s]));
  const inSet = questions.map((q) => ({ q, s: states.get(q.id) }));
  const due = inSet.filter((x) => x.s && x.s.due <= now).sort((a, b) => a.s!.due.getTime() - b.s!.due.getTime() || a.q.id.localeCompare(b.q.id));
  const fresh = inSet.filter((x) => !x.s);
  const answered = inSet.length - fresh.length;
  let pick: PublicQuestion | undefined;
  if (set.mode === "due") pick = due[0]?.q;
  else if (set.mode === "new") pick = fresh[0]?.q;
  else {
    pick =
      fresh[0]?.q ??
      due[0]?.q ??
      [...inSet].sort((a, b) => (a.s!.lastReview?.getTime() ?? 0) - (b.s!.lastReview?.getTime() ?? 0) || a.q.id.localeCompare(b.q.id))[0]?.q;
  }
  const future = inSet.filter((x) => x.s && x.s.due > now).map((x) => x.s!.due.getTime());
  const attempt = pick ? (await listAnswers(userId, { questionIds: [pick.id], limit: 1000 })).length : 0;
  return {
    question: pick,
    total: questions.length,
    answered,
    due: due.length,
    fresh: fresh.length,
    nextDue: future.length ? new Date(Math.min(...future)) : null,
    attempt,
  };
}
