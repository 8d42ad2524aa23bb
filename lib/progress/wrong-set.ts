// "Retake only what I got wrong": which questions a wrong-answer set holds and in what order.
// Confident-but-wrong answers come first: a learner who was sure and wrong holds a belief that
// will cost marks on the day, while a wrong guess was at least known to be a guess.
//
// - From practice history: questions whose latest answer (practice, drill, self-check or mock
//   exam) is wrong; "sure" before "unsure" before "guess" before unmarked, then the miss longest
//   ago first, so a question missed again just now waits behind the others.
// - From a mock exam: questions answered wrong or left unanswered in that attempt; wrong ones by
//   confidence as above, unanswered ones after them, each group in exam order.

import type { AnswerSummary, Confidence } from "./answers";

const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { sure: 0, unsure: 1, guess: 2 };

function confidenceRank(c: Confidence | null): number {
  return c === null ? 3 : CONFIDENCE_RANK[c];
}

export function rankWrongPractice(summaries: Iterable<AnswerSummary>): AnswerSummary[] {
  return [...summaries]
    .filter((s) => !s.latestCorrect)
    .sort(
      (a, b) =>
        confidenceRank(a.latestConfidence) - confidenceRank(b.latestConfidence) ||
        a.lastAnsweredAt.getTime() - b.lastAnsweredAt.getTime() ||
        compareIds(a.questionId, b.questionId),
    );
}

export interface AttemptItem {
  questionId: string;
  position: number;
  answered: boolean;
  /** Null when the question could not be graded (it left the bank). */
  correct: boolean | null;
  confidence: Confidence | null;
}

export function rankWrongInAttempt(items: readonly AttemptItem[]): AttemptItem[] {
  const group = (i: AttemptItem) => (i.answered ? confidenceRank(i.confidence) : 4);
  return items.filter((i) => i.correct === false).sort((a, b) => group(a) - group(b) || a.position - b.position);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
