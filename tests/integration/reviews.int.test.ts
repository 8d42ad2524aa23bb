import { describe, expect, it } from "vitest";
import { countReviewLogs, getReviewState, listDueStates, recordReview, type CardFields } from "@/lib/db/reviews";
import { makeUser } from "./helpers";

const t = (iso: string) => new Date(iso);

function card(overrides: Partial<CardFields> = {}): CardFields {
  return {
    due: t("2030-03-02T09:00:00.000Z"),
    stability: 2.5,
    difficulty: 5.1,
    elapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    lastReview: t("2030-03-01T09:00:00.000Z"),
    ...overrides,
  };
}

const log = (rating: number, at: string) => ({ rating, source: "review", reviewedAt: t(at) });

describe("review state", () => {
  it("round-trips every FSRS field and logs the rating with the state before and after", async () => {
    const u = await makeUser("rt");
    const next = card();
    const res = await recordReview(u.id, { itemId: "card:iam-001", itemKind: "card", expectedVersion: null, next, log: log(3, "2030-03-01T09:00:00Z") });
    expect(res.ok).toBe(true);
    const got = await getReviewState(u.id, "card:iam-001");
    expect(got).toEqual({ ...next, itemId: "card:iam-001", itemKind: "card", version: 1 });
    expect(await countReviewLogs(u.id, "card:iam-001")).toBe(1);

    const second = card({ stability: 7.75, reps: 2, due: t("2030-03-09T09:00:00.000Z"), lastReview: t("2030-03-02T09:05:00.000Z") });
    const res2 = await recordReview(u.id, { itemId: "card:iam-001", itemKind: "card", expectedVersion: 1, next: second, log: log(4, "2030-03-02T09:05:00Z") });
    expect(res2.ok).toBe(true);
    expect(await getReviewState(u.id, "card:iam-001")).toEqual({ ...second, itemId: "card:iam-001", itemKind: "card", version: 2 });
    expect(await countReviewLogs(u.id, "card:iam-001")).toBe(2);
  });

  it("refuses a rating based on a stale read and writes nothing", async () => {
    const u = await makeUser("stale");
    await recordReview(u.id, { itemId: "q:1", itemKind: "question", expectedVersion: null, next: card(), log: log(3, "2030-03-01T09:00:00Z") });
    const stale = await recordReview(u.id, { itemId: "q:1", itemKind: "question", expectedVersion: 0, next: card({ reps: 9 }), log: log(1, "2030-03-01T09:01:00Z") });
    expect(stale).toEqual({ ok: false, reason: "STALE" });
    expect((await getReviewState(u.id, "q:1"))?.reps).toBe(1);
    expect(await countReviewLogs(u.id, "q:1")).toBe(1);
  });

  it("applies exactly one of two simultaneous first ratings", async () => {
    const u = await makeUser("race");
    const [a, b] = await Promise.all([
      recordReview(u.id, { itemId: "card:race", itemKind: "card", expectedVersion: null, next: card({ reps: 1 }), log: log(3, "2030-03-01T09:00:00Z") }),
      recordReview(u.id, { itemId: "card:race", itemKind: "card", expectedVersion: null, next: card({ reps: 1, stability: 9 }), log: log(4, "2030-03-01T09:00:00Z") }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect(await countReviewLogs(u.id, "card:race")).toBe(1);
  });

  it("never shows one user's rows to another", async () => {
    const alice = await makeUser("alice");
    const bob = await makeUser("bob");
    await recordReview(alice.id, { itemId: "card:shared-id", itemKind: "card", expectedVersion: null, next: card({ due: t("2020-01-01T00:00:00Z") }), log: log(3, "2020-01-01T00:00:00Z") });
    expect(await getReviewState(bob.id, "card:shared-id")).toBeNull();
    expect(await listDueStates(bob.id, t("2031-01-01T00:00:00Z"))).toEqual([]);
    expect(await countReviewLogs(bob.id)).toBe(0);
    // Bob rating the same content id creates his own state and leaves Alice's untouched.
    await recordReview(bob.id, { itemId: "card:shared-id", itemKind: "card", expectedVersion: null, next: card({ reps: 5 }), log: log(2, "2030-01-01T00:00:00Z") });
    expect((await getReviewState(alice.id, "card:shared-id"))?.reps).toBe(1);
    expect((await listDueStates(alice.id, t("2031-01-01T00:00:00Z"))).map((s) => s.itemId)).toEqual(["card:shared-id"]);
  });
});
