// Scoring an attempt: which answers are right, the raw score over the scored questions,
// per-domain results, an estimated scaled score, and how changing answers worked out.
//
// Multiple response is all-or-nothing, as on the real exam: an answer is right only when the
// selected options are exactly the correct set (order and repeats do not matter); no partial
// credit. An unanswered question is wrong.
//
// The scaled score is an estimate. AWS reports 100–1000 with 720 to pass, but equates forms
// by a method it does not publish, so no raw-to-scaled table exists. We use a documented,
// monotonic, piecewise-linear map through three points: 0% correct → the minimum (100), the
// cut of 72% correct → the passing score (720), 100% → the maximum (1000). 72% is our
// assumption, chosen because it puts the passing score where its position on the scale
// suggests; the real cut varies by form. Computed in whole numbers and rounded down, so the
// score reaches 720 exactly when at least 72% of scored questions are right, and the
// pass/fail verdict never depends on floating-point rounding.

import type { Blueprint } from "./blueprint";
import { type ExamResult, fail, succeed } from "./result";

/** The raw percentage that maps to the passing score (an assumption; see the file comment). */
export const SCALED_SCORE_CUT_PERCENT = 72;

/** The scaled-score method in plain words, for the result page. */
export const SCALED_SCORE_METHOD =
  "This scaled score is an estimate. AWS reports scores from 100 to 1000 and you pass with 720, " +
  "but it does not publish how many correct answers that takes, and it varies between exam forms. " +
  "We count only the scored questions and assume the pass mark is 72% correct: 0% correct is 100, " +
  "72% is 720, 100% is 1000, and scores in between rise in a straight line on each side of 72%. " +
  "Unscored questions, which you could not tell apart from the others, do not count.";

export interface ScoredItem {
  questionId: string;
  domain: string;
  correct: readonly string[];
  selected: readonly string[];
  scored: boolean;
}

export interface DomainScore {
  domain: string;
  title: string;
  correct: number;
  total: number;
  /** Whole percent, rounded; null when the domain had no scored question. */
  percent: number | null;
}

export interface AttemptScore {
  rawCorrect: number;
  scoredCount: number;
  rawPercent: number;
  scaledScore: number;
  passingScore: number;
  passed: boolean;
  perDomain: DomainScore[];
  /** Always true: see SCALED_SCORE_METHOD. */
  estimate: true;
}

export interface AnswerChange {
  correct: readonly string[];
  /** The first answer given; empty when the question was never answered. */
  first: readonly string[];
  final: readonly string[];
}

export interface AnswerChangeStats {
  /** Answers whose final selection differs from the first. */
  changed: number;
  wrongToRight: number;
  rightToWrong: number;
  wrongToWrong: number;
}

/** All-or-nothing: right only when the selection is exactly the correct set. */
export function isAnswerCorrect(correct: readonly string[], selected: readonly string[]): boolean {
  const key = new Set(correct);
  const chosen = new Set(selected);
  if (key.size === 0 || key.size !== chosen.size) return false;
  for (const option of chosen) if (!key.has(option)) return false;
  return true;
}

/** The estimated scaled score for `correct` right answers out of `scored` (see the file comment). */
export function estimateScaledScore(correct: number, scored: number, blueprint: Pick<Blueprint, "minScore" | "passingScore" | "maxScore">): number {
  if (!Number.isInteger(correct) || !Number.isInteger(scored) || scored <= 0 || correct < 0 || correct > scored) {
    throw new RangeError(`cannot scale ${correct} correct of ${scored}`);
  }
  const { minScore, passingScore, maxScore } = blueprint;
  const cut = SCALED_SCORE_CUT_PERCENT;
  const hundredths = 100 * correct; // raw percentage × scored, kept whole
  if (hundredths < cut * scored) {
    return minScore + Math.floor(((passingScore - minScore) * hundredths) / (cut * scored));
  }
  return passingScore + Math.floor(((maxScore - passingScore) * (hundredths - cut * scored)) / ((100 - cut) * scored));
}

export function scoreAttempt(input: { items: readonly ScoredItem[]; blueprint: Blueprint }): ExamResult<AttemptScore, "NO_SCORED_ITEMS"> {
  const { items, blueprint } = input;
  const scored = items.filter((item) => item.scored);
  if (scored.length === 0) return fail("NO_SCORED_ITEMS", "the attempt has no scored question to score");

  const perDomain = new Map<string, DomainScore>(
    blueprint.domains.map((d) => [d.id, { domain: d.id, title: d.title, correct: 0, total: 0, percent: null }]),
  );
  let rawCorrect = 0;
  for (const item of scored) {
    const right = isAnswerCorrect(item.correct, item.selected);
    if (right) rawCorrect += 1;
    const entry = perDomain.get(item.domain) ?? { domain: item.domain, title: item.domain, correct: 0, total: 0, percent: null };
    entry.total += 1;
    if (right) entry.correct += 1;
    perDomain.set(item.domain, entry);
  }
  for (const entry of perDomain.values()) entry.percent = entry.total === 0 ? null : Math.round((100 * entry.correct) / entry.total);

  const scaledScore = estimateScaledScore(rawCorrect, scored.length, blueprint);
  return succeed({
    rawCorrect,
    scoredCount: scored.length,
    rawPercent: (100 * rawCorrect) / scored.length,
    scaledScore,
    passingScore: blueprint.passingScore,
    passed: scaledScore >= blueprint.passingScore,
    perDomain: [...perDomain.values()],
    estimate: true,
  });
}

/** How changing answers worked out, from each question's first and final selection. */
export function answerChangeStats(answers: readonly AnswerChange[]): AnswerChangeStats {
  const stats: AnswerChangeStats = { changed: 0, wrongToRight: 0, rightToWrong: 0, wrongToWrong: 0 };
  for (const answer of answers) {
    if (answer.first.length === 0 || sameSelection(answer.first, answer.final)) continue;
    stats.changed += 1;
    const before = isAnswerCorrect(answer.correct, answer.first);
    const after = isAnswerCorrect(answer.correct, answer.final);
    if (!before && after) stats.wrongToRight += 1;
    else if (before && !after) stats.rightToWrong += 1;
    else if (!before && !after) stats.wrongToWrong += 1;
  }
  return stats;
}

function sameSelection(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}
