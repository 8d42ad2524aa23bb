// Reads of mock exams: the player's snapshot of a running attempt, the result and review of a
// finished one, and the learner's exams overview with history. Server only; `now` is read once
// per request by the caller. Every read first finalizes what is overdue (mutations.ts
// finalizeIfDue), so a page never shows a running exam whose time is up.
//
// The player's snapshot is built from public data only (drawVariant: stem, fixtures, options)
// and leaves out every id and name that could hint at the answer (types.ts). The result reads
// keys, explanations and traces (getQuestionReview), and only for a finalized attempt.
import {
  drawVariant,
  getQuestion,
  getQuestionReview,
  getTrap,
  type DocLink,
  type DrawnQuestion,
  type EvaluationRecord,
  type QuestionReview,
} from "@/lib/content";
import { getAttempt, listAttempts, type AttemptRecord, type AttemptSummary } from "@/lib/db/attempts";
import { getSettings } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { type AnswerChangeStats, type AttemptReport, type AttemptScore, type Confidence, describeAnswerChanges, isExpired, SCALED_SCORE_METHOD } from "@/lib/exam";
import { getBlueprint, listBlueprints, requiredOptions } from "./catalog";
import { finalizeIfDue, finalizeOverdueAttempts } from "./mutations";
import { type AttemptPlan, attemptPlan } from "./schema";
import type { ExamQuestionView, PlayerSnapshot } from "./types";

/**
 * The stored plan of an attempt. An attempt written without one (by an older version, or by
 * hand) gets the plan its columns imply, rather than breaking the exam pages.
 */
export function parsePlan(attempt: Pick<AttemptSummary, "plan" | "form" | "startedAt" | "deadline"> & { unscoredIds?: readonly string[] }): AttemptPlan {
  const parsed = attemptPlan.safeParse(attempt.plan);
  if (parsed.success) return parsed.data;
  const minutes = Math.max(1, Math.round((attempt.deadline.getTime() - attempt.startedAt.getTime()) / 60_000));
  return {
    version: 1,
    form: attempt.form === "full" ? { kind: "full" } : { kind: "focused", count: 0, minutes },
    unscoredMarked: (attempt.unscoredIds?.length ?? 0) > 0,
    esl: false,
    durationMinutes: minutes,
    extraMinutes: 0,
    shortfalls: [],
    perDomain: [],
  };
}

function parseReport(attempt: AttemptRecord): AttemptReport {
  const report = attempt.report as Partial<AttemptReport> | null;
  if (!report || report.version !== 1 || !Array.isArray(report.items)) throw new AppError("CORRUPT_ATTEMPT_REPORT", `attempt ${attempt.id} has no readable report`);
  return report as AttemptReport;
}

export function formLabel(plan: AttemptPlan): string {
  return plan.form.kind === "full" ? "Full exam" : "Focused exam";
}

/** The public view of one question for the player: what it asks, nothing that hints at the answer. */
export function toQuestionView(drawn: DrawnQuestion, position: number): ExamQuestionView {
  const choose = requiredOptions(drawn);
  return {
    position,
    choose,
    multiple: drawn.response.type === "multiple",
    stem: drawn.stem,
    options: drawn.options.map((o) => ({ id: o.id, html: o.html })),
  };
}

function drawStored(questionId: string, variant: string): DrawnQuestion {
  const drawn = drawVariant(questionId, variant, { variant });
  if (!drawn) throw new AppError("UNKNOWN_QUESTION", `question \`${questionId}\` (${variant}) of an attempt is no longer in the bank`);
  return drawn;
}

export type PlayerRead = { kind: "running"; snapshot: PlayerSnapshot } | { kind: "finished" } | null;

/** The running attempt as the player needs it; `finished` when it is (or has just been) finalized. */
export async function getPlayerView(userId: string, attemptId: string, now: Date, requestedPosition?: number): Promise<PlayerRead> {
  const first = await getAttempt(userId, attemptId);
  if (!first) return null;
  if (first.status !== "in_progress") return { kind: "finished" };
  if (isExpired(first.deadline, now)) {
    const finalized = await finalizeIfDue(userId, attemptId, "read", now);
    if (!finalized.ok) return null;
    if (finalized.status !== "in_progress") return { kind: "finished" };
  }

  const plan = parsePlan(first);
  const exam = getBlueprint(first.examId);
  const questions = first.answers.map((a) => toQuestionView(drawStored(a.questionId, a.variant), a.position));
  const answers = first.answers.map((a) => ({ selected: a.selected, flagged: a.flagged, confidence: a.confidence }));
  const firstOpen = first.answers.findIndex((a) => {
    const q = getQuestion(a.questionId);
    return new Set(a.selected).size !== (q ? requiredOptions(q) : 1);
  });
  const startAt =
    requestedPosition !== undefined && requestedPosition >= 0 && requestedPosition < questions.length ? requestedPosition : Math.max(0, firstOpen);
  return {
    kind: "running",
    snapshot: {
      attemptId: first.id,
      examId: first.examId,
      examTitle: exam?.exam.title ?? first.examId,
      formLabel: formLabel(plan),
      full: plan.form.kind === "full",
      deadline: first.deadline.toISOString(),
      remainingMs: Math.max(0, first.deadline.getTime() - now.getTime()),
      minutesAllowed: plan.durationMinutes + plan.extraMinutes,
      questions,
      answers,
      startAt,
    },
  };
}

// ---------- results ----------

export interface ReviewItem {
  position: number;
  questionId: string;
  variant: string;
  domain: string;
  domainTitle: string;
  scored: boolean;
  answered: boolean;
  correct: boolean | null;
  flagged: boolean;
  confidence: Confidence | null;
  timeMs: number;
  changed: boolean;
  selected: string[];
  firstSelected: string[];
  question: DrawnQuestion | null;
  review: QuestionReview | null;
  traps: Array<{ id: string; title: string; rule: string }>;
}

export interface ResultView {
  attemptId: string;
  examId: string;
  examTitle: string;
  formLabel: string;
  status: "submitted" | "expired";
  startedAt: Date;
  submittedAt: Date;
  deadline: Date;
  timeZone: string;
  score: AttemptScore | null;
  method: string;
  domains: Array<{ domain: string; title: string; correct: number; total: number; percent: number }>;
  timeUsedMs: number;
  timeAllowedMs: number;
  msPerQuestion: number;
  total: number;
  answered: number;
  flagged: number;
  changes: AnswerChangeStats;
  changesText: string;
  plan: AttemptPlan;
  missedTraps: Array<{ id: string; title: string; missed: number }>;
  rated: number;
  items: ReviewItem[];
}

export type ResultRead = { kind: "finished"; view: ResultView } | { kind: "running" } | null;

export async function getResultView(userId: string, attemptId: string, now: Date): Promise<ResultRead> {
  const before = await getAttempt(userId, attemptId);
  if (!before) return null;
  if (before.status === "in_progress") {
    if (!isExpired(before.deadline, now)) return { kind: "running" };
    const finalized = await finalizeIfDue(userId, attemptId, "read", now);
    if (!finalized.ok) return null;
    if (finalized.status === "in_progress") return { kind: "running" };
  }
  const attempt = before.status === "in_progress" ? await getAttempt(userId, attemptId) : before;
  if (!attempt || attempt.status === "in_progress" || !attempt.submittedAt) return { kind: "running" };

  const settings = await getSettings(userId);
  const plan = parsePlan(attempt);
  const report = parseReport(attempt);
  const found = getBlueprint(attempt.examId);
  const titles = new Map(found?.blueprint.domains.map((d) => [d.id, d.title]) ?? []);
  const byPosition = new Map(attempt.answers.map((a) => [a.position, a]));

  const items: ReviewItem[] = report.items.map((item) => {
    const stored = byPosition.get(item.position);
    const variant = stored?.variant ?? "base";
    const question = getQuestion(item.questionId) ? (drawVariant(item.questionId, variant, { variant }) ?? null) : null;
    const review = question ? (getQuestionReview(item.questionId, variant) ?? null) : null;
    const traps = (getQuestion(item.questionId)?.traps ?? []).flatMap((id) => {
      const t = getTrap(id);
      return t ? [{ id: t.id, title: t.title, rule: t.rule }] : [];
    });
    return {
      position: item.position,
      questionId: item.questionId,
      variant,
      domain: item.domain,
      domainTitle: titles.get(item.domain) ?? item.domain,
      scored: item.scored,
      answered: item.answered,
      correct: item.correct,
      flagged: item.flagged,
      confidence: item.confidence,
      timeMs: item.timeMs,
      changed: item.changed,
      selected: stored?.selected ?? [],
      firstSelected: stored?.firstSelected ?? [],
      question,
      review,
      traps,
    };
  });

  const missed = new Map<string, { id: string; title: string; missed: number }>();
  for (const item of items) {
    if (item.correct !== false) continue;
    for (const t of item.traps) missed.set(t.id, { id: t.id, title: t.title, missed: (missed.get(t.id)?.missed ?? 0) + 1 });
  }

  return {
    kind: "finished",
    view: {
      attemptId: attempt.id,
      examId: attempt.examId,
      examTitle: found?.exam.title ?? attempt.examId,
      formLabel: formLabel(plan),
      status: attempt.status,
      startedAt: attempt.startedAt,
      submittedAt: attempt.submittedAt,
      deadline: attempt.deadline,
      timeZone: settings.timeZone,
      score: report.score,
      method: SCALED_SCORE_METHOD,
      domains: (report.score?.perDomain ?? []).flatMap((d) => (d.total > 0 && d.percent !== null ? [{ ...d, percent: d.percent }] : [])),
      timeUsedMs: report.timeUsedMs,
      timeAllowedMs: report.timeAllowedMs,
      msPerQuestion: report.msPerQuestion,
      total: report.total,
      answered: report.answered,
      flagged: report.flagged,
      changes: report.changes,
      changesText: describeAnswerChanges(report.changes),
      plan,
      missedTraps: [...missed.values()].sort((a, b) => b.missed - a.missed || a.title.localeCompare(b.title)),
      rated: items.filter((i) => i.answered && i.correct !== null).length,
      items,
    },
  };
}

// ---------- overview and history ----------

export interface HistoryEntry {
  id: string;
  examId: string;
  formLabel: string;
  status: AttemptSummary["status"];
  startedAt: Date;
  deadline: Date;
  submittedAt: Date | null;
  scaledScore: number | null;
  passed: boolean | null;
  questionCount: number;
}

export interface ExamsOverview {
  timeZone: string;
  esl: boolean;
  targetExam: string | null;
  running: HistoryEntry | null;
  history: Record<string, HistoryEntry[]>;
  exams: Array<{ id: string; title: string; questions: number; minutes: number; extraMinutes: number; domains: Array<{ id: string; title: string; weight: number }> }>;
}

export async function getExamsOverview(userId: string, now: Date): Promise<ExamsOverview> {
  await finalizeOverdueAttempts(userId, now);
  const [attempts, settings] = await Promise.all([listAttempts(userId), getSettings(userId)]);
  const entries = attempts.map(
    (a): HistoryEntry => ({
      id: a.id,
      examId: a.examId,
      formLabel: formLabel(parsePlan(a)),
      status: a.status,
      startedAt: a.startedAt,
      deadline: a.deadline,
      submittedAt: a.submittedAt,
      scaledScore: a.scaledScore,
      passed: a.passed,
      questionCount: a.questionCount,
    }),
  );
  const history: Record<string, HistoryEntry[]> = {};
  for (const e of entries) if (e.status !== "in_progress") (history[e.examId] ??= []).push(e);
  return {
    timeZone: settings.timeZone,
    esl: settings.eslAccommodation,
    targetExam: settings.targetExam,
    running: entries.find((e) => e.status === "in_progress") ?? null,
    history,
    exams: listBlueprints().map(({ blueprint }) => ({
      id: blueprint.id,
      title: blueprint.title,
      questions: blueprint.questionCount,
      minutes: blueprint.durationMinutes,
      extraMinutes: blueprint.eslExtraMinutes,
      domains: blueprint.domains.map((d) => ({ id: d.id, title: d.title, weight: d.weight })),
    })),
  };
}

export type { DocLink, EvaluationRecord };
