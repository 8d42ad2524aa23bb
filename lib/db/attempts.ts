// Mock-exam attempts and their answers. Every read and write names the learner, so one
// learner can never reach another's attempt (a foreign id reads as not found).
//
// Writes to an attempt lock its row (`SELECT … FOR UPDATE`) for the length of a transaction,
// so an answer and the finalization of the same attempt never interleave: an answer either
// lands before the attempt is scored, or it is refused. What a write may do is decided by the
// caller's pure code (lib/exam), passed in as a function and run under the lock; this file
// only loads, locks and stores. Finalization writes the result and the spaced-repetition
// rating of every answered question in the same transaction, exactly once per attempt.
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import { applyReview, type ReviewInput, type ReviewStateRecord } from "./reviews";

export type AttemptStatus = "in_progress" | "submitted" | "expired";
export type ExamConfidence = "sure" | "unsure" | "guess";

export type ExamAnswerRecord = {
  questionId: string;
  position: number;
  variant: string;
  domain: string;
  selected: string[];
  firstSelected: string[];
  flagged: boolean;
  changes: number;
  answeredAt: Date | null;
  confidence: ExamConfidence | null;
  timeMs: number;
};

export type AttemptSummary = {
  id: string;
  examId: string;
  form: string;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  status: AttemptStatus;
  rawScore: number | null;
  scaledScore: number | null;
  passed: boolean | null;
  questionCount: number;
  /** Stored JSON; the app parses it. */
  plan: unknown;
};

export type AttemptRecord = Omit<AttemptSummary, "questionCount"> & {
  seed: string;
  questionIds: string[];
  unscoredIds: string[];
  variantSeeds: Record<string, string>;
  /** Stored JSON, null until the attempt is finalized; the app parses it. */
  report: unknown;
  /** In exam order. */
  answers: ExamAnswerRecord[];
};

export type NewAttempt = {
  examId: string;
  form: "full" | "focused";
  seed: string;
  unscoredIds: string[];
  variantSeeds: Record<string, string>;
  startedAt: Date;
  deadline: Date;
  plan: Prisma.InputJsonValue;
  /** In exam order (position 0 first). */
  questions: Array<{ questionId: string; variant: string; domain: string }>;
};

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

const answerSelect = {
  questionId: true,
  position: true,
  variant: true,
  domain: true,
  selected: true,
  firstSelected: true,
  flagged: true,
  changes: true,
  answeredAt: true,
  confidence: true,
  timeMs: true,
} as const;

const summarySelect = {
  id: true,
  examId: true,
  form: true,
  startedAt: true,
  deadline: true,
  submittedAt: true,
  status: true,
  rawScore: true,
  scaledScore: true,
  passed: true,
  questionIds: true,
  plan: true,
} as const;

const attemptSelect = {
  ...summarySelect,
  seed: true,
  unscoredIds: true,
  variantSeeds: true,
  report: true,
  answers: { select: answerSelect, orderBy: { position: "asc" } },
} as const;

type AnswerRow = Prisma.ExamAnswerGetPayload<{ select: typeof answerSelect }>;
type AttemptRow = Prisma.ExamAttemptGetPayload<{ select: typeof attemptSelect }>;
type SummaryRow = Prisma.ExamAttemptGetPayload<{ select: typeof summarySelect }>;

function toStatus(value: string): AttemptStatus {
  if (value === "in_progress" || value === "submitted" || value === "expired") return value;
  throw new Error(`exam attempt has unknown status \`${value}\``);
}

function toConfidence(value: string | null): ExamConfidence | null {
  return value === "sure" || value === "unsure" || value === "guess" ? value : null;
}

function toAnswer(row: AnswerRow): ExamAnswerRecord {
  return { ...row, confidence: toConfidence(row.confidence) };
}

function toSummary(row: SummaryRow): AttemptSummary {
  const { questionIds, ...rest } = row;
  return { ...rest, status: toStatus(row.status), questionCount: questionIds.length };
}

function toRecord(row: AttemptRow): AttemptRecord {
  const seeds = row.variantSeeds && typeof row.variantSeeds === "object" && !Array.isArray(row.variantSeeds) ? row.variantSeeds : {};
  return {
    ...row,
    status: toStatus(row.status),
    variantSeeds: Object.fromEntries(Object.entries(seeds).map(([k, v]) => [k, String(v)])),
    answers: row.answers.map(toAnswer),
  };
}

/** Serialises writers of one learner (attempt starts) on the learner's row. */
async function lockUser(tx: Tx, userId: string): Promise<boolean> {
  // NO KEY UPDATE: serialises starts, yet lets rows that merely reference the user be written.
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
  return rows.length === 1;
}

/** Locks the attempt row for the transaction; null when it is not this learner's. */
async function lockAttempt(tx: Tx, userId: string, attemptId: string): Promise<{ status: AttemptStatus; deadline: Date; startedAt: Date } | null> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "ExamAttempt" WHERE id = ${attemptId} AND "userId" = ${userId} FOR UPDATE`;
  if (locked.length !== 1) return null;
  // Read the columns through the typed client, which reads the stored UTC timestamps as such.
  const row = await tx.examAttempt.findFirst({ where: { id: attemptId, userId }, select: { status: true, deadline: true, startedAt: true } });
  return row ? { status: toStatus(row.status), deadline: row.deadline, startedAt: row.startedAt } : null;
}

/**
 * Starts an attempt with one answer row per question. A learner has at most one attempt
 * running: while one is in progress and before its deadline, another start is refused with
 * its id (starts of one learner are serialised, so two quick starts cannot both pass).
 */
export async function createAttempt(
  userId: string,
  input: NewAttempt,
): Promise<{ ok: true; attemptId: string } | { ok: false; reason: "ATTEMPT_IN_PROGRESS"; attemptId: string } | { ok: false; reason: "NO_USER" }> {
  return db().$transaction(async (tx) => {
    if (!(await lockUser(tx, userId))) return { ok: false as const, reason: "NO_USER" as const };
    const open = await tx.examAttempt.findFirst({
      where: { userId, status: "in_progress", deadline: { gt: input.startedAt } },
      select: { id: true },
    });
    if (open) return { ok: false as const, reason: "ATTEMPT_IN_PROGRESS" as const, attemptId: open.id };
    const created = await tx.examAttempt.create({
      data: {
        userId,
        examId: input.examId,
        form: input.form,
        seed: input.seed,
        questionIds: input.questions.map((q) => q.questionId),
        unscoredIds: input.unscoredIds,
        variantSeeds: input.variantSeeds,
        startedAt: input.startedAt,
        deadline: input.deadline,
        status: "in_progress",
        plan: input.plan,
      },
      select: { id: true },
    });
    await tx.examAnswer.createMany({
      data: input.questions.map((q, position) => ({
        attemptId: created.id,
        questionId: q.questionId,
        position,
        variant: q.variant,
        domain: q.domain,
        selected: [],
        firstSelected: [],
      })),
    });
    return { ok: true as const, attemptId: created.id };
  });
}

/** The learner's attempt with its answers in exam order; null when there is none of that id for this learner. */
export async function getAttempt(userId: string, attemptId: string): Promise<AttemptRecord | null> {
  const row = await db().examAttempt.findFirst({ where: { id: attemptId, userId }, select: attemptSelect });
  return row ? toRecord(row) : null;
}

/** The learner's attempts, newest first. */
export async function listAttempts(userId: string, opts: { examId?: string; limit?: number } = {}): Promise<AttemptSummary[]> {
  const rows = await db().examAttempt.findMany({
    where: { userId, ...(opts.examId ? { examId: opts.examId } : {}) },
    orderBy: { startedAt: "desc" },
    take: opts.limit ?? 200,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** Attempts still marked in progress although their deadline has passed (to finalize lazily). */
export async function listOverdueAttemptIds(userId: string, now: Date): Promise<string[]> {
  const rows = await db().examAttempt.findMany({
    where: { userId, status: "in_progress", deadline: { lte: now } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export type ExamAnswerPatch = Partial<Pick<ExamAnswerRecord, "selected" | "firstSelected" | "changes" | "answeredAt" | "flagged" | "confidence">> & {
  /** Added to the time spent on the question. */
  addTimeMs?: number;
};

export type AttemptLock = { status: AttemptStatus; deadline: Date; startedAt: Date };

/**
 * Changes one answer of a running attempt. `decide` sees the locked attempt and the answer as
 * stored, and returns the change or a refusal (late, already submitted …), which is passed on.
 */
export async function writeExamAnswer<R extends string>(
  userId: string,
  attemptId: string,
  position: number,
  decide: (ctx: { attempt: AttemptLock; answer: ExamAnswerRecord }) => { ok: true; patch: ExamAnswerPatch } | { ok: false; reason: R; message: string },
): Promise<{ ok: true; answer: ExamAnswerRecord; attempt: AttemptLock } | { ok: false; reason: R | "NOT_FOUND"; message: string }> {
  return db().$transaction(async (tx) => {
    const attempt = await lockAttempt(tx, userId, attemptId);
    if (!attempt) return { ok: false as const, reason: "NOT_FOUND" as const, message: "there is no such exam attempt" };
    const row = await tx.examAnswer.findFirst({ where: { attemptId, position }, select: answerSelect });
    if (!row) return { ok: false as const, reason: "NOT_FOUND" as const, message: `the attempt has no question ${position + 1}` };
    const decided = decide({ attempt, answer: toAnswer(row) });
    if (!decided.ok) return decided;
    const { addTimeMs, ...patch } = decided.patch;
    const updated = await tx.examAnswer.update({
      where: { attemptId_questionId: { attemptId, questionId: row.questionId } },
      data: { ...patch, ...(addTimeMs ? { timeMs: { increment: Math.round(addTimeMs) } } : {}) },
      select: answerSelect,
    });
    return { ok: true as const, answer: toAnswer(updated), attempt };
  });
}

export type FinalizeWrite = {
  status: Exclude<AttemptStatus, "in_progress">;
  submittedAt: Date;
  rawScore: number | null;
  scaledScore: number | null;
  passed: boolean | null;
  report: Prisma.InputJsonValue;
  /** Spaced-repetition ratings to record with the result (source "exam"). */
  reviews: ReviewInput[];
};

export type FinalizeOutcome =
  | { ok: true; finalized: true; status: Exclude<AttemptStatus, "in_progress">; ratings: { written: number; skipped: number } }
  | { ok: true; finalized: false; status: AttemptStatus }
  | { ok: false; reason: "NOT_FOUND" };

/**
 * Finalizes an attempt once. Under the attempt's lock, `decide` sees the attempt with its
 * answers and the learner's review states of its questions, and returns what to write, or
 * null to leave the attempt as it is (still running). An attempt already finalized is left
 * alone, so any number of triggers finalize it exactly once. A rating whose review state moved
 * since it was read is skipped (the newer review stands); the rest are written.
 */
export async function finalizeAttempt(
  userId: string,
  attemptId: string,
  decide: (ctx: { attempt: AttemptRecord; reviewStates: ReadonlyMap<string, ReviewStateRecord> }) => FinalizeWrite | null,
): Promise<FinalizeOutcome> {
  return db().$transaction(
    async (tx): Promise<FinalizeOutcome> => {
      const lock = await lockAttempt(tx, userId, attemptId);
      if (!lock) return { ok: false, reason: "NOT_FOUND" };
      if (lock.status !== "in_progress") return { ok: true, finalized: false, status: lock.status };
      const row = await tx.examAttempt.findFirst({ where: { id: attemptId, userId }, select: attemptSelect });
      if (!row) return { ok: false, reason: "NOT_FOUND" };
      const attempt = toRecord(row);
      const states = await tx.reviewState.findMany({
        where: { userId, itemKind: "question", itemId: { in: attempt.questionIds } },
        select: {
          itemId: true,
          itemKind: true,
          due: true,
          stability: true,
          difficulty: true,
          elapsedDays: true,
          scheduledDays: true,
          learningSteps: true,
          reps: true,
          lapses: true,
          state: true,
          lastReview: true,
          version: true,
        },
      });
      const write = decide({ attempt, reviewStates: new Map(states.map((s) => [s.itemId, s])) });
      if (!write) return { ok: true, finalized: false, status: attempt.status };
      await tx.examAttempt.update({
        where: { id: attemptId },
        data: {
          status: write.status,
          submittedAt: write.submittedAt,
          rawScore: write.rawScore,
          scaledScore: write.scaledScore,
          passed: write.passed,
          report: write.report,
        },
      });
      let written = 0;
      let skipped = 0;
      for (const review of write.reviews) {
        const res = await applyReview(tx, userId, review);
        if (res.ok) written += 1;
        else skipped += 1;
      }
      return { ok: true, finalized: true, status: write.status, ratings: { written, skipped } };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/**
 * When the learner last met each question: a review or practice answer (its review state),
 * or an earlier exam that showed it (the attempt's start). For assembly's "unseen first".
 */
export async function listQuestionLastSeen(userId: string): Promise<Map<string, Date>> {
  const [states, attempts] = await Promise.all([
    db().reviewState.findMany({ where: { userId, itemKind: "question", lastReview: { not: null } }, select: { itemId: true, lastReview: true } }),
    db().examAttempt.findMany({ where: { userId }, orderBy: { startedAt: "desc" }, take: 100, select: { questionIds: true, startedAt: true } }),
  ]);
  const seen = new Map<string, Date>();
  const note = (id: string, at: Date) => {
    const before = seen.get(id);
    if (!before || before < at) seen.set(id, at);
  };
  for (const s of states) if (s.lastReview) note(s.itemId, s.lastReview);
  for (const a of attempts) for (const id of a.questionIds) note(id, a.startedAt);
  return seen;
}
