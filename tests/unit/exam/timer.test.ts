import { describe, expect, it } from "vitest";
import { examDeadline, formTiming, isExpired, remainingMs } from "@/lib/exam/timer";
import { DVA_C02, SAA_C03 } from "./fixtures";

const MIN = 60_000;

describe("exam deadlines", () => {
  const startedAt = new Date("2025-06-01T09:00:00Z");

  it("gives 130 minutes, or 160 with the ESL accommodation", () => {
    expect(examDeadline(startedAt, DVA_C02, false)).toEqual(new Date("2025-06-01T11:10:00Z"));
    expect(examDeadline(startedAt, SAA_C03, true)).toEqual(new Date("2025-06-01T11:40:00Z"));
  });

  it("counts real elapsed time across a clock change (Los Angeles, 9 March 2025)", () => {
    // 01:30 PST; the clocks jump to 03:00 PDT half an hour later. 130 minutes is still 130 minutes.
    const start = new Date("2025-03-09T09:30:00Z");
    expect(examDeadline(start, DVA_C02, false).getTime() - start.getTime()).toBe(130 * MIN);
  });

  it("uses the form's own time for a focused form, with ESL extra in the same proportion", () => {
    expect(formTiming(DVA_C02, { kind: "full" })).toEqual({ durationMinutes: 130, eslExtraMinutes: 30 });
    const timing = formTiming(DVA_C02, { kind: "focused", count: 10, minutes: 20 });
    expect(timing).toEqual({ durationMinutes: 20, eslExtraMinutes: 5 });
    expect(examDeadline(startedAt, timing, true)).toEqual(new Date("2025-06-01T09:25:00Z"));
    expect(formTiming(DVA_C02, { kind: "focused", count: 65, minutes: 130 }).eslExtraMinutes).toBe(30);
  });

  it("expires at the deadline itself, not a millisecond later", () => {
    const deadline = examDeadline(startedAt, DVA_C02, false);
    expect(isExpired(deadline, new Date(deadline.getTime() - 1))).toBe(false);
    expect(isExpired(deadline, deadline)).toBe(true);
    expect(isExpired(deadline, new Date(deadline.getTime() + 1))).toBe(true);
  });

  it("counts the time left down to zero and never below", () => {
    const deadline = examDeadline(startedAt, DVA_C02, false);
    expect(remainingMs(deadline, startedAt)).toBe(130 * MIN);
    expect(remainingMs(deadline, new Date("2025-06-01T11:00:00Z"))).toBe(10 * MIN);
    expect(remainingMs(deadline, new Date("2025-06-01T12:00:00Z"))).toBe(0);
  });
});
