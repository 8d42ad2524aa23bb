// Scheduling one review with FSRS (ts-fsrs): the next memory state after a rating, and the
// due date each rating would give, for the buttons. Pure: `now` is an argument, and the
// state before is never mutated.
//
// Fuzz is off unless a `fuzzSeed` is given. FSRS fuzz spreads long intervals by a few days
// so cards learnt together do not stay due together; ts-fsrs seeds it by default from the
// review time, which would make a preview (shown when the question appears) disagree with
// the review (seconds later) and make tests depend on the clock. With a seed (the caller
// passes something stable such as `${userId}:${itemId}`), the fuzz is drawn from
// `${fuzzSeed}:${reps}`, so the preview and the review agree and replays are exact.
//
// Learning steps are the ts-fsrs defaults (1m, 10m; relearning 10m); `desiredRetention` is
// the learner's setting, accepted between 0.80 and 0.97: below, reviews are so sparse that
// most answers are lapses; above, the workload grows steeply for little gain (FSRS guidance).

import { fsrs, type FSRS, type Grade, type RecordLogItem, StrategyMode } from "ts-fsrs";
import { type CardFields, type CardStateValue, createNewCardFields, fromFsrsCard, toFsrsCard } from "./card-state";
import { formatInterval } from "./interval-label";
import { RATING_VALUES, REVIEW_RATINGS, type RatingValue, type ReviewRating } from "./rating";
import { fail, type SrsResult, succeed } from "./result";

export const MIN_DESIRED_RETENTION = 0.8;
export const MAX_DESIRED_RETENTION = 0.97;

export interface ScheduleOptions {
  desiredRetention: number;
  /** Turns fuzz on, drawn deterministically from this seed and the review count. */
  fuzzSeed?: string;
}

export type ScheduleFailure = "INVALID_DESIRED_RETENTION";

/** What the `ReviewLog` table records about one rating. */
export interface ReviewLogFields {
  rating: ReviewRating;
  ratingValue: RatingValue;
  reviewedAt: Date;
  stateBefore: CardStateValue;
  stateAfter: CardStateValue;
  /** Null when the item had never been reviewed. */
  dueBefore: Date | null;
  dueAfter: Date;
  stabilityAfter: number;
  difficultyAfter: number;
  scheduledDays: number;
  /** Whole days since the previous review (ts-fsrs counts UTC calendar days). */
  elapsedDays: number;
  /** The complete state before the rating, so the rating can be undone; null for a new item. */
  before: CardFields | null;
}

export interface ReviewOutcome {
  next: CardFields;
  log: ReviewLogFields;
}

export interface IntervalPreview {
  rating: ReviewRating;
  ratingValue: RatingValue;
  due: Date;
  /** Milliseconds from `now` to `due`. */
  intervalMs: number;
  label: string;
}

export function checkDesiredRetention(value: number): SrsResult<number, ScheduleFailure> {
  if (!Number.isFinite(value) || value < MIN_DESIRED_RETENTION || value > MAX_DESIRED_RETENTION) {
    return fail(
      "INVALID_DESIRED_RETENTION",
      `desired retention must be between ${MIN_DESIRED_RETENTION.toFixed(2)} and ${MAX_DESIRED_RETENTION.toFixed(2)}, got \`${value}\``,
    );
  }
  return succeed(value);
}

/** The state after rating `card` (null: never reviewed) at `now`, and the log of that rating. */
export function nextReview(
  card: CardFields | null,
  rating: ReviewRating,
  now: Date,
  opts: ScheduleOptions,
): SrsResult<ReviewOutcome, ScheduleFailure> {
  const retention = checkDesiredRetention(opts.desiredRetention);
  if (!retention.ok) return retention;
  const before = card ?? createNewCardFields(now);
  const item = createScheduler(before, opts).next(toFsrsCard(before), now, RATING_VALUES[rating] as Grade);
  return succeed(toOutcome(item, rating, card, before, now));
}

/** For each rating, in button order (again, hard, good, easy), when the item would be due next. */
export function previewIntervals(
  card: CardFields | null,
  now: Date,
  opts: ScheduleOptions,
): SrsResult<IntervalPreview[], ScheduleFailure> {
  const retention = checkDesiredRetention(opts.desiredRetention);
  if (!retention.ok) return retention;
  const before = card ?? createNewCardFields(now);
  const preview = createScheduler(before, opts).repeat(toFsrsCard(before), now);
  return succeed(
    REVIEW_RATINGS.map((rating) => {
      const ratingValue = RATING_VALUES[rating];
      const due = new Date(preview[ratingValue as Grade].card.due.getTime());
      const intervalMs = due.getTime() - now.getTime();
      return { rating, ratingValue, due, intervalMs, label: formatInterval(intervalMs) };
    }),
  );
}

function createScheduler(card: CardFields, opts: ScheduleOptions): FSRS {
  const scheduler = fsrs({ request_retention: opts.desiredRetention, enable_fuzz: opts.fuzzSeed !== undefined });
  if (opts.fuzzSeed !== undefined) {
    const seed = `${opts.fuzzSeed}:${card.reps}`;
    scheduler.useStrategy(StrategyMode.SEED, () => seed);
  }
  return scheduler;
}

function toOutcome(item: RecordLogItem, rating: ReviewRating, card: CardFields | null, before: CardFields, now: Date): ReviewOutcome {
  const next = fromFsrsCard(item.card);
  return {
    next,
    log: {
      rating,
      ratingValue: RATING_VALUES[rating],
      reviewedAt: new Date(now.getTime()),
      stateBefore: before.state,
      stateAfter: next.state,
      dueBefore: card ? new Date(card.due.getTime()) : null,
      dueAfter: new Date(next.due.getTime()),
      stabilityAfter: next.stability,
      difficultyAfter: next.difficulty,
      scheduledDays: next.scheduledDays,
      elapsedDays: next.elapsedDays,
      before: card ? { ...card, due: new Date(card.due.getTime()), lastReview: card.lastReview ? new Date(card.lastReview.getTime()) : null } : null,
    },
  };
}
