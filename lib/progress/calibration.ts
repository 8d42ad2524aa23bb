// Calibration: how often answers marked sure, unsure and guess were right. A learner is well
// calibrated when "sure" answers are nearly always right and guesses are right about as often
// as chance allows; "sure and wrong" is the dangerous pattern (a belief that will cost marks).
// Each rate comes with its 95% Wilson interval and a verdict only once there are enough
// answers to say anything.

import type { Confidence } from "./answers";
import { type Interval, wilsonInterval } from "./interval";

export const MIN_ANSWERS_FOR_VERDICT = 10;
/** Below this, "sure" answers are wrong too often to trust the feeling. */
export const SURE_TARGET = 0.9;

export interface CalibrationCount {
  confidence: Confidence;
  correct: boolean;
  count: number;
}

export interface CalibrationRow {
  confidence: Confidence;
  answered: number;
  right: number;
  /** right / answered; null without answers. */
  rate: number | null;
  band: Interval;
}

export interface Calibration {
  rows: CalibrationRow[];
  total: number;
  /** One plain sentence; null when there are too few answers to judge. */
  verdict: string | null;
}

const ORDER: readonly Confidence[] = ["sure", "unsure", "guess"];

export function summariseCalibration(counts: readonly CalibrationCount[]): Calibration {
  const rows = ORDER.map((confidence): CalibrationRow => {
    const mine = counts.filter((c) => c.confidence === confidence);
    const answered = mine.reduce((s, c) => s + c.count, 0);
    const right = mine.filter((c) => c.correct).reduce((s, c) => s + c.count, 0);
    return { confidence, answered, right, rate: answered ? right / answered : null, band: wilsonInterval(right, answered) };
  });
  const total = rows.reduce((s, r) => s + r.answered, 0);
  return { rows, total, verdict: verdictOf(rows) };
}

function verdictOf(rows: readonly CalibrationRow[]): string | null {
  const [sure, unsure, guess] = rows as [CalibrationRow, CalibrationRow, CalibrationRow];
  if (sure.answered < MIN_ANSWERS_FOR_VERDICT) return null;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (sure.band.high < SURE_TARGET) {
    return `When you are sure, you are right only ${pct(sure.rate ?? 0)} of the time: slow down on questions that feel obvious, they are where traps catch you.`;
  }
  if (guess.answered >= MIN_ANSWERS_FOR_VERDICT && guess.band.low > (unsure.rate ?? 1)) {
    return `Your guesses are right more often than your "unsure" answers (${pct(guess.rate ?? 0)}): you know more than you think; trust your first reading.`;
  }
  if ((sure.rate ?? 0) >= SURE_TARGET) return `When you are sure, you are right ${pct(sure.rate ?? 0)} of the time: your confidence is a good guide.`;
  return `When you are sure, you are right ${pct(sure.rate ?? 0)} of the time; more answers will tell whether that is below the ${pct(SURE_TARGET)} to aim for.`;
}
