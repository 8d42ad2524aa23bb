// Study activity in the learner's days: review counts per study day (from the 15-minute
// buckets the database returns), the streak, the calendar heatmap and measured retention per
// week. A study day is the learner's time zone plus rollover hour (lib/srs/study-day), so a
// review at 01:00 with rollover 4 counts for the evening before.
//
// Why 15-minute buckets: every time zone's offset from UTC is a multiple of 15 minutes, so a
// bucket never straddles a study-day boundary; the database groups thousands of reviews into
// at most 96 rows a day and this file assigns each bucket to its day.

import { studyDayOf } from "@/lib/srs";
import { addDays, daysBetween, formatDayLong, type StudyDay, weekStartOf } from "./days";

export const BUCKET_MS = 15 * 60_000;

export interface ActivityBucket {
  /** Start of the 15-minute bucket. */
  start: Date;
  /** Ratings given (undone ones excluded). */
  reviews: number;
  /** Ratings of questions (practice, drills, self-checks, exams) rather than flashcards. */
  questionReviews: number;
  /** Ratings of items seen for the first time. */
  firstReviews: number;
  /** Ratings of items that were in the FSRS Review state before the rating. */
  matureReviews: number;
  /** … of which rated Hard, Good or Easy (remembered). */
  matureRecalled: number;
}

export type DayStats = Omit<ActivityBucket, "start">;

const ZERO: DayStats = { reviews: 0, questionReviews: 0, firstReviews: 0, matureReviews: 0, matureRecalled: 0 };

/** Sums buckets per study day; null when the time-zone settings are invalid. */
export function groupByStudyDay(buckets: readonly ActivityBucket[], timeZone: string, rolloverHour: number): Map<StudyDay, DayStats> | null {
  const days = new Map<StudyDay, DayStats>();
  for (const b of buckets) {
    const day = studyDayOf(b.start, timeZone, rolloverHour);
    if (!day.ok) return null;
    const prev = days.get(day.value) ?? ZERO;
    days.set(day.value, {
      reviews: prev.reviews + b.reviews,
      questionReviews: prev.questionReviews + b.questionReviews,
      firstReviews: prev.firstReviews + b.firstReviews,
      matureReviews: prev.matureReviews + b.matureReviews,
      matureRecalled: prev.matureRecalled + b.matureRecalled,
    });
  }
  return days;
}

export interface Streak {
  /** Consecutive study days with at least one review, ending today (or yesterday when today has none yet). */
  current: number;
  /** Whether today already counts. */
  todayDone: boolean;
  /** Longest run within the days given. */
  longest: number;
  /** True when the current run reaches the first day of the data window: it may be longer. */
  atLeast: boolean;
}

/**
 * The streak. A day without reviews breaks it, except today, which is still open: a learner who
 * studied every day up to yesterday keeps the streak until today's study day ends.
 */
export function computeStreak(activeDays: Iterable<StudyDay>, today: StudyDay, windowStart?: StudyDay): Streak {
  const active = new Set<StudyDay>();
  for (const d of activeDays) if (daysBetween(d, today) >= 0) active.add(d);
  const todayDone = active.has(today);
  let current = 0;
  let day = todayDone ? today : addDays(today, -1);
  while (active.has(day)) {
    current += 1;
    day = addDays(day, -1);
  }
  const atLeast = current > 0 && windowStart !== undefined && daysBetween(windowStart, addDays(day, 1)) <= 0;

  let longest = 0;
  for (const d of active) {
    if (active.has(addDays(d, -1))) continue; // not the start of a run
    let run = 0;
    let cursor = d;
    while (active.has(cursor)) {
      run += 1;
      cursor = addDays(cursor, 1);
    }
    longest = Math.max(longest, run);
  }
  return { current, todayDone, longest, atLeast };
}

export interface HeatmapCell {
  day: StudyDay;
  count: number;
  /** 0 none, 1–4 rising quarters of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4;
  /** "Mon 3 Mar 2025: 12 reviews". */
  label: string;
  /** Days after today in the last column, drawn empty. */
  future: boolean;
}

export interface Heatmap {
  /** Columns of 7 cells, Monday first; the last column holds today. */
  weeks: HeatmapCell[][];
  firstDay: StudyDay;
  total: number;
  activeDays: number;
  busiest: { day: StudyDay; count: number } | null;
  /** The chart in one sentence, for screen readers and as a caption. */
  summary: string;
}

/** The review calendar for the `weeks` weeks ending with today's week. */
export function buildHeatmap(counts: ReadonlyMap<StudyDay, number>, today: StudyDay, weeks = 26): Heatmap {
  const firstDay = addDays(weekStartOf(today), -7 * (weeks - 1));
  let max = 0;
  let total = 0;
  let activeDays = 0;
  let busiest: Heatmap["busiest"] = null;
  for (let i = 0; daysBetween(addDays(firstDay, i), today) >= 0; i += 1) {
    const day = addDays(firstDay, i);
    const count = counts.get(day) ?? 0;
    if (count > 0) activeDays += 1;
    total += count;
    if (count > max) {
      max = count;
      busiest = { day, count };
    }
  }
  const columns: HeatmapCell[][] = [];
  for (let w = 0; w < weeks; w += 1) {
    const column: HeatmapCell[] = [];
    for (let d = 0; d < 7; d += 1) {
      const day = addDays(firstDay, w * 7 + d);
      const future = daysBetween(day, today) < 0;
      const count = future ? 0 : (counts.get(day) ?? 0);
      column.push({ day, count, level: levelOf(count, max), label: `${formatDayLong(day)}: ${plural(count, "review")}${future ? " (not yet)" : ""}`, future });
    }
    columns.push(column);
  }
  const summary =
    total === 0
      ? `No reviews in the last ${weeks} weeks.`
      : `${plural(total, "review")} on ${plural(activeDays, "day")} in the last ${weeks} weeks; the busiest day was ${formatDayLong(busiest!.day)} with ${plural(busiest!.count, "review")}.`;
  return { weeks: columns, firstDay, total, activeDays, busiest, summary };
}

function levelOf(count: number, max: number): HeatmapCell["level"] {
  if (count <= 0 || max <= 0) return 0;
  const share = count / max;
  return share <= 0.25 ? 1 : share <= 0.5 ? 2 : share <= 0.75 ? 3 : 4;
}

export interface RetentionWeek {
  /** Monday of the week. */
  week: StudyDay;
  /** Reviews of items in the Review state. */
  reviews: number;
  recalled: number;
  /** recalled / reviews; null for a week without such reviews. */
  rate: number | null;
}

/**
 * Measured retention per week: of the reviews of items that had graduated to the FSRS Review
 * state, the share rated Hard, Good or Easy (remembered) rather than Again. It is what
 * `desiredRetention` asks the scheduler to aim for, so the two can be compared.
 */
export function weeklyRetention(days: ReadonlyMap<StudyDay, DayStats>, today: StudyDay, weeks = 26): RetentionWeek[] {
  const first = addDays(weekStartOf(today), -7 * (weeks - 1));
  const out: RetentionWeek[] = [];
  for (let w = 0; w < weeks; w += 1) out.push({ week: addDays(first, 7 * w), reviews: 0, recalled: 0, rate: null });
  for (const [day, stats] of days) {
    const index = Math.floor(daysBetween(first, day) / 7);
    const bucket = out[index];
    if (!bucket || daysBetween(day, today) < 0) continue;
    bucket.reviews += stats.matureReviews;
    bucket.recalled += stats.matureRecalled;
  }
  for (const w of out) w.rate = w.reviews > 0 ? w.recalled / w.reviews : null;
  return out;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? word : many}`;
}
