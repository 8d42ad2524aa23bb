// Writes of mock exams: preview and start an attempt, save an answer, a flag or a confidence
// mark, submit, and finalize (score, report and spaced-repetition ratings). Called by the
// server actions after they validated the input and found the signed-in user: `userId` is
// always that user, never an id from the browser. `now` is read once by the caller.
//
// The clock is the server's: the deadline is fixed at the start (lib/exam examDeadline) and
// stored; every write checks it under the attempt's row lock (lib/db writeExamAnswer), so an
// answer after the deadline is refused even when the browser's countdown says otherwise.
// Finalization is idempotent and also lazy: `finalizeIfDue` runs on every read of an attempt
// or of the learner's exam pages, so an attempt whose browser was closed is finalized as
// expired, at its deadline, the next time anything looks at it.
import { randomBytes } from "node:crypto";
import { getQuestion, gradeAnswer, variantForSeed } from "@/lib/content";
import { createAttempt, type ExamAnswerPatch, finalizeAttempt, listOverdueAttemptIds, writeExamAnswer, type FinalizeOutcome } from "@/lib/db/attempts";
import type { ReviewInput } from "@/lib/db/reviews";
import { getSettings } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import {
  applySelection,
  assembleExam,
  buildAttemptReport,
  checkWritable,
  countedDomain,
  decideFinalization,
  examDeadline,
  type ExamForm,
  type FinalizeTrigger,
  formTiming,
  type ReportItemInput,
} from "@/lib/exam";
import { isCardStateValue, nextReview, RATING_VALUES, rateQuestion } from "@/lib/srs";
import { getBlueprint, getCandidatePool, requiredOptions } from "./catalog";
import type { AttemptPlan, SaveAnswerInput, StartInput, SubmitInput } from "./schema";
import type { SaveAnswerResult, SubmitResult } from "./types";

export const EXAM_SOURCE = "exam";
export const QUESTION_ITEM_KIND = "question";

export const attemptUrl = (id: string) => `/attempts/${id}`;
export const resultUrl = (id: string) => `/attempts/${id}/result`;

export function newSeed(): string {
  return randomBytes(8).toString("hex");
}

export function formOf(input: StartInput): ExamForm {
  if (input.form === "full") return { kind: "full" };
  return {
    kind: "focused",
    count: input.count,
    minutes: input.minutes,
    ...(input.domains.length ? { domains: input.domains } : {}),
    ...(input.traps.length ? { traps: input.traps } : {}),
  };
}

export interface ExamPreview {
  examId: string;
  examTitle: string;
  form: ExamForm;
  seed: string;
  questionCount: number;
  wanted: number;
  multipleCount: number;
  durationMinutes: number;
  extraMinutes: number;
  esl: boolean;
  unscoredMarked: boolean;
  perDomain: Array<{ domain: string; title: string; target: number; got: number }>;
  shortfalls: string[];
}

export type PreviewResult = { ok: true; preview: ExamPreview } | { ok: false; reason: string; message: string };

/** Assembles the exam these settings describe, for this learner now (shared by preview and start). */
async function assembleFor(userId: string, input: StartInput, now: Date) {
  const found = getBlueprint(input.examId);
  if (!found) return { ok: false as const, reason: "UNKNOWN_EXAM", message: `There is no exam \`${input.examId}\`.` };
  const form = formOf(input);
  const seed = input.seed ?? newSeed();
  const [pool, settings] = await Promise.all([getCandidatePool(userId), getSettings(userId)]);
  const assembled = assembleExam({ blueprint: found.blueprint, form, pool, seed, now, unscored: form.kind === "full" && input.unscored });
  if (!assembled.ok) return { ok: false as const, reason: assembled.reason as string, message: capitalise(assembled.message) + "." };
  const timing = formTiming(found.blueprint, form);
  return { ok: true as const, ...found, form, seed, pool, settings, exam: assembled.value, timing };
}

/** What an exam with these settings would hold, and what the bank cannot fill, before it starts. */
export async function previewExam(userId: string, input: StartInput, now: Date): Promise<PreviewResult> {
  const a = await assembleFor(userId, input, now);
  if (!a.ok) return a;
  const byId = new Map(a.pool.map((q) => [q.id, q]));
  const titles = new Map(a.blueprint.domains.map((d) => [d.id, d.title]));
  return {
    ok: true,
    preview: {
      examId: a.blueprint.id,
      examTitle: a.blueprint.title,
      form: a.form,
      seed: a.seed,
      questionCount: a.exam.questionIds.length,
      wanted: a.form.kind === "full" ? a.blueprint.questionCount : a.form.count,
      multipleCount: a.exam.questionIds.filter((id) => byId.get(id)?.responseType === "multiple").length,
      durationMinutes: a.timing.durationMinutes,
      extraMinutes: a.settings.eslAccommodation ? a.timing.eslExtraMinutes : 0,
      esl: a.settings.eslAccommodation,
      unscoredMarked: a.exam.unscoredIds.length > 0,
      perDomain: a.exam.perDomain.map((d) => ({ ...d, title: titles.get(d.domain) ?? d.domain })),
      shortfalls: a.exam.shortfalls,
    },
  };
}

export type StartOutcome =
  | { ok: true; attemptId: string }
  | { ok: false; reason: "ATTEMPT_IN_PROGRESS"; message: string; attemptId: string }
  | { ok: false; reason: string; message: string };

/** Starts an attempt: assembles it (seeded), fixes the variants and the deadline, and stores it. */
export async function startAttempt(userId: string, input: StartInput, now: Date): Promise<StartOutcome> {
  await finalizeOverdueAttempts(userId, now);
  const a = await assembleFor(userId, input, now);
  if (!a.ok) return a;
  const { blueprint, form, seed, settings, exam, timing } = a;
  const byId = new Map(a.pool.map((q) => [q.id, q]));

  const questions = exam.questionIds.map((questionId) => {
    const q = getQuestion(questionId);
    const candidate = byId.get(questionId);
    if (!q || !candidate) throw new AppError("UNKNOWN_QUESTION", `assembly chose \`${questionId}\`, which is not in the bank`);
    const variantSeed = exam.variantSeeds[questionId];
    const variant = variantSeed !== undefined ? variantForSeed(q, variantSeed) : (q.instances[0]?.id ?? "base");
    const domain = countedDomain(candidate, blueprint, form);
    if (domain === undefined) throw new AppError("UNKNOWN_DOMAIN", `assembly chose \`${questionId}\` outside the form's domains`);
    return { questionId, variant, domain };
  });

  const deadline = examDeadline(now, timing, settings.eslAccommodation);
  const plan: AttemptPlan = {
    version: 1,
    form: form.kind === "full" ? form : { ...form, domains: form.domains ? [...form.domains] : undefined, traps: form.traps ? [...form.traps] : undefined },
    unscoredMarked: exam.unscoredIds.length > 0,
    esl: settings.eslAccommodation,
    durationMinutes: timing.durationMinutes,
    extraMinutes: settings.eslAccommodation ? timing.eslExtraMinutes : 0,
    shortfalls: exam.shortfalls,
    perDomain: exam.perDomain,
  };
  const created = await createAttempt(userId, {
    examId: blueprint.id,
    form: form.kind,
    seed,
    unscoredIds: exam.unscoredIds,
    variantSeeds: exam.variantSeeds,
    startedAt: now,
    deadline,
    plan: JSON.parse(JSON.stringify(plan)),
    questions,
  });
  if (created.ok) return { ok: true, attemptId: created.attemptId };
  if (created.reason === "ATTEMPT_IN_PROGRESS") {
    return { ok: false, reason: created.reason, attemptId: created.attemptId, message: "You have an exam in progress. Finish or submit it before you start another." };
  }
  throw new AppError(created.reason, "the signed-in learner does not exist");
}

/** Saves what the learner just did on one question: a selection, a flag, a confidence mark, time spent. */
export async function saveAnswer(userId: string, input: SaveAnswerInput, now: Date): Promise<SaveAnswerResult> {
  const written = await writeExamAnswer(userId, input.attemptId, input.position, ({ attempt, answer }) => {
    const writable = checkWritable(attempt, now);
    if (!writable.ok) return writable;
    const question = getQuestion(answer.questionId);
    const required = question ? requiredOptions(question) : 1;
    const patch: ExamAnswerPatch = {};
    if (input.selected !== undefined) {
      const options = new Set(question?.options.map((o) => o.id) ?? []);
      const unique = [...new Set(input.selected)];
      if (unique.some((s) => !options.has(s))) return { ok: false as const, reason: "BAD_SELECTION" as const, message: "Choose among the options shown." };
      if (unique.length > required)
        return { ok: false as const, reason: "BAD_SELECTION" as const, message: required === 1 ? "Choose one option." : `Choose at most ${required} options.` };
      const next = applySelection(answer, unique, required, now);
      Object.assign(patch, { selected: next.selected, firstSelected: next.firstSelected, changes: next.changes, answeredAt: next.answeredAt });
    }
    if (input.flagged !== undefined) patch.flagged = input.flagged;
    if (input.confidence !== undefined) patch.confidence = input.confidence;
    if (input.spentMs) patch.addTimeMs = Math.min(input.spentMs, Math.max(0, now.getTime() - attempt.startedAt.getTime()));
    return { ok: true, patch };
  });
  if (written.ok) {
    const { answer, attempt } = written;
    return {
      ok: true,
      remainingMs: Math.max(0, attempt.deadline.getTime() - now.getTime()),
      answer: { selected: answer.selected, flagged: answer.flagged, confidence: answer.confidence },
    };
  }
  if (written.reason === "ATTEMPT_EXPIRED" || written.reason === "ATTEMPT_SUBMITTED") {
    // The time is up: finish the attempt now, so the result is there when the browser goes to it.
    if (written.reason === "ATTEMPT_EXPIRED") await finalizeIfDue(userId, input.attemptId, "read", now);
    const message = written.reason === "ATTEMPT_EXPIRED" ? "Time is up: this answer was not saved, and the exam has been submitted." : "This exam has already been submitted.";
    return { ok: false, reason: written.reason, message, resultUrl: resultUrl(input.attemptId) };
  }
  if (written.reason === "NOT_FOUND") return { ok: false, reason: "NOT_FOUND", message: "There is no such exam question." };
  return { ok: false, reason: "BAD_SELECTION", message: written.message };
}

/** The learner's submit, or the browser's countdown reaching zero (finalizes only once the server agrees). */
export async function submitAttempt(userId: string, input: SubmitInput, now: Date): Promise<SubmitResult> {
  const outcome = await finalizeIfDue(userId, input.attemptId, input.trigger, now);
  if (!outcome.ok) return { ok: false, reason: "NOT_FOUND", message: "There is no such exam attempt." };
  if (outcome.status === "in_progress") {
    return { ok: false, reason: "RUNNING", message: "The exam is still running on the server's clock.", remainingMs: outcome.remainingMs };
  }
  return { ok: true, status: outcome.status, resultUrl: resultUrl(input.attemptId) };
}

export type FinalizeResult =
  | { ok: true; status: "submitted" | "expired"; finalizedNow: boolean }
  | { ok: true; status: "in_progress"; remainingMs: number }
  | { ok: false; reason: "NOT_FOUND" };

/**
 * Finalizes the attempt when it is due (the learner submits, or the deadline has passed), exactly
 * once: the score and report are written with a spaced-repetition rating ("exam") for every
 * answered question, in one transaction.
 */
export async function finalizeIfDue(userId: string, attemptId: string, trigger: FinalizeTrigger, now: Date): Promise<FinalizeResult> {
  const settings = await getSettings(userId);
  let remaining = 0;
  const outcome: FinalizeOutcome = await finalizeAttempt(userId, attemptId, ({ attempt, reviewStates }) => {
    const decision = decideFinalization(attempt, trigger, now);
    if (decision.kind === "running") remaining = decision.remainingMs;
    if (decision.kind !== "finalize") return null;
    const found = getBlueprint(attempt.examId);
    if (!found) throw new AppError("UNKNOWN_EXAM", `attempt ${attempt.id} is for \`${attempt.examId}\`, which is no longer in the content`);
    const unscored = new Set(attempt.unscoredIds);
    const items: ReportItemInput[] = attempt.answers.map((a) => {
      const question = getQuestion(a.questionId);
      const grade = question ? gradeAnswer(a.questionId, a.variant, a.selected) : undefined;
      return {
        questionId: a.questionId,
        position: a.position,
        domain: a.domain,
        scored: !unscored.has(a.questionId),
        key: grade ? grade.key : null,
        required: question ? requiredOptions(question) : 1,
        selected: a.selected,
        firstSelected: a.firstSelected,
        flagged: a.flagged,
        confidence: a.confidence,
        timeMs: a.timeMs,
        changes: a.changes,
      };
    });
    const report = buildAttemptReport({
      blueprint: found.blueprint,
      items,
      startedAt: attempt.startedAt,
      deadline: attempt.deadline,
      submittedAt: decision.submittedAt,
      status: decision.status,
    });

    const reviewedAt = decision.submittedAt;
    const reviews: ReviewInput[] = [];
    for (const item of report.items) {
      if (!item.answered || item.correct === null) continue;
      const state = reviewStates.get(item.questionId);
      // A review after the exam already says more about this question than the exam does.
      if (state?.lastReview && state.lastReview > reviewedAt) continue;
      if (state && !isCardStateValue(state.state)) throw new AppError("CORRUPT_REVIEW_STATE", `review state of \`${item.questionId}\` has unknown state ${state.state}`);
      const confidence = item.confidence ?? "unsure";
      const rating = rateQuestion({ correct: item.correct, confidence, responseMs: null });
      const scheduled = nextReview(state ? { ...state, state: state.state as 0 | 1 | 2 | 3 } : null, rating, reviewedAt, {
        desiredRetention: settings.desiredRetention,
        fuzzSeed: `${userId}:${item.questionId}`,
      });
      if (!scheduled.ok) throw new AppError(scheduled.reason, scheduled.message);
      reviews.push({
        itemId: item.questionId,
        itemKind: QUESTION_ITEM_KIND,
        expectedVersion: state?.version ?? null,
        next: scheduled.value.next,
        log: {
          rating: RATING_VALUES[rating],
          source: EXAM_SOURCE,
          confidence: item.confidence,
          correct: item.correct,
          durationMs: item.timeMs > 0 ? item.timeMs : null,
          reviewedAt,
        },
      });
    }
    return {
      status: decision.status,
      submittedAt: decision.submittedAt,
      rawScore: report.score?.rawCorrect ?? null,
      scaledScore: report.score?.scaledScore ?? null,
      passed: report.score?.passed ?? null,
      report: JSON.parse(JSON.stringify(report)),
      reviews,
    };
  });
  if (!outcome.ok) return outcome;
  if (outcome.status === "in_progress") return { ok: true, status: "in_progress", remainingMs: remaining };
  return { ok: true, status: outcome.status, finalizedNow: outcome.finalized };
}

/** Finalizes every attempt of the learner whose deadline has passed (browser closed, time ran out). */
export async function finalizeOverdueAttempts(userId: string, now: Date): Promise<number> {
  const ids = await listOverdueAttemptIds(userId, now);
  let finalized = 0;
  for (const id of ids) {
    const res = await finalizeIfDue(userId, id, "read", now);
    if (res.ok && res.status !== "in_progress" && res.finalizedNow) finalized += 1;
  }
  return finalized;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
