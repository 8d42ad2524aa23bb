"use server";
// Answering a question (practice, topic self-checks, trap drills) and "why not mine?".
// Validated with zod, authorised with requireUser(); the answer is graded on the server by
// running the evaluator (lib/content → lib/iam), rated for spaced repetition (lib/srs), and
// saved with its rating in one transaction (lib/db). The browser gets the key only here,
// after it has answered.
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import {
  explainChosenOption,
  getQuestion,
  getQuestionReview,
  getTopic,
  gradeAnswer,
  getTrap,
  listTopics,
  type DocLink,
  type EvaluationRecord,
  type OptionExplanation,
} from "@/lib/content";
import { listAnswers, recordQuestionAnswer, recordSelfCheck } from "@/lib/db/practice";
import { getReviewStates } from "@/lib/db/reviews";
import { getSettings } from "@/lib/db/users";
import { isCardStateValue, nextReview, rateQuestion, RATING_VALUES, type CardFields } from "@/lib/srs";

const answerSchema = z.object({
  questionId: z.string().min(1).max(200),
  variant: z.string().min(1).max(100),
  selected: z.array(z.string().regex(/^[A-Z]$/)).min(1).max(8),
  confidence: z.enum(["sure", "unsure", "guess"]),
  durationMs: z.number().int().min(0).max(24 * 3600_000).nullable(),
  source: z.enum(["practice", "self-check", "drill"]),
});

export type AnswerResult =
  | {
      ok: true;
      correct: boolean;
      key: string[];
      missed: string[];
      wrong: string[];
      keySource: "evaluator" | "author";
      explanationHtml: string;
      optionExplanations: Record<string, string>;
      docs: DocLink[];
      evaluations: EvaluationRecord[];
      optionOutcomes?: Record<string, Array<{ request: string; decision: string; meets: boolean }>>;
      traps: Array<{ id: string; title: string; rule: string }>;
      nextDue: string | null;
      selfCheck?: { topic: string; answered: number; total: number; correct: number; passed: boolean; next?: { slug: string; title: string } };
    }
  | { ok: false; reason: "INVALID" | "NOT_FOUND" | "BAD_SELECTION" | "STALE"; message: string };

const SELF_CHECK_PASS_MARK = 0.6;

export async function answerQuestionAction(input: unknown): Promise<AnswerResult> {
  const user = await requireUser("/practice");
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const { questionId, variant, selected, confidence, durationMs, source } = parsed.data;
  const question = getQuestion(questionId);
  if (!question || !question.instances.some((i) => i.id === variant)) return { ok: false, reason: "NOT_FOUND", message: "That question does not exist (any more)." };
  const optionIds = new Set(question.options.map((o) => o.id));
  const unique = [...new Set(selected)];
  if (unique.some((s) => !optionIds.has(s))) return { ok: false, reason: "BAD_SELECTION", message: "Choose among the options shown." };
  const expected = question.response.type === "multiple" ? question.response.choose : 1;
  if (unique.length !== expected)
    return { ok: false, reason: "BAD_SELECTION", message: expected === 1 ? "Choose one option." : `Choose ${expected} options.` };

  const now = new Date();
  const grade = gradeAnswer(questionId, variant, unique)!;
  const review = getQuestionReview(questionId, variant)!;
  const settings = await getSettings(user.id);
  const [state] = await getReviewStates(user.id, [questionId]);
  const rating = rateQuestion({ correct: grade.correct, confidence, responseMs: durationMs });
  const scheduled = nextReview(state ? toCardFields(state) : null, rating, now, { desiredRetention: settings.desiredRetention, fuzzSeed: `${user.id}:${questionId}` });
  if (!scheduled.ok) return { ok: false, reason: "INVALID", message: scheduled.message };
  const saved = await recordQuestionAnswer(
    user.id,
    { questionId, variant, selected: unique, correct: grade.correct, confidence, durationMs, source, answeredAt: now },
    {
      itemId: questionId,
      itemKind: "question",
      expectedVersion: state?.version ?? null,
      next: scheduled.value.next,
      log: { rating: RATING_VALUES[rating], source, confidence, correct: grade.correct, durationMs, reviewedAt: now },
    },
  );
  if (!saved.ok) return { ok: false, reason: "STALE", message: "This question was just answered in another tab. Reload to continue." };

  const selfCheck = source === "self-check" ? await scoreSelfCheck(user.id, question.topic, now) : undefined;
  return {
    ok: true,
    correct: grade.correct,
    key: grade.key,
    missed: grade.missed,
    wrong: grade.wrong,
    keySource: grade.keySource,
    explanationHtml: review.explanationHtml,
    optionExplanations: review.optionExplanations,
    docs: review.docs,
    evaluations: grade.evaluations,
    ...(grade.optionOutcomes ? { optionOutcomes: grade.optionOutcomes } : {}),
    traps: question.traps.flatMap((id) => {
      const t = getTrap(id);
      return t ? [{ id: t.id, title: t.title, rule: t.rule }] : [];
    }),
    nextDue: saved.state.due.toISOString(),
    ...(selfCheck ? { selfCheck } : {}),
  };
}

function toCardFields(s: Omit<CardFields, "state"> & { state: number }): CardFields {
  if (!isCardStateValue(s.state)) throw new Error(`stored review state ${s.state} is not an FSRS state`);
  return { ...s, state: s.state };
}

/** The topic's self-check score from the latest answer to each of its questions. */
async function scoreSelfCheck(userId: string, slug: string, now: Date) {
  const topic = getTopic(slug);
  if (!topic || topic.selfCheck.length === 0) return undefined;
  const answers = await listAnswers(userId, { questionIds: topic.selfCheck });
  const latest = new Map<string, boolean>();
  for (const a of answers) if (a.source === "self-check" && !latest.has(a.questionId)) latest.set(a.questionId, a.correct);
  const total = topic.selfCheck.length;
  const answered = latest.size;
  const correct = [...latest.values()].filter(Boolean).length;
  let passed = false;
  if (answered === total) {
    const progress = await recordSelfCheck(userId, slug, correct / total, SELF_CHECK_PASS_MARK, now);
    passed = progress.passedAt !== null && correct / total >= SELF_CHECK_PASS_MARK;
  }
  const ordered = listTopics().sort((a, b) => a.order - b.order);
  const after = ordered.find((t) => t.order > topic.order);
  return { topic: slug, answered, total, correct, passed, ...(after ? { next: { slug: after.slug, title: after.title } } : {}) };
}

const whySchema = z.object({ questionId: z.string().min(1).max(200), variant: z.string().min(1).max(100), optionId: z.string().regex(/^[A-Z]$/) });

export type WhyResult = ({ ok: true } & OptionExplanation) | { ok: false; reason: "INVALID" | "NOT_ANSWERED" | "NOT_AVAILABLE"; message: string };

/** Runs the learner's own option through the evaluator; only after they answered this question. */
export async function whyNotMineAction(input: unknown): Promise<WhyResult> {
  const user = await requireUser("/practice");
  const parsed = whySchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID", message: "Invalid request." };
  const { questionId, variant, optionId } = parsed.data;
  const answered = await listAnswers(user.id, { questionIds: [questionId], limit: 50 });
  if (!answered.some((a) => a.variant === variant)) return { ok: false, reason: "NOT_ANSWERED", message: "Answer the question first." };
  const res = explainChosenOption(questionId, variant, optionId);
  if (!res) return { ok: false, reason: "NOT_AVAILABLE", message: "This question has no scenario to run for that option." };
  return { ok: true, ...res };
}
