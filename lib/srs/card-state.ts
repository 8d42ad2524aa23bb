// The memory state of one item for one learner, as the `ReviewState` table stores it
// (`CardFields`, camelCase column names), and the only place that converts it to and from
// the ts-fsrs `Card` (snake_case, optional `last_review`). Dates are copied on the way in and
// out so a caller's objects are never shared with, or mutated by, the scheduler.

import { type Card, createEmptyCard, State } from "ts-fsrs";

/** ts-fsrs `State` as stored in the `state` column: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type CardStateValue = 0 | 1 | 2 | 3;
export type CardStateName = "new" | "learning" | "review" | "relearning";

export const CARD_STATE_NAMES: Readonly<Record<CardStateValue, CardStateName>> = {
  0: "new",
  1: "learning",
  2: "review",
  3: "relearning",
};

/** One row of `ReviewState` without its keys (`userId`, `itemId`) and bookkeeping columns. */
export interface CardFields {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  lastReview: Date | null;
}

export function isCardStateValue(value: number): value is CardStateValue {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

/** The state of an item never reviewed, due at `now`. */
export function createNewCardFields(now: Date): CardFields {
  return fromFsrsCard(createEmptyCard(now));
}

export function toFsrsCard(fields: CardFields): Card {
  const card: Card = {
    due: new Date(fields.due.getTime()),
    stability: fields.stability,
    difficulty: fields.difficulty,
    elapsed_days: fields.elapsedDays,
    scheduled_days: fields.scheduledDays,
    learning_steps: fields.learningSteps,
    reps: fields.reps,
    lapses: fields.lapses,
    state: fields.state as State,
  };
  if (fields.lastReview) card.last_review = new Date(fields.lastReview.getTime());
  return card;
}

export function fromFsrsCard(card: Card): CardFields {
  const state: number = card.state;
  if (!isCardStateValue(state)) throw new RangeError(`ts-fsrs returned an unknown card state ${state}`);
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state,
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}
