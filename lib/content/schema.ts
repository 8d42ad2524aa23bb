// zod schemas for everything an author writes outside policy JSON: frontmatter of each kind,
// fixture info strings, requests, option and entry field blocks, and the change language used
// by fix options and variants. Strict objects: a misspelt field fails instead of being ignored.
// Policies and request semantics are validated by the evaluator (lib/iam), not here.

import { z } from "zod";

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "ids are lower-case words joined by `-` (kebab-case)" });
export const examCodeSchema = z.string().regex(/^[A-Z]{3}-C\d{2}$/, { error: "exam codes look like `DVA-C02`" });
export const taskRefSchema = z
  .string()
  .regex(/^[A-Z]{3}-C\d{2}:\d+\.\d+$/, { error: "task statements look like `DVA-C02:2.1`" });
export const fixtureNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: "fixture names are a letter then letters, digits, `-` or `_`" });
export const optionIdSchema = z.string().regex(/^[A-Z]$/, { error: "option ids are one capital letter" });
const httpsUrl = z.string().regex(/^https:\/\/\S+$/, { error: "expected an https:// URL" });

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(item).min(1));

/** `tags: a, b` or `tags: [a, b]` */
const tagList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((t) => t.trim()).filter(Boolean) : v),
  z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: "tags are lower-case words joined by `-`" })),
);

// ---------- exams ----------

export const examSchema = z
  .strictObject({
    id: examCodeSchema,
    title: z.string().min(1),
    guide: z.strictObject({ version: z.string().min(1).optional(), url: httpsUrl }),
    questions: z.strictObject({ total: z.int().positive(), scored: z.int().positive(), unscored: z.int().nonnegative() }),
    minutes: z.int().positive(),
    accommodationMinutes: z.int().nonnegative(),
    score: z.strictObject({ min: z.int(), max: z.int(), passing: z.int() }),
    responseTypes: z.array(z.enum(["multiple-choice", "multiple-response"])).min(1),
    domains: z
      .array(
        z.strictObject({
          number: z.int().positive(),
          title: z.string().min(1),
          weight: z.number().positive().max(100),
          tasks: z.array(z.strictObject({ id: z.string().regex(/^\d+\.\d+$/), title: z.string().min(1) })).min(1),
        }),
      )
      .min(1),
  })
  .superRefine((exam, ctx) => {
    if (exam.questions.scored + exam.questions.unscored !== exam.questions.total)
      ctx.addIssue({ code: "custom", path: ["questions", "total"], message: "total must equal scored + unscored" });
    if (!(exam.score.min < exam.score.passing && exam.score.passing <= exam.score.max))
      ctx.addIssue({ code: "custom", path: ["score", "passing"], message: "passing must lie between min and max" });
    const sum = exam.domains.reduce((s, d) => s + d.weight, 0);
    if (Math.abs(sum - 100) > 1e-9) ctx.addIssue({ code: "custom", path: ["domains"], message: `domain weights add up to ${sum}, not 100` });
    exam.domains.forEach((d, i) => {
      d.tasks.forEach((t, j) => {
        if (!t.id.startsWith(`${d.number}.`))
          ctx.addIssue({ code: "custom", path: ["domains", i, "tasks", j, "id"], message: `task \`${t.id}\` is not in domain ${d.number}` });
      });
    });
  });
export type ExamFrontmatter = z.infer<typeof examSchema>;

// ---------- topics ----------

export const topicSchema = z.strictObject({
  slug: idSchema,
  title: z.string().min(1),
  order: z.int().nonnegative(),
  exams: z.array(examCodeSchema).min(1),
  tasks: z.array(taskRefSchema).min(1),
  selfCheck: z.array(idSchema).default([]),
});
export type TopicFrontmatter = z.infer<typeof topicSchema>;

// ---------- the change language (fix options and variants) ----------

const statementTarget = { sid: z.string().min(1).optional(), index: z.int().nonnegative().optional() };
const jsonObject = z.record(z.string(), z.unknown());
const account = z.preprocess(
  (v) => (typeof v === "number" ? String(v) : v),
  z.string().regex(/^\d{12}$/, { error: "an account is 12 digits" }),
);

export const changeOpSchemas = {
  "add-statement": z.strictObject({ "add-statement": fixtureNameSchema, statement: jsonObject }),
  "replace-statement": z.strictObject({ "replace-statement": fixtureNameSchema, ...statementTarget, statement: jsonObject }),
  "remove-statement": z.strictObject({ "remove-statement": fixtureNameSchema, ...statementTarget }),
  "set-condition": z.strictObject({ "set-condition": fixtureNameSchema, ...statementTarget, condition: jsonObject.nullable() }),
  "set-request": z.strictObject({ "set-request": z.union([fixtureNameSchema, z.literal("*")]), set: jsonObject }),
  "move-principal": z.strictObject({ "move-principal": account, request: fixtureNameSchema.optional() }),
  "remove-policy": z.strictObject({ "remove-policy": fixtureNameSchema }),
  "add-policy": z.strictObject({ "add-policy": fixtureNameSchema }),
} as const;
export type ChangeOpName = keyof typeof changeOpSchemas;
export type ChangeOp = { [K in ChangeOpName]: z.infer<(typeof changeOpSchemas)[K]> & { op: K } }[ChangeOpName];
export const changeOpNames = Object.keys(changeOpSchemas) as ChangeOpName[];

// ---------- questions ----------

export const variantSchema = z.strictObject({
  id: idSchema.refine((id) => id !== "base", { error: "`base` is the instance as written; pick another id" }),
  label: z.string().min(1).optional(),
  change: z.unknown(),
  key: oneOrMany(optionIdSchema).optional(),
});

export const questionSchema = z
  .strictObject({
    id: idSchema,
    exams: z.array(examCodeSchema).min(1),
    tasks: z.array(taskRefSchema).min(1),
    topic: idSchema,
    traps: z.array(idSchema).default([]),
    difficulty: z.enum(["easy", "medium", "hard"]),
    response: z.enum(["single", "multiple"]),
    choose: z.int().min(2).optional(),
    mode: z.enum(["decision", "fix", "allowed-requests", "keyed"]),
    key: oneOrMany(optionIdSchema).optional(),
    organization: jsonObject.optional(),
    allowWarnings: z.array(z.string().regex(/^[A-Z_]+$/)).default([]),
    variants: z.array(variantSchema).default([]),
  })
  .superRefine((q, ctx) => {
    if (q.response === "multiple" && q.choose === undefined)
      ctx.addIssue({ code: "custom", path: ["response"], message: "a multiple-response question says how many to choose: add `choose: N`" });
    if (q.response === "single" && q.choose !== undefined)
      ctx.addIssue({ code: "custom", path: ["choose"], message: "`choose` is only for `response: multiple`" });
    if (q.mode === "keyed" && q.key === undefined) ctx.addIssue({ code: "custom", path: ["mode"], message: "a keyed question states its `key`" });
    if (q.mode === "keyed" && q.variants.length > 0)
      ctx.addIssue({ code: "custom", path: ["variants"], message: "variants need the evaluator; a keyed question cannot declare them" });
  });
export type QuestionFrontmatter = z.infer<typeof questionSchema>;

/** Stages that can decide an implicit deny (the evaluator's stage names), for `ImplicitDeny because <stage>`. */
export const IMPLICIT_DENY_STAGES = ["rcp", "scp", "endpoint", "service", "resource", "identity", "boundary", "session", "cross-account"] as const;

export const decisionOutcomeSchema = z
  .string()
  .regex(/^(Allow|ExplicitDeny(\s+by\s+[A-Za-z][A-Za-z0-9_-]*)?|ImplicitDeny(\s+because\s+[a-z-]+)?)$/, {
    error: "write `Allow`, `ExplicitDeny`, `ExplicitDeny by <Policy>`, `ImplicitDeny` or `ImplicitDeny because <stage>`",
  });

export const optionFieldSchemas = {
  decision: z.strictObject({ outcome: decisionOutcomeSchema }),
  "allowed-requests": z.strictObject({ request: fixtureNameSchema }),
  fix: z.strictObject({ change: z.unknown() }),
  keyed: z.strictObject({}),
} as const;

// ---------- fixtures ----------

export const policyAttrsSchema = z
  .strictObject({
    policy: fixtureNameSchema,
    role: z.enum(["identity", "resource", "boundary", "session", "scp", "rcp", "endpoint"]),
    level: z.coerce.number().int().min(1).optional(),
    detached: z.literal(true).optional(),
    scenario: idSchema.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.level !== undefined && a.role !== "scp" && a.role !== "rcp")
      ctx.addIssue({ code: "custom", path: ["level"], message: "`level` is only for `role=scp` and `role=rcp`" });
  });

export const requestAttrsSchema = z.strictObject({ request: fixtureNameSchema, scenario: idSchema.optional() });

/** The fields the compiler itself needs; everything else is checked by the evaluator. */
export const requestFieldsSchema = z.looseObject({
  principal: z.string().min(1),
  action: z.string().min(1),
  resource: z.string().min(1),
  must: z.enum(["allow", "deny"]).optional(),
  expect: z.enum(["Allow", "ExplicitDeny", "ImplicitDeny"]).optional(),
});

// ---------- cards and traps ----------

export const cardsFileSchema = z.strictObject({ topic: idSchema.optional(), tags: tagList.default([]) });
export const cardFieldsSchema = z.strictObject({
  id: idSchema,
  topic: idSchema.optional(),
  tags: tagList.default([]),
  doc: oneOrMany(httpsUrl),
});
export const trapsFileSchema = z.strictObject({});
export const trapFieldsSchema = z.strictObject({
  id: idSchema,
  rule: z.string().min(1),
  doc: oneOrMany(httpsUrl),
});
