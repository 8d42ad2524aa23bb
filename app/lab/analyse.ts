// One pass of the lab over the editor's text: read it (JSON or YAML), validate it with the
// evaluator's own parser, evaluate and explain it, and place every message at its text range.
// Pure and synchronous (the AWS catalogue, when the browser has one, comes in as an argument),
// so it runs in the browser on each edit, during server rendering, and in unit tests alike.

import { evaluate, explain, parseScenario, parseScenarioText, type Catalogue, type Decision, type Issue, type Parsed, type Scenario, type Stage, type TraceStep } from "@/lib/iam";
import { parseDocument, type Document } from "yaml";
import { locateJsonPath, locateYamlPath, offsetOf } from "./locate";
import type { LabDraft } from "./share";

export interface LabMessage {
  severity: "error" | "warning";
  code: string;
  /** The evaluator's JSON path (empty for a syntax error of the whole text). */
  path: string;
  message: string;
  from: number;
  to: number;
  line: number;
}

export interface DecidingStatement {
  policy: string;
  statement: number;
  sid: string | undefined;
  effect: "Allow" | "Deny";
}

export interface LabResult {
  decision: Decision;
  /** The stage that decided, as the evaluator names it. */
  stage: Stage;
  rule: string;
  deciding: DecidingStatement | undefined;
  trace: TraceStep[];
  /** The scenario's own `expected`, when it states one. */
  expected: Decision | undefined;
  ambiguous: boolean;
}

export interface LabAnalysis {
  messages: LabMessage[];
  /** Null while the scenario is invalid. */
  result: LabResult | null;
  /** The document as a plain value when its syntax is sound (for the outline and catalogue needs). */
  value: unknown;
}

const WARNING_CODES = new Set(["UNKNOWN_SERVICE", "UNKNOWN_ACTION", "UNKNOWN_CONDITION_KEY", "POLICY_NEAR_LIMIT"]);

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function message(text: string, issue: Issue, range: { from: number; to: number }): LabMessage {
  return {
    severity: WARNING_CODES.has(issue.code) ? "warning" : "error",
    code: issue.code,
    path: issue.path,
    message: issue.message,
    from: range.from,
    to: range.to,
    line: lineAt(text, range.from),
  };
}

function readJson(text: string, catalogue: Catalogue | undefined): { parsed: Parsed<Scenario>; value: unknown; place: (issue: Issue) => { from: number; to: number } } {
  const parsed = parseScenarioText(text, catalogue ? { catalogue } : {});
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const place = (issue: Issue) => {
    if (issue.code === "INVALID_JSON") {
      const m = /line (\d+), column (\d+)/.exec(issue.message);
      const at = m ? offsetOf(text, Number(m[1]), Number(m[2])) : 0;
      return { from: at, to: Math.min(text.length, at + 1) };
    }
    return locateJsonPath(text, issue.path);
  };
  return { parsed, value, place };
}

function readYaml(
  text: string,
  catalogue: Catalogue | undefined,
): { syntax: LabMessage[] } | { parsed: Parsed<Scenario>; value: unknown; place: (issue: Issue) => { from: number; to: number } } {
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    return { syntax: [{ severity: "error", code: "INVALID_YAML", path: "", message: `invalid YAML: ${(e as Error).message}`, from: 0, to: 0, line: 1 }] };
  }
  if (doc.errors.length > 0) {
    return {
      syntax: doc.errors.map((err) => {
        const from = Math.min(err.pos[0], text.length);
        const to = Math.max(from, Math.min(err.pos[1], text.length));
        const line = lineAt(text, from);
        const column = from - text.lastIndexOf("\n", from - 1);
        return { severity: "error", code: "INVALID_YAML", path: "", message: `invalid YAML at line ${line}, column ${column}: ${err.message}`, from, to, line };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { syntax: [{ severity: "error", code: "INVALID_YAML", path: "", message: `invalid YAML: ${(e as Error).message}`, from: 0, to: 0, line: 1 }] };
  }
  const parsed = parseScenario(value, catalogue ? { catalogue } : {});
  return { parsed, value, place: (issue) => locateYamlPath(doc, text.length, issue.path) };
}

function isDecision(v: unknown): v is Decision {
  return v === "Allow" || v === "ExplicitDeny" || v === "ImplicitDeny";
}

/** Validates, evaluates and explains the editor's text. Never throws. */
export function analyseDraft(draft: LabDraft, options: { catalogue?: Catalogue } = {}): LabAnalysis {
  const { text } = draft;
  if (text.trim() === "") {
    return {
      messages: [{ severity: "error", code: "EMPTY", path: "", message: "the scenario is empty: pick a template to start from", from: 0, to: 0, line: 1 }],
      result: null,
      value: undefined,
    };
  }
  const read = draft.format === "yaml" ? readYaml(text, options.catalogue) : readJson(text, options.catalogue);
  if ("syntax" in read) return { messages: read.syntax, result: null, value: undefined };
  const { parsed, value, place } = read;
  const byPosition = (a: LabMessage, b: LabMessage) => a.from - b.from || a.to - b.to;
  if (!parsed.ok) {
    return { messages: parsed.issues.map((i) => message(text, i, place(i))).sort(byPosition), result: null, value };
  }
  const messages = parsed.warnings.map((i) => message(text, i, place(i))).sort(byPosition);
  try {
    const evaluation = evaluate(parsed.value);
    const trace = explain(evaluation);
    const ref = evaluation.deciding.statement;
    return {
      messages,
      value,
      result: {
        decision: evaluation.decision,
        stage: evaluation.deciding.stage,
        rule: evaluation.deciding.rule,
        deciding: ref ? { policy: ref.policy, statement: ref.statement, sid: ref.sid, effect: ref.effect } : undefined,
        trace,
        expected: isDecision(parsed.value.expected) ? parsed.value.expected : undefined,
        ambiguous: evaluation.deciding.ambiguous || trace.some((s) => s.ambiguous === true),
      },
    };
  } catch (e) {
    // A bug in the evaluator, not the learner's input: say so instead of breaking the page.
    const failure: LabMessage = {
      severity: "error",
      code: "EVALUATOR_FAILED",
      path: "",
      message: `the evaluator failed on this scenario (a bug, please report it): ${(e as Error).message}`,
      from: 0,
      to: 0,
      line: 1,
    };
    return { messages: [...messages, failure], result: null, value };
  }
}

/** The editor range of a statement (`identityPolicies[0]` + 2 → `identityPolicies[0].Statement[2]`). */
export function statementPath(policy: string, statement: number | undefined): string {
  return statement === undefined ? policy : `${policy}.Statement[${statement}]`;
}

/** Where a scenario path sits in the draft's text (for "show in editor"). */
export function locateInDraft(draft: LabDraft, path: string): { from: number; to: number; exact: boolean } {
  if (draft.format === "json") return locateJsonPath(draft.text, path);
  try {
    return locateYamlPath(parseDocument(draft.text, { prettyErrors: false }), draft.text.length, path);
  } catch {
    return { from: 0, to: 0, exact: false };
  }
}
