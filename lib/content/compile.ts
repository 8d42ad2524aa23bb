// Stage 4 of the content pipeline: turns validated documents into the compiled model. For
// questions it validates every fixture with the evaluator's validator, builds each instance
// (the question as written plus every declared variant), and computes each instance's key by
// running the evaluator — never from what the author wrote; an author's stated key is only
// compared with it. Markdown becomes safe HTML and fixtures highlighted HTML here, once.

import type { Engine, EngineIssue, EngineResult } from "./engine";
import { applyChanges, buildScenario, checkFixtureSet, policyText, requestText, type FixtureSet, type PolicyDef, type RequestDef } from "./fixtures";
import { highlightToHtml } from "./highlight";
import { describeOutcome, matchesOutcome, meets, record } from "./outcomes";
import { lineOfPath, pathSegments, joinPath } from "./json-source";
import type {
  Card,
  Decision,
  EvaluationRecord,
  Exam,
  GradingSpec,
  InstanceAnswer,
  PolicyFixture,
  PublicInstance,
  PublicQuestion,
  QuestionAnswer,
  RequestFixture,
  Segment,
  TaskStatement,
  Topic,
  TopicScenario,
  Trap,
} from "./model";
import type { BodyPart } from "./parse";
import { listCode, type ProblemList } from "./problems";
import { markdownToText, renderInline, renderMarkdown } from "./render";
import type { ChangeOp } from "./schema";
import type { CardDoc, ExamDoc, OptionDoc, QuestionDoc, TopicDoc, TrapDoc } from "./validate";

// ---------- shared ----------

function segmentsOf(parts: BodyPart[], scenario?: (name: string, type: "policy" | "request") => string | undefined): Segment[] {
  return parts.map((p): Segment =>
    p.kind === "markdown"
      ? { kind: "html", html: renderMarkdown(p.text) }
      : { kind: "fixture", ref: { type: p.block.type, name: p.block.name, ...(scenario ? { scenario: scenario(p.block.name, p.block.type) } : {}) } },
  );
}

function policyFixture(p: PolicyDef): PolicyFixture {
  const text = policyText(p);
  return { name: p.name, role: p.role, ...(p.level !== undefined ? { level: p.level } : {}), document: p.document, text, html: highlightToHtml(text, "json") };
}

function requestFixture(r: RequestDef): RequestFixture {
  const text = requestText(r);
  return { name: r.name, request: r.fields, ...(r.must ? { must: r.must } : {}), text, html: highlightToHtml(text, "yaml") };
}

/** Where a change came from, so problems in changed fixtures point at the change. */
interface ChangeSource {
  label: string; // "variant `no-mfa`", "option `B`"
  line: number;
}

interface RunContext {
  engine: Engine;
  problems: ProblemList;
  allowWarnings: ReadonlySet<string>;
  organization?: Record<string, unknown>;
  organizationLine: number;
  scenarioId: string;
  /** Problems already reported for this question (an untouched fixture is shared by every instance). */
  seen: Set<string>;
}

/**
 * Validates the scenarios of a fixture set with the evaluator and reports each issue on the
 * author's line. Returns a runner per request, or undefined when anything is invalid.
 */
function prepare(set: FixtureSet, ctx: RunContext, sources: ChangeSource[]): Map<string, () => EngineResult & { slots: Map<string, string> }> | undefined {
  const prefix = sources.map((s) => `${s.label}: `).join("");
  const changeLine = sources.at(-1)?.line;
  const report = (line: number, message: string) => {
    const key = `${line}\u0000${message}`;
    if (ctx.seen.has(key)) return;
    ctx.seen.add(key);
    ctx.problems.add(line, message);
  };
  const placeIssue = (issue: EngineIssue, slots: Map<string, string>, request: RequestDef, warning: boolean) => {
    const segs = pathSegments(issue.path);
    // Issues in a fixture as the author wrote it point at its own line; issues in what a change
    // produced (or outside any fixture) point at the change and say which one.
    let line: number | undefined;
    let subject = "";
    let inner = issue.path;
    const head = segs[0];
    const slotLength = head === "scps" || head === "rcps" ? 3 : head === "identityPolicies" || head === "sessionPolicies" ? 2 : 1;
    const policyName = slots.get(joinPath(segs.slice(0, slotLength)));
    if (policyName) {
      const p = set.policies.find((x) => x.name === policyName);
      inner = joinPath(segs.slice(slotLength));
      subject = `policy \`${policyName}\``;
      if (p && !p.changed) line = lineOfPath(p.lines, inner) ?? p.line;
    } else if (head === "request") {
      inner = joinPath(segs.slice(1));
      subject = `request \`${request.name}\``;
      if (!request.changed) line = lineOfPath(request.lines, inner) ?? request.line;
    }
    const where = [subject, inner].filter(Boolean).join(": ");
    const tail = warning ? ` (warning \`${issue.code}\`; if it is intended, list it in \`allowWarnings\`)` : "";
    const text = `${where ? `${where}: ` : ""}${issue.message}${tail}`;
    if (line !== undefined) report(line, text);
    else report(changeLine ?? ctx.organizationLine, `${prefix}${text}`);
  };

  let ok = true;
  const runners = new Map<string, () => EngineResult & { slots: Map<string, string> }>();
  for (const request of set.requests) {
    const { scenario, slots } = buildScenario(set, request, ctx.organization, `${ctx.scenarioId}:${request.name}`);
    const checked = ctx.engine.checkScenario(scenario);
    for (const w of checked.warnings) if (!ctx.allowWarnings.has(w.code)) {
      placeIssue(w, slots, request, true);
      ok = false;
    }
    if (!checked.ok) {
      for (const issue of checked.issues) placeIssue(issue, slots, request, false);
      ok = false;
      continue;
    }
    runners.set(request.name, () => ({ ...checked.run(), slots }));
  }
  // Policies no request ever sees (a question without requests, or detached ones) are still validated.
  for (const p of set.policies) {
    if (set.requests.length > 0 && !p.detached) continue;
    if (p.detached && sources.length > 0) continue; // checked once, with the instance as written
    const { issues, warnings } = ctx.engine.checkPolicy(p.document, p.role);
    const relevant = [...issues, ...warnings.filter((w) => !ctx.allowWarnings.has(w.code))];
    for (const issue of relevant) {
      const warning = !issues.includes(issue);
      const text = `policy \`${p.name}\`${issue.path ? `: ${issue.path}` : ""}: ${issue.message}${warning ? ` (warning \`${issue.code}\`; if it is intended, list it in \`allowWarnings\`)` : ""}`;
      if (p.changed) report(changeLine ?? p.line, `${prefix}${text}`);
      else report(lineOfPath(p.lines, issue.path) ?? p.line, text);
      ok = false;
    }
  }
  return ok ? runners : undefined;
}

// ---------- questions ----------

export interface CompiledQuestion {
  question: PublicQuestion;
  answer: QuestionAnswer;
}

/**
 * `fixturesOnly`: the file already has format problems, so only its fixtures are checked with
 * the evaluator (keys computed from a half-valid question would only add noise).
 */
export function compileQuestion(doc: QuestionDoc, engine: Engine, problems: ProblemList, fixturesOnly = false): CompiledQuestion | undefined {
  const { data, fm } = doc;
  const fmLine = (path: string) => lineOfPath(fm.lines, path) ?? fm.line;
  const before = problems.size;
  for (const p of checkFixtureSet(doc.fixtures)) problems.add(p.line, p.message);
  if (problems.size > before) return undefined;

  const ctx: RunContext = {
    engine,
    problems,
    allowWarnings: new Set(data.allowWarnings),
    organization: data.organization,
    organizationLine: fmLine("organization"),
    scenarioId: data.id,
    seen: new Set(),
  };
  if (fixturesOnly) {
    prepare(doc.fixtures, ctx, []);
    return undefined;
  }
  const instances: Array<{ id: string; set: FixtureSet; line: number; sources: ChangeSource[]; authorKey?: string[]; keyLine: number }> = [
    { id: "base", set: doc.fixtures, line: fmLine("mode"), sources: [], authorKey: data.key, keyLine: fmLine("key") },
  ];
  for (const v of doc.variants) {
    const applied = applyChanges(doc.fixtures, v.ops);
    if (!applied.ok) {
      problems.add(v.line, `variant \`${v.id}\`: ${applied.message}`);
      continue;
    }
    instances.push({ id: v.id, set: applied.set, line: v.line, sources: [{ label: `variant \`${v.id}\``, line: v.line }], authorKey: v.key, keyLine: v.keyLine ?? v.line });
  }

  const answers: InstanceAnswer[] = [];
  for (const inst of instances) {
    const answer = gradeInstance(doc, inst, ctx);
    // Variants are built on the fixtures as written: when those are invalid, say it once.
    if (answer === "invalid-fixtures" && inst.id === "base") break;
    if (answer && answer !== "invalid-fixtures") answers.push(answer);
  }
  if (problems.size > before) return undefined;

  const publicInstances: PublicInstance[] = instances.map((i) => ({
    id: i.id,
    policies: i.set.policies.filter((p) => !p.detached).map(policyFixture),
    requests: i.set.requests.map(requestFixture),
  }));
  const question: PublicQuestion = {
    id: data.id,
    topic: data.topic,
    exams: data.exams,
    tasks: data.tasks,
    traps: data.traps,
    difficulty: data.difficulty,
    mode: data.mode,
    response: data.response === "multiple" ? { type: "multiple", choose: data.choose ?? 2 } : { type: "single" },
    stem: segmentsOf(doc.stem),
    options: doc.options.map((o) => ({ id: o.id, html: renderInline(o.text), ...(o.request ? { request: o.request } : {}) })),
    instances: publicInstances,
    ...(data.organization ? { organization: data.organization } : {}),
    source: { file: doc.file, line: fmLine("id") },
  };
  const answer: QuestionAnswer = {
    id: data.id,
    instances: answers,
    ...(data.mode === "keyed" ? {} : { spec: gradingSpec(data.mode, data.organization, doc.options, instances) }),
    optionExplanations: Object.fromEntries(doc.options.map((o) => [o.id, renderMarkdown(o.explanation)])),
    explanationHtml: renderMarkdown(doc.explanation),
    docs: doc.docs,
  };
  return { question, answer };
}

function gradingSpec(
  mode: GradingSpec["mode"],
  organization: Record<string, unknown> | undefined,
  options: OptionDoc[],
  instances: Array<{ id: string; set: FixtureSet }>,
): GradingSpec {
  return {
    mode,
    ...(organization ? { organization } : {}),
    options: options.map((o) => ({
      id: o.id,
      ...(o.outcome ? { outcome: o.outcome } : {}),
      ...(o.change ? { change: o.change } : {}),
      ...(o.request ? { request: o.request } : {}),
    })),
    instances: instances.map((i) => ({
      id: i.id,
      policies: i.set.policies.map((p) => ({ name: p.name, role: p.role, ...(p.level !== undefined ? { level: p.level } : {}), detached: p.detached, document: p.document })),
      requests: i.set.requests.map((r) => ({ name: r.name, fields: r.fields, ...(r.must ? { must: r.must } : {}) })),
    })),
  };
}

function gradeInstance(
  doc: QuestionDoc,
  inst: { id: string; set: FixtureSet; line: number; sources: ChangeSource[]; authorKey?: string[]; keyLine: number },
  ctx: RunContext,
): InstanceAnswer | "invalid-fixtures" | undefined {
  const { data, options } = doc;
  const problems = ctx.problems;
  const prefix = inst.id === "base" ? "" : `variant \`${inst.id}\`: `;
  const runners = prepare(inst.set, ctx, inst.sources);
  if (!runners) return "invalid-fixtures";

  let key: string[];
  const evaluations: EvaluationRecord[] = [];
  let optionOutcomes: InstanceAnswer["optionOutcomes"];
  let noMatchDetail = "";
  switch (data.mode) {
    case "keyed":
      key = inst.authorKey ?? [];
      break;
    case "decision": {
      const request = inst.set.requests[0]!;
      const r = record(request.name, runners.get(request.name)!());
      evaluations.push(r);
      key = options.filter((o) => o.outcome && matchesOutcome(o.outcome, r)).map((o) => o.id);
      noMatchDetail = `: the evaluator decides \`${describeOutcome(r)}\``;
      break;
    }
    case "allowed-requests": {
      for (const request of inst.set.requests) evaluations.push(record(request.name, runners.get(request.name)!()));
      key = options.filter((o) => evaluations.find((e) => e.request === o.request)?.decision === "Allow").map((o) => o.id);
      break;
    }
    case "fix": {
      for (const request of inst.set.requests) evaluations.push(record(request.name, runners.get(request.name)!()));
      if (evaluations.every((e) => meets(inst.set.requests.find((r) => r.name === e.request)?.must, e.decision)))
        problems.add(inst.line, `${prefix}the fixtures already meet every \`must\`; there is nothing to fix`);
      key = [];
      optionOutcomes = {};
      for (const o of options) {
        if (!o.change) continue;
        const outcome = fixOutcome(inst, o, ctx);
        if (!outcome) continue;
        optionOutcomes[o.id] = outcome;
        if (outcome.every((x) => x.meets)) key.push(o.id);
      }
      if (Object.keys(optionOutcomes).length !== options.length) return undefined;
      break;
    }
  }

  // The evaluator's key against the response type and the author's stated key.
  const expected = data.response === "multiple" ? (data.choose ?? 2) : 1;
  const countLine = inst.id === "base" ? (data.response === "multiple" ? lineOfPath(doc.fm.lines, "choose") ?? inst.line : lineOfPath(doc.fm.lines, "response") ?? inst.line) : inst.line;
  if (data.mode === "keyed") {
    if (key.length !== expected)
      problems.add(countLine, data.response === "multiple" ? `choose ${expected} but the key has ${key.length} ${key.length === 1 ? "option" : "options"} (${listCode(key)})` : `single response but the key has ${key.length} options (${listCode(key)})`);
  } else if (key.length === 0) problems.add(countLine, `${prefix}no option is correct${noMatchDetail}`);
  else if (key.length !== expected) {
    const found = `${key.length} ${key.length === 1 ? "option is" : "options are"} correct (${listCode(key)})`;
    problems.add(countLine, data.response === "multiple" ? `${prefix}choose ${expected} but ${found}` : `${prefix}single response but ${found}`);
  }
  if (data.mode !== "keyed" && inst.authorKey) {
    const stated = [...inst.authorKey].sort();
    if (stated.join(",") !== [...key].sort().join(","))
      problems.add(inst.keyLine, `${prefix}author key ${listCode(stated)} differs from the evaluator's key ${key.length ? listCode(key) : "(no option)"}`);
  }
  return { id: inst.id, key, evaluations, ...(optionOutcomes ? { optionOutcomes } : {}) };
}

function fixOutcome(
  inst: { id: string; set: FixtureSet; sources: ChangeSource[] },
  option: OptionDoc,
  ctx: RunContext,
): Array<{ request: string; decision: Decision; meets: boolean }> | undefined {
  const label = `option \`${option.id}\``;
  const prefix = inst.id === "base" ? "" : `variant \`${inst.id}\`: `;
  const applied = applyChanges(inst.set, option.change as ChangeOp[]);
  if (!applied.ok) {
    ctx.problems.add(option.line, `${prefix}${label}: ${applied.message}`);
    return undefined;
  }
  const runners = prepare(applied.set, ctx, [...inst.sources, { label, line: option.line }]);
  if (!runners) return undefined;
  return applied.set.requests.map((r) => {
    const decision = runners.get(r.name)!().decision;
    return { request: r.name, decision, meets: meets(r.must, decision) };
  });
}

// ---------- topics ----------

export function compileTopic(doc: TopicDoc, engine: Engine, problems: ProblemList): Topic | undefined {
  const before = problems.size;
  const scenarios: TopicScenario[] = [];
  for (const s of doc.scenarios) {
    for (const p of checkFixtureSet(s.fixtures)) problems.add(p.line, `scenario \`${s.name}\`: ${p.message}`);
    const runners = prepare(s.fixtures, { engine, problems, allowWarnings: new Set(), organizationLine: 1, scenarioId: `${doc.data.slug}:${s.name}`, seen: new Set() }, []);
    if (!runners) continue;
    const evaluations = s.fixtures.requests.map((r) => {
      const rec = record(r.name, runners.get(r.name)!());
      if (r.expect && r.expect !== rec.decision)
        problems.add(r.line, `request \`${r.name}\`: expected \`${r.expect}\` but the evaluator decides \`${describeOutcome(rec)}\``);
      return rec;
    });
    scenarios.push({ name: s.name, policies: s.fixtures.policies.map(policyFixture), requests: s.fixtures.requests.map(requestFixture), evaluations });
  }
  if (problems.size > before) return undefined;
  const scenarioOf = (name: string, type: "policy" | "request") =>
    doc.scenarios.find((s) => (type === "policy" ? s.fixtures.policies : s.fixtures.requests).some((f) => f.name === name))?.name;
  return {
    slug: doc.data.slug,
    title: doc.data.title,
    order: doc.data.order,
    exams: doc.data.exams,
    tasks: doc.data.tasks,
    words: doc.words,
    readingMinutes: Math.max(1, Math.ceil(doc.words / 200)),
    body: segmentsOf(doc.body, scenarioOf),
    scenarios,
    selfCheck: doc.data.selfCheck,
    questionIds: [],
    source: { file: doc.file, line: 1 },
  };
}

// ---------- exams, cards, traps ----------

export function compileExam(doc: ExamDoc): Exam {
  const d = doc.data;
  return {
    id: d.id,
    title: d.title,
    ...(d.guide.version ? { guideVersion: d.guide.version } : {}),
    guideUrl: d.guide.url,
    questions: d.questions,
    minutes: d.minutes,
    accommodationMinutes: d.accommodationMinutes,
    score: d.score,
    responseTypes: d.responseTypes,
    domains: d.domains.map((dom) => ({
      number: dom.number,
      title: dom.title,
      weight: dom.weight,
      tasks: dom.tasks.map((t): TaskStatement => ({ id: `${d.id}:${t.id}`, exam: d.id, domain: dom.number, number: t.id, title: t.title })),
    })),
    html: renderMarkdown(doc.body.map((p) => (p.kind === "markdown" ? p.text : "")).join("\n\n")),
    source: { file: doc.file, line: 1 },
  };
}

export function compileCard(doc: CardDoc): Card {
  return {
    id: doc.id,
    topic: doc.topic,
    tags: doc.tags,
    frontHtml: renderInline(doc.front),
    frontText: markdownToText(doc.front),
    backHtml: renderMarkdown(doc.back),
    docs: doc.docs,
    source: { file: doc.file, line: doc.line },
  };
}

export function compileTrap(doc: TrapDoc): Trap {
  return {
    id: doc.id,
    title: markdownToText(doc.title),
    rule: doc.rule,
    html: renderMarkdown(doc.explanation),
    docs: doc.docs,
    questionIds: [],
    source: { file: doc.file, line: doc.line },
  };
}
