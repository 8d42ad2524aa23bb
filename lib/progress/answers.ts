// What the learner's answers say about each question: how often it was answered and missed,
// when it was last missed, and the latest answer (right or wrong, with what confidence and
// which variant). Practice answers arrive already summed per question from the database;
// mock-exam answers arrive one by one and are graded here against the compiled key, then both
// are merged, so traps, wrong-answer sets and mastery see every answer the learner gave.

export type Confidence = "sure" | "unsure" | "guess";

export interface AnswerSummary {
  questionId: string;
  answers: number;
  misses: number;
  /** Misses marked "sure": confident but wrong, the dangerous ones. */
  sureMisses: number;
  /** Misses since the caller's `recentSince`. */
  recentMisses: number;
  lastMissedAt: Date | null;
  lastAnsweredAt: Date;
  latestCorrect: boolean;
  latestConfidence: Confidence | null;
  latestVariant: string;
  /** Every variant ever answered. */
  variants: string[];
}

/** One graded answer (a mock-exam answer after grading, or a practice answer). */
export interface AnswerEvent {
  questionId: string;
  variant: string;
  correct: boolean;
  confidence: Confidence | null;
  at: Date;
}

export function isConfidence(value: unknown): value is Confidence {
  return value === "sure" || value === "unsure" || value === "guess";
}

/** Sums graded answers per question. */
export function summariseEvents(events: readonly AnswerEvent[], recentSince: Date): AnswerSummary[] {
  const out = new Map<string, AnswerSummary>();
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of sorted) {
    const prev = out.get(e.questionId);
    const miss = !e.correct;
    const next: AnswerSummary = {
      questionId: e.questionId,
      answers: (prev?.answers ?? 0) + 1,
      misses: (prev?.misses ?? 0) + (miss ? 1 : 0),
      sureMisses: (prev?.sureMisses ?? 0) + (miss && e.confidence === "sure" ? 1 : 0),
      recentMisses: (prev?.recentMisses ?? 0) + (miss && e.at.getTime() >= recentSince.getTime() ? 1 : 0),
      lastMissedAt: miss ? e.at : (prev?.lastMissedAt ?? null),
      lastAnsweredAt: e.at,
      latestCorrect: e.correct,
      latestConfidence: e.confidence,
      latestVariant: e.variant,
      variants: prev?.variants.includes(e.variant) ? prev.variants : [...(prev?.variants ?? []), e.variant],
    };
    out.set(e.questionId, next);
  }
  return [...out.values()];
}

/** Merges summaries of the same questions from two sources; the latest answer wins. */
export function mergeSummaries(a: readonly AnswerSummary[], b: readonly AnswerSummary[]): Map<string, AnswerSummary> {
  const out = new Map<string, AnswerSummary>(a.map((s) => [s.questionId, s]));
  for (const s of b) {
    const prev = out.get(s.questionId);
    if (!prev) {
      out.set(s.questionId, s);
      continue;
    }
    const later = s.lastAnsweredAt.getTime() > prev.lastAnsweredAt.getTime() ? s : prev;
    const missedAt = [prev.lastMissedAt, s.lastMissedAt].filter((d): d is Date => d !== null);
    out.set(s.questionId, {
      questionId: s.questionId,
      answers: prev.answers + s.answers,
      misses: prev.misses + s.misses,
      sureMisses: prev.sureMisses + s.sureMisses,
      recentMisses: prev.recentMisses + s.recentMisses,
      lastMissedAt: missedAt.length ? new Date(Math.max(...missedAt.map((d) => d.getTime()))) : null,
      lastAnsweredAt: later.lastAnsweredAt,
      latestCorrect: later.latestCorrect,
      latestConfidence: later.latestConfidence,
      latestVariant: later.latestVariant,
      variants: [...new Set([...prev.variants, ...s.variants])],
    });
  }
  return out;
}

/** A stored mock-exam answer, as lib/db returns it for finished attempts. */
export interface ExamAnswerRow {
  attemptId: string;
  questionId: string;
  variant: string;
  selected: readonly string[];
  confidence: string | null;
  answeredAt: Date | null;
  submittedAt: Date;
}

/** What grading needs of a question instance: its key and how many options it asks for. */
export type KeyLookup = (questionId: string, variant: string) => { key: readonly string[]; required: number } | undefined;

export type GradedExamAnswer = { questionId: string; variant: string; answered: boolean; correct: boolean | null; confidence: Confidence | null; at: Date };

/**
 * Grades mock-exam answers as the exam does: all-or-nothing, an incomplete selection counts as
 * unanswered. `correct` is null when the question left the bank (it cannot be graded).
 */
export function gradeExamAnswers(rows: readonly ExamAnswerRow[], keyOf: KeyLookup): GradedExamAnswer[] {
  return rows.map((r) => {
    const known = keyOf(r.questionId, r.variant);
    const chosen = new Set(r.selected);
    const answered = known !== undefined && chosen.size === known.required;
    const correct = known === undefined ? null : answered && chosen.size === known.key.length && known.key.every((k) => chosen.has(k));
    return {
      questionId: r.questionId,
      variant: r.variant,
      answered,
      correct,
      confidence: isConfidence(r.confidence) ? r.confidence : null,
      at: r.answeredAt ?? r.submittedAt,
    };
  });
}

/** Answered, gradable exam answers as events (unanswered ones say nothing about a trap). */
export function examEvents(graded: readonly GradedExamAnswer[]): AnswerEvent[] {
  return graded.flatMap((g) => (g.answered && g.correct !== null ? [{ questionId: g.questionId, variant: g.variant, correct: g.correct, confidence: g.confidence, at: g.at }] : []));
}
