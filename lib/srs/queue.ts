// What to study now: the review queue for a session, and the forecast of reviews per study
// day. Pure: the caller loads the learner's review states and the candidate new items, and
// passes `now` and the study-day settings.
//
// Rules, kept simple on purpose:
// - an item is due when `due <= now`. Learning steps due later in the study day are not
//   pulled forward; they are counted in `laterToday` so the page can say "3 more later today";
// - due items come first, the most overdue first, equal due dates ordered by item id (plain
//   code-unit order, not locale order, so every machine agrees);
// - then new items, in the caller's order, up to the daily new limit minus the new items
//   already started this study day (`reviewedTodayNewCount`, which the caller counts from the
//   review log since `startOfStudyDay`);
// - `limit` caps the whole list; due items are never displaced by new ones;
// - a stored state still in state New (0) is not a review: such items count as new when the
//   caller lists them in `newItemIds`, and an id in `newItemIds` that already has a reviewed
//   state is ignored.

import type { CardStateValue } from "./card-state";
import { fail, type SrsResult, succeed } from "./result";
import { addDays, checkStudyDaySettings, dayStartUnchecked, type StudyDay, type StudyDayFailure, studyDayUnchecked } from "./study-day";

/** The columns of a review state the queue needs; a full `ReviewState` row fits. */
export interface QueueItemState {
  itemId: string;
  due: Date;
  state: CardStateValue;
}

export interface BuildQueueInput {
  now: Date;
  states: readonly QueueItemState[];
  /** Items never reviewed, in the order they should be introduced. */
  newItemIds: readonly string[];
  reviewedTodayNewCount: number;
  newPerDay: number;
  tz: string;
  rolloverHour: number;
  limit: number;
}

export type QueueEntry = { kind: "due"; itemId: string; due: Date; overdueMs: number } | { kind: "new"; itemId: string };

export interface StudyQueue {
  studyDay: StudyDay;
  items: QueueEntry[];
  /** Items due now, before `limit` is applied. */
  dueCount: number;
  /** New items the daily limit still allows. */
  newAllowance: number;
  /** Reviewed items that fall due after `now` but before this study day ends. */
  laterToday: number;
}

export interface ForecastDay {
  day: StudyDay;
  count: number;
}

export function buildQueue(input: BuildQueueInput): SrsResult<StudyQueue, StudyDayFailure> {
  const { now, tz, rolloverHour } = input;
  const checked = checkStudyDaySettings(tz, rolloverHour);
  if (!checked.ok) return checked;
  const studyDay = studyDayUnchecked(now, tz, rolloverHour);
  const dayEnd = dayStartUnchecked(addDays(studyDay, 1), tz, rolloverHour).getTime();
  const nowMs = now.getTime();

  const reviewed = input.states.filter((s) => s.state !== 0);
  const due = reviewed
    .filter((s) => s.due.getTime() <= nowMs)
    .sort((a, b) => a.due.getTime() - b.due.getTime() || compareIds(a.itemId, b.itemId));
  const laterToday = reviewed.filter((s) => s.due.getTime() > nowMs && s.due.getTime() < dayEnd).length;

  const limit = Math.max(0, Math.floor(input.limit));
  const newAllowance = Math.max(0, Math.floor(input.newPerDay) - Math.max(0, Math.floor(input.reviewedTodayNewCount)));
  const reviewedIds = new Set(reviewed.map((s) => s.itemId));
  const newIds = [...new Set(input.newItemIds)].filter((id) => !reviewedIds.has(id));

  const dueEntries: QueueEntry[] = due
    .slice(0, limit)
    .map((s) => ({ kind: "due", itemId: s.itemId, due: new Date(s.due.getTime()), overdueMs: nowMs - s.due.getTime() }));
  const newEntries: QueueEntry[] = newIds
    .slice(0, Math.min(newAllowance, limit - dueEntries.length))
    .map((itemId) => ({ kind: "new", itemId }));

  return succeed({ studyDay, items: [...dueEntries, ...newEntries], dueCount: due.length, newAllowance, laterToday });
}

/**
 * Reviews falling due on each of the next `days` study days, today first. Today's count
 * includes everything already overdue; items due after the horizon are left out, as are
 * states still New.
 */
export function forecastDue(
  states: readonly QueueItemState[],
  now: Date,
  days: number,
  tz: string,
  rolloverHour: number,
): SrsResult<ForecastDay[], StudyDayFailure | "INVALID_FORECAST_DAYS"> {
  const checked = checkStudyDaySettings(tz, rolloverHour);
  if (!checked.ok) return checked;
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    return fail("INVALID_FORECAST_DAYS", `a forecast covers 0 to 3650 days, got \`${days}\``);
  }
  const today = studyDayUnchecked(now, tz, rolloverHour);
  const forecast: ForecastDay[] = [];
  const ends: number[] = [];
  for (let i = 0; i < days; i += 1) {
    forecast.push({ day: addDays(today, i), count: 0 });
    ends.push(dayStartUnchecked(addDays(today, i + 1), tz, rolloverHour).getTime());
  }
  for (const s of states) {
    if (s.state === 0) continue;
    const index = firstEndAfter(ends, s.due.getTime());
    const bucket = forecast[index];
    if (bucket) bucket.count += 1;
  }
  return succeed(forecast);
}

/** Index of the first day whose (exclusive) end lies after `t`; `ends.length` when none. */
function firstEndAfter(ends: readonly number[], t: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] ?? Infinity) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
