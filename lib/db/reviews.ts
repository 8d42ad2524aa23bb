// Spaced-repetition state per learner and content item, and the log of every rating.
// A rating is written atomically (state + log in one transaction) and guarded by a
// version number, so two quick ratings of the same card cannot both apply.
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";

export type CardFields = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

export type ReviewStateRecord = CardFields & { itemId: string; itemKind: string; version: number };

export type ReviewLogInput = {
  rating: number;
  source: string;
  confidence?: string | null;
  correct?: boolean | null;
  durationMs?: number | null;
  reviewedAt: Date;
};

const stateSelect = {
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
} as const;

export async function getReviewState(userId: string, itemId: string): Promise<ReviewStateRecord | null> {
  return db().reviewState.findUnique({ where: { userId_itemId: { userId, itemId } }, select: stateSelect });
}

/** Items due for `userId` at `now`, earliest first. */
export async function listDueStates(userId: string, now: Date, limit = 100): Promise<ReviewStateRecord[]> {
  return db().reviewState.findMany({
    where: { userId, due: { lte: now } },
    orderBy: { due: "asc" },
    take: limit,
    select: stateSelect,
  });
}

/**
 * Saves one rating. `expectedVersion` is the version the caller read (null for an item
 * never reviewed); if another rating landed in between, nothing is written and the
 * result says STALE.
 */
export async function recordReview(
  userId: string,
  input: { itemId: string; itemKind: string; expectedVersion: number | null; next: CardFields; log: ReviewLogInput },
): Promise<{ ok: true; state: ReviewStateRecord } | { ok: false; reason: "STALE" }> {
  const { itemId, itemKind, expectedVersion, next, log } = input;
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.reviewState.findUnique({ where: { userId_itemId: { userId, itemId } }, select: stateSelect });
      if ((before?.version ?? null) !== expectedVersion) return { ok: false as const, reason: "STALE" as const };
      let state: ReviewStateRecord;
      if (!before) {
        state = await tx.reviewState.create({ data: { userId, itemId, itemKind, ...next, version: 1 }, select: stateSelect });
      } else {
        const res = await tx.reviewState.updateMany({
          where: { userId, itemId, version: before.version },
          data: { ...next, version: { increment: 1 } },
        });
        if (res.count !== 1) return { ok: false as const, reason: "STALE" as const };
        state = { ...before, ...next, version: before.version + 1 };
      }
      await tx.reviewLog.create({
        data: {
          userId,
          itemId,
          itemKind,
          rating: log.rating,
          source: log.source,
          confidence: log.confidence ?? null,
          correct: log.correct ?? null,
          durationMs: log.durationMs ?? null,
          reviewedAt: log.reviewedAt,
          stateBefore: before?.state ?? 0,
          stateAfter: next.state,
          dueBefore: before?.due ?? null,
          dueAfter: next.due,
          stabilityAfter: next.stability,
          difficultyAfter: next.difficulty,
          scheduledDays: next.scheduledDays,
          before: before ? (JSON.parse(JSON.stringify(before)) as Prisma.InputJsonValue) : Prisma.JsonNull,
        },
      });
      return { ok: true as const, state };
    });
  } catch (err) {
    // Two first ratings racing: the unique (userId, itemId) index rejects the second.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return { ok: false, reason: "STALE" };
    throw err;
  }
}

export async function countReviewLogs(userId: string, itemId?: string): Promise<number> {
  return db().reviewLog.count({ where: { userId, ...(itemId ? { itemId } : {}) } });
}
