// The only reader of study content the app uses (server-side). Reads the compiled output of
// `npm run content:build` (`.content/`, or CONTENT_DIR) once, caches it, and serves typed data.
// Never parses Markdown at request time.
//
// Two doors, on purpose: the public accessors (listQuestions, getQuestion, drawVariant …) return
// data without answer keys or explanations, safe to send to a browser before an answer; the
// grading accessors (gradeAnswer, getQuestionReview) read `answers.json` and belong in server
// code that runs after the learner has answered.

import { readFileSync } from "node:fs";
import path from "node:path";
import { computeLiveKey, explainOption, type OptionExplanation } from "./grading";
import { ANSWERS_FILE, PUBLIC_FILE } from "./files";
export type { OptionExplanation } from "./grading";
import {
  CONTENT_FORMAT_VERSION,
  type AnswerBundle,
  type Card,
  type Difficulty,
  type DocLink,
  type DrawnQuestion,
  type EvaluationRecord,
  type Exam,
  type ExamCode,
  type PublicBundle,
  type PublicQuestion,
  type QuestionAnswer,
  type QuestionMode,
  type TaskStatement,
  type Topic,
  type Trap,
} from "./model";

export type * from "./model";

interface Loaded {
  bundle: PublicBundle;
  exams: Map<string, Exam>;
  topics: Map<string, Topic>;
  questions: Map<string, PublicQuestion>;
  cards: Map<string, Card>;
  traps: Map<string, Trap>;
  tasks: Map<string, TaskStatement>;
}

let loaded: Loaded | undefined;
let answers: Map<string, QuestionAnswer> | undefined;

function contentDir(): string {
  return path.resolve(process.env.CONTENT_DIR ?? path.join(process.cwd(), ".content"));
}

function readJson<T extends { format: number }>(name: string): T {
  const file = path.join(contentDir(), name);
  let text: string;
  try {
    text = readFileSync(/* turbopackIgnore: true */ file, "utf8");
  } catch {
    throw new Error(`compiled content not found at ${file}: run \`npm run content:build\``);
  }
  const data = JSON.parse(text) as T;
  if (data.format !== CONTENT_FORMAT_VERSION)
    throw new Error(`compiled content at ${file} has format ${data.format}, expected ${CONTENT_FORMAT_VERSION}: run \`npm run content:build\``);
  return data;
}

function load(): Loaded {
  if (loaded) return loaded;
  const bundle = readJson<PublicBundle>(PUBLIC_FILE);
  const byId = <T, K extends keyof T>(items: T[], key: K) => new Map(items.map((i) => [String(i[key]), i]));
  loaded = {
    bundle,
    exams: byId(bundle.exams, "id"),
    topics: byId(bundle.topics, "slug"),
    questions: byId(bundle.questions, "id"),
    cards: byId(bundle.cards, "id"),
    traps: byId(bundle.traps, "id"),
    tasks: new Map(bundle.exams.flatMap((e) => e.domains.flatMap((d) => d.tasks.map((t) => [t.id, t] as const)))),
  };
  return loaded;
}

function loadAnswers(): Map<string, QuestionAnswer> {
  answers ??= new Map(readJson<AnswerBundle>(ANSWERS_FILE).answers.map((a) => [a.id, a]));
  return answers;
}

/** Forget the cached content (tests, or after a rebuild in a long-running dev process). */
export function resetContentCache(): void {
  loaded = undefined;
  answers = undefined;
}

// ---------- exams ----------

export function listExams(): Exam[] {
  return load().bundle.exams;
}

export function getExam(id: ExamCode): Exam | undefined {
  return load().exams.get(id);
}

export function getTaskStatement(id: string): TaskStatement | undefined {
  return load().tasks.get(id);
}

// ---------- topics ----------

export function listTopics(filter: { exam?: ExamCode } = {}): Topic[] {
  return load().bundle.topics.filter((t) => !filter.exam || t.exams.includes(filter.exam));
}

export function getTopic(slug: string): Topic | undefined {
  return load().topics.get(slug);
}

// ---------- questions (public: no keys, no explanations) ----------

export interface QuestionFilter {
  exam?: ExamCode;
  task?: string;
  topic?: string;
  trap?: string;
  mode?: QuestionMode;
  difficulty?: Difficulty;
  response?: "single" | "multiple";
  ids?: readonly string[];
}

export function listQuestions(filter: QuestionFilter = {}): PublicQuestion[] {
  const ids = filter.ids ? new Set(filter.ids) : undefined;
  return load().bundle.questions.filter(
    (q) =>
      (!filter.exam || q.exams.includes(filter.exam)) &&
      (!filter.task || q.tasks.includes(filter.task)) &&
      (!filter.topic || q.topic === filter.topic) &&
      (!filter.trap || q.traps.includes(filter.trap)) &&
      (!filter.mode || q.mode === filter.mode) &&
      (!filter.difficulty || q.difficulty === filter.difficulty) &&
      (!filter.response || q.response.type === filter.response) &&
      (!ids || ids.has(q.id)),
  );
}

export function getQuestion(id: string): PublicQuestion | undefined {
  return load().questions.get(id);
}

/** FNV-1a: a stable, platform-independent hash, so a stored seed always draws the same instance. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Which instance (`base` or a variant id) a seed draws for a question. */
export function variantForSeed(question: PublicQuestion, seed: string | number): string {
  const i = hash(`${question.id}\u0000${seed}`) % question.instances.length;
  return question.instances[i]!.id;
}

/**
 * A fresh instance of a question for a seed (the same seed always gives the same instance), with
 * its fixtures put into the stem. Pass `variant` instead to show a known instance again.
 */
export function drawVariant(questionId: string, seed: string | number, options: { variant?: string } = {}): DrawnQuestion | undefined {
  const q = getQuestion(questionId);
  if (!q) return undefined;
  const variant = options.variant ?? variantForSeed(q, seed);
  const inst = q.instances.find((i) => i.id === variant);
  if (!inst) return undefined;
  const { instances: _instances, stem, ...rest } = q;
  return {
    ...rest,
    variant: inst.id,
    policies: inst.policies,
    requests: inst.requests,
    stem: stem.flatMap((s): DrawnQuestion["stem"] => {
      if (s.kind === "html") return [s];
      if (s.ref.type === "policy") {
        const fixture = inst.policies.find((p) => p.name === s.ref.name);
        return fixture ? [{ kind: "policy", fixture }] : []; // a variant may remove a policy
      }
      const fixture = inst.requests.find((r) => r.name === s.ref.name);
      return fixture ? [{ kind: "request", fixture }] : [];
    }),
  };
}

// ---------- cards and traps ----------

export function listCards(filter: { topic?: string; tag?: string } = {}): Card[] {
  return load().bundle.cards.filter((c) => (!filter.topic || c.topic === filter.topic) && (!filter.tag || c.tags.includes(filter.tag)));
}

export function getCard(id: string): Card | undefined {
  return load().cards.get(id);
}

export function listTraps(): Trap[] {
  return load().bundle.traps;
}

export function getTrap(id: string): Trap | undefined {
  return load().traps.get(id);
}

// ---------- grading (server only, after an answer) ----------

export interface Grade {
  correct: boolean;
  key: string[];
  /** Correct options the learner did not choose, and chosen options that are wrong. */
  missed: string[];
  wrong: string[];
  /** How the key was obtained: by running the evaluator now, or from the author (keyed questions). */
  keySource: "evaluator" | "author";
  /** The evaluator's decisions and traces for this instance (fixture questions). */
  evaluations: EvaluationRecord[];
  optionOutcomes?: Record<string, Array<{ request: string; decision: string; meets: boolean }>>;
}

/**
 * Grades an answer, all-or-nothing as on the exam. Fixture questions are graded by running
 * the evaluator on the instance now; the compiled key must agree (a disagreement means the
 * compiled content is stale and throws). Keyed questions use the author's key.
 */
export function gradeAnswer(questionId: string, variant: string, selected: readonly string[]): Grade | undefined {
  const answer = loadAnswers().get(questionId);
  const inst = answer?.instances.find((i) => i.id === variant);
  if (!answer || !inst) return undefined;
  let key = inst.key;
  let evaluations = inst.evaluations;
  let optionOutcomes = inst.optionOutcomes;
  if (answer.spec) {
    const live = computeLiveKey(questionId, answer.spec, variant);
    if (!live) return undefined;
    if ([...live.key].sort().join(",") !== [...inst.key].sort().join(","))
      throw new Error(`question ${questionId} (${variant}): the evaluator's key ${live.key.join(",")} differs from the compiled key ${inst.key.join(",")}; rebuild the content`);
    key = live.key;
    evaluations = live.evaluations;
    optionOutcomes = live.optionOutcomes;
  }
  const chosen = new Set(selected);
  const missed = key.filter((k) => !chosen.has(k));
  const wrong = [...chosen].filter((c) => !key.includes(c));
  return {
    correct: missed.length === 0 && wrong.length === 0,
    key,
    missed,
    wrong,
    keySource: answer.spec ? "evaluator" : "author",
    evaluations,
    ...(optionOutcomes ? { optionOutcomes } : {}),
  };
}

/** "Why not mine?": the evaluator run on the learner's own option (fixture questions only). */
export function explainChosenOption(questionId: string, variant: string, optionId: string): OptionExplanation | undefined {
  const spec = loadAnswers().get(questionId)?.spec;
  return spec ? explainOption(questionId, spec, variant, optionId) : undefined;
}

export interface QuestionReview {
  questionId: string;
  variant: string;
  key: string[];
  explanationHtml: string;
  optionExplanations: Record<string, string>;
  docs: DocLink[];
  /** What the evaluator decided for this instance, with its learner-facing trace. */
  evaluations: EvaluationRecord[];
  optionOutcomes?: Record<string, Array<{ request: string; decision: string; meets: boolean }>>;
}

/** Key, explanations and the evaluator's reasons for one instance; show only after an answer. */
export function getQuestionReview(questionId: string, variant: string): QuestionReview | undefined {
  const a = loadAnswers().get(questionId);
  const inst = a?.instances.find((i) => i.id === variant);
  if (!a || !inst) return undefined;
  return {
    questionId,
    variant,
    key: inst.key,
    explanationHtml: a.explanationHtml,
    optionExplanations: a.optionExplanations,
    docs: a.docs,
    evaluations: inst.evaluations,
    ...(inst.optionOutcomes ? { optionOutcomes: inst.optionOutcomes } : {}),
  };
}
