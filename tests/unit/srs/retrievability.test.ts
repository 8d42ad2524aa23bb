import { describe, expect, it } from "vitest";
import type { CardFields } from "@/lib/srs/card-state";
import { retrievability } from "@/lib/srs/retrievability";

const DAY = 86_400_000;
const lastReview = new Date("2025-05-01T08:00:00Z");
const card: CardFields = {
  due: new Date(lastReview.getTime() + 10 * DAY),
  stability: 10,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 10,
  learningSteps: 0,
  reps: 3,
  lapses: 0,
  state: 2,
  lastReview,
};

describe("retrievability", () => {
  it("is unknown for an item never reviewed", () => {
    expect(retrievability(null, lastReview)).toBeNull();
    expect(retrievability({ ...card, state: 0, lastReview: null }, lastReview)).toBeNull();
  });

  it("is certain right after a review and 90% after as many days as the stability", () => {
    expect(retrievability(card, lastReview)).toBe(1);
    expect(retrievability(card, new Date(lastReview.getTime() + 10 * DAY))).toBeCloseTo(0.9, 6);
  });

  it("falls as time passes", () => {
    const values = [1, 5, 10, 30, 100].map((d) => retrievability(card, new Date(lastReview.getTime() + d * DAY)) ?? 0);
    for (let i = 1; i < values.length; i += 1) expect(values[i]).toBeLessThan(values[i - 1] ?? 0);
  });
});
