import { describe, expect, it } from "vitest";
import { type DayStats, type ExamMastery, findWeakDomains, paceOver, planToExam } from "@/lib/progress";

const zero: DayStats = { reviews: 0, questionReviews: 0, firstReviews: 0, matureReviews: 0, matureRecalled: 0 };

describe("pace over the last 14 study days", () => {
  it("averages over all 14 days, counting days without study as zero, and ignores older days", () => {
    const days = new Map<string, DayStats>([
      ["2025-03-12", { ...zero, reviews: 30, questionReviews: 10, firstReviews: 14 }],
      ["2025-02-27", { ...zero, reviews: 28, questionReviews: 18, firstReviews: 14 }],
      ["2025-02-26", { ...zero, reviews: 1000, firstReviews: 1000 }],
    ]);
    expect(paceOver(days, "2025-03-12")).toEqual({ newPerDay: 2, questionsPerDay: 2, reviewsPerDay: 58 / 14 });
  });
});

describe("weak domains", () => {
  const mastery: ExamMastery[] = [
    {
      exam: "DVA-C02",
      domains: [
        { id: "DVA-C02:1", label: "Domain 1", title: "Dev", weight: 32, total: 10, counts: { mastered: 5, learning: 2, weak: 1, untested: 2 }, tasks: [] },
        { id: "DVA-C02:2", label: "Domain 2", title: "Security", weight: 26, total: 20, counts: { mastered: 2, learning: 0, weak: 0, untested: 18 }, tasks: [] },
        { id: "DVA-C02:3", label: "Domain 3", title: "Deploy", weight: 24, total: 3, counts: { mastered: 0, learning: 0, weak: 0, untested: 3 }, tasks: [] },
        { id: "DVA-C02:4", label: "Domain 4", title: "Ops", weight: 18, total: 10, counts: { mastered: 7, learning: 0, weak: 0, untested: 3 }, tasks: [] },
      ],
    },
  ];

  it("are covered domains under 60% mastered, the largest weighted gap first", () => {
    expect(findWeakDomains(mastery).map((d) => [d.domain, d.open])).toEqual([
      ["2", 18],
      ["1", 5],
    ]);
    expect(findWeakDomains(mastery, ["SAA-C03"])).toEqual([]);
  });
});

describe("the plan to the exam date", () => {
  const pace = { newPerDay: 10, questionsPerDay: 4, reviewsPerDay: 30 };
  const weak = [{ exam: "DVA-C02", domain: "2", title: "Security", weight: 26, total: 20, open: 18, masteredShare: 0.1 }];

  it("counts the days left and checks the pace against the bank and the weak domains", () => {
    const p = planToExam({ today: "2025-03-12", examDay: "2025-04-01", pace, unseenItems: 150, dueNow: 12, newPerDaySetting: 20, weakDomains: weak });
    expect(p).toEqual({
      status: "ahead",
      daysLeft: 20,
      bank: { unseen: 150, neededPerDay: 8, onPace: true, finishInDays: 15 },
      weak: { open: 18, neededPerDay: 1, onPace: true },
      today: { reviews: 12, newItems: 8, focus: weak[0] },
    });
  });

  it("says when the pace falls short", () => {
    const p = planToExam({ today: "2025-03-12", examDay: "2025-03-17", pace: { ...pace, questionsPerDay: 3 }, unseenItems: 300, dueNow: 0, newPerDaySetting: 20, weakDomains: weak });
    expect(p.bank).toEqual({ unseen: 300, neededPerDay: 60, onPace: false, finishInDays: 30 });
    expect(p.weak.onPace).toBe(false);
    expect(p.today.newItems).toBe(60);
  });

  it("without a date suggests the daily new-item setting; on the day or after, no new items", () => {
    expect(planToExam({ today: "2025-03-12", examDay: null, pace, unseenItems: 5, dueNow: 0, newPerDaySetting: 20, weakDomains: [] })).toMatchObject({ status: "no-date", daysLeft: null, today: { newItems: 5, focus: null } });
    expect(planToExam({ today: "2025-03-12", examDay: "2025-03-12", pace, unseenItems: 5, dueNow: 0, newPerDaySetting: 20, weakDomains: [] })).toMatchObject({ status: "today", daysLeft: 0, today: { newItems: 0 } });
    expect(planToExam({ today: "2025-03-12", examDay: "2025-03-01", pace, unseenItems: 5, dueNow: 0, newPerDaySetting: 20, weakDomains: [] })).toMatchObject({ status: "past", daysLeft: -11 });
  });
});
