import { describe, expect, it } from "vitest";
import { formatInterval } from "@/lib/srs/interval-label";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("labels for the wait until the next review", () => {
  it.each([
    [0, "<1m"],
    [29_000, "<1m"],
    [MIN, "1m"],
    [6 * MIN, "6m"],
    [10 * MIN, "10m"],
    [59 * MIN, "59m"],
    [59.7 * MIN, "1h"],
    [HOUR, "1h"],
    [1.5 * HOUR, "1.5h"],
    [23.9 * HOUR, "23.9h"],
    [23.97 * HOUR, "1d"],
    [DAY, "1d"],
    [3 * DAY, "3d"],
    [29 * DAY, "29d"],
    [29.6 * DAY, "1mo"],
    [63 * DAY, "2.1mo"],
    [300 * DAY, "10mo"],
    [358 * DAY, "11.9mo"],
    [360 * DAY, "1y"],
    [365 * DAY, "1y"],
    [438 * DAY, "1.2y"],
  ])("%d ms → %s", (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });

  it("refuses a non-finite interval, which would be a bug", () => {
    expect(() => formatInterval(Number.NaN)).toThrow(RangeError);
  });
});
