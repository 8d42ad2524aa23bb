import { describe, expect, it } from "vitest";
import { DEFAULT_QUICK_THRESHOLD_MS, type QuestionOutcome, rateQuestion, ratingFromValue, type ReviewRating } from "@/lib/srs/rating";

describe("rating a question from correctness, confidence and response time", () => {
  const table: Array<[QuestionOutcome, ReviewRating]> = [
    [{ correct: false, confidence: "sure", responseMs: 5_000 }, "again"],
    [{ correct: false, confidence: "unsure", responseMs: 60_000 }, "again"],
    [{ correct: false, confidence: "guess" }, "again"],
    [{ correct: true, confidence: "guess", responseMs: 5_000 }, "hard"],
    [{ correct: true, confidence: "guess", responseMs: 90_000 }, "hard"],
    [{ correct: true, confidence: "unsure", responseMs: 5_000 }, "good"],
    [{ correct: true, confidence: "unsure", responseMs: 90_000 }, "good"],
    [{ correct: true, confidence: "sure", responseMs: 90_000 }, "good"],
    [{ correct: true, confidence: "sure", responseMs: 19_999 }, "easy"],
    [{ correct: true, confidence: "sure", responseMs: 20_000 }, "good"],
    [{ correct: true, confidence: "sure", responseMs: 0 }, "easy"],
    [{ correct: true, confidence: "sure", responseMs: null }, "good"],
    [{ correct: true, confidence: "sure" }, "good"],
    [{ correct: true, confidence: "sure", responseMs: -1 }, "good"],
    [{ correct: true, confidence: "sure", responseMs: Number.NaN }, "good"],
  ];

  it.each(table)("%j → %s", (outcome, expected) => {
    expect(rateQuestion(outcome)).toBe(expected);
  });

  it("uses 20 seconds as the default quick threshold", () => {
    expect(DEFAULT_QUICK_THRESHOLD_MS).toBe(20_000);
  });

  it("takes the quick threshold as an argument", () => {
    const outcome: QuestionOutcome = { correct: true, confidence: "sure", responseMs: 30_000 };
    expect(rateQuestion(outcome, 45_000)).toBe("easy");
    expect(rateQuestion(outcome, 30_000)).toBe("good");
  });
});

describe("rating a flashcard directly from 1 to 4", () => {
  it.each([
    [1, "again"],
    [2, "hard"],
    [3, "good"],
    [4, "easy"],
  ] as const)("%i is %s", (value, rating) => {
    expect(ratingFromValue(value)).toEqual({ ok: true, value: rating });
  });

  it.each([0, 5, 2.5, -1, Number.NaN])("refuses %d", (value) => {
    const result = ratingFromValue(value);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe("INVALID_RATING");
      expect(result.message).toContain(`\`${value}\``);
    }
  });
});
