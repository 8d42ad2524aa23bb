import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerChangeStats, estimateScaledScore, isAnswerCorrect, SCALED_SCORE_METHOD, type ScoredItem, scoreAttempt } from "@/lib/exam/scoring";
import { DVA_C02 } from "./fixtures";

describe("all-or-nothing answers", () => {
  it.each([
    [["B"], ["B"], true],
    [["B"], ["C"], false],
    [["B"], [], false],
    [["B"], ["B", "C"], false],
    [["A", "D"], ["D", "A"], true],
    [["A", "D"], ["A"], false],
    [["A", "D"], ["A", "D", "E"], false],
    [["A", "D"], ["A", "A", "D"], true],
    [["A", "C", "E"], ["A", "C", "E"], true],
    [[], [], false],
  ])("key %j, selected %j → %s", (correct, selected, expected) => {
    expect(isAnswerCorrect(correct, selected)).toBe(expected);
  });
});

describe("the estimated scaled score", () => {
  // Golden values for a 50-question scored set: 72% (36) is the cut and maps to 720.
  it.each([
    [0, 100],
    [1, 117],
    [25, 530],
    [35, 702],
    [36, 720],
    [37, 740],
    [45, 900],
    [49, 980],
    [50, 1000],
  ])("%i of 50 correct → %i", (correct, scaled) => {
    expect(estimateScaledScore(correct, 50, DVA_C02)).toBe(scaled);
  });

  it("passes at the cut and fails one answer below it", () => {
    const items = (right: number): ScoredItem[] =>
      Array.from({ length: 50 }, (_, i) => ({ questionId: `q${i}`, domain: "1", correct: ["A"], selected: i < right ? ["A"] : ["B"], scored: true }));
    const pass = scoreAttempt({ items: items(36), blueprint: DVA_C02 });
    const fail = scoreAttempt({ items: items(35), blueprint: DVA_C02 });
    expect(pass).toMatchObject({ ok: true, value: { rawCorrect: 36, scaledScore: 720, passed: true } });
    expect(fail).toMatchObject({ ok: true, value: { rawCorrect: 35, scaledScore: 702, passed: false } });
  });

  it("rises with the number right, stays in 100–1000, and reaches 720 exactly at 72% (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }))),
        ([n, a, b]) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const sLow = estimateScaledScore(low, n, DVA_C02);
          const sHigh = estimateScaledScore(high, n, DVA_C02);
          expect(sLow).toBeLessThanOrEqual(sHigh);
          expect(sLow).toBeGreaterThanOrEqual(100);
          expect(sHigh).toBeLessThanOrEqual(1000);
          expect(sHigh >= 720).toBe(100 * high >= 72 * n);
        },
      ),
      { seed: 720, numRuns: 500 },
    );
  });

  it("explains itself as an estimate for the result page", () => {
    expect(SCALED_SCORE_METHOD).toMatch(/estimate/);
    expect(SCALED_SCORE_METHOD).toMatch(/72%/);
  });
});

describe("scoring an attempt", () => {
  const items: ScoredItem[] = [
    { questionId: "q1", domain: "1", correct: ["A"], selected: ["A"], scored: true },
    { questionId: "q2", domain: "1", correct: ["A", "C"], selected: ["A"], scored: true },
    { questionId: "q3", domain: "2", correct: ["B", "D"], selected: ["D", "B"], scored: true },
    { questionId: "q4", domain: "3", correct: ["C"], selected: [], scored: true },
    { questionId: "q5", domain: "2", correct: ["A"], selected: ["A"], scored: false },
    { questionId: "q6", domain: "3", correct: ["A"], selected: ["B"], scored: false },
  ];

  it("counts scored questions only, with results per domain", () => {
    expect(scoreAttempt({ items, blueprint: DVA_C02 })).toEqual({
      ok: true,
      value: {
        rawCorrect: 2,
        scoredCount: 4,
        rawPercent: 50,
        scaledScore: estimateScaledScore(2, 4, DVA_C02),
        passingScore: 720,
        passed: false,
        perDomain: [
          { domain: "1", title: "Development with AWS Services", correct: 1, total: 2, percent: 50 },
          { domain: "2", title: "Security", correct: 1, total: 1, percent: 100 },
          { domain: "3", title: "Deployment", correct: 0, total: 1, percent: 0 },
          { domain: "4", title: "Troubleshooting and Optimization", correct: 0, total: 0, percent: null },
        ],
        estimate: true,
      },
    });
    expect(estimateScaledScore(2, 4, DVA_C02)).toBe(530);
  });

  it("refuses an attempt with nothing scored", () => {
    expect(scoreAttempt({ items: items.map((i) => ({ ...i, scored: false })), blueprint: DVA_C02 })).toMatchObject({
      ok: false,
      reason: "NO_SCORED_ITEMS",
    });
  });
});

describe("answer changes", () => {
  it("counts changes from wrong to right, right to wrong and wrong to wrong", () => {
    expect(
      answerChangeStats([
        { correct: ["A"], first: ["B"], final: ["A"] },
        { correct: ["A"], first: ["A"], final: ["C"] },
        { correct: ["A"], first: ["B"], final: ["C"] },
        { correct: ["A", "B"], first: ["A"], final: ["A", "B"] },
        { correct: ["A", "B"], first: ["B", "A"], final: ["A", "B"] },
        { correct: ["A"], first: [], final: ["A"] },
        { correct: ["A"], first: ["A"], final: ["A"] },
      ]),
    ).toEqual({ changed: 4, wrongToRight: 2, rightToWrong: 1, wrongToWrong: 1 });
  });
});
