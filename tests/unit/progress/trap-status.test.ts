import { describe, expect, it } from "vitest";
import { deriveTrapStatus, rankTraps, recentSince, RECENT_MISS_DAYS, type TrapVerdict } from "@/lib/progress";
import { byId, DAY, memory, missed, summary, T0 } from "./helpers";

const QUESTIONS = ["q1", "q2", "q3"];

describe("the status of a trap", () => {
  it("is 'not seen yet' when none of its questions has been answered, even with unrelated answers", () => {
    const v = deriveTrapStatus(QUESTIONS, byId([summary("other")]), new Map());
    expect(v.status).toBe("unseen");
    expect(v).toMatchObject({ seen: 0, missed: 0, lastMissedAt: null, openMisses: 0 });
  });

  it("is weak while the latest answer to one of its questions is wrong, and says it was marked sure", () => {
    const at = new Date(T0.getTime() - 2 * DAY);
    const answers = byId([summary("q1", { answers: 3 }), missed("q2", "sure", at, { answers: 2 })]);
    const v = deriveTrapStatus(QUESTIONS, answers, new Map([["q1", memory(2, 0.97)], ["q2", memory(3, 0.99)]]));
    expect(v.status).toBe("weak");
    expect(v).toMatchObject({ seen: 5, missed: 1, openMisses: 1, openConfidentMisses: 1, confidentMisses: 1 });
    expect(v.lastMissedAt).toEqual(at);
    expect(v.reasons).toEqual(["Your latest answer to one of its questions is wrong (marked sure)."]);
  });

  it("is weak when memory of its questions has faded below 70%, though every latest answer is right", () => {
    const answers = byId([summary("q1"), summary("q2")]);
    const v = deriveTrapStatus(QUESTIONS, answers, new Map([["q1", memory(2, 0.6)], ["q2", memory(2, 0.7)]]));
    expect(v.meanRecall).toBeCloseTo(0.65, 10);
    expect(v.status).toBe("weak");
    expect(v.reasons[0]).toMatch(/faded: about 65% chance of recall/);
  });

  it("is improving once a miss is put right but happened within the recent window", () => {
    const answers = byId([
      summary("q1", { answers: 2, misses: 1, recentMisses: 1, lastMissedAt: new Date(T0.getTime() - 3 * DAY) }),
      summary("q2"),
    ]);
    const v = deriveTrapStatus(QUESTIONS, answers, new Map([["q1", memory(2, 0.95)], ["q2", memory(2, 0.95)]]));
    expect(v.status).toBe("improving");
    expect(v.reasons).toEqual([`Missed 1 time in the last ${RECENT_MISS_DAYS} days.`]);
  });

  it("is improving with a single question answered right, or with questions still in learning steps", () => {
    const one = deriveTrapStatus(QUESTIONS, byId([summary("q1")]), new Map([["q1", memory(2, 0.99)]]));
    expect(one.status).toBe("improving");
    expect(one.reasons).toEqual(["Answered right on 1 question so far; 2 are needed."]);
    const learning = deriveTrapStatus(QUESTIONS, byId([summary("q1"), summary("q2")]), new Map([["q1", memory(1, 0.99)], ["q2", memory(2, 0.99)]]));
    expect(learning.status).toBe("improving");
    expect(learning.reasons).toEqual(["1 question still in learning steps."]);
  });

  it("is solid with two questions right, no recent miss, both in review and recall of 85% or more", () => {
    const answers = byId([summary("q1", { misses: 1, recentMisses: 0, lastMissedAt: new Date(T0.getTime() - 40 * DAY) }), summary("q2")]);
    const v = deriveTrapStatus(QUESTIONS, answers, new Map([["q1", memory(2, 0.9)], ["q2", memory(2, 0.86)]]));
    expect(v.status).toBe("solid");
    expect(v.missed).toBe(1);
  });

  it("the recent window starts 14 days before now", () => {
    expect(recentSince(T0).toISOString()).toBe("2025-02-24T12:00:00.000Z");
  });
});

describe("the order of the traps list", () => {
  const v = (over: Partial<TrapVerdict>): TrapVerdict => ({
    status: "improving",
    seen: 1,
    missed: 0,
    lastMissedAt: null,
    openMisses: 0,
    openConfidentMisses: 0,
    confidentMisses: 0,
    meanRecall: 0.9,
    reasons: [],
    ...over,
  });

  it("puts an open confident miss first, then weak, improving, not seen and solid", () => {
    const ranked = rankTraps([
      { title: "Solid", verdict: v({ status: "solid" }) },
      { title: "Unseen", verdict: v({ status: "unseen", seen: 0 }) },
      { title: "Weak with many guesses", verdict: v({ status: "weak", missed: 9, openMisses: 3, lastMissedAt: T0 }) },
      { title: "Improving", verdict: v({ status: "improving" }) },
      { title: "Weak and sure", verdict: v({ status: "weak", missed: 1, openMisses: 1, openConfidentMisses: 1, confidentMisses: 1 }) },
    ]);
    expect(ranked.map((t) => t.title)).toEqual(["Weak and sure", "Weak with many guesses", "Improving", "Unseen", "Solid"]);
  });

  it("within a status ranks more confident misses, then more misses, then the latest miss, then the title", () => {
    const ranked = rankTraps([
      { title: "B", verdict: v({ status: "weak", missed: 2 }) },
      { title: "A", verdict: v({ status: "weak", missed: 2 }) },
      { title: "Older", verdict: v({ status: "weak", missed: 3, lastMissedAt: new Date(T0.getTime() - DAY) }) },
      { title: "Newer", verdict: v({ status: "weak", missed: 3, lastMissedAt: T0 }) },
      { title: "Sure once", verdict: v({ status: "weak", missed: 1, confidentMisses: 1 }) },
    ]);
    expect(ranked.map((t) => t.title)).toEqual(["Sure once", "Newer", "Older", "A", "B"]);
  });
});
