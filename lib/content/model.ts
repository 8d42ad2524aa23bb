// The compiled content model: what `npm run content:build` writes to `.content/` and what
// `lib/content/index.ts` serves. Two bundles on purpose: `PublicBundle` holds everything a
// browser may see before an answer; `AnswerBundle` holds keys, explanations and evaluator
// traces, and is read only by the server-side grading accessors.
//
// Types only (no runtime code), so client components may import them.

export type ExamCode = string; // "DVA-C02"
export type TaskStatementId = string; // "DVA-C02:2.1"

export type Difficulty = "easy" | "medium" | "hard";
export type QuestionMode = "decision" | "fix" | "allowed-requests" | "keyed";
export type PolicyRole = "identity" | "resource" | "boundary" | "session" | "scp" | "rcp" | "endpoint";
export type Decision = "Allow" | "ExplicitDeny" | "ImplicitDeny";

export type ResponseType = { type: "single" } | { type: "multiple"; choose: number };

export interface DocLink {
  url: string;
  title: string;
}

/** Where an item was written; lets the app link a "report a problem" to the source. */
export interface SourceRef {
  file: string;
  line: number;
}

// ---------- exams ----------

export interface TaskStatement {
  id: TaskStatementId;
  exam: ExamCode;
  domain: number;
  number: string; // "2.1"
  title: string;
}

export interface ExamDomain {
  number: number;
  title: string;
  weight: number; // percent of scored content
  tasks: TaskStatement[];
}

export interface Exam {
  id: ExamCode;
  title: string;
  /** As the exam guide states it, when known. */
  guideVersion?: string;
  guideUrl: string;
  questions: { total: number; scored: number; unscored: number };
  minutes: number;
  accommodationMinutes: number;
  score: { min: number; max: number; passing: number };
  responseTypes: Array<"multiple-choice" | "multiple-response">;
  domains: ExamDomain[];
  html: string;
  source: SourceRef;
}

// ---------- fixtures (policies and requests shown to the learner) ----------

export interface PolicyFixture {
  name: string;
  role: PolicyRole;
  /** SCP/RCP level, 1 = organization root. */
  level?: number;
  document: unknown;
  /** Pretty JSON as shown, and the same text highlighted as safe HTML. */
  text: string;
  html: string;
}

/** A request as the evaluator's contract spells it (`principal`, `action`, `resource`, `context` …). */
export type ScenarioRequest = Record<string, unknown>;

export interface RequestFixture {
  name: string;
  request: ScenarioRequest;
  /** Fix questions: what must happen to this request once fixed. Part of the task, not the key. */
  must?: "allow" | "deny";
  text: string;
  html: string;
}

/** In a topic, `scenario` names the runnable scenario the fixture belongs to. */
export type FixtureRef = { type: "policy" | "request"; name: string; scenario?: string };

/** A body cut into Markdown (already safe HTML) and the places where fixtures stand. */
export type Segment = { kind: "html"; html: string } | { kind: "fixture"; ref: FixtureRef };

// ---------- questions ----------

export interface PublicOption {
  id: string; // "A"
  html: string;
  /** allowed-requests: the request this option stands for. */
  request?: string;
}

export interface PublicInstance {
  /** "base" or a declared variant id. */
  id: string;
  policies: PolicyFixture[];
  requests: RequestFixture[];
}

/** Everything a browser may receive before the learner answers. No key, no explanation. */
export interface PublicQuestion {
  id: string;
  topic: string;
  exams: ExamCode[];
  tasks: TaskStatementId[];
  traps: string[];
  difficulty: Difficulty;
  mode: QuestionMode;
  response: ResponseType;
  stem: Segment[];
  options: PublicOption[];
  instances: PublicInstance[];
  /** The organization the fixtures live in (management account), when the question sets one. */
  organization?: Record<string, unknown>;
  source: SourceRef;
}

/** One drawn instance with its fixtures substituted into the stem. */
export interface DrawnQuestion extends Omit<PublicQuestion, "instances" | "stem"> {
  variant: string;
  stem: Array<{ kind: "html"; html: string } | { kind: "policy"; fixture: PolicyFixture } | { kind: "request"; fixture: RequestFixture }>;
  policies: PolicyFixture[];
  requests: RequestFixture[];
}

/** A learner-facing step of the evaluator's explanation (`explain` in lib/iam). */
export interface TraceLine {
  stage: string;
  outcome: string;
  policy?: string; // fixture name when the step names a policy
  statement?: number;
  sid?: string;
  reason: string;
  rule?: string;
}

export interface EvaluationRecord {
  request: string;
  decision: Decision;
  /** Deciding stage and policy as reported by the evaluator. */
  stage?: string;
  policy?: string;
  trace: TraceLine[];
}

export interface InstanceAnswer {
  id: string;
  key: string[];
  /** decision / allowed-requests: the evaluations that produced the key.
   *  fix: the requests as written (before any option). */
  evaluations: EvaluationRecord[];
  /** fix: per option, each request's decision once that option is applied. */
  optionOutcomes?: Record<string, Array<{ request: string; decision: Decision; meets: boolean }>>;
}

/** What the grader needs to recompute a fixture question's key with the evaluator at answer time. */
export interface GradingSpec {
  mode: "decision" | "fix" | "allowed-requests";
  organization?: Record<string, unknown>;
  options: Array<{ id: string; outcome?: { decision: Decision; policy?: string; stage?: string }; change?: unknown[]; request?: string }>;
  instances: Array<{
    id: string;
    policies: Array<{ name: string; role: PolicyRole; level?: number; detached: boolean; document: unknown }>;
    requests: Array<{ name: string; fields: ScenarioRequest; must?: "allow" | "deny" }>;
  }>;
}

export interface QuestionAnswer {
  id: string;
  instances: InstanceAnswer[];
  /** Fixture questions only (keyed questions have no scenario to run). */
  spec?: GradingSpec;
  optionExplanations: Record<string, string>; // option id → HTML
  explanationHtml: string;
  docs: DocLink[];
}

// ---------- topics, cards, traps ----------

export interface TopicScenario {
  name: string;
  policies: PolicyFixture[];
  requests: RequestFixture[];
  evaluations: EvaluationRecord[];
}

export interface Topic {
  slug: string;
  title: string;
  order: number;
  exams: ExamCode[];
  tasks: TaskStatementId[];
  words: number;
  readingMinutes: number;
  body: Segment[];
  scenarios: TopicScenario[];
  selfCheck: string[];
  questionIds: string[];
  source: SourceRef;
}

export interface Card {
  id: string;
  topic: string;
  tags: string[];
  frontHtml: string;
  frontText: string;
  backHtml: string;
  docs: DocLink[];
  source: SourceRef;
}

export interface Trap {
  id: string;
  title: string;
  rule: string;
  html: string;
  docs: DocLink[];
  questionIds: string[];
  source: SourceRef;
}

// ---------- bundles ----------

export const CONTENT_FORMAT_VERSION = 1;

export interface PublicBundle {
  format: number;
  exams: Exam[];
  topics: Topic[];
  questions: PublicQuestion[];
  cards: Card[];
  traps: Trap[];
}

export interface AnswerBundle {
  format: number;
  answers: QuestionAnswer[];
}
