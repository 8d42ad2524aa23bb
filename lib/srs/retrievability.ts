// Retrievability: the FSRS estimate of the probability that the learner recalls an item at a
// given moment, for progress pages ("you would recall 83% of these now"). It uses the
// ts-fsrs forgetting curve with its default parameters and whole days since the last review,
// the same granularity the scheduler uses, so the figure matches what scheduled the item.

import { fsrs } from "ts-fsrs";
import { type CardFields, toFsrsCard } from "./card-state";

const scheduler = fsrs();

/** Probability of recall in [0, 1] at `now`; null when the item has never been reviewed. */
export function retrievability(card: CardFields | null, now: Date): number | null {
  if (!card || card.state === 0 || !card.lastReview) return null;
  return scheduler.get_retrievability(toFsrsCard(card), now, false);
}
