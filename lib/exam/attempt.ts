// The life of one attempt, as pure decisions: how a saved selection changes an answer (first
// answer kept, changes counted), whether a write is still allowed, when and how an attempt is
// finalized, and the report written when it is. The database layer stores what these return;
// `now` is always the caller's.
//
// Finalization (ARCHITECTURE, "Errors and validation" 4: the server owns the deadline):
// - From the deadline on, nothing is written to the attempt, and the attempt is finalized as
//   `expired` with `submittedAt` = the deadline, whoever notices first: the countdown in the
//   browser, a late submit, or any later read of the attempt or the learner's exam pages
//   (the browser may have been closed). The learner's answers are scored as they stood.
// - Before the deadline only the learner's own submit finalizes it (`submitted`, at `now`).
// - A finalized attempt is never finalized again: every trigger after the first is a no-op.
// An answer counts as given when its selection is complete (as many options as the question
// asks for); an incomplete multiple-response selection is scored as unanswered (wrong).

import type { Blueprint } from "./blueprint";
import { fail, type ExamResult, succeed } from "./result";
import { type AnswerChangeStats, answerChangeStats, type AttemptScore, isAnswerCorrect, scoreAttempt } from "./scoring";
import { isExpired, remainingMs } from "./timer";

export type Confidence = "sure" | "unsure" | "guess";
export type AttemptStatus = "in_progress" | "submitted" | "expired";

export interface AnswerState {
  selected: string[];
  /** The first complete selection; empty until there is one. */
  firstSelected: string[];
  /** How often a complete selection was replaced by a different one. */
  changes: number;
  answeredAt: Date | null;
}

/** Sorted, without repeats: the stored form of a selection. */
export function normaliseSelection(selected: readonly string[]): string[] {
  return [...new Set(selected)].sort();
}

/** A selection is complete with exactly `required` distinct options. */
export function isCompleteSelection(selected: readonly string[], required: number): boolean {
  return new Set(selected).size === required;
}

/** The answer after the learner's selection `next` (radio: one option; checkboxes: the set ticked). */
export function applySelection(prev: AnswerState, next: readonly string[], required: number, now: Date): AnswerState {
  const selected = normaliseSelection(next);
  if (sameSet(prev.selected, selected)) return prev;
  const leftComplete = isCompleteSelection(prev.selected, required);
  return {
    selected,
    firstSelected: prev.firstSelected.length === 0 && isCompleteSelection(selected, required) ? selected : prev.firstSelected,
    changes: prev.changes + (leftComplete ? 1 : 0),
    answeredAt: new Date(now.getTime()),
  };
}

export type WriteRefusal = "ATTEMPT_EXPIRED" | "ATTEMPT_SUBMITTED";

/** Whether the learner may still write to the attempt at `now`. */
export function checkWritable(attempt: { status: AttemptStatus; deadline: Date }, now: Date): ExamResult<{ remainingMs: number }, WriteRefusal> {
  if (attempt.status !== "in_progress") return fail("ATTEMPT_SUBMITTED", "this exam has already been submitted");
  if (isExpired(attempt.deadline, now)) return fail("ATTEMPT_EXPIRED", "the time for this exam is up, so the answer was not saved");
  return succeed({ remainingMs: remainingMs(attempt.deadline, now) });
}

/** Who asks for the attempt to end: the learner's submit, the countdown reaching zero, or a page read. */
export type FinalizeTrigger = "learner" | "timeout" | "read";

export type FinalizeDecision =
  | { kind: "already"; status: Exclude<AttemptStatus, "in_progress"> }
  | { kind: "finalize"; status: Exclude<AttemptStatus, "in_progress">; submittedAt: Date }
  | { kind: "running"; remainingMs: number };

export function decideFinalization(attempt: { status: AttemptStatus; deadline: Date }, trigger: FinalizeTrigger, now: Date): FinalizeDecision {
  if (attempt.status !== "in_progress") return { kind: "already", status: attempt.status };
  if (isExpired(attempt.deadline, now)) return { kind: "finalize", status: "expired", submittedAt: new Date(attempt.deadline.getTime()) };
  if (trigger === "learner") return { kind: "finalize", status: "submitted", submittedAt: new Date(now.getTime()) };
  return { kind: "running", remainingMs: remainingMs(attempt.deadline, now) };
}

// ---------- the report written at finalization ----------

export interface ReportItemInput {
  questionId: string;
  position: number;
  domain: string;
  /** Counts toward the score (false for the unscored items of a full form). */
  scored: boolean;
  /** The correct options; null when the question is no longer in the bank (then it is not scored). */
  key: readonly string[] | null;
  /** How many options the question asks for. */
  required: number;
  selected: readonly string[];
  firstSelected: readonly string[];
  flagged: boolean;
  confidence: Confidence | null;
  timeMs: number;
  changes: number;
}

export interface ReportItem {
  position: number;
  questionId: string;
  domain: string;
  scored: boolean;
  answered: boolean;
  /** Null when the question could not be graded (no longer in the bank). */
  correct: boolean | null;
  flagged: boolean;
  confidence: Confidence | null;
  timeMs: number;
  changes: number;
  /** The final answer differs from the first complete one. */
  changed: boolean;
}

export interface AttemptReport {
  version: 1;
  /** Null when nothing could be scored (every question gone from the bank). */
  score: AttemptScore | null;
  changes: AnswerChangeStats;
  total: number;
  answered: number;
  flagged: number;
  /** From the start to `submittedAt`; never more than the time allowed. */
  timeUsedMs: number;
  timeAllowedMs: number;
  /** Time used over the number of questions. */
  msPerQuestion: number;
  endedBy: "learner" | "time";
  items: ReportItem[];
}

export function buildAttemptReport(input: {
  blueprint: Blueprint;
  items: readonly ReportItemInput[];
  startedAt: Date;
  deadline: Date;
  submittedAt: Date;
  status: Exclude<AttemptStatus, "in_progress">;
}): AttemptReport {
  const { blueprint, startedAt, deadline, submittedAt, status } = input;
  const items = [...input.items].sort((a, b) => a.position - b.position);
  const graded = items.filter((i) => i.key !== null);
  const scored = scoreAttempt({
    blueprint,
    items: graded.map((i) => ({
      questionId: i.questionId,
      domain: i.domain,
      correct: i.key ?? [],
      selected: isCompleteSelection(i.selected, i.required) ? i.selected : [],
      scored: i.scored,
    })),
  });
  const changes = answerChangeStats(
    graded.map((i) => ({
      correct: i.key ?? [],
      first: i.firstSelected,
      final: isCompleteSelection(i.selected, i.required) ? i.selected : [],
    })),
  );
  const timeAllowedMs = Math.max(0, deadline.getTime() - startedAt.getTime());
  const timeUsedMs = Math.min(timeAllowedMs, Math.max(0, submittedAt.getTime() - startedAt.getTime()));
  const reportItems = items.map((i): ReportItem => {
    const answered = isCompleteSelection(i.selected, i.required);
    return {
      position: i.position,
      questionId: i.questionId,
      domain: i.domain,
      scored: i.scored && i.key !== null,
      answered,
      correct: i.key === null ? null : answered && isAnswerCorrect(i.key, i.selected),
      flagged: i.flagged,
      confidence: i.confidence,
      timeMs: i.timeMs,
      changes: i.changes,
      changed: i.firstSelected.length > 0 && answered && !sameSet(i.firstSelected, i.selected),
    };
  });
  return {
    version: 1,
    score: scored.ok ? scored.value : null,
    changes,
    total: items.length,
    answered: reportItems.filter((i) => i.answered).length,
    flagged: reportItems.filter((i) => i.flagged).length,
    timeUsedMs,
    timeAllowedMs,
    msPerQuestion: items.length === 0 ? 0 : Math.round(timeUsedMs / items.length),
    endedBy: status === "expired" ? "time" : "learner",
    items: reportItems,
  };
}

/** In words, whether changing answers helped, for the result page. */
export function describeAnswerChanges(stats: AnswerChangeStats): string {
  if (stats.changed === 0) return "You did not change any answer.";
  const times = stats.changed === 1 ? "1 answer" : `${stats.changed} answers`;
  const net = stats.wrongToRight - stats.rightToWrong;
  const verdict =
    net > 0
      ? `Changing helped: ${net} more right than before.`
      : net < 0
        ? `Changing cost you: ${-net} fewer right than before.`
        : stats.wrongToRight === 0
          ? "Changing made no difference to your score."
          : "Changing evened out: as many gained as lost.";
  return `You changed ${times}: ${stats.wrongToRight} from wrong to right, ${stats.rightToWrong} from right to wrong, ${stats.wrongToWrong} from wrong to another wrong. ${verdict}`;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}
