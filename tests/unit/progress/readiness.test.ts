import { describe, expect, it } from "vitest";
import { estimateReadiness, MIN_PRACTICE_QUESTIONS, type PracticeEvidence, type ReadinessExam } from "@/lib/progress";
import { DAY, T0 } from "./helpers";

const EXAM: ReadinessExam = {
  id: "DVA-C02",
  title: "Developer",
  scoredCount: 50,
  score: { min: 100, max: 1000, passing: 720 },
  domains: [
    { id: "1", title: "Alpha", weight: 60 },
    { id: "2", title: "Beta", weight: 40 },
  ],
};
const BANK = { "1": 30, "2": 10 };

/** `right` questions right with recall `recall`, then `wrong` wrong, all in `domain`. */
function answers(domain: string, right: number, wrong: number, recall: number | null = 1, prefix = domain): PracticeEvidence[] {
  return [
    ...Array.from({ length: right }, (_, i) => ({ questionId: `${prefix}-r${i}`, domains: [domain], latestCorrect: true, recall })),
    ...Array.from({ length: wrong }, (_, i) => ({ questionId: `${prefix}-w${i}`, domains: [domain], latestCorrect: false, recall: 0.99 })),
  ];
}

describe("readiness from practice", () => {
  // Domain 1: 16 of 20 right → 0.8. Domain 2: 3 right (recall 1) + 1 right at recall 0.5 + 1 wrong → 3.5 / 5 = 0.7.
  // Weighted 0.6 × 0.8 + 0.4 × 0.7 = 0.76 over n = 1 / (0.36/20 + 0.16/5) = 20 effective answers.
  // Wilson 95%: 0.5416–0.8946 → 27 and 45 of 50 → scaled 565 and 900.
  const practice = [...answers("1", 16, 4), ...answers("2", 3, 1), { questionId: "2-faded", domains: ["2"], latestCorrect: true, recall: 0.5 }];

  it("gives a band from the domain-weighted, memory-weighted share of right answers", () => {
    const r = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice, mocks: [], now: T0 });
    expect(r.practice.questions).toBe(25);
    expect(r.practice.effective).toBeCloseTo(20, 9);
    expect(r.domains.map((d) => [d.id, d.answered, d.share])).toEqual([
      ["1", 20, 0.8],
      ["2", 5, 0.7],
    ]);
    expect(r.result).toMatchObject({ kind: "band", lowScore: 565, highScore: 900, verdict: "borderline" });
    if (r.result.kind !== "band") throw new Error("expected a band");
    expect(r.result.lowPercent).toBeCloseTo(54.163, 2);
    expect(r.result.highPercent).toBeCloseTo(89.458, 2);
    expect(r.result.sentence).toMatch(/too close to call/);
  });

  it("is wider with fewer answers at the same share", () => {
    const many = [...answers("1", 64, 16), ...answers("2", 28, 12)];
    const few = [...answers("1", 16, 4), ...answers("2", 7, 3)];
    const wide = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: few, mocks: [], now: T0 }).result;
    const narrow = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: many, mocks: [], now: T0 }).result;
    if (wide.kind !== "band" || narrow.kind !== "band") throw new Error("expected bands");
    expect(wide.highScore - wide.lowScore).toBeGreaterThan(narrow.highScore - narrow.lowScore);
    expect(narrow.lowScore).toBeGreaterThanOrEqual(wide.lowScore);
  });

  it("counts a right answer by how likely it is still remembered", () => {
    const fresh = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: [...answers("1", 20, 0, 1), ...answers("2", 10, 0, 1)], mocks: [], now: T0 });
    const faded = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: [...answers("1", 20, 0, 0.6), ...answers("2", 10, 0, 0.6)], mocks: [], now: T0 });
    expect(fresh.domains[0]!.share).toBe(1);
    expect(faded.domains[0]!.share).toBeCloseTo(0.6, 12);
    if (fresh.result.kind !== "band" || faded.result.kind !== "band") throw new Error("expected bands");
    expect(faded.result.highScore).toBeLessThan(fresh.result.lowScore);
  });

  it("says 'too little data' below the minimum, naming what is missing", () => {
    const r = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: [...answers("1", 15, 2), ...answers("2", 1, 1)], mocks: [], now: T0 });
    expect(r.result).toEqual({
      kind: "insufficient",
      needs: [
        `Practise at least ${MIN_PRACTICE_QUESTIONS} questions of DVA-C02 (you have 19).`,
        "Answer at least 3 questions in domain 2, Beta (you have 2).",
        "Or take a mock exam of DVA-C02.",
      ],
    });
  });

  it("with no answers at all is 'too little data', never a number", () => {
    const r = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: [], mocks: [], now: T0 });
    expect(r.result.kind).toBe("insufficient");
  });
});

describe("readiness from mock exams", () => {
  it("a recent mock exam alone is enough for a band", () => {
    // 35 of 50 = 0.7; Wilson 0.5625–0.8090 → 28 and 41 of 50 → 582 and 820.
    const r = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: [], mocks: [{ correct: 35, scored: 50, submittedAt: new Date(T0.getTime() - DAY) }], now: T0 });
    expect(r.mocks).toEqual({ attempts: 1, correct: 35, scored: 50 });
    expect(r.result).toMatchObject({ kind: "band", lowScore: 582, highScore: 820, verdict: "borderline" });
  });

  it("pools mocks with practice, narrowing the band, and ignores mocks older than 90 days", () => {
    const practice = [...answers("1", 16, 4), ...answers("2", 4, 1)];
    const alone = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice, mocks: [], now: T0 }).result;
    const pooled = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice, mocks: [{ correct: 40, scored: 50, submittedAt: new Date(T0.getTime() - 5 * DAY) }], now: T0 });
    const old = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice, mocks: [{ correct: 40, scored: 50, submittedAt: new Date(T0.getTime() - 91 * DAY) }], now: T0 });
    if (alone.kind !== "band" || pooled.result.kind !== "band") throw new Error("expected bands");
    expect(pooled.result.highScore - pooled.result.lowScore).toBeLessThan(alone.highScore - alone.lowScore);
    expect(old.mocks.attempts).toBe(0);
    expect(old.result).toEqual(alone);
  });

  it("uses at most the three latest mocks", () => {
    const mocks = [1, 2, 3, 4].map((d) => ({ correct: d === 4 ? 0 : 45, scored: 50, submittedAt: new Date(T0.getTime() - d * DAY) }));
    const r = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: [], mocks, now: T0 });
    expect(r.mocks).toEqual({ attempts: 3, correct: 135, scored: 150 });
    expect(r.result).toMatchObject({ kind: "band", verdict: "likely-pass" });
  });

  it("a band entirely below the pass mark says 'not yet'", () => {
    const r = estimateReadiness({ exam: EXAM, bankCounts: BANK, practice: [], mocks: [{ correct: 60, scored: 150, submittedAt: T0 }], now: T0 });
    expect(r.result).toMatchObject({ kind: "band", verdict: "not-yet" });
  });
});

describe("coverage of the exam by the bank", () => {
  it("leaves out domains with fewer than 5 questions in the bank and reports the covered weight", () => {
    const exam: ReadinessExam = { ...EXAM, domains: [...EXAM.domains.map((d) => ({ ...d, weight: d.weight / 2 })), { id: "3", title: "Gamma", weight: 50 }] };
    const r = estimateReadiness({ exam, bankCounts: { ...BANK, "3": 4 }, practice: [...answers("1", 16, 4), ...answers("2", 3, 2), ...answers("3", 5, 0)], mocks: [], now: T0 });
    expect(r.coveredWeight).toBe(50);
    expect(r.domains.find((d) => d.id === "3")).toMatchObject({ covered: false, answered: 0, share: null });
    expect(r.practice.questions).toBe(25);
  });

  it("an exam the bank does not cover is 'too little data'", () => {
    const r = estimateReadiness({ exam: EXAM, bankCounts: { "1": 2, "2": 1 }, practice: answers("1", 30, 0), mocks: [], now: T0 });
    expect(r.result).toEqual({ kind: "insufficient", needs: ["Our question bank does not cover DVA-C02 well enough to estimate a score."] });
  });
});
