// Practice sets: which questions a set holds (by exam, domain, task statement, topic, trap,
// the spaced-repetition queue, or the learner's wrong answers) and which one to show next, in
// which instance. Server-only reads.
//
// - `mode=drill` (and any trap set in the default mode): never-answered questions first, then
//   answered ones in a variant not answered yet, then in a variant other than the last one
//   (lib/progress/drill), so a learner drilling a trap meets new policies, not known letters.
// - `wrong=practice`: questions whose latest practice answer is wrong, confident misses first;
//   a question leaves the set once answered right.
// - `wrong=attempt:<id>`: questions answered wrong or left unanswered in one of the learner's
//   finished mock exams, confident misses first, each shown once (until retaken after the exam).
import { z } from "zod";
import { getQuestion, getQuestionReview, listQuestions, type PublicQuestion } from "@/lib/content";
import { listAnswers } from "@/lib/db/practice";
import { listReviewStates, type ReviewStateRecord } from "@/lib/db/reviews";
import { getAttemptForRetake, listAnswerSummaries, listFinishedAttempts, listFinishedExamAnswers, type FinishedAttempt } from "@/lib/db/stats";
import {
  type AnswerSummary,
  type AttemptItem,
  chooseVariant,
  type DrillHistory,
  examEvents,
  type Freshness,
  gradeExamAnswers,
  type GradedExamAnswer,
  type KeyLookup,
  mergeSummaries,
  pickDrill,
  rankWrongInAttempt,
  rankWrongPractice,
  recentSince,
  summariseEvents,
} from "@/lib/progress";

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
  mode: z.enum(["all", "due", "new", "drill"]).default("all"),
  wrong: z
    .string()
    .regex(/^(practice|attempt:[A-Za-z0-9_-]{1,64})$/, "use `practice` or `attempt:<attempt id>`")
    .optional(),
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

export type WrongSource = { kind: "practice" } | { kind: "attempt"; attemptId: string };

export function parseWrong(value: string | undefined): WrongSource | undefined {
  if (value === undefined) return undefined;
  if (value === "practice") return { kind: "practice" };
  return { kind: "attempt", attemptId: value.slice("attempt:".length) };
}

/** Drill picking applies to `mode=drill` and to trap sets in the default mode. */
export function isDrill(set: PracticeSet): boolean {
  return set.mode === "drill" || (set.trap !== undefined && set.mode === "all");
}

/** The key of one instance and how many options it asks for; server-only (reads the answer bundle). */
export const keyLookup: KeyLookup = (questionId, variant) => {
  const q = getQuestion(questionId);
  const review = q ? getQuestionReview(questionId, variant) : undefined;
  if (!q || !review) return undefined;
  return { key: review.key, required: q.response.type === "multiple" ? q.response.choose : 1 };
};

export interface AnswerEvidence {
  /** Practice answers only (practice, drills, self-checks), per question. */
  practice: Map<string, AnswerSummary>;
  /** Practice and finished mock-exam answers together; the latest answer of either wins. */
  all: Map<string, AnswerSummary>;
  /** Every answer row of finished mock exams, graded, with its attempt. */
  examAnswers: Array<GradedExamAnswer & { attemptId: string; position: number }>;
  attempts: FinishedAttempt[];
}

/** Everything the learner's answers say, per question (traps, wrong sets, mastery, readiness). */
export async function loadAnswerEvidence(userId: string, now: Date): Promise<AnswerEvidence> {
  const since = recentSince(now);
  const [practiceRows, examRows, attempts] = await Promise.all([listAnswerSummaries(userId, since), listFinishedExamAnswers(userId, now), listFinishedAttempts(userId, now)]);
  const graded = gradeExamAnswers(examRows, keyLookup);
  const examAnswers = graded.map((g, i) => ({ ...g, attemptId: examRows[i]!.attemptId, position: examRows[i]!.position }));
  const practice = new Map(practiceRows.map((r) => [r.questionId, r]));
  return { practice, all: mergeSummaries(practiceRows, summariseEvents(examEvents(graded), since)), examAnswers, attempts };
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
  /** The instance to show; undefined lets the caller draw one from the seed. */
  variant?: string;
  freshness?: Freshness;
  /** Wrong-answer sets: how far the retake is. */
  retake?: { kind: "practice"; remaining: number } | { kind: "attempt"; examId: string; endedAt: Date; total: number; retaken: number; rightOnRetake: number };
  /** The set cannot be shown (another learner's or an unfinished mock exam). */
  refusal?: { reason: "NOT_FOUND" | "NOT_FINISHED"; message: string };
}

function counts(questions: readonly PublicQuestion[], states: ReadonlyMap<string, ReviewStateRecord>, now: Date) {
  const inSet = questions.map((q) => ({ q, s: states.get(q.id) }));
  const due = inSet.filter((x) => x.s && x.s.due <= now).sort((a, b) => a.s!.due.getTime() - b.s!.due.getTime() || a.q.id.localeCompare(b.q.id));
  const fresh = inSet.filter((x) => !x.s);
  const future = inSet.filter((x) => x.s && x.s.due > now).map((x) => x.s!.due.getTime());
  return { inSet, due, fresh, answered: inSet.length - fresh.length, nextDue: future.length ? new Date(Math.min(...future)) : null };
}

async function loadStates(userId: string): Promise<Map<string, ReviewStateRecord>> {
  return new Map((await listReviewStates(userId, "question")).map((s) => [s.itemId, s]));
}

/** Chooses the next question: due mode → most overdue; new → never answered; all → unseen first, then least recently reviewed; drill and wrong sets as in the file comment. */
export async function pickNext(userId: string, set: PracticeSet, now: Date): Promise<NextPick> {
  const wrong = parseWrong(set.wrong);
  if (wrong?.kind === "practice") return pickWrongPractice(userId, set, now);
  if (wrong?.kind === "attempt") return pickWrongInAttempt(userId, set, wrong.attemptId, now);
  if (isDrill(set)) return pickDrillQuestion(userId, set, now);

  const questions = questionsInSet(set);
  const c = counts(questions, await loadStates(userId), now);
  let pick: PublicQuestion | undefined;
  if (set.mode === "due") pick = c.due[0]?.q;
  else if (set.mode === "new") pick = c.fresh[0]?.q;
  else {
    pick =
      c.fresh[0]?.q ??
      c.due[0]?.q ??
      [...c.inSet].sort((a, b) => (a.s!.lastReview?.getTime() ?? 0) - (b.s!.lastReview?.getTime() ?? 0) || a.q.id.localeCompare(b.q.id))[0]?.q;
  }
  const attempt = pick ? (await listAnswers(userId, { questionIds: [pick.id], limit: 1000 })).length : 0;
  return { question: pick, total: questions.length, answered: c.answered, due: c.due.length, fresh: c.fresh.length, nextDue: c.nextDue, attempt };
}

function drillHistory(summaries: ReadonlyMap<string, AnswerSummary>): Map<string, DrillHistory> {
  return new Map([...summaries].map(([id, s]) => [id, { variants: s.variants, latestVariant: s.latestVariant, lastAnsweredAt: s.lastAnsweredAt }]));
}

/** The question answered most recently among `ids` (not shown twice in a row). */
function lastAnswered(ids: readonly string[], summaries: ReadonlyMap<string, AnswerSummary>): string | null {
  let best: AnswerSummary | undefined;
  for (const id of ids) {
    const s = summaries.get(id);
    if (s && (!best || s.lastAnsweredAt.getTime() > best.lastAnsweredAt.getTime())) best = s;
  }
  return best?.questionId ?? null;
}

/** The seed of a learner's next instance of a question: changes with every answer to it. */
function seedFor(userId: string, evidence: AnswerEvidence) {
  return (questionId: string) => `${userId}:${evidence.practice.get(questionId)?.answers ?? 0}`;
}

async function pickDrillQuestion(userId: string, set: PracticeSet, now: Date): Promise<NextPick> {
  const questions = questionsInSet(set);
  const [states, evidence] = await Promise.all([loadStates(userId), loadAnswerEvidence(userId, now)]);
  const c = counts(questions, states, now);
  const ids = questions.map((q) => q.id);
  const pick = pickDrill(
    questions.map((q) => ({ questionId: q.id, variants: q.instances.map((i) => i.id) })),
    drillHistory(evidence.all),
    seedFor(userId, evidence),
    lastAnswered(ids, evidence.all),
  );
  return {
    question: pick ? getQuestion(pick.questionId) : undefined,
    total: questions.length,
    answered: c.answered,
    due: c.due.length,
    fresh: c.fresh.length,
    nextDue: c.nextDue,
    attempt: pick ? (evidence.practice.get(pick.questionId)?.answers ?? 0) : 0,
    ...(pick ? { variant: pick.variant, freshness: pick.freshness } : {}),
  };
}

/** Moves `avoid` behind the others, so the question just answered is not shown again at once. */
function deferLast<T extends { questionId: string }>(items: readonly T[], avoid: string | null): T[] {
  if (!avoid || items.length < 2) return [...items];
  return [...items.filter((i) => i.questionId !== avoid), ...items.filter((i) => i.questionId === avoid)];
}

async function pickWrongPractice(userId: string, set: PracticeSet, now: Date): Promise<NextPick> {
  const inFilter = new Set(questionsInSet(set).map((q) => q.id));
  const [states, evidence] = await Promise.all([loadStates(userId), loadAnswerEvidence(userId, now)]);
  const ranked = rankWrongPractice(evidence.practice.values()).filter((s) => inFilter.has(s.questionId));
  const ordered = deferLast(ranked, lastAnswered([...evidence.practice.keys()], evidence.practice));
  const head = ordered[0];
  const question = head ? getQuestion(head.questionId) : undefined;
  const c = counts(
    ranked.flatMap((s) => getQuestion(s.questionId) ?? []),
    states,
    now,
  );
  const choice = question ? chooseVariant({ questionId: question.id, variants: question.instances.map((i) => i.id) }, drillHistory(evidence.all).get(question.id), seedFor(userId, evidence)(question.id)) : undefined;
  return {
    question,
    total: ranked.length,
    answered: c.answered,
    due: c.due.length,
    fresh: c.fresh.length,
    nextDue: null,
    attempt: question ? (evidence.practice.get(question.id)?.answers ?? 0) : 0,
    ...(choice ? { variant: choice.variant, freshness: choice.freshness } : {}),
    retake: { kind: "practice", remaining: ranked.length },
  };
}

async function pickWrongInAttempt(userId: string, set: PracticeSet, attemptId: string, now: Date): Promise<NextPick> {
  const found = await getAttemptForRetake(userId, attemptId, now);
  const empty: NextPick = { question: undefined, total: 0, answered: 0, due: 0, fresh: 0, nextDue: null, attempt: 0 };
  if (!found.ok) {
    return {
      ...empty,
      refusal:
        found.reason === "NOT_FOUND"
          ? { reason: "NOT_FOUND", message: "We could not find that mock exam among yours." }
          : { reason: "NOT_FINISHED", message: "That mock exam is still running. Finish it first; then you can retake what you got wrong." },
    };
  }
  const { attempt } = found;
  const graded = new Map(gradeExamAnswers(attempt.answers, keyLookup).map((g) => [g.questionId, g]));
  const positions = new Map(attempt.answers.map((a) => [a.questionId, a.position]));
  const items: AttemptItem[] = attempt.questionIds.map((questionId, index) => {
    const g = graded.get(questionId);
    const inBank = getQuestion(questionId) !== undefined;
    return g
      ? { questionId, position: positions.get(questionId) ?? index, answered: g.answered, correct: g.correct, confidence: g.confidence }
      : { questionId, position: index, answered: false, correct: inBank ? false : null, confidence: null };
  });
  const inFilter = new Set(questionsInSet(set).map((q) => q.id));
  const ranked = rankWrongInAttempt(items).filter((i) => inFilter.has(i.questionId));
  const ids = ranked.map((i) => i.questionId);
  const since = await listAnswers(userId, { questionIds: ids, since: attempt.endedAt, limit: 5000 });
  const latestSince = new Map<string, boolean>();
  for (const a of since) if (!latestSince.has(a.questionId)) latestSince.set(a.questionId, a.correct);
  const remaining = ranked.filter((i) => !latestSince.has(i.questionId));
  const [states, evidence] = await Promise.all([loadStates(userId), loadAnswerEvidence(userId, now)]);
  const head = remaining[0];
  const question = head ? getQuestion(head.questionId) : undefined;
  // The exam showed an instance of every question, answered or not: the retake prefers another.
  const history = drillHistory(evidence.all);
  for (const a of attempt.answers) {
    const h = history.get(a.questionId);
    if (!h) history.set(a.questionId, { variants: [a.variant], latestVariant: a.variant, lastAnsweredAt: attempt.endedAt });
    else if (!h.variants.includes(a.variant)) history.set(a.questionId, { ...h, variants: [...h.variants, a.variant] });
  }
  const choice = question ? chooseVariant({ questionId: question.id, variants: question.instances.map((i) => i.id) }, history.get(question.id), seedFor(userId, evidence)(question.id)) : undefined;
  const c = counts(
    ranked.flatMap((i) => getQuestion(i.questionId) ?? []),
    states,
    now,
  );
  return {
    question,
    total: ranked.length,
    answered: c.answered,
    due: c.due.length,
    fresh: c.fresh.length,
    nextDue: null,
    attempt: question ? (evidence.practice.get(question.id)?.answers ?? 0) : 0,
    ...(choice ? { variant: choice.variant, freshness: choice.freshness } : {}),
    retake: {
      kind: "attempt",
      examId: attempt.examId,
      endedAt: attempt.endedAt,
      total: ranked.length,
      retaken: ranked.length - remaining.length,
      rightOnRetake: [...latestSince.values()].filter(Boolean).length,
    },
  };
}
