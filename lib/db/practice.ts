// Answers to questions outside mock exams, and per-topic self-check progress. An answer and
// the spaced-repetition rating it implies are written in one transaction.
import { db } from "./client";
import { applyReview, inReviewTransaction, type ReviewInput, type ReviewStateRecord } from "./reviews";

export type AnswerInput = {
  questionId: string;
  variant: string;
  selected: string[];
  correct: boolean;
  confidence: "sure" | "unsure" | "guess";
  durationMs: number | null;
  source: "practice" | "self-check" | "drill";
  answeredAt: Date;
};

export async function recordQuestionAnswer(
  userId: string,
  answer: AnswerInput,
  review: ReviewInput,
): Promise<{ ok: true; state: ReviewStateRecord } | { ok: false; reason: "STALE" }> {
  return inReviewTransaction(async (tx) => {
    const res = await applyReview(tx, userId, review);
    if (!res.ok) return res;
    await tx.questionAnswer.create({ data: { userId, ...answer } });
    return res;
  });
}

export type AnswerRecord = AnswerInput & { id: string };

export async function listAnswers(userId: string, opts: { questionIds?: readonly string[]; since?: Date; limit?: number } = {}): Promise<AnswerRecord[]> {
  const rows = await db().questionAnswer.findMany({
    where: {
      userId,
      ...(opts.questionIds ? { questionId: { in: [...opts.questionIds] } } : {}),
      ...(opts.since ? { answeredAt: { gte: opts.since } } : {}),
    },
    orderBy: { answeredAt: "desc" },
    take: opts.limit ?? 1000,
  });
  return rows.map((r) => ({ ...r, confidence: r.confidence as AnswerInput["confidence"], source: r.source as AnswerInput["source"] }));
}

export type TopicProgressRecord = { topic: string; bestScore: number; lastScore: number; passedAt: Date | null };

export async function listTopicProgress(userId: string): Promise<TopicProgressRecord[]> {
  return db().topicProgress.findMany({ where: { userId }, select: { topic: true, bestScore: true, lastScore: true, passedAt: true } });
}

/** Records a self-check score (0–1); the topic is passed once a score reaches `passMark`. */
export async function recordSelfCheck(userId: string, topic: string, score: number, passMark: number, now: Date): Promise<TopicProgressRecord> {
  const passed = score >= passMark;
  return db().$transaction(async (tx) => {
    const prev = await tx.topicProgress.findUnique({ where: { userId_topic: { userId, topic } } });
    const row = await tx.topicProgress.upsert({
      where: { userId_topic: { userId, topic } },
      create: { userId, topic, bestScore: score, lastScore: score, passedAt: passed ? now : null },
      update: { bestScore: Math.max(prev?.bestScore ?? 0, score), lastScore: score, passedAt: prev?.passedAt ?? (passed ? now : null) },
      select: { topic: true, bestScore: true, lastScore: true, passedAt: true },
    });
    return row;
  });
}
