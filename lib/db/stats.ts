// Read-only statistics for progress pages and exports: review activity in 15-minute buckets,
// answer summaries per question, calibration counts, memory-state counts, finished mock
// attempts with their answers, and full histories for CSV export. Every query is scoped to one
// learner by `userId`; aggregation happens in PostgreSQL so thousands of reviews stay cheap.
//
// Instants cross the raw queries as epoch milliseconds or ISO strings cast in SQL, never as
// driver-converted dates: the columns are `timestamp` (UTC, no zone), and this keeps the
// server's and the database session's time zones out of the arithmetic.
import { db } from "./client";

/** Bucket length of `listActivityBuckets`: every UTC offset is a multiple of 15 minutes. */
export const ACTIVITY_BUCKET_SECONDS = 900;

export type ActivityBucketRow = {
  start: Date;
  reviews: number;
  questionReviews: number;
  firstReviews: number;
  matureReviews: number;
  matureRecalled: number;
};

/** Ratings (undone ones excluded) since `since`, counted per 15-minute bucket. */
export async function listActivityBuckets(userId: string, since: Date): Promise<ActivityBucketRow[]> {
  const rows = await db().$queryRaw<Array<{ bucket: number; reviews: number; questions: number; firsts: number; mature: number; recalled: number }>>`
    SELECT floor(extract(epoch FROM "reviewedAt") / 900)::int AS bucket,
           count(*)::int AS reviews,
           count(*) FILTER (WHERE "itemKind" = 'question')::int AS questions,
           count(*) FILTER (WHERE "stateBefore" = 0 AND "dueBefore" IS NULL)::int AS firsts,
           count(*) FILTER (WHERE "stateBefore" = 2)::int AS mature,
           count(*) FILTER (WHERE "stateBefore" = 2 AND rating >= 2)::int AS recalled
      FROM "ReviewLog"
     WHERE "userId" = ${userId}
       AND undone = false
       AND "reviewedAt" >= (CAST(${since.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')
     GROUP BY 1
     ORDER BY 1`;
  return rows.map((r) => ({
    start: new Date(Number(r.bucket) * ACTIVITY_BUCKET_SECONDS * 1000),
    reviews: Number(r.reviews),
    questionReviews: Number(r.questions),
    firstReviews: Number(r.firsts),
    matureReviews: Number(r.mature),
    matureRecalled: Number(r.recalled),
  }));
}

export type AnswerSummaryRow = {
  questionId: string;
  answers: number;
  misses: number;
  sureMisses: number;
  recentMisses: number;
  lastMissedAt: Date | null;
  lastAnsweredAt: Date;
  latestCorrect: boolean;
  latestConfidence: "sure" | "unsure" | "guess" | null;
  latestVariant: string;
  variants: string[];
};

/** Per question: answers outside mock exams, misses (all, "sure", since `recentSince`) and the latest answer. */
export async function listAnswerSummaries(userId: string, recentSince: Date): Promise<AnswerSummaryRow[]> {
  const rows = await db().$queryRaw<
    Array<{
      questionId: string;
      answers: number;
      misses: number;
      sureMisses: number;
      recentMisses: number;
      lastMissedMs: number | null;
      lastAnsweredMs: number;
      latestCorrect: boolean;
      latestConfidence: string;
      latestVariant: string;
      variants: string[];
    }>
  >`
    SELECT "questionId",
           count(*)::int AS answers,
           count(*) FILTER (WHERE NOT correct)::int AS misses,
           count(*) FILTER (WHERE NOT correct AND confidence = 'sure')::int AS "sureMisses",
           count(*) FILTER (WHERE NOT correct AND "answeredAt" >= (CAST(${recentSince.toISOString()} AS timestamptz) AT TIME ZONE 'UTC'))::int AS "recentMisses",
           (extract(epoch FROM max("answeredAt") FILTER (WHERE NOT correct)) * 1000)::float8 AS "lastMissedMs",
           (extract(epoch FROM max("answeredAt")) * 1000)::float8 AS "lastAnsweredMs",
           (array_agg(correct ORDER BY "answeredAt" DESC, id DESC))[1] AS "latestCorrect",
           (array_agg(confidence ORDER BY "answeredAt" DESC, id DESC))[1] AS "latestConfidence",
           (array_agg(variant ORDER BY "answeredAt" DESC, id DESC))[1] AS "latestVariant",
           array_agg(DISTINCT variant) AS variants
      FROM "QuestionAnswer"
     WHERE "userId" = ${userId}
     GROUP BY "questionId"`;
  return rows.map((r) => ({
    questionId: r.questionId,
    answers: Number(r.answers),
    misses: Number(r.misses),
    sureMisses: Number(r.sureMisses),
    recentMisses: Number(r.recentMisses),
    lastMissedAt: r.lastMissedMs === null ? null : new Date(Math.round(Number(r.lastMissedMs))),
    lastAnsweredAt: new Date(Math.round(Number(r.lastAnsweredMs))),
    latestCorrect: r.latestCorrect,
    latestConfidence: r.latestConfidence === "sure" || r.latestConfidence === "unsure" || r.latestConfidence === "guess" ? r.latestConfidence : null,
    latestVariant: r.latestVariant,
    variants: r.variants,
  }));
}

/** Answers outside mock exams per confidence mark and outcome. */
export async function listCalibrationCounts(userId: string): Promise<Array<{ confidence: string; correct: boolean; count: number }>> {
  const rows = await db().questionAnswer.groupBy({ by: ["confidence", "correct"], where: { userId }, _count: { _all: true } });
  return rows.map((r) => ({ confidence: r.confidence, correct: r.correct, count: r._count._all }));
}

/** Items per kind ("card" | "question") and FSRS state (0 New … 3 Relearning). */
export async function countStatesByKind(userId: string): Promise<Array<{ itemKind: string; state: number; count: number }>> {
  const rows = await db().reviewState.groupBy({ by: ["itemKind", "state"], where: { userId }, _count: { _all: true } });
  return rows.map((r) => ({ itemKind: r.itemKind, state: r.state, count: r._count._all }));
}

/** Reviewed items (state ≠ New) due at `now`, per kind. */
export async function countDueByKind(userId: string, now: Date): Promise<Record<string, number>> {
  const rows = await db().reviewState.groupBy({ by: ["itemKind"], where: { userId, state: { not: 0 }, due: { lte: now } }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.itemKind, r._count._all]));
}

// ---------- mock exams ----------

/** Finished: submitted or expired, or still marked in progress but past its deadline (answers can no longer change). */
function finishedWhere(now: Date) {
  return { OR: [{ status: { in: ["submitted", "expired"] } }, { deadline: { lte: now } }] };
}

export type FinishedAttempt = {
  id: string;
  examId: string;
  form: string;
  status: string;
  startedAt: Date;
  /** When it ended: the submit time, or the deadline for an attempt that ran out. */
  endedAt: Date;
  questionIds: string[];
  unscoredIds: string[];
  scaledScore: number | null;
};

export async function listFinishedAttempts(userId: string, now: Date): Promise<FinishedAttempt[]> {
  const rows = await db().examAttempt.findMany({
    where: { userId, ...finishedWhere(now) },
    orderBy: { startedAt: "desc" },
    select: { id: true, examId: true, form: true, status: true, startedAt: true, submittedAt: true, deadline: true, questionIds: true, unscoredIds: true, scaledScore: true },
  });
  return rows.map(({ submittedAt, deadline, ...r }) => ({ ...r, endedAt: submittedAt ?? deadline }));
}

export type ExamAnswerRecord = {
  attemptId: string;
  questionId: string;
  position: number;
  variant: string;
  selected: string[];
  confidence: string | null;
  answeredAt: Date | null;
  submittedAt: Date;
};

/** Every answer row of the learner's finished attempts. */
export async function listFinishedExamAnswers(userId: string, now: Date): Promise<ExamAnswerRecord[]> {
  const rows = await db().examAnswer.findMany({
    where: { attempt: { userId, ...finishedWhere(now) } },
    select: {
      attemptId: true,
      questionId: true,
      position: true,
      variant: true,
      selected: true,
      confidence: true,
      answeredAt: true,
      attempt: { select: { submittedAt: true, deadline: true } },
    },
  });
  return rows.map(({ attempt, ...r }) => ({ ...r, submittedAt: attempt.submittedAt ?? attempt.deadline }));
}

export type RetakeAttempt = FinishedAttempt & { answers: ExamAnswerRecord[] };

/**
 * One finished attempt of this learner with its answers, for "retake what I got wrong".
 * Another learner's attempt is NOT_FOUND, exactly like one that does not exist.
 */
export async function getAttemptForRetake(
  userId: string,
  attemptId: string,
  now: Date,
): Promise<{ ok: true; attempt: RetakeAttempt } | { ok: false; reason: "NOT_FOUND" | "NOT_FINISHED" }> {
  const row = await db().examAttempt.findFirst({
    where: { id: attemptId, userId },
    select: {
      id: true,
      examId: true,
      form: true,
      status: true,
      startedAt: true,
      submittedAt: true,
      deadline: true,
      questionIds: true,
      unscoredIds: true,
      scaledScore: true,
      answers: { select: { attemptId: true, questionId: true, position: true, variant: true, selected: true, confidence: true, answeredAt: true } },
    },
  });
  if (!row) return { ok: false, reason: "NOT_FOUND" };
  const finished = row.status === "submitted" || row.status === "expired" || row.deadline.getTime() <= now.getTime();
  if (!finished) return { ok: false, reason: "NOT_FINISHED" };
  const endedAt = row.submittedAt ?? row.deadline;
  const { submittedAt: _s, deadline: _d, answers, ...rest } = row;
  return { ok: true, attempt: { ...rest, endedAt, answers: answers.map((a) => ({ ...a, submittedAt: endedAt })) } };
}

// ---------- exports (every row of the caller, oldest first) ----------

const EXPORT_PAGE = 5000;

async function readAll<T extends { id: string }>(page: (cursor: string | undefined) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await page(cursor);
    out.push(...rows);
    if (rows.length < EXPORT_PAGE) return out;
    cursor = rows[rows.length - 1]!.id;
  }
}

export type ReviewLogExportRow = {
  id: string;
  itemId: string;
  itemKind: string;
  rating: number;
  source: string;
  confidence: string | null;
  correct: boolean | null;
  durationMs: number | null;
  reviewedAt: Date;
  stateBefore: number;
  stateAfter: number;
  dueAfter: Date;
  scheduledDays: number;
  stabilityAfter: number;
  difficultyAfter: number;
  undone: boolean;
};

export async function listReviewLogsForExport(userId: string): Promise<ReviewLogExportRow[]> {
  return readAll((cursor) =>
    db().reviewLog.findMany({
      where: { userId },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      take: EXPORT_PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        itemId: true,
        itemKind: true,
        rating: true,
        source: true,
        confidence: true,
        correct: true,
        durationMs: true,
        reviewedAt: true,
        stateBefore: true,
        stateAfter: true,
        dueAfter: true,
        scheduledDays: true,
        stabilityAfter: true,
        difficultyAfter: true,
        undone: true,
      },
    }),
  );
}

export type AnswerExportRow = {
  id: string;
  questionId: string;
  variant: string;
  selected: string[];
  correct: boolean;
  confidence: string;
  durationMs: number | null;
  source: string;
  answeredAt: Date;
};

export async function listAnswersForExport(userId: string): Promise<AnswerExportRow[]> {
  return readAll((cursor) =>
    db().questionAnswer.findMany({
      where: { userId },
      orderBy: [{ answeredAt: "asc" }, { id: "asc" }],
      take: EXPORT_PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, questionId: true, variant: true, selected: true, correct: true, confidence: true, durationMs: true, source: true, answeredAt: true },
    }),
  );
}

export type AttemptExportRow = {
  id: string;
  examId: string;
  form: string;
  status: string;
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  questionCount: number;
  unscoredCount: number;
  answeredCount: number;
  rawScore: number | null;
  scaledScore: number | null;
  passed: boolean | null;
};

export async function listAttemptsForExport(userId: string): Promise<AttemptExportRow[]> {
  const rows = await readAll((cursor) =>
    db().examAttempt.findMany({
      where: { userId },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: EXPORT_PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: {
        id: true,
        examId: true,
        form: true,
        status: true,
        startedAt: true,
        deadline: true,
        submittedAt: true,
        questionIds: true,
        unscoredIds: true,
        rawScore: true,
        scaledScore: true,
        passed: true,
        _count: { select: { answers: { where: { answeredAt: { not: null } } } } },
      },
    }),
  );
  return rows.map(({ questionIds, unscoredIds, _count, ...r }) => ({
    ...r,
    questionCount: questionIds.length,
    unscoredCount: unscoredIds.length,
    answeredCount: _count.answers,
  }));
}
