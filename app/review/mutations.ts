// Writes for the review session: rating a flashcard and undoing the last rating. Called by the
// server actions after they validated the input and found the signed-in user; `userId` is
// always that user, never an id from the browser. `now` is read once by the caller.
//
// A rating re-reads the card's state, checks it is the version the learner saw, schedules it
// with lib/srs and writes state and log in one transaction (recordReview), guarded by that
// version: a second rating of the same view (another tab, a double press) is STALE and writes
// nothing.
import { getCard } from "@/lib/content";
import { getReviewState, recordReview, undoLastReview } from "@/lib/db/reviews";
import { getSettings } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { nextReview, ratingFromValue } from "@/lib/srs";
import { CARD_ITEM_KIND, cardIdOfItem, cardItemId, fuzzSeedFor, getReviewSession, toCardFields } from "./data";
import type { RateCardInput } from "./schema";
import type { RateCardResult, UndoResult } from "./types";

export const REVIEW_SOURCE = "review";

const STALE_MESSAGE = "This card was already rated in another tab or window, so this rating was not saved. Your queue has been reloaded.";

export async function rateCard(userId: string, input: RateCardInput, now: Date): Promise<RateCardResult> {
  const card = getCard(input.cardId);
  if (!card) return { ok: false, reason: "UNKNOWN_CARD", message: `there is no flashcard \`${input.cardId}\`` };
  const rating = ratingFromValue(input.rating);
  if (!rating.ok) return { ok: false, reason: "INVALID", message: rating.message };

  const itemId = cardItemId(card.id);
  const [settings, current] = await Promise.all([getSettings(userId), getReviewState(userId, itemId)]);
  const stale = async (): Promise<RateCardResult> => ({
    ok: false,
    reason: "STALE",
    message: STALE_MESSAGE,
    session: await getReviewSession(userId, { topic: input.topic, now }),
  });
  if ((current?.version ?? null) !== input.version) return stale();

  const scheduled = nextReview(current ? toCardFields(current) : null, rating.value, now, {
    desiredRetention: settings.desiredRetention,
    fuzzSeed: fuzzSeedFor(userId, itemId),
  });
  if (!scheduled.ok) throw new AppError(scheduled.reason, scheduled.message);

  const written = await recordReview(userId, {
    itemId,
    itemKind: CARD_ITEM_KIND,
    expectedVersion: input.version,
    next: scheduled.value.next,
    log: { rating: input.rating, source: REVIEW_SOURCE, durationMs: input.durationMs, reviewedAt: now },
  });
  if (!written.ok) return stale();

  return {
    ok: true,
    saved: { cardId: card.id, due: written.state.due.toISOString(), version: written.state.version },
    session: await getReviewSession(userId, { topic: input.topic, now }),
  };
}

/** Takes back the learner's latest review-session rating and shows that card again. */
export async function undoLastRating(userId: string, topic: string | null, now: Date): Promise<UndoResult> {
  const undone = await undoLastReview(userId, REVIEW_SOURCE);
  if (!undone.ok) {
    return { ok: false, reason: "NOTHING_TO_UNDO", message: "There is no rating to undo.", session: await getReviewSession(userId, { topic, now }) };
  }
  const cardId = cardIdOfItem(undone.itemId);
  const restored = cardId && getCard(cardId) ? cardId : null;
  return { ok: true, restoredCardId: restored, session: await getReviewSession(userId, { topic, now, focusCardId: restored }) };
}
