// Ratings: the four FSRS grades as words, their stored numbers (the `rating` column, equal to
// ts-fsrs `Rating`), and how an answered question becomes a grade.
//
// A question is not self-graded like a flashcard: the learner says whether they were right
// (the grader knows) and how confident they were, and we derive the grade:
//   wrong                          → again  (a lapse, whatever the confidence)
//   right, confidence "guess"      → hard   (recalled nothing; the item still needs work)
//   right, confidence "unsure"     → good
//   right, confidence "sure"       → good, or easy when answered quickly
// "Quickly" means a response time strictly under `quickThresholdMs`, by default 20 s. A real
// exam allows two minutes a question (130 min / 65), and reading a scenario stem alone takes
// 15–30 s, so an answer given sure and within 20 s signals effortless recall; FSRS rewards
// that with a longer interval. Without a response time nothing is quick, so the grade stays
// good: we never grant easy on confidence alone. Flashcards are rated directly 1–4.

import { fail, type SrsResult, succeed } from "./result";

export type ReviewRating = "again" | "hard" | "good" | "easy";
export type RatingValue = 1 | 2 | 3 | 4;
export type Confidence = "sure" | "unsure" | "guess";

export const REVIEW_RATINGS: readonly ReviewRating[] = ["again", "hard", "good", "easy"];

export const RATING_VALUES: Readonly<Record<ReviewRating, RatingValue>> = { again: 1, hard: 2, good: 3, easy: 4 };

/** Default limit under which a sure, correct answer counts as quick (see the file comment). */
export const DEFAULT_QUICK_THRESHOLD_MS = 20_000;

export interface QuestionOutcome {
  correct: boolean;
  confidence: Confidence;
  /** Milliseconds from showing the question to submitting the answer; null when unknown. */
  responseMs?: number | null;
}

export function rateQuestion(outcome: QuestionOutcome, quickThresholdMs: number = DEFAULT_QUICK_THRESHOLD_MS): ReviewRating {
  if (!outcome.correct) return "again";
  switch (outcome.confidence) {
    case "guess":
      return "hard";
    case "unsure":
      return "good";
    case "sure":
      return isQuick(outcome.responseMs, quickThresholdMs) ? "easy" : "good";
  }
}

function isQuick(responseMs: number | null | undefined, thresholdMs: number): boolean {
  return responseMs != null && Number.isFinite(responseMs) && responseMs >= 0 && responseMs < thresholdMs;
}

/** A flashcard button press (1 Again … 4 Easy), or a stored `rating` column, as a rating. */
export function ratingFromValue(value: number): SrsResult<ReviewRating, "INVALID_RATING"> {
  const rating = REVIEW_RATINGS[value - 1];
  if (!Number.isInteger(value) || rating === undefined) {
    return fail("INVALID_RATING", `a rating is a whole number from 1 (again) to 4 (easy), got \`${value}\``);
  }
  return succeed(rating);
}
