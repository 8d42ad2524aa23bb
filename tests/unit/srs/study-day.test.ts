import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, checkStudyDaySettings, endOfStudyDay, startOfStudyDay, studyDayOf, studyDayRange } from "@/lib/srs/study-day";

function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const HOUR = 3_600_000;

describe("the study day of an instant, with its start and end", () => {
  // [zone, rollover hour, instant (UTC), study day, start (UTC), end (UTC)]
  const table: Array<[string, number, string, string, string, string]> = [
    ["UTC", 0, "2025-03-09T23:59:59Z", "2025-03-09", "2025-03-09T00:00:00Z", "2025-03-10T00:00:00Z"],
    ["UTC", 4, "2025-03-10T03:59:59Z", "2025-03-09", "2025-03-09T04:00:00Z", "2025-03-10T04:00:00Z"],
    ["UTC", 4, "2025-03-10T04:00:00Z", "2025-03-10", "2025-03-10T04:00:00Z", "2025-03-11T04:00:00Z"],
    // Los Angeles, spring forward on 9 March 2025 (02:00 PST → 03:00 PDT at 10:00Z).
    ["America/Los_Angeles", 0, "2025-03-09T08:00:00Z", "2025-03-09", "2025-03-09T08:00:00Z", "2025-03-10T07:00:00Z"],
    ["America/Los_Angeles", 0, "2025-03-09T07:59:59Z", "2025-03-08", "2025-03-08T08:00:00Z", "2025-03-09T08:00:00Z"],
    ["America/Los_Angeles", 4, "2025-03-09T10:30:00Z", "2025-03-08", "2025-03-08T12:00:00Z", "2025-03-09T11:00:00Z"],
    ["America/Los_Angeles", 4, "2025-03-09T11:30:00Z", "2025-03-09", "2025-03-09T11:00:00Z", "2025-03-10T11:00:00Z"],
    // Rollover at 02:00, an hour that does not exist that night: the day starts at the jump.
    ["America/Los_Angeles", 2, "2025-03-09T10:00:00Z", "2025-03-09", "2025-03-09T10:00:00Z", "2025-03-10T09:00:00Z"],
    ["America/Los_Angeles", 2, "2025-03-09T09:59:59Z", "2025-03-08", "2025-03-08T10:00:00Z", "2025-03-09T10:00:00Z"],
    // Los Angeles, fall back on 2 November 2025 (02:00 PDT → 01:00 PST at 09:00Z).
    ["America/Los_Angeles", 0, "2025-11-02T12:00:00Z", "2025-11-02", "2025-11-02T07:00:00Z", "2025-11-03T08:00:00Z"],
    ["America/Los_Angeles", 4, "2025-11-02T11:30:00Z", "2025-11-01", "2025-11-01T11:00:00Z", "2025-11-02T12:00:00Z"],
    // Rollover at 01:00, an hour that happens twice: the day starts at its first occurrence.
    ["America/Los_Angeles", 1, "2025-11-02T09:30:00Z", "2025-11-02", "2025-11-02T08:00:00Z", "2025-11-03T09:00:00Z"],
    // Berlin, spring forward on 30 March 2025 (02:00 CET → 03:00 CEST at 01:00Z).
    ["Europe/Berlin", 4, "2025-03-30T01:30:00Z", "2025-03-29", "2025-03-29T03:00:00Z", "2025-03-30T02:00:00Z"],
    ["Europe/Berlin", 0, "2025-03-29T23:30:00Z", "2025-03-30", "2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z"],
    // Berlin, fall back on 26 October 2025 (03:00 CEST → 02:00 CET at 01:00Z).
    ["Europe/Berlin", 4, "2025-10-26T12:00:00Z", "2025-10-26", "2025-10-26T03:00:00Z", "2025-10-27T03:00:00Z"],
    ["Europe/Berlin", 4, "2025-10-26T02:59:59Z", "2025-10-25", "2025-10-25T02:00:00Z", "2025-10-26T03:00:00Z"],
    // Kolkata, +05:30 all year.
    ["Asia/Kolkata", 4, "2025-01-15T22:00:00Z", "2025-01-15", "2025-01-14T22:30:00Z", "2025-01-15T22:30:00Z"],
    ["Asia/Kolkata", 0, "2025-01-15T18:30:00Z", "2025-01-16", "2025-01-15T18:30:00Z", "2025-01-16T18:30:00Z"],
    ["Asia/Kolkata", 0, "2025-01-15T18:29:59Z", "2025-01-15", "2025-01-14T18:30:00Z", "2025-01-15T18:30:00Z"],
    // Auckland, ahead of UTC: the study day is often a calendar day after the UTC date.
    ["Pacific/Auckland", 4, "2025-01-01T10:00:00Z", "2025-01-01", "2024-12-31T15:00:00Z", "2025-01-01T15:00:00Z"],
    ["Pacific/Auckland", 4, "2025-01-01T14:30:00Z", "2025-01-01", "2024-12-31T15:00:00Z", "2025-01-01T15:00:00Z"],
    // Auckland, fall back on 6 April 2025 (03:00 NZDT → 02:00 NZST at 14:00Z on the 5th).
    ["Pacific/Auckland", 0, "2025-04-06T00:00:00Z", "2025-04-06", "2025-04-05T11:00:00Z", "2025-04-06T12:00:00Z"],
    ["Pacific/Auckland", 2, "2025-04-05T13:30:00Z", "2025-04-06", "2025-04-05T13:00:00Z", "2025-04-06T14:00:00Z"],
    // Auckland, spring forward on 28 September 2025 (02:00 NZST → 03:00 NZDT at 14:00Z on the 27th).
    ["Pacific/Auckland", 4, "2025-09-28T00:00:00Z", "2025-09-28", "2025-09-27T15:00:00Z", "2025-09-28T15:00:00Z"],
    ["Pacific/Auckland", 4, "2025-09-27T14:59:59Z", "2025-09-27", "2025-09-26T16:00:00Z", "2025-09-27T15:00:00Z"],
  ];

  it.each(table)("%s, rollover %i: %s is in %s", (tz, hour, instant, day, start, end) => {
    const t = new Date(instant);
    expect(unwrap(studyDayOf(t, tz, hour))).toBe(day);
    expect(unwrap(startOfStudyDay(t, tz, hour)).toISOString()).toBe(new Date(start).toISOString());
    expect(unwrap(endOfStudyDay(t, tz, hour)).toISOString()).toBe(new Date(end).toISOString());
    expect(unwrap(studyDayRange(day, tz, hour))).toEqual({ start: new Date(start), end: new Date(end) });
  });

  it("makes the day of a clock change 23 or 25 hours long", () => {
    const length = (day: string, tz: string, hour: number) => {
      const { start, end } = unwrap(studyDayRange(day, tz, hour));
      return (end.getTime() - start.getTime()) / HOUR;
    };
    expect(length("2025-03-09", "America/Los_Angeles", 0)).toBe(23);
    expect(length("2025-11-02", "America/Los_Angeles", 0)).toBe(25);
    expect(length("2025-03-08", "America/Los_Angeles", 4)).toBe(23);
    expect(length("2025-11-01", "America/Los_Angeles", 4)).toBe(25);
    expect(length("2025-03-29", "Europe/Berlin", 4)).toBe(23);
    expect(length("2025-04-06", "Pacific/Auckland", 0)).toBe(25);
    expect(length("2025-01-15", "Asia/Kolkata", 4)).toBe(24);
  });

  const zones = ["UTC", "America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata", "Pacific/Auckland", "America/Sao_Paulo", "Australia/Sydney"];

  it("always contains its instant and chains day to day (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (ms, tz, hour) => {
          const t = new Date(ms);
          const day = unwrap(studyDayOf(t, tz, hour));
          const start = unwrap(startOfStudyDay(t, tz, hour));
          const end = unwrap(endOfStudyDay(t, tz, hour));
          expect(start.getTime()).toBeLessThanOrEqual(ms);
          expect(end.getTime()).toBeGreaterThan(ms);
          expect([23, 24, 25]).toContain((end.getTime() - start.getTime()) / HOUR);
          expect(unwrap(studyDayOf(start, tz, hour))).toBe(day);
          expect(unwrap(studyDayOf(new Date(end.getTime() - 1), tz, hour))).toBe(day);
          expect(unwrap(studyDayOf(end, tz, hour))).toBe(addDays(day, 1));
        },
      ),
      { seed: 20250309, numRuns: 400 },
    );
  });
});

describe("study day settings", () => {
  it("accepts IANA names as given, in any case", () => {
    expect(checkStudyDaySettings("utc", 0)).toEqual({ ok: true, value: "utc" });
    expect(checkStudyDaySettings("Asia/Kolkata", 23)).toEqual({ ok: true, value: "Asia/Kolkata" });
    expect(studyDayOf(new Date("2025-01-15T18:30:00Z"), "asia/kolkata", 0)).toEqual({ ok: true, value: "2025-01-16" });
  });

  it.each(["Mars/Olympus_Mons", "", "America/Los Angeles", "Europe/Atlantis"])("refuses the time zone %j with a result", (tz) => {
    const result = studyDayOf(new Date("2025-01-01T00:00:00Z"), tz, 4);
    expect(result).toEqual({
      ok: false,
      reason: "INVALID_TIME_ZONE",
      message: `\`${tz}\` is not an IANA time zone name such as \`Europe/Berlin\``,
    });
    expect(startOfStudyDay(new Date(0), tz, 4).ok).toBe(false);
    expect(endOfStudyDay(new Date(0), tz, 4).ok).toBe(false);
  });

  it.each([24, -1, 4.5, Number.NaN])("refuses the rollover hour %d", (hour) => {
    const result = studyDayOf(new Date(0), "Europe/Berlin", hour);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe("INVALID_ROLLOVER_HOUR");
  });
});

describe("adding days to a study day", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-03-09", 0, "2025-03-09"],
    ["2025-01-31", 30, "2025-03-02"],
  ] as const)("%s + %i = %s", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
});
