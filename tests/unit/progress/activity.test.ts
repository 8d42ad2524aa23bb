import { describe, expect, it } from "vitest";
import { type ActivityBucket, buildHeatmap, computeStreak, groupByStudyDay, weeklyRetention } from "@/lib/progress";
import { studyDayOf } from "@/lib/srs";

const BUCKET = 15 * 60_000;

function bucketAt(iso: string, reviews = 1, over: Partial<ActivityBucket> = {}): ActivityBucket {
  const t = new Date(iso).getTime();
  return { start: new Date(t - (t % BUCKET)), reviews, questionReviews: 0, firstReviews: 0, matureReviews: 0, matureRecalled: 0, ...over };
}

function streakAt(instants: string[], nowIso: string, tz: string, rollover: number) {
  const days = groupByStudyDay(instants.map((i) => bucketAt(i)), tz, rollover);
  if (!days) throw new Error("invalid settings");
  const today = studyDayOf(new Date(nowIso), tz, rollover);
  if (!today.ok) throw new Error(today.message);
  return computeStreak(days.keys(), today.value);
}

describe("the streak across time zones and rollover hours", () => {
  // Two sessions: 23:30 UTC on 10 March and 00:30 UTC on 12 March, looked at at 01:00 UTC on 12 March.
  const sessions = ["2025-03-10T23:30:00Z", "2025-03-12T00:30:00Z"];
  const now = "2025-03-12T01:00:00Z";

  it("in UTC with rollover 0 the sessions fall on the 10th and the 12th: the gap breaks the streak", () => {
    expect(streakAt(sessions, now, "UTC", 0)).toMatchObject({ current: 1, todayDone: true, longest: 1 });
  });

  it("in UTC with rollover 4 the 00:30 session still belongs to the 11th: two days in a row", () => {
    expect(streakAt(sessions, now, "UTC", 4)).toMatchObject({ current: 2, todayDone: true, longest: 2 });
  });

  it("in Tokyo (UTC+9) they are the mornings of the 11th and 12th: two days in a row", () => {
    expect(streakAt(sessions, now, "Asia/Tokyo", 4)).toMatchObject({ current: 2, todayDone: true });
  });

  it("in Los Angeles (UTC−7 in March) they are the afternoons of the 10th and 11th, and it is still the 11th", () => {
    expect(streakAt(sessions, now, "America/Los_Angeles", 4)).toMatchObject({ current: 2, todayDone: true });
  });

  it("today without reviews keeps yesterday's streak open; a missed day ends it", () => {
    const days = ["2025-03-08", "2025-03-09", "2025-03-10"];
    expect(computeStreak(days, "2025-03-11")).toEqual({ current: 3, todayDone: false, longest: 3, atLeast: false });
    expect(computeStreak(days, "2025-03-12")).toEqual({ current: 0, todayDone: false, longest: 3, atLeast: false });
  });

  it("reports the longest run and flags a streak that reaches the start of the data window", () => {
    const days = ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-03-10", "2025-03-11"];
    expect(computeStreak(days, "2025-03-11")).toMatchObject({ current: 2, longest: 4, atLeast: false });
    expect(computeStreak(["2025-03-10", "2025-03-11"], "2025-03-11", "2025-03-10")).toMatchObject({ current: 2, atLeast: true });
  });

  it("crosses a daylight-saving change without losing a day (Berlin, 30 March 2025)", () => {
    const s = ["2025-03-29T10:00:00Z", "2025-03-30T10:00:00Z", "2025-03-31T10:00:00Z"];
    expect(streakAt(s, "2025-03-31T12:00:00Z", "Europe/Berlin", 4)).toMatchObject({ current: 3, todayDone: true });
  });
});

describe("15-minute buckets grouped into study days", () => {
  it("puts buckets on either side of midnight in Kolkata (UTC+05:30) on different days, and sums the counts", () => {
    const days = groupByStudyDay(
      [
        bucketAt("2025-01-15T18:15:00Z", 2, { matureReviews: 1, matureRecalled: 1 }),
        bucketAt("2025-01-15T18:30:00Z", 3, { firstReviews: 3 }),
        bucketAt("2025-01-15T19:00:00Z", 1, { questionReviews: 1 }),
      ],
      "Asia/Kolkata",
      0,
    );
    expect(days).not.toBeNull();
    expect(Object.fromEntries(days!)).toEqual({
      "2025-01-15": { reviews: 2, questionReviews: 0, firstReviews: 0, matureReviews: 1, matureRecalled: 1 },
      "2025-01-16": { reviews: 4, questionReviews: 1, firstReviews: 3, matureReviews: 0, matureRecalled: 0 },
    });
  });

  it("refuses an unknown time zone", () => {
    expect(groupByStudyDay([bucketAt("2025-01-15T18:15:00Z")], "Mars/Olympus", 4)).toBeNull();
  });
});

describe("the review calendar", () => {
  it("ends with today's week, labels every cell, and leaves the days after today empty", () => {
    // 12 March 2025 is a Wednesday.
    const h = buildHeatmap(
      new Map([
        ["2025-03-12", 8],
        ["2025-03-10", 2],
        ["2024-01-01", 50],
      ]),
      "2025-03-12",
      4,
    );
    expect(h.weeks).toHaveLength(4);
    expect(h.weeks.every((w) => w.length === 7)).toBe(true);
    expect(h.firstDay).toBe("2025-02-17");
    const last = h.weeks[3]!;
    expect(last.map((c) => [c.day, c.count, c.level, c.future])).toEqual([
      ["2025-03-10", 2, 1, false],
      ["2025-03-11", 0, 0, false],
      ["2025-03-12", 8, 4, false],
      ["2025-03-13", 0, 0, true],
      ["2025-03-14", 0, 0, true],
      ["2025-03-15", 0, 0, true],
      ["2025-03-16", 0, 0, true],
    ]);
    expect(last[2]!.label).toBe("Wed 12 Mar 2025: 8 reviews");
    expect(last[0]!.label).toBe("Mon 10 Mar 2025: 2 reviews");
    expect(h).toMatchObject({ total: 10, activeDays: 2, busiest: { day: "2025-03-12", count: 8 } });
    expect(h.summary).toBe("10 reviews on 2 days in the last 4 weeks; the busiest day was Wed 12 Mar 2025 with 8 reviews.");
  });

  it("says so when there is nothing", () => {
    expect(buildHeatmap(new Map(), "2025-03-12", 26).summary).toBe("No reviews in the last 26 weeks.");
  });
});

describe("measured retention per week", () => {
  it("is the share of reviews of items in Review state rated other than Again, per Monday-to-Sunday week", () => {
    const zero = { reviews: 0, questionReviews: 0, firstReviews: 0 };
    const weeks = weeklyRetention(
      new Map([
        ["2025-03-03", { ...zero, matureReviews: 4, matureRecalled: 3 }],
        ["2025-03-09", { ...zero, matureReviews: 6, matureRecalled: 6 }],
        ["2025-03-10", { ...zero, matureReviews: 5, matureRecalled: 4 }],
      ]),
      "2025-03-12",
      3,
    );
    expect(weeks).toEqual([
      { week: "2025-02-24", reviews: 0, recalled: 0, rate: null },
      { week: "2025-03-03", reviews: 10, recalled: 9, rate: 0.9 },
      { week: "2025-03-10", reviews: 5, recalled: 4, rate: 0.8 },
    ]);
  });
});
