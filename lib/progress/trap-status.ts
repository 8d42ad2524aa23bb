// The status of a trap for one learner (weak / improving / solid, or not seen yet), derived
// from the answers to the trap's questions and the FSRS memory of those questions, and the
// order of the traps list: the dangerous ones first. The decision comes back with its reasons
// in words, so the page shows why a trap is weak rather than just a label.
//
// Rules, in order (documented on the Traps page through TRAP_STATUS_RULES):
// 1. not seen — none of the trap's questions has been answered.
// 2. weak — the latest answer to one of its questions is wrong (a miss not yet put right), or
//    the average recall probability of its reviewed questions has fallen below 70%.
// 3. solid — no miss in the last 14 days, at least two different questions answered right,
//    every answered question graduated to the FSRS Review state, and average recall ≥ 85%.
// 4. improving — everything else: answered right lately, but too recently missed, too few
//    questions or memory not yet stable.
// Ordering: traps with an open confident miss (latest answer wrong although marked "sure")
// first; then weak, improving, not seen, solid; then more confident misses, more misses, the
// most recent miss, and the title.

import type { AnswerSummary } from "./answers";
import { FADED_RECALL, type MemoryOfItem, STRONG_RECALL } from "./memory";

export type TrapStatus = "unseen" | "weak" | "improving" | "solid";

export const RECENT_MISS_DAYS = 14;
export const SOLID_MIN_QUESTIONS_RIGHT = 2;

export const TRAP_STATUS_LABELS: Readonly<Record<TrapStatus, string>> = {
  unseen: "Not seen yet",
  weak: "Weak",
  improving: "Improving",
  solid: "Solid",
};

/** The rules in plain words, for the page. */
export const TRAP_STATUS_RULES: ReadonlyArray<{ status: TrapStatus; rule: string }> = [
  { status: "weak", rule: `Weak: your latest answer to one of its questions is wrong, or your memory of its questions has faded (average recall chance below ${pct(FADED_RECALL)}).` },
  {
    status: "solid",
    rule: `Solid: no miss in the last ${RECENT_MISS_DAYS} days, at least ${SOLID_MIN_QUESTIONS_RIGHT} different questions answered right, each answered question past its learning steps, and an average recall chance of ${pct(STRONG_RECALL)} or more.`,
  },
  { status: "improving", rule: "Improving: answered right lately, but missed recently, tried on too few questions, or not yet remembered for long." },
  { status: "unseen", rule: "Not seen yet: you have not answered any of its questions." },
];

/** The start of the "recent misses" window. */
export function recentSince(now: Date): Date {
  return new Date(now.getTime() - RECENT_MISS_DAYS * 86_400_000);
}

export interface TrapVerdict {
  status: TrapStatus;
  /** Answers to the trap's questions. */
  seen: number;
  missed: number;
  lastMissedAt: Date | null;
  /** Questions whose latest answer is wrong. */
  openMisses: number;
  /** … of which that latest wrong answer was marked "sure". */
  openConfidentMisses: number;
  /** Wrong answers marked "sure", ever. */
  confidentMisses: number;
  /** Average recall probability of the trap's reviewed questions; null when none is reviewed. */
  meanRecall: number | null;
  reasons: string[];
}

export function deriveTrapStatus(
  questionIds: readonly string[],
  answers: ReadonlyMap<string, AnswerSummary>,
  memory: ReadonlyMap<string, MemoryOfItem>,
): TrapVerdict {
  const summaries = questionIds.flatMap((id) => {
    const s = answers.get(id);
    return s ? [s] : [];
  });
  const recalls = questionIds.flatMap((id) => {
    const r = memory.get(id)?.retrievability;
    return r === null || r === undefined ? [] : [r];
  });
  const seen = sum(summaries.map((s) => s.answers));
  const missed = sum(summaries.map((s) => s.misses));
  const missTimes = summaries.flatMap((s) => (s.lastMissedAt ? [s.lastMissedAt.getTime()] : []));
  const open = summaries.filter((s) => !s.latestCorrect);
  const meanRecall = recalls.length ? sum(recalls) / recalls.length : null;
  const base = {
    seen,
    missed,
    lastMissedAt: missTimes.length ? new Date(Math.max(...missTimes)) : null,
    openMisses: open.length,
    openConfidentMisses: open.filter((s) => s.latestConfidence === "sure").length,
    confidentMisses: sum(summaries.map((s) => s.sureMisses)),
    meanRecall,
  };

  if (seen === 0) return { ...base, status: "unseen", reasons: ["You have not answered any of its questions yet."] };

  const weak: string[] = [];
  if (open.length > 0) {
    const confident = base.openConfidentMisses;
    const which = open.length === 1 ? "Your latest answer to one of its questions is wrong" : `Your latest answers to ${open.length} of its questions are wrong`;
    weak.push(`${which}${confident > 0 ? ` (${confident === open.length ? (open.length === 1 ? "marked sure" : "all marked sure") : `${confident} marked sure`})` : ""}.`);
  }
  if (meanRecall !== null && meanRecall < FADED_RECALL) weak.push(`Your memory of its questions has faded: about ${pct(meanRecall)} chance of recall now.`);
  if (weak.length) return { ...base, status: "weak", reasons: weak };

  const rightQuestions = summaries.filter((s) => s.latestCorrect).length;
  const recentMisses = sum(summaries.map((s) => s.recentMisses));
  const unstable = summaries.filter((s) => memory.get(s.questionId)?.state !== 2).length;
  const pending: string[] = [];
  if (recentMisses > 0) pending.push(`Missed ${count(recentMisses, "time")} in the last ${RECENT_MISS_DAYS} days.`);
  if (rightQuestions < SOLID_MIN_QUESTIONS_RIGHT) pending.push(`Answered right on ${count(rightQuestions, "question")} so far; ${SOLID_MIN_QUESTIONS_RIGHT} are needed.`);
  if (unstable > 0) pending.push(`${count(unstable, "question")} still in learning steps.`);
  if (meanRecall === null || meanRecall < STRONG_RECALL) pending.push(`Recall chance ${meanRecall === null ? "not known yet" : `about ${pct(meanRecall)}`}; solid needs ${pct(STRONG_RECALL)}.`);
  if (pending.length) return { ...base, status: "improving", reasons: pending };
  return { ...base, status: "solid", reasons: [`No recent misses, ${count(rightQuestions, "question")} answered right, about ${pct(meanRecall ?? 1)} chance of recall.`] };
}

const STATUS_ORDER: Readonly<Record<TrapStatus, number>> = { weak: 0, improving: 1, unseen: 2, solid: 3 };

/** Sorts traps for the list: confident-but-wrong first (see the file comment). */
export function rankTraps<T extends { title: string; verdict: TrapVerdict }>(traps: readonly T[]): T[] {
  return [...traps].sort(
    (a, b) =>
      Number(b.verdict.openConfidentMisses > 0) - Number(a.verdict.openConfidentMisses > 0) ||
      STATUS_ORDER[a.verdict.status] - STATUS_ORDER[b.verdict.status] ||
      b.verdict.confidentMisses - a.verdict.confidentMisses ||
      b.verdict.missed - a.verdict.missed ||
      (b.verdict.lastMissedAt?.getTime() ?? 0) - (a.verdict.lastMissedAt?.getTime() ?? 0) ||
      a.title.localeCompare(b.title, "en"),
  );
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function count(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
