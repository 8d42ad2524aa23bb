// The shapes the review page sends to the browser: one snapshot of the learner's session (the
// card to show now, the counts, what is left) and the results of the review actions. Types
// only, so the client component can import them; every date is an ISO string and every label
// that depends on the learner's time zone is formatted on the server.

export type CardKind = "new" | "learning" | "review" | "relearning";
export type RatingName = "Again" | "Hard" | "Good" | "Easy";

export interface RatingPreview {
  rating: 1 | 2 | 3 | 4;
  name: RatingName;
  /** The wait until the next review after this rating, as the button shows it ("10m", "3d"). */
  label: string;
}

export interface SessionCard {
  cardId: string;
  kind: CardKind;
  topic: string;
  topicTitle: string;
  frontHtml: string;
  backHtml: string;
  docs: Array<{ url: string; label: string }>;
  /** The review-state version this card was read at; null when the learner never rated it. */
  version: number | null;
  previews: RatingPreview[];
}

export interface SessionCounts {
  /** Cards due now (in the topic, when one is chosen). */
  due: number;
  /** New cards the daily limit still lets in (in the topic, when one is chosen). */
  new: number;
  /** Cards rated this study day. */
  doneToday: number;
  /** Cards that fall due again later this study day (learning steps). */
  laterToday: number;
}

export interface NextDue {
  at: string;
  /** "Tue, 24 Nov, 09:30 (Europe/Berlin)". */
  label: string;
  /** "in 10 minutes". */
  relative: string;
}

export interface SessionEmpty {
  /** NO_CARDS: nothing to study in this topic at all; CAUGHT_UP: nothing left right now. */
  reason: "NO_CARDS" | "CAUGHT_UP";
  /** When the next card becomes available: a review falling due, or tomorrow's new cards. */
  nextDue: NextDue | null;
  /** New cards still unseen but held back by the daily limit. */
  newHeldBack: number;
  newPerDay: number;
}

export interface ReviewSnapshot {
  topic: string | null;
  counts: SessionCounts;
  current: SessionCard | null;
  /** Cards left in this session, the current one included. */
  remaining: number;
  /** Whether the learner has a rating that undo could take back. */
  canUndo: boolean;
  empty: SessionEmpty | null;
}

export type RateCardResult =
  | { ok: true; saved: { cardId: string; due: string; version: number }; session: ReviewSnapshot }
  | { ok: false; reason: "STALE"; message: string; session: ReviewSnapshot }
  | { ok: false; reason: "INVALID" | "UNKNOWN_CARD"; message: string };

export type UndoResult =
  | { ok: true; restoredCardId: string | null; session: ReviewSnapshot }
  | { ok: false; reason: "NOTHING_TO_UNDO"; message: string; session: ReviewSnapshot }
  | { ok: false; reason: "INVALID"; message: string };
