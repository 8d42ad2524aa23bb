import { describe, expect, it } from "vitest";
import { summariseCalibration, wilsonInterval } from "@/lib/progress";

describe("the Wilson interval", () => {
  it("matches known values and spans 0–1 without data", () => {
    const i = wilsonInterval(8, 10);
    expect(i.low).toBeCloseTo(0.4902, 4);
    expect(i.high).toBeCloseTo(0.9433, 4);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    expect(wilsonInterval(0, 5).low).toBe(0);
    expect(wilsonInterval(5, 5).high).toBe(1);
  });

  it("narrows as answers accumulate at the same share", () => {
    const few = wilsonInterval(8, 10);
    const many = wilsonInterval(80, 100);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
  });
});

describe("calibration", () => {
  it("gives the share right per confidence mark, in the order sure, unsure, guess", () => {
    const c = summariseCalibration([
      { confidence: "guess", correct: true, count: 2 },
      { confidence: "sure", correct: true, count: 18 },
      { confidence: "sure", correct: false, count: 2 },
      { confidence: "unsure", correct: false, count: 3 },
      { confidence: "unsure", correct: true, count: 3 },
      { confidence: "guess", correct: false, count: 6 },
    ]);
    expect(c.total).toBe(34);
    expect(c.rows.map((r) => [r.confidence, r.answered, r.right, r.rate])).toEqual([
      ["sure", 20, 18, 0.9],
      ["unsure", 6, 3, 0.5],
      ["guess", 8, 2, 0.25],
    ]);
    expect(c.verdict).toBe("When you are sure, you are right 90% of the time: your confidence is a good guide.");
  });

  it("flags overconfidence when even the top of the range for 'sure' is below 90%", () => {
    const c = summariseCalibration([
      { confidence: "sure", correct: true, count: 12 },
      { confidence: "sure", correct: false, count: 8 },
    ]);
    expect(c.rows[0]!.band.high).toBeCloseTo(0.7812, 4);
    expect(c.verdict).toMatch(/^When you are sure, you are right only 60% of the time/);
  });

  it("notices guesses that beat 'unsure' answers", () => {
    const c = summariseCalibration([
      { confidence: "sure", correct: true, count: 9 },
      { confidence: "sure", correct: false, count: 1 },
      { confidence: "unsure", correct: true, count: 1 },
      { confidence: "unsure", correct: false, count: 9 },
      { confidence: "guess", correct: true, count: 10 },
    ]);
    expect(c.verdict).toMatch(/Your guesses are right more often than your "unsure" answers/);
  });

  it("has no verdict with fewer than 10 answers marked sure, and empty rows without data", () => {
    const c = summariseCalibration([{ confidence: "sure", correct: false, count: 9 }]);
    expect(c.verdict).toBeNull();
    expect(summariseCalibration([]).rows.map((r) => [r.answered, r.rate])).toEqual([
      [0, null],
      [0, null],
      [0, null],
    ]);
  });
});
