// "Open in lab" from a question (server only): one request of one instance of a question, with
// the instance's attached policies in their slots, as an evaluator scenario. Reads only the
// public side of lib/content (fixtures, which the question shows anyway); never the answer
// key, the explanations or the evaluator's recorded outcome. The scenario is assembled by
// lib/content's own buildScenario, so the lab sees exactly what the grader evaluates.

import { drawVariant, getQuestion, getTopic, type PolicyFixture, type RequestFixture } from "@/lib/content";
import { buildScenario, type FixtureSet, type PolicyDef, type RequestDef } from "@/lib/content/fixtures";

export interface QuestionSeed {
  questionId: string;
  variant: string;
  /** The request evaluated, and every request of the instance (the learner may switch). */
  request: string | undefined;
  requests: string[];
  scenario: Record<string, unknown>;
  /** Set when the question has no request and the lab made up a placeholder. */
  placeholderRequest: boolean;
}

export type SeedResult = { ok: true; seed: QuestionSeed } | { ok: false; message: string };

function policyDef(p: PolicyFixture): PolicyDef {
  return { name: p.name, role: p.role, ...(p.level === undefined ? {} : { level: p.level }), detached: false, document: p.document, line: 0, lines: new Map(), text: p.text };
}

function requestDef(r: RequestFixture): RequestDef {
  return { name: r.name, fields: r.request, line: 0, lines: new Map(), text: r.text };
}

function firstAction(policies: readonly PolicyFixture[]): string | undefined {
  for (const p of policies) {
    const doc = p.document as { Statement?: unknown } | null;
    const statements = Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
    for (const s of statements as Array<{ Action?: unknown }>) {
      const a = Array.isArray(s?.Action) ? s.Action[0] : s?.Action;
      if (typeof a === "string" && a.includes(":") && !a.includes("*")) return a;
    }
  }
  return undefined;
}

export function seedFromQuestion(questionId: string, variant: string | undefined, requestName: string | undefined): SeedResult {
  let question;
  try {
    question = getQuestion(questionId);
  } catch {
    return { ok: false, message: "the question bank is not available on this server, so the lab cannot open a question" };
  }
  if (!question) return { ok: false, message: `there is no question \`${questionId}\`` };
  const instance = variant ?? question.instances[0]?.id ?? "base";
  const drawn = drawVariant(questionId, 0, { variant: instance });
  if (!drawn) return { ok: false, message: `question \`${questionId}\` has no variant \`${instance}\`` };
  if (drawn.policies.length === 0 && drawn.requests.length === 0) {
    return { ok: false, message: `question \`${questionId}\` has no policies or requests to open in the lab` };
  }
  const set: FixtureSet = { policies: drawn.policies.map(policyDef), requests: drawn.requests.map(requestDef) };
  const chosen = requestName === undefined ? set.requests[0] : set.requests.find((r) => r.name === requestName);
  if (requestName !== undefined && !chosen) return { ok: false, message: `question \`${questionId}\` has no request \`${requestName}\`` };
  const placeholder: RequestDef = {
    name: "request",
    fields: { principal: "arn:aws:iam::111122223333:user/learner", action: firstAction(drawn.policies) ?? "s3:GetObject", resource: "*" },
    line: 0,
    lines: new Map(),
    text: "",
  };
  const request = chosen ?? placeholder;
  const { scenario } = buildScenario(set, request, question.organization, `${questionId}/${drawn.variant}${chosen ? `/${chosen.name}` : ""}`);
  return {
    ok: true,
    seed: {
      questionId,
      variant: drawn.variant,
      request: chosen?.name,
      requests: drawn.requests.map((r) => r.name),
      scenario,
      placeholderRequest: !chosen,
    },
  };
}

/** "Open in the lab" from a study note's worked scenario (`?topic=&scenario=&request=`). */
export function seedFromTopic(slug: string, scenarioName: string | undefined, requestName: string | undefined): SeedResult {
  let topic;
  try {
    topic = getTopic(slug);
  } catch {
    return { ok: false, message: "the study notes are not available on this server" };
  }
  if (!topic) return { ok: false, message: `there is no study note \`${slug}\`` };
  const sc = scenarioName === undefined ? topic.scenarios[0] : topic.scenarios.find((s) => s.name === scenarioName);
  if (!sc) return { ok: false, message: `the note \`${slug}\` has no worked scenario${scenarioName ? ` \`${scenarioName}\`` : ""}` };
  const set: FixtureSet = { policies: sc.policies.map(policyDef), requests: sc.requests.map(requestDef) };
  const chosen = requestName === undefined ? set.requests[0] : set.requests.find((r) => r.name === requestName);
  if (!chosen) return { ok: false, message: `the worked scenario \`${sc.name}\` has no request${requestName ? ` \`${requestName}\`` : ""}` };
  const { scenario } = buildScenario(set, chosen, undefined, `${slug}/${sc.name}/${chosen.name}`);
  return { ok: true, seed: { questionId: slug, variant: sc.name, request: chosen.name, requests: set.requests.map((r) => r.name), scenario, placeholderRequest: false } };
}
