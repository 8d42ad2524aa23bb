// Calendar arithmetic on study-day names ("YYYY-MM-DD", see lib/srs/study-day), for charts
// and plans that count in the learner's days: weekdays, week starts and day differences.
// Names are plain calendar dates, so these work in UTC and never depend on the machine's zone.

import { addDays, checkStudyDaySettings, type StudyDay, studyDayOf } from "@/lib/srs";

export { addDays, type StudyDay };

function utcOf(day: StudyDay): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`a study day is written YYYY-MM-DD, got \`${day}\``);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: StudyDay, to: StudyDay): number {
  return Math.round((utcOf(to) - utcOf(from)) / 86_400_000);
}

/** 0 Monday … 6 Sunday. */
export function weekdayOf(day: StudyDay): number {
  return (new Date(utcOf(day)).getUTCDay() + 6) % 7;
}

/** The Monday of the week `day` falls in. */
export function weekStartOf(day: StudyDay): StudyDay {
  return addDays(day, -weekdayOf(day));
}

// Spelled out by hand rather than with Intl: ICU versions differ in commas and spacing.
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon 3 Mar 2025". */
export function formatDayLong(day: StudyDay): string {
  const d = new Date(utcOf(day));
  return `${WEEKDAYS[weekdayOf(day)]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "3 Mar". */
export function formatDayShort(day: StudyDay): string {
  const d = new Date(utcOf(day));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** An instant as a date in the learner's time zone, "3 Mar 2025"; UTC when the zone is unknown. */
export function formatDateIn(instant: Date, timeZone: string): string {
  const day = studyDayOf(instant, timeZone, 0);
  const name = day.ok ? day.value : instant.toISOString().slice(0, 10);
  return `${formatDayShort(name)} ${name.slice(0, 4)}`;
}

/** The learner's study-day settings, or UTC with rollover 4 when the stored ones are unusable here. */
export function usableStudyDay(timeZone: string, rolloverHour: number): { timeZone: string; rolloverHour: number } {
  return checkStudyDaySettings(timeZone, rolloverHour).ok ? { timeZone, rolloverHour } : { timeZone: "UTC", rolloverHour: 4 };
}
