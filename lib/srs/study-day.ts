// The study day: the learner's "today" for daily limits and forecasts, defined as in Anki by
// an IANA time zone and a rollover hour. With rollover 4 in Europe/Berlin, the day
// "2025-03-30" runs from 04:00 Berlin time on 30 March to 04:00 on 31 March, so a session
// after midnight still counts for the evening before.
//
// Everything is computed from wall-clock readings with Intl.DateTimeFormat (no date
// library), so days are right across daylight-saving changes: a study day is 23 or 25 hours
// long when the clocks change inside it. Rules at the edges:
// - an instant belongs to the local calendar date, or to the date before when its local hour
//   is earlier than the rollover hour;
// - a day starts at the first instant whose local wall clock reads the rollover hour on its
//   date; when that hour is skipped (spring forward), at the instant the clocks jump; when
//   it occurs twice (fall back), at its first occurrence;
// - `endOfStudyDay` is exclusive: it is the start of the next study day.
// Study days are named "YYYY-MM-DD" after the local date on which they start.

import { fail, type SrsResult, succeed } from "./result";

export type StudyDayFailure = "INVALID_TIME_ZONE" | "INVALID_ROLLOVER_HOUR";
export type StudyDayResult<T> = SrsResult<T, StudyDayFailure>;

/** A study day name, "YYYY-MM-DD". */
export type StudyDay = string;

interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
  } catch {
    return null;
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Checks a time zone name and rollover hour; the value is the zone name as given (ICU's
 * canonical names differ between Node versions, e.g. `Asia/Calcutta` for `Asia/Kolkata`). */
export function checkStudyDaySettings(timeZone: string, rolloverHour: number): StudyDayResult<string> {
  const formatter = timeZone === "" ? null : formatterFor(timeZone);
  if (!formatter) return fail("INVALID_TIME_ZONE", `\`${timeZone}\` is not an IANA time zone name such as \`Europe/Berlin\``);
  if (!Number.isInteger(rolloverHour) || rolloverHour < 0 || rolloverHour > 23) {
    return fail("INVALID_ROLLOVER_HOUR", `the day rollover hour is a whole hour from 0 to 23, got \`${rolloverHour}\``);
  }
  return succeed(timeZone);
}

/** The study day `instant` belongs to. */
export function studyDayOf(instant: Date, timeZone: string, rolloverHour: number): StudyDayResult<StudyDay> {
  const checked = checkStudyDaySettings(timeZone, rolloverHour);
  if (!checked.ok) return checked;
  return succeed(studyDayUnchecked(instant, timeZone, rolloverHour));
}

/** The first instant of the study day `instant` belongs to. */
export function startOfStudyDay(instant: Date, timeZone: string, rolloverHour: number): StudyDayResult<Date> {
  const checked = checkStudyDaySettings(timeZone, rolloverHour);
  if (!checked.ok) return checked;
  return succeed(dayStartUnchecked(studyDayUnchecked(instant, timeZone, rolloverHour), timeZone, rolloverHour));
}

/** The end (exclusive) of the study day `instant` belongs to: the start of the next one. */
export function endOfStudyDay(instant: Date, timeZone: string, rolloverHour: number): StudyDayResult<Date> {
  const checked = checkStudyDaySettings(timeZone, rolloverHour);
  if (!checked.ok) return checked;
  const next = addDays(studyDayUnchecked(instant, timeZone, rolloverHour), 1);
  return succeed(dayStartUnchecked(next, timeZone, rolloverHour));
}

/** Start (inclusive) and end (exclusive) of the named study day. */
export function studyDayRange(day: StudyDay, timeZone: string, rolloverHour: number): StudyDayResult<{ start: Date; end: Date }> {
  const checked = checkStudyDaySettings(timeZone, rolloverHour);
  if (!checked.ok) return checked;
  return succeed({ start: dayStartUnchecked(day, timeZone, rolloverHour), end: dayStartUnchecked(addDays(day, 1), timeZone, rolloverHour) });
}

/** The study day `days` after (or before, when negative) `day`; plain calendar arithmetic. */
export function addDays(day: StudyDay, days: number): StudyDay {
  const { year, month, date } = parseDay(day);
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return formatDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

// ---------- for callers that checked the settings once (queue, forecast) ----------

/** `studyDayOf` without the settings check; only after `checkStudyDaySettings` succeeded. */
export function studyDayUnchecked(instant: Date, timeZone: string, rolloverHour: number): StudyDay {
  const wall = wallClockAt(instant.getTime(), timeZone);
  const day = formatDay(wall.year, wall.month, wall.day);
  return wall.hour < rolloverHour ? addDays(day, -1) : day;
}

/** The start of the named study day, without the settings check. */
export function dayStartUnchecked(day: StudyDay, timeZone: string, rolloverHour: number): Date {
  const { year, month, date } = parseDay(day);
  return new Date(firstInstantAtOrAfter({ year, month, day: date, hour: rolloverHour, minute: 0, second: 0 }, timeZone));
}

// ---------- internals ----------

function wallClockAt(epochMs: number, timeZone: string): WallClock {
  if (!Number.isFinite(epochMs)) throw new RangeError("invalid date");
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`unchecked time zone \`${timeZone}\``);
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(new Date(epochMs))) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

/** Offset of local time from UTC at an instant, in milliseconds (whole seconds). */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallAsUtcMs(wallClockAt(epochMs, timeZone)) - Math.floor(epochMs / 1000) * 1000;
}

function wallAsUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * The first instant whose local wall clock reads `target`; in a gap (the reading never
 * happens), the instant the clocks jump past it. Offsets never change more than once within
 * a day on either side, so the candidates from the offsets a day before, at and a day after
 * the target cover every case.
 */
function firstInstantAtOrAfter(target: WallClock, timeZone: string): number {
  const local = wallAsUtcMs(target);
  const DAY = 86_400_000;
  const offsets = [offsetAt(local - DAY, timeZone), offsetAt(local, timeZone), offsetAt(local + DAY, timeZone)];
  const exact = offsets.map((o) => local - o).filter((t) => wallAsUtcMs(wallClockAt(t, timeZone)) === local);
  if (exact.length > 0) return Math.min(...exact);
  // In a gap: the wall clock is behind the target at `lo` and past it at `hi`; find the jump.
  let lo = local - Math.max(...offsets);
  let hi = local - Math.min(...offsets);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallAsUtcMs(wallClockAt(mid, timeZone)) >= local) hi = mid;
    else lo = mid;
  }
  return hi;
}

function parseDay(day: StudyDay): { year: number; month: number; date: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`a study day is written YYYY-MM-DD, got \`${day}\``);
  return { year: Number(match[1]), month: Number(match[2]), date: Number(match[3]) };
}

function formatDay(year: number, month: number, date: number): StudyDay {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}
