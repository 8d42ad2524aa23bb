import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  countDueByKind,
  countStatesByKind,
  getAttemptForRetake,
  listActivityBuckets,
  listAnswersForExport,
  listAnswerSummaries,
  listAttemptsForExport,
  listCalibrationCounts,
  listFinishedAttempts,
  listFinishedExamAnswers,
  listReviewLogsForExport,
} from "@/lib/db/stats";
import { groupByStudyDay } from "@/lib/progress";
import { studyDayOf } from "@/lib/srs";
import { makeUser } from "./helpers";

// Statistics on a learner with thousands of reviews, checked exactly against the same numbers
// computed in JavaScript from the rows we inserted, with a second learner's rows interleaved so
// a query that forgot its `userId` shows up as a wrong count.

const NOW = new Date("2026-05-01T12:00:00.000Z");
const DAY = 86_400_000;
const LOGS = 6_000; // more than one export page (5,000)
const ANSWERS = 3_000;
const QUESTIONS = 120;

/** A small deterministic generator, so failures reproduce. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Log = { itemId: string; itemKind: string; rating: number; reviewedAt: Date; stateBefore: number; dueBefore: Date | null; undone: boolean };
type Answer = { questionId: string; variant: string; correct: boolean; confidence: "sure" | "unsure" | "guess"; source: string; answeredAt: Date };

function makeLogs(seed: number, n: number): Log[] {
  const r = lcg(seed);
  return Array.from({ length: n }, () => {
    const question = r() < 0.4;
    const stateBefore = Math.floor(r() * 4);
    const first = stateBefore === 0 && r() < 0.7;
    return {
      itemId: question ? `q-${Math.floor(r() * QUESTIONS)}` : `card:c-${Math.floor(r() * 300)}`,
      itemKind: question ? "question" : "card",
      rating: 1 + Math.floor(r() * 4),
      reviewedAt: new Date(NOW.getTime() - Math.floor(r() * 400 * DAY)),
      stateBefore,
      dueBefore: first ? null : new Date(NOW.getTime() - Math.floor(r() * 400 * DAY)),
      undone: r() < 0.03,
    };
  });
}

function makeAnswers(seed: number, n: number): Answer[] {
  const r = lcg(seed);
  const confidences = ["sure", "unsure", "guess"] as const;
  return Array.from({ length: n }, () => ({
    questionId: `q-${Math.floor(r() * QUESTIONS)}`,
    variant: ["base", "v1", "v2"][Math.floor(r() * 3)]!,
    correct: r() < 0.65,
    confidence: confidences[Math.floor(r() * 3)]!,
    source: r() < 0.8 ? "practice" : "drill",
    // Whole seconds apart and distinct per learner, so "latest" has one answer.
    answeredAt: new Date(NOW.getTime() - (Math.floor(r() * 90 * 86_400) * 1000 + 1)),
  }));
}

async function insertLogs(userId: string, logs: Log[]) {
  for (let i = 0; i < logs.length; i += 2000) {
    await db().reviewLog.createMany({
      data: logs.slice(i, i + 2000).map((l) => ({
        userId,
        itemId: l.itemId,
        itemKind: l.itemKind,
        rating: l.rating,
        source: "review",
        reviewedAt: l.reviewedAt,
        stateBefore: l.stateBefore,
        stateAfter: 2,
        dueBefore: l.dueBefore,
        dueAfter: new Date(l.reviewedAt.getTime() + DAY),
        stabilityAfter: 3,
        difficultyAfter: 5,
        scheduledDays: 1,
        before: {},
        undone: l.undone,
      })),
    });
  }
}

async function insertAnswers(userId: string, answers: Answer[]) {
  await db().questionAnswer.createMany({ data: answers.map((a) => ({ userId, ...a, selected: ["A"], durationMs: 1000 })) });
}

const since = new Date(NOW.getTime() - 366 * DAY);
const recent = new Date(NOW.getTime() - 14 * DAY);

let me: { id: string };
let other: { id: string };
const myLogs = makeLogs(1, LOGS);
const otherLogs = makeLogs(2, 1_500);
const myAnswers = makeAnswers(3, ANSWERS);
const otherAnswers = makeAnswers(4, 800);
const attemptIds: Record<string, string> = {};

beforeAll(async () => {
  me = await makeUser("stats-me");
  other = await makeUser("stats-other");
  await Promise.all([insertLogs(me.id, myLogs), insertLogs(other.id, otherLogs), insertAnswers(me.id, myAnswers), insertAnswers(other.id, otherAnswers)]);

  // Review states: mine 0..3 by index, due half in the past; the other learner's all due.
  const state = (userId: string, i: number, s: number, due: Date) => ({
    userId,
    itemId: i % 2 ? `q-${i}` : `card:c-${i}`,
    itemKind: i % 2 ? "question" : "card",
    due,
    stability: 3,
    difficulty: 5,
    elapsedDays: 1,
    scheduledDays: 1,
    reps: 1,
    lapses: 0,
    state: s,
    lastReview: new Date(NOW.getTime() - DAY),
  });
  await db().reviewState.createMany({ data: Array.from({ length: 200 }, (_, i) => state(me.id, i, i % 4, new Date(NOW.getTime() + (i % 3 === 0 ? -DAY : DAY)))) });
  await db().reviewState.createMany({ data: Array.from({ length: 50 }, (_, i) => state(other.id, i, 2, new Date(NOW.getTime() - DAY))) });

  // Attempts: mine submitted, mine running, mine past its deadline but never finalized, and the other learner's.
  const attempt = async (userId: string, key: string, status: string, deadline: Date, submittedAt: Date | null) => {
    const row = await db().examAttempt.create({
      data: {
        userId,
        examId: "DVA-C02",
        form: "full",
        seed: key,
        questionIds: ["q-1", "q-2", "q-3"],
        unscoredIds: ["q-3"],
        startedAt: new Date(deadline.getTime() - 130 * 60_000),
        deadline,
        submittedAt,
        status,
        rawScore: status === "submitted" ? 1 : null,
        scaledScore: status === "submitted" ? 530 : null,
        passed: status === "submitted" ? false : null,
      },
    });
    await db().examAnswer.createMany({
      data: ["q-1", "q-2", "q-3"].map((questionId, position) => ({
        attemptId: row.id,
        questionId,
        position,
        selected: position === 2 ? [] : ["A"],
        firstSelected: [],
        answeredAt: position === 2 ? null : new Date(deadline.getTime() - 60_000),
        confidence: position === 0 ? "sure" : null,
      })),
    });
    attemptIds[key] = row.id;
  };
  await attempt(me.id, "submitted", "submitted", new Date(NOW.getTime() - 2 * DAY), new Date(NOW.getTime() - 2 * DAY - 600_000));
  await attempt(me.id, "running", "in_progress", new Date(NOW.getTime() + 3_600_000), null);
  await attempt(me.id, "lapsed", "in_progress", new Date(NOW.getTime() - 3_600_000), null);
  await attempt(other.id, "theirs", "submitted", new Date(NOW.getTime() - DAY), new Date(NOW.getTime() - DAY - 600_000));
});

describe("review activity on thousands of reviews", () => {
  it("sums exactly what was inserted for this learner since the window start, leaving out undone ratings", async () => {
    const buckets = await listActivityBuckets(me.id, since);
    const kept = myLogs.filter((l) => !l.undone && l.reviewedAt >= since);
    const sum = (k: keyof (typeof buckets)[number]) => buckets.reduce((s, b) => s + (b[k] as number), 0);
    expect(sum("reviews")).toBe(kept.length);
    expect(sum("questionReviews")).toBe(kept.filter((l) => l.itemKind === "question").length);
    expect(sum("firstReviews")).toBe(kept.filter((l) => l.stateBefore === 0 && l.dueBefore === null).length);
    expect(sum("matureReviews")).toBe(kept.filter((l) => l.stateBefore === 2).length);
    expect(sum("matureRecalled")).toBe(kept.filter((l) => l.stateBefore === 2 && l.rating >= 2).length);
    expect(kept.length).toBeGreaterThan(5000);
    for (const b of buckets) expect(b.start.getTime() % 900_000).toBe(0);
  });

  it("assigns every review to the learner's study day exactly as lib/srs does, one review at a time", async () => {
    const buckets = await listActivityBuckets(me.id, since);
    for (const [tz, rollover] of [
      ["Europe/Berlin", 4],
      ["Asia/Kolkata", 0],
      ["America/Los_Angeles", 3],
    ] as const) {
      const days = groupByStudyDay(buckets, tz, rollover)!;
      const expected = new Map<string, number>();
      for (const l of myLogs) {
        if (l.undone || l.reviewedAt < since) continue;
        const d = studyDayOf(l.reviewedAt, tz, rollover);
        if (!d.ok) throw new Error(d.message);
        expected.set(d.value, (expected.get(d.value) ?? 0) + 1);
      }
      expect(new Map([...days].map(([d, s]) => [d, s.reviews]))).toEqual(expected);
    }
  });

  it("counts nothing for a learner without reviews", async () => {
    const empty = await makeUser("stats-empty");
    expect(await listActivityBuckets(empty.id, since)).toEqual([]);
    expect(await listAnswerSummaries(empty.id, recent)).toEqual([]);
    expect(await listCalibrationCounts(empty.id)).toEqual([]);
  });
});

describe("answer summaries and calibration on thousands of answers", () => {
  it("match a per-question computation of the inserted answers", async () => {
    const rows = await listAnswerSummaries(me.id, recent);
    const byQ = new Map<string, Answer[]>();
    for (const a of myAnswers) byQ.set(a.questionId, [...(byQ.get(a.questionId) ?? []), a]);
    expect(rows).toHaveLength(byQ.size);
    for (const row of rows) {
      const list = [...byQ.get(row.questionId)!].sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime());
      const misses = list.filter((a) => !a.correct);
      expect(row).toEqual({
        questionId: row.questionId,
        answers: list.length,
        misses: misses.length,
        sureMisses: misses.filter((a) => a.confidence === "sure").length,
        recentMisses: misses.filter((a) => a.answeredAt >= recent).length,
        lastMissedAt: misses[0]?.answeredAt ?? null,
        lastAnsweredAt: list[0]!.answeredAt,
        latestCorrect: list[0]!.correct,
        latestConfidence: list[0]!.confidence,
        latestVariant: list[0]!.variant,
        variants: expect.any(Array),
      });
      expect([...row.variants].sort()).toEqual([...new Set(list.map((a) => a.variant))].sort());
    }
  });

  it("calibration counts per confidence and outcome are exact and only this learner's", async () => {
    const counts = await listCalibrationCounts(me.id);
    const expected = new Map<string, number>();
    for (const a of myAnswers) expected.set(`${a.confidence}/${a.correct}`, (expected.get(`${a.confidence}/${a.correct}`) ?? 0) + 1);
    expect(new Map(counts.map((c) => [`${c.confidence}/${c.correct}`, c.count]))).toEqual(expected);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(ANSWERS);
  });
});

describe("memory states", () => {
  it("are counted per kind and state, and due items exclude new ones", async () => {
    const counts = await countStatesByKind(me.id);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(200);
    const expected = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const k = `${i % 2 ? "question" : "card"}/${i % 4}`;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    expect(new Map(counts.map((c) => [`${c.itemKind}/${c.state}`, c.count]))).toEqual(expected);
    const due = await countDueByKind(me.id, NOW);
    const dueExpected = { card: 0, question: 0 };
    for (let i = 0; i < 200; i++) if (i % 3 === 0 && i % 4 !== 0) dueExpected[i % 2 ? "question" : "card"] += 1;
    expect(due).toEqual(Object.fromEntries(Object.entries(dueExpected).filter(([, v]) => v > 0)));
  });
});

describe("mock exams", () => {
  it("finished attempts are the submitted ones and those past their deadline, never another learner's", async () => {
    const finished = await listFinishedAttempts(me.id, NOW);
    expect(finished.map((a) => a.id).sort()).toEqual([attemptIds.submitted, attemptIds.lapsed].sort());
    const lapsed = finished.find((a) => a.id === attemptIds.lapsed)!;
    expect(lapsed.endedAt).toEqual(new Date(NOW.getTime() - 3_600_000));
    const answers = await listFinishedExamAnswers(me.id, NOW);
    expect(answers).toHaveLength(6);
    expect(new Set(answers.map((a) => a.attemptId))).toEqual(new Set([attemptIds.submitted, attemptIds.lapsed]));
  });

  it("a retake reads this learner's finished attempt, refuses a running one, and treats another learner's as not found", async () => {
    const mine = await getAttemptForRetake(me.id, attemptIds.submitted!, NOW);
    expect(mine.ok).toBe(true);
    if (mine.ok) {
      expect(mine.attempt.answers.map((a) => [a.questionId, a.selected, a.confidence])).toEqual(
        expect.arrayContaining([
          ["q-1", ["A"], "sure"],
          ["q-3", [], null],
        ]),
      );
      expect(mine.attempt.unscoredIds).toEqual(["q-3"]);
    }
    expect(await getAttemptForRetake(me.id, attemptIds.running!, NOW)).toEqual({ ok: false, reason: "NOT_FINISHED" });
    expect(await getAttemptForRetake(me.id, attemptIds.theirs!, NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await getAttemptForRetake(me.id, "no-such-attempt", NOW)).toEqual({ ok: false, reason: "NOT_FOUND" });
  });
});

describe("exports", () => {
  it("return every row of the caller across export pages, oldest first, and none of another learner's", async () => {
    const logs = await listReviewLogsForExport(me.id);
    expect(logs).toHaveLength(LOGS);
    for (let i = 1; i < logs.length; i++) expect(logs[i - 1]!.reviewedAt.getTime()).toBeLessThanOrEqual(logs[i]!.reviewedAt.getTime());
    expect(new Set(logs.map((l) => l.id)).size).toBe(LOGS);
    const theirs = new Set((await listReviewLogsForExport(other.id)).map((l) => l.id));
    expect(theirs.size).toBe(1_500);
    expect(logs.some((l) => theirs.has(l.id))).toBe(false);
    expect(logs.filter((l) => l.undone)).toHaveLength(myLogs.filter((l) => l.undone).length);

    const answers = await listAnswersForExport(me.id);
    expect(answers).toHaveLength(ANSWERS);
    const attempts = await listAttemptsForExport(me.id);
    expect(attempts.map((a) => a.id).sort()).toEqual([attemptIds.submitted, attemptIds.running, attemptIds.lapsed].sort());
    expect(attempts.find((a) => a.id === attemptIds.submitted)).toMatchObject({ questionCount: 3, unscoredCount: 1, answeredCount: 2, rawScore: 1, scaledScore: 530, passed: false });
  });
});
