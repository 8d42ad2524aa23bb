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

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];
export type ReviewInput = { itemId: string; itemKind: string; expectedVersion: number | null; next: CardFields; log: ReviewLogInput };
export type ReviewWriteResult = { ok: true; state: ReviewStateRecord } | { ok: false; reason: "STALE" };

/** Writes one rating inside `tx` (state + log); STALE when the state moved since it was read. */
export async function applyReview(tx: Tx, userId: string, input: ReviewInput): Promise<ReviewWriteResult> {
  const { itemId, itemKind, expectedVersion, next, log } = input;
  const before = await tx.reviewState.findUnique({ where: { userId_itemId: { userId, itemId } }, select: stateSelect });
  if ((before?.version ?? null) !== expectedVersion) return { ok: false, reason: "STALE" };
  let state: ReviewStateRecord;
  if (!before) {
    state = await tx.reviewState.create({ data: { userId, itemId, itemKind, ...next, version: 1 }, select: stateSelect });
  } else {
    const res = await tx.reviewState.updateMany({
      where: { userId, itemId, version: before.version },
      data: { ...next, version: { increment: 1 } },
    });
    if (res.count !== 1) return { ok: false, reason: "STALE" };
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
  return { ok: true, state };
}

/** Runs `work` in a transaction; a unique-index race on a first rating is reported as STALE. */
export async function inReviewTransaction<T>(work: (tx: Tx) => Promise<T | { ok: false; reason: "STALE" }>): Promise<T | { ok: false; reason: "STALE" }> {
  try {
    return await db().$transaction(async (tx) => {
      const out = await work(tx);
      // Roll back everything the work wrote when the review itself was stale.
      if (out && typeof out === "object" && "ok" in out && out.ok === false && "reason" in out && out.reason === "STALE") throw new StaleReview();
      return out;
    });
  } catch (err) {
    if (err instanceof StaleReview) return { ok: false, reason: "STALE" };
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return { ok: false, reason: "STALE" };
    throw err;
  }
}

class StaleReview extends Error {}

/**
 * Saves one rating. `expectedVersion` is the version the caller read (null for an item
 * never reviewed); if another rating landed in between, nothing is written and the
 * result says STALE.
 */
export async function recordReview(userId: string, input: ReviewInput): Promise<ReviewWriteResult> {
  return inReviewTransaction((tx) => applyReview(tx, userId, input));
}

export async function countReviewLogs(userId: string, itemId?: string): Promise<number> {
  return db().reviewLog.count({ where: { userId, ...(itemId ? { itemId } : {}) } });
}

/**
 * Undoes the learner's latest rating from a review session (not practice answers): the
 * card's state goes back to what it was before, and the log entry is marked undone.
 */
export async function undoLastReview(userId: string, source = "review"): Promise<{ ok: true; itemId: string } | { ok: false; reason: "NOTHING_TO_UNDO" }> {
  return db().$transaction(async (tx) => {
    const last = await tx.reviewLog.findFirst({
      where: { userId, source, undone: false },
      orderBy: [{ reviewedAt: "desc" }, { id: "desc" }],
    });
    if (!last) return { ok: false as const, reason: "NOTHING_TO_UNDO" as const };
    const before = last.before as (Omit<ReviewStateRecord, "due" | "lastReview"> & { due: string; lastReview: string | null }) | null;
    if (!before) {
      await tx.reviewState.deleteMany({ where: { userId, itemId: last.itemId } });
    } else {
      const current = await tx.reviewState.findUnique({ where: { userId_itemId: { userId, itemId: last.itemId } }, select: { version: true } });
      await tx.reviewState.update({
        where: { userId_itemId: { userId, itemId: last.itemId } },
        data: {
          due: new Date(before.due),
          stability: before.stability,
          difficulty: before.difficulty,
          elapsedDays: before.elapsedDays,
          scheduledDays: before.scheduledDays,
          learningSteps: before.learningSteps,
          reps: before.reps,
          lapses: before.lapses,
          state: before.state,
          lastReview: before.lastReview ? new Date(before.lastReview) : null,
          version: (current?.version ?? before.version) + 1,
        },
      });
    }
    await tx.reviewLog.update({ where: { id: last.id }, data: { undone: true } });
    return { ok: true as const, itemId: last.itemId };
  });
}

/** States of `itemIds` for one learner (missing ids have never been reviewed). */
export async function getReviewStates(userId: string, itemIds: readonly string[]): Promise<ReviewStateRecord[]> {
  if (itemIds.length === 0) return [];
  return db().reviewState.findMany({ where: { userId, itemId: { in: [...itemIds] } }, select: stateSelect });
}

/** Every state of a learner (for queues and forecasts). */
export async function listReviewStates(userId: string, itemKind?: string): Promise<ReviewStateRecord[]> {
  return db().reviewState.findMany({ where: { userId, ...(itemKind ? { itemKind } : {}) }, select: stateSelect });
}

/** How many items a learner saw for the first time since `since` (new-card daily limit). */
export async function countNewReviewsSince(userId: string, since: Date, itemKind?: string): Promise<number> {
  return db().reviewLog.count({ where: { userId, undone: false, stateBefore: 0, dueBefore: null, reviewedAt: { gte: since }, ...(itemKind ? { itemKind } : {}) } });
}
