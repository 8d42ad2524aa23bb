import { describe, expect, it } from "vitest";
import { type CardFields, createNewCardFields, fromFsrsCard, toFsrsCard } from "@/lib/srs/card-state";
import type { ReviewRating } from "@/lib/srs/rating";
import { checkDesiredRetention, nextReview, previewIntervals, type ScheduleOptions } from "@/lib/srs/schedule";

const opts: ScheduleOptions = { desiredRetention: 0.9 };
const at = (iso: string) => new Date(iso);

function review(card: CardFields | null, rating: ReviewRating, now: Date, options: ScheduleOptions = opts) {
  const result = nextReview(card, rating, now, options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function preview(card: CardFields | null, now: Date, options: ScheduleOptions = opts) {
  const result = previewIntervals(card, now, options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** A card in review, last seen 20 days before 2025-06-01 with 20 days of stability. */
const matureCard: CardFields = {
  due: at("2025-06-01T08:00:00Z"),
  stability: 20,
  difficulty: 5,
  elapsedDays: 12,
  scheduledDays: 20,
  learningSteps: 0,
  reps: 6,
  lapses: 0,
  state: 2,
  lastReview: at("2025-05-12T08:00:00Z"),
};

describe("golden sequence: good, good, again, good", () => {
  // Computed once with ts-fsrs 5.4.2 (default FSRS-6 weights, learning steps 1m/10m,
  // relearning 10m, desired retention 0.9, fuzz off) and frozen. Any change here means the
  // scheduler changed: read the ts-fsrs changelog before freezing new values. The sequence
  // walks every state: New → Learning (step 10m) → Review (2 days) → Relearning (10m, one
  // lapse) → Review (1 day). Times are UTC instants; the test runs in America/Los_Angeles.
  const steps: Array<{ at: string; rating: ReviewRating; expected: CardFields }> = [
    {
      at: "2025-03-01T17:00:00Z",
      rating: "good",
      expected: {
        due: at("2025-03-01T17:10:00Z"),
        stability: 2.3065,
        difficulty: 2.11810397,
        elapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 1,
        reps: 1,
        lapses: 0,
        state: 1,
        lastReview: at("2025-03-01T17:00:00Z"),
      },
    },
    {
      at: "2025-03-01T17:10:00Z",
      rating: "good",
      expected: {
        due: at("2025-03-03T17:10:00Z"),
        stability: 2.3065,
        difficulty: 2.11121424,
        elapsedDays: 0,
        scheduledDays: 2,
        learningSteps: 0,
        reps: 2,
        lapses: 0,
        state: 2,
        lastReview: at("2025-03-01T17:10:00Z"),
      },
    },
    {
      at: "2025-03-03T17:30:00Z",
      rating: "again",
      expected: {
        due: at("2025-03-03T17:40:00Z"),
        stability: 0.60770166,
        difficulty: 7.39223814,
        elapsedDays: 2,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 3,
        lapses: 1,
        state: 3,
        lastReview: at("2025-03-03T17:30:00Z"),
      },
    },
    {
      at: "2025-03-03T17:45:00Z",
      rating: "good",
      expected: {
        due: at("2025-03-04T17:45:00Z"),
        stability: 0.65979762,
        difficulty: 7.38007427,
        elapsedDays: 0,
        scheduledDays: 1,
        learningSteps: 0,
        reps: 4,
        lapses: 1,
        state: 2,
        lastReview: at("2025-03-03T17:45:00Z"),
      },
    },
  ];

  it("produces exactly the frozen states", () => {
    let card: CardFields | null = null;
    for (const step of steps) {
      card = review(card, step.rating, at(step.at)).next;
      expect(card).toEqual(step.expected);
    }
  });

  it("logs each rating with the state before and after", () => {
    const [first, second, third] = steps;
    if (!first || !second || !third) throw new Error("golden steps missing");
    const { log: newLog } = review(null, "good", at(first.at));
    expect(newLog).toEqual({
      rating: "good",
      ratingValue: 3,
      reviewedAt: at(first.at),
      stateBefore: 0,
      stateAfter: 1,
      dueBefore: null,
      dueAfter: first.expected.due,
      stabilityAfter: first.expected.stability,
      difficultyAfter: first.expected.difficulty,
      scheduledDays: 0,
      elapsedDays: 0,
      before: null,
    });

    const { log: lapseLog } = review(second.expected, "again", at(third.at));
    expect(lapseLog).toMatchObject({
      rating: "again",
      ratingValue: 1,
      stateBefore: 2,
      stateAfter: 3,
      dueBefore: second.expected.due,
      dueAfter: third.expected.due,
      elapsedDays: 2,
      before: second.expected,
    });
  });

  it("leaves the state it was given untouched", () => {
    const before = structuredClone(matureCard);
    review(matureCard, "again", at("2025-06-02T08:00:00Z"));
    expect(matureCard).toEqual(before);
  });
});

describe("previewing the intervals for the four buttons", () => {
  it("shows the learning steps and the first interval for a never-reviewed item", () => {
    const now = at("2025-03-10T00:00:00Z");
    expect(preview(null, now).map((p) => [p.rating, p.label, p.due.toISOString()])).toEqual([
      ["again", "1m", "2025-03-10T00:01:00.000Z"],
      ["hard", "6m", "2025-03-10T00:06:00.000Z"],
      ["good", "10m", "2025-03-10T00:10:00.000Z"],
      ["easy", "8d", "2025-03-18T00:00:00.000Z"],
    ]);
  });

  it("shows relearning and growing intervals for a card in review (golden)", () => {
    const card: CardFields = {
      due: at("2025-03-04T17:45:00Z"),
      stability: 0.65979762,
      difficulty: 7.38007427,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 4,
      lapses: 1,
      state: 2,
      lastReview: at("2025-03-03T17:45:00Z"),
    };
    expect(preview(card, at("2025-03-10T00:00:00Z")).map((p) => p.label)).toEqual(["10m", "3d", "5d", "9d"]);
  });

  it("labels months for a mature card", () => {
    const labels = preview(matureCard, at("2025-06-01T08:00:00Z")).map((p) => p.label);
    expect(labels[0]).toBe("10m");
    expect(labels[3]).toMatch(/mo$/);
  });

  it("agrees with what each rating then schedules", () => {
    const now = at("2025-06-03T09:30:00Z");
    for (const options of [opts, { desiredRetention: 0.85, fuzzSeed: "user-1:card-7" }]) {
      for (const p of preview(matureCard, now, options)) {
        expect(review(matureCard, p.rating, now, options).next.due).toEqual(p.due);
        expect(p.intervalMs).toBe(p.due.getTime() - now.getTime());
      }
    }
  });
});

describe("desired retention", () => {
  it.each([0.8, 0.85, 0.9, 0.97])("accepts %d", (value) => {
    expect(checkDesiredRetention(value)).toEqual({ ok: true, value });
    expect(nextReview(null, "good", at("2025-01-01T00:00:00Z"), { desiredRetention: value }).ok).toBe(true);
  });

  it.each([0.79, 0.971, 0.5, 1, 0, Number.NaN])("refuses %d with a result, not an exception", (value) => {
    const now = at("2025-01-01T00:00:00Z");
    for (const result of [nextReview(null, "good", now, { desiredRetention: value }), previewIntervals(null, now, { desiredRetention: value })]) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe("INVALID_DESIRED_RETENTION");
        expect(result.message).toBe(`desired retention must be between 0.80 and 0.97, got \`${value}\``);
      }
    }
  });

  it("schedules sooner when the learner asks to retain more", () => {
    const now = at("2025-06-01T08:00:00Z");
    const low = review(matureCard, "good", now, { desiredRetention: 0.8 }).next.scheduledDays;
    const high = review(matureCard, "good", now, { desiredRetention: 0.97 }).next.scheduledDays;
    expect(high).toBeLessThan(low);
  });
});

describe("fuzz", () => {
  const now = at("2025-06-01T08:00:00Z");

  it("is off without a seed, so the same review always gives the same interval", () => {
    const a = review(matureCard, "good", now).next;
    const b = review(matureCard, "good", at("2025-06-01T08:00:00Z")).next;
    expect(a).toEqual(b);
  });

  it("is deterministic for a seed and spreads intervals across seeds", () => {
    const plain = review(matureCard, "good", now).next.scheduledDays;
    const fuzzed = ["a", "b", "c", "d", "e", "f", "g", "h"].map((seed) => review(matureCard, "good", now, { ...opts, fuzzSeed: seed }).next.scheduledDays);
    const again = ["a", "b", "c", "d", "e", "f", "g", "h"].map((seed) => review(matureCard, "good", now, { ...opts, fuzzSeed: seed }).next.scheduledDays);
    expect(again).toEqual(fuzzed);
    expect(new Set(fuzzed).size).toBeGreaterThan(1);
    for (const days of fuzzed) expect(Math.abs(days - plain)).toBeLessThanOrEqual(Math.ceil(plain * 0.15));
  });
});

describe("card fields and ts-fsrs cards", () => {
  it("round-trip without sharing dates", () => {
    const card = toFsrsCard(matureCard);
    expect(card.last_review).not.toBe(matureCard.lastReview);
    expect(fromFsrsCard(card)).toEqual(matureCard);
  });

  it("start new items in state 0, due now, never reviewed", () => {
    const now = at("2025-02-01T12:00:00Z");
    expect(createNewCardFields(now)).toMatchObject({ state: 0, due: now, reps: 0, lapses: 0, lastReview: null });
  });
});
