// The flashcard review session against a real PostgreSQL: the orchestration the server actions
// call (app/review/mutations.ts, app/review/data.ts) with the signed-in user's id, a fixed
// clock, and a small compiled card bank written to a temporary content folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReviewSession } from "@/app/review/data";
import { rateCard, undoLastRating } from "@/app/review/mutations";
import { rateCardInput, type RateCardInput } from "@/app/review/schema";
import { resetContentCache, type Card, type PublicBundle, type Topic } from "@/lib/content";
import { CONTENT_FORMAT_VERSION } from "@/lib/content/model";
import { writeContent } from "@/lib/content/write";
import { countReviewLogs, getReviewState } from "@/lib/db/reviews";
import { updateSettings } from "@/lib/db/users";
import { databaseUrl, makeUser, sql } from "./helpers";

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

function card(id: string, topic: string): Card {
  return {
    id,
    topic,
    tags: [],
    frontHtml: `Front of <code>${id}</code>?`,
    frontText: `Front of ${id}?`,
    backHtml: `<p>Back of <strong>${id}</strong>.</p>`,
    docs: [{ url: `https://docs.aws.amazon.com/IAM/latest/UserGuide/${id}.html`, title: `https://docs.aws.amazon.com/IAM/latest/UserGuide/${id}.html` }],
    source: { file: `content/cards/${topic}.md`, line: 1 },
  };
}

function topic(slug: string, order: number): Topic {
  return { slug, title: `Topic ${slug}`, order, exams: [], tasks: [], words: 0, readingMinutes: 0, body: [], scenarios: [], selfCheck: [], questionIds: [], source: { file: `content/topics/${slug}.md`, line: 1 } };
}

// "beta" is listed first in the bank but studied second: new cards follow the topic order.
const CARDS = [card("b-1", "beta"), card("b-2", "beta"), card("a-1", "alpha"), card("a-2", "alpha"), card("a-3", "alpha")];

let contentDir: string;
let previousContentDir: string | undefined;

beforeAll(() => {
  contentDir = mkdtempSync(path.join(tmpdir(), "review-session-content-"));
  const bundle: PublicBundle = { format: CONTENT_FORMAT_VERSION, exams: [], topics: [topic("beta", 2), topic("alpha", 1)], questions: [], cards: CARDS, traps: [] };
  writeContent(contentDir, bundle, { format: CONTENT_FORMAT_VERSION, answers: [] });
  previousContentDir = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = contentDir;
  resetContentCache();
});

afterAll(() => {
  if (previousContentDir === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = previousContentDir;
  resetContentCache();
  rmSync(contentDir, { recursive: true, force: true });
});

async function learner(tag: string, settings: { newPerDay?: number; timeZone?: string; dayRolloverHour?: number } = {}) {
  const user = await makeUser(tag);
  await updateSettings(user.id, { newPerDay: 10, timeZone: "Europe/Berlin", dayRolloverHour: 4, ...settings });
  return user;
}

function rating(cardId: string, value: 1 | 2 | 3 | 4, version: number | null, extra: Partial<RateCardInput> = {}): RateCardInput {
  return { cardId, rating: value, version, durationMs: 4_200, topic: null, ...extra };
}

async function logsOf(userId: string) {
  const { rows } = await sql<{ itemId: string; rating: number; source: string; stateBefore: number; stateAfter: number; durationMs: number | null; reviewedAt: Date; undone: boolean; dueBefore: Date | null; dueAfter: Date }>(
    databaseUrl(),
    // The columns are timestamps without zone, in UTC; say so, or pg reads them as local time.
    `SELECT "itemId", rating, source, "stateBefore", "stateAfter", "durationMs", undone,
            "reviewedAt" AT TIME ZONE 'UTC' AS "reviewedAt", "dueBefore" AT TIME ZONE 'UTC' AS "dueBefore", "dueAfter" AT TIME ZONE 'UTC' AS "dueAfter"
       FROM "ReviewLog" WHERE "userId" = $1 ORDER BY "reviewedAt", id`,
    [userId],
  );
  return rows;
}

describe("review session", () => {
  it("starts with new cards in study order, up to the daily limit", async () => {
    const u = await learner("order", { newPerDay: 4 });
    const s = await getReviewSession(u.id, { topic: null, now: at("2030-03-01T10:00:00Z") });
    expect(s.current?.cardId).toBe("a-1");
    expect(s.current).toMatchObject({ kind: "new", version: null, topic: "alpha", topicTitle: "Topic alpha" });
    expect(s.current?.previews.map((p) => [p.name, p.label])).toEqual([
      ["Again", "1m"],
      ["Hard", "6m"],
      ["Good", "10m"],
      ["Easy", expect.stringMatching(/^\d+d$/)],
    ]);
    expect(s.current?.docs).toEqual([{ url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/a-1.html", label: "AWS docs: a 1" }]);
    expect(s.counts).toEqual({ due: 0, new: 4, doneToday: 0, laterToday: 0 });
    expect(s.remaining).toBe(4);
    expect(s.canUndo).toBe(false);

    const beta = await getReviewSession(u.id, { topic: "beta", now: at("2030-03-01T10:00:00Z") });
    expect(beta.current?.cardId).toBe("b-1");
    expect(beta.counts.new).toBe(2);

    const none = await getReviewSession(u.id, { topic: "no-such-topic", now: at("2030-03-01T10:00:00Z") });
    expect(none.current).toBeNull();
    expect(none.empty?.reason).toBe("NO_CARDS");
  });

  it("a rating updates the card's state and writes its log in one transaction", async () => {
    const u = await learner("atomic");
    const now = at("2030-03-01T10:00:00Z");
    const res = await rateCard(u.id, rating("a-1", 3, null), now);
    expect(res.ok).toBe(true);
    if (!res.ok) return;

    const state = await getReviewState(u.id, "card:a-1");
    expect(state).toMatchObject({ itemKind: "card", version: 1, state: 1, reps: 1, lastReview: now, due: plus(now, 10 * MINUTE) });
    expect(res.saved).toEqual({ cardId: "a-1", due: plus(now, 10 * MINUTE).toISOString(), version: 1 });
    expect(await logsOf(u.id)).toEqual([
      { itemId: "card:a-1", rating: 3, source: "review", stateBefore: 0, stateAfter: 1, durationMs: 4_200, reviewedAt: now, undone: false, dueBefore: null, dueAfter: plus(now, 10 * MINUTE) },
    ]);
    // The action answers with the next card and the new counts.
    expect(res.session.current?.cardId).toBe("a-2");
    expect(res.session.counts).toEqual({ due: 0, new: 4, doneToday: 1, laterToday: 1 });
    expect(res.session.canUndo).toBe(true);

    // A failure while writing the log (a duration beyond the column's range) leaves the state as it was.
    await expect(rateCard(u.id, rating("a-1", 4, 1, { durationMs: 3_000_000_000 }), plus(now, 11 * MINUTE))).rejects.toThrow(/durationMs|INT4|out of range/i);
    expect(await getReviewState(u.id, "card:a-1")).toEqual(state);
    expect(await countReviewLogs(u.id)).toBe(1);
  });

  it("applies exactly one of two quick ratings of the same card read at the same version", async () => {
    const u = await learner("double");
    const now = at("2030-03-01T10:00:00Z");
    const [first, second] = await Promise.all([rateCard(u.id, rating("a-1", 3, null), now), rateCard(u.id, rating("a-1", 1, null), now)]);
    const results = [first, second];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const stale = results.find((r) => !r.ok);
    expect(stale).toMatchObject({ ok: false, reason: "STALE" });
    // The STALE answer carries a fresh queue, so the page can move on.
    if (stale && !stale.ok && stale.reason === "STALE") expect(stale.session.current?.cardId).toBe("a-2");
    expect(await countReviewLogs(u.id, "card:a-1")).toBe(1);
    expect((await getReviewState(u.id, "card:a-1"))?.version).toBe(1);

    // The same stale view rated again later (another tab) changes nothing either.
    const state = await getReviewState(u.id, "card:a-1");
    const late = await rateCard(u.id, rating("a-1", 4, null), plus(now, MINUTE));
    expect(late).toMatchObject({ ok: false, reason: "STALE" });
    expect(await getReviewState(u.id, "card:a-1")).toEqual(state);
    expect(await countReviewLogs(u.id, "card:a-1")).toBe(1);
  });

  it("undo restores the state before the last rating and shows that card again", async () => {
    const u = await learner("undo");
    const t0 = at("2030-03-01T10:00:00Z");
    await rateCard(u.id, rating("a-1", 3, null), t0);
    const afterFirst = await getReviewState(u.id, "card:a-1");
    const t1 = plus(t0, 11 * MINUTE);
    const second = await rateCard(u.id, rating("a-1", 3, 1), t1);
    expect(second.ok).toBe(true);
    expect((await getReviewState(u.id, "card:a-1"))?.state).toBe(2);

    const undone = await undoLastRating(u.id, null, plus(t1, MINUTE));
    expect(undone.ok).toBe(true);
    if (!undone.ok) return;
    const restored = await getReviewState(u.id, "card:a-1");
    expect(restored).toEqual({ ...afterFirst, version: 3 });
    expect(undone.restoredCardId).toBe("a-1");
    expect(undone.session.current).toMatchObject({ cardId: "a-1", kind: "learning", version: 3 });
    expect((await logsOf(u.id)).map((l) => l.undone)).toEqual([false, true]);

    // Undo again: the card is new once more, and the new-card allowance is given back.
    const again = await undoLastRating(u.id, null, plus(t1, 2 * MINUTE));
    expect(again.ok).toBe(true);
    expect(await getReviewState(u.id, "card:a-1")).toBeNull();
    if (again.ok) {
      expect(again.session.current).toMatchObject({ cardId: "a-1", kind: "new", version: null });
      expect(again.session.counts).toMatchObject({ new: 5, doneToday: 0 });
    }
    expect(await undoLastRating(u.id, null, plus(t1, 3 * MINUTE))).toMatchObject({ ok: false, reason: "NOTHING_TO_UNDO" });
  });

  it("never lets one learner's rating or undo read or change another learner's cards", async () => {
    const alice = await learner("alice");
    const bob = await learner("bob");
    const now = at("2030-03-01T10:00:00Z");
    await rateCard(alice.id, rating("a-1", 3, null), now);
    const aliceState = await getReviewState(alice.id, "card:a-1");

    const bobView = await getReviewSession(bob.id, { topic: null, now });
    expect(bobView.current).toMatchObject({ cardId: "a-1", version: null });
    expect(bobView.counts).toMatchObject({ doneToday: 0, laterToday: 0 });
    expect(bobView.canUndo).toBe(false);

    // Bob sending Alice's version for the same card is just a stale read of his own (empty) state.
    expect(await rateCard(bob.id, rating("a-1", 1, 1), now)).toMatchObject({ ok: false, reason: "STALE" });
    expect(await undoLastRating(bob.id, null, now)).toMatchObject({ ok: false, reason: "NOTHING_TO_UNDO" });
    expect(await getReviewState(alice.id, "card:a-1")).toEqual(aliceState);

    const bobRated = await rateCard(bob.id, rating("a-1", 1, null), now);
    expect(bobRated.ok).toBe(true);
    expect((await getReviewState(bob.id, "card:a-1"))?.version).toBe(1);
    expect(await getReviewState(alice.id, "card:a-1")).toEqual(aliceState);
    await undoLastRating(bob.id, null, now);
    expect(await getReviewState(alice.id, "card:a-1")).toEqual(aliceState);
    expect(await countReviewLogs(alice.id)).toBe(1);
  });

  it("puts due cards first and counts the new-card limit per study day in the learner's time zone", async () => {
    // New York, day starting at 04:00: 2030-03-01 08:00Z is 03:00 local, still the study day of 28 February.
    const u = await learner("day", { newPerDay: 2, timeZone: "America/New_York", dayRolloverHour: 4 });
    const t0 = at("2030-03-01T08:00:00Z");
    await rateCard(u.id, rating("a-1", 3, null), t0);
    await rateCard(u.id, rating("a-2", 3, null), t0);

    const capped = await getReviewSession(u.id, { topic: null, now: plus(t0, MINUTE) });
    expect(capped.current).toBeNull();
    expect(capped.empty).toMatchObject({ reason: "CAUGHT_UP", newHeldBack: 3, newPerDay: 2 });
    // The earliest thing due is a-1's next learning step, 10 minutes after it was rated.
    expect(capped.empty?.nextDue?.at).toBe(plus(t0, 10 * MINUTE).toISOString());
    // Local time in the learner's zone (ICU versions differ on the comma after the weekday).
    expect(capped.empty?.nextDue?.label).toMatch(/^Fri,? 1 Mar,? 03:10 \(America\/New_York\)$/);
    expect(capped.empty?.nextDue?.relative).toBe("in 9 minutes");
    expect(capped.counts).toEqual({ due: 0, new: 0, doneToday: 2, laterToday: 2 });

    // Ten minutes later both learning cards are due; they come before anything new.
    const due = await getReviewSession(u.id, { topic: null, now: plus(t0, 11 * MINUTE) });
    expect(due.current).toMatchObject({ cardId: "a-1", kind: "learning", version: 1 });
    expect(due.counts).toMatchObject({ due: 2, new: 0 });

    // After 04:00 New York time (09:00Z) a new study day brings two new cards, after the due ones.
    const nextDay = await getReviewSession(u.id, { topic: null, now: at("2030-03-01T09:30:00Z") });
    expect(nextDay.counts).toEqual({ due: 2, new: 2, doneToday: 0, laterToday: 0 });
    expect(nextDay.remaining).toBe(4);
    expect(nextDay.current?.cardId).toBe("a-1");
  });

  it("rejects malformed action input and caps an idle duration", () => {
    expect(rateCardInput.safeParse({ cardId: "a-1", rating: 5, version: null, durationMs: 10 }).success).toBe(false);
    expect(rateCardInput.safeParse({ cardId: "a-1", rating: 3, version: -1, durationMs: 10 }).success).toBe(false);
    expect(rateCardInput.safeParse({ cardId: "a-1", rating: 3, version: null, durationMs: 10, userId: "someone-else" }).success).toBe(false);
    expect(rateCardInput.safeParse({ cardId: "a-1", rating: 3, version: null, durationMs: 10, topic: "../x" }).success).toBe(false);
    const ok = rateCardInput.parse({ cardId: "a-1", rating: 3, version: 2, durationMs: 5 * 3_600_000 });
    expect(ok).toEqual({ cardId: "a-1", rating: 3, version: 2, durationMs: 600_000, topic: null });
  });
});
