// Inputs of the exam actions and the JSON stored with an attempt, validated at the edge
// (ARCHITECTURE, "Errors and validation" 3). Nothing here says whose attempt it is: the learner
// is always the signed-in user, and an attempt id only ever reaches that learner's attempts.
import { z } from "zod";
import { MAX_FOCUSED_COUNT, MAX_FOCUSED_MINUTES } from "@/lib/exam";

/** Longer than this on one question in one visit, the learner walked away: the visit counts this much. */
export const MAX_VISIT_MS = 30 * 60_000;

const examId = z.string().regex(/^[A-Z]{3}-C\d{2}$/, "an exam code such as `DVA-C02`");
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);
const attemptId = z.string().regex(/^[a-z0-9]{10,40}$/i, "an attempt id");
const optionId = z.string().regex(/^[A-Z]$/, "an option letter");

export const startInput = z
  .strictObject({
    examId,
    form: z.enum(["full", "focused"]),
    count: z.number().int().min(1).max(MAX_FOCUSED_COUNT).default(20),
    minutes: z.number().int().min(1).max(MAX_FOCUSED_MINUTES).default(40),
    domains: z.array(z.string().regex(/^\d{1,2}$/)).max(10).default([]),
    traps: z.array(slug).max(100).default([]),
    /** Full form: mark 15 questions as unscored, as on the real exam. */
    unscored: z.boolean().default(true),
    /** The seed the preview was drawn with, so the exam started is the one previewed. */
    seed: z
      .string()
      .regex(/^[0-9a-f]{16,64}$/)
      .optional(),
  })
  .transform((v) => ({ ...v, domains: [...new Set(v.domains)], traps: [...new Set(v.traps)] }));

export type StartInput = z.infer<typeof startInput>;

type Params = Record<string, string | string[] | undefined> | FormData;

function all(params: Params, key: string): string[] {
  if (params instanceof FormData) return params.getAll(key).map(String);
  const v = params[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function one(params: Params, key: string): string | undefined {
  const v = all(params, key)[0];
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

function whole(value: string | undefined): number | undefined {
  return value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : NaN;
}

/** The start form's fields (from the preview URL or the start button's form) as a start input. */
export function parseStartParams(params: Params): { ok: true; input: StartInput } | { ok: false; message: string } {
  const raw = {
    examId: one(params, "exam") ?? "",
    form: one(params, "form") ?? "full",
    count: whole(one(params, "count")),
    minutes: whole(one(params, "minutes")),
    domains: all(params, "domain"),
    traps: all(params, "trap"),
    // A checkbox sends nothing when unticked; the form sends `unscored=off` alongside so that
    // "not sent" can still mean the default.
    unscored: all(params, "unscored").includes("on") ? true : all(params, "unscored").includes("off") ? false : undefined,
    seed: one(params, "seed"),
  };
  const parsed = startInput.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => describeStartIssue(i.path.map(String).join("."), i.message)).join(" ") };
}

function describeStartIssue(path: string, message: string): string {
  if (path === "examId") return "Choose an exam.";
  if (path === "count") return `A focused exam has from 1 to ${MAX_FOCUSED_COUNT} questions.`;
  if (path === "minutes") return `A focused exam lasts from 1 to ${MAX_FOCUSED_MINUTES} minutes.`;
  if (path.startsWith("domains")) return "Choose domains from the list.";
  if (path.startsWith("traps")) return "Choose traps from the list.";
  if (path === "seed") return "The exam preview is out of date; check the exam again.";
  return `${path}: ${message}`;
}

export const saveAnswerInput = z.strictObject({
  attemptId,
  position: z.number().int().min(0).max(MAX_FOCUSED_COUNT),
  selected: z.array(optionId).max(8).optional(),
  flagged: z.boolean().optional(),
  confidence: z.enum(["sure", "unsure", "guess"]).nullable().optional(),
  /** Time spent on this question since the last save of it, measured in the browser. */
  spentMs: z
    .number()
    .finite()
    .min(0)
    .transform((ms) => Math.min(Math.round(ms), MAX_VISIT_MS))
    .optional(),
});

export type SaveAnswerInput = z.infer<typeof saveAnswerInput>;

export const submitInput = z.strictObject({
  attemptId,
  /** learner: the submit button; timeout: the countdown reached zero in the browser. */
  trigger: z.enum(["learner", "timeout"]),
});

export type SubmitInput = z.infer<typeof submitInput>;

export const attemptIdParam = attemptId;

// ---------- stored JSON ----------

export const attemptPlan = z.object({
  version: z.literal(1),
  form: z.union([
    z.object({ kind: z.literal("full") }),
    z.object({
      kind: z.literal("focused"),
      count: z.number().int(),
      minutes: z.number().int(),
      domains: z.array(z.string()).optional(),
      traps: z.array(z.string()).optional(),
    }),
  ]),
  unscoredMarked: z.boolean(),
  esl: z.boolean(),
  durationMinutes: z.number().int(),
  extraMinutes: z.number().int(),
  shortfalls: z.array(z.string()),
  perDomain: z.array(z.object({ domain: z.string(), target: z.number().int(), got: z.number().int() })),
});

export type AttemptPlan = z.infer<typeof attemptPlan>;

export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; ");
}
