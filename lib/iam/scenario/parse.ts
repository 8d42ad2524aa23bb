// Scenario parsing, the one way into `evaluate`: the strict envelope (zod), each
// policy with the grammar of its kind (the resource policy's kind follows the action:
// trust for sts:AssumeRole*, key for kms:*), the request read once, and for text
// input the JSON scanner that catches duplicate keys. Every problem is collected, so
// an author sees all of them at once.

import { issue, joinIndex, type Issue, type Parsed } from "../issues";
import { analyzeRequest, resourcePolicyKind, type RawOrganization, type RawRequest } from "../context/request";
import { parseJsonText, type JsonTextResult } from "../parse/json-text";
import { parsePolicy, type ParseOptions } from "../parse/policy";
import { checkSessionPoliciesSize } from "../parse/size";
import type { Policy, PolicyKind, RequestInfo, Scenario } from "../types";
import { scenarioSchema, toIssues } from "./schema";

export type ScenarioParseOptions = ParseOptions;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parses a scenario value (already read from JSON). */
export function parseScenario(input: unknown, options: ScenarioParseOptions = {}): Parsed<Scenario> {
  if (!isObject(input)) return { ok: false, issues: [issue("INVALID_TYPE", "", `a scenario must be a JSON object, not ${Array.isArray(input) ? "an array" : typeof input}`)] };
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const envelope = scenarioSchema.safeParse(input);
  const badPaths = new Set<string>();
  if (!envelope.success) {
    issues.push(...toIssues(envelope.error, input, ""));
    for (const zi of envelope.error.issues) if (zi.path.length > 0) badPaths.add(String(zi.path[0]));
  }

  const one = (value: unknown, kind: PolicyKind, path: string): Policy | null => {
    const r = parsePolicy(value, kind, path, options);
    if (!r.ok) {
      issues.push(...r.issues);
      return null;
    }
    warnings.push(...r.warnings);
    return r.value;
  };
  const list = (field: string, kind: PolicyKind): Policy[] => {
    const v = input[field];
    if (!Array.isArray(v) || badPaths.has(field)) return [];
    const out: Policy[] = [];
    v.forEach((p, i) => {
      const parsed = one(p, kind, joinIndex(field, i));
      if (parsed !== null) out.push(parsed);
    });
    return out;
  };
  const levels = (field: string, kind: PolicyKind): Policy[][] => {
    const v = input[field];
    if (!Array.isArray(v) || badPaths.has(field)) return [];
    return v.map((level, i) => {
      if (!Array.isArray(level)) return [];
      const out: Policy[] = [];
      level.forEach((p, j) => {
        const parsed = one(p, kind, `${field}[${i}][${j}]`);
        if (parsed !== null) out.push(parsed);
      });
      return out;
    });
  };
  const single = (field: string, kind: PolicyKind): Policy | null => {
    const v = input[field];
    if (v === undefined || v === null || badPaths.has(field)) return null;
    return one(v, kind, field);
  };

  const request = isObject(input.request) ? input.request : undefined;
  const action = typeof request?.action === "string" ? request.action : "";
  const identityPolicies = list("identityPolicies", "identity");
  const resourcePolicy = single("resourcePolicy", resourcePolicyKind(action));
  const permissionsBoundary = single("permissionsBoundary", "boundary");
  const sessionPolicies = list("sessionPolicies", "session");
  if (sessionPolicies.length > 0) checkSessionPoliciesSize(sessionPolicies.map((p) => p.size), "sessionPolicies", issues);
  const scps = levels("scps", "scp");
  const rcps = levels("rcps", "rcp");
  const endpointPolicy = single("endpointPolicy", "endpoint");

  // The request is read even when other parts are wrong, so every problem shows at once.
  let info: RequestInfo | null = null;
  if (!badPaths.has("request") && !badPaths.has("organization") && request !== undefined) {
    const r = analyzeRequest(request as unknown as RawRequest, input.organization as RawOrganization | undefined, "request");
    if (Array.isArray(r)) issues.push(...r);
    else info = r;
  }
  if (!envelope.success || issues.length > 0 || info === null) return { ok: false, issues };
  const env = envelope.data;
  return {
    ok: true,
    warnings,
    value: {
      id: env.id,
      expected: env.expected,
      rule: env.rule,
      description: typeof env.description === "string" ? env.description : env.description?.join(" "),
      request: info,
      identityPolicies,
      resourcePolicy,
      permissionsBoundary,
      sessionPolicies,
      scps,
      rcps,
      endpointPolicy,
      input,
    },
  };
}

function duplicateIssue(path: string, key: string, line: number, column: number): Issue {
  return issue("DUPLICATE_KEY", path, `duplicate key ${JSON.stringify(key)} at line ${line}, column ${column}; IAM rejects documents that repeat a key (R26)`);
}

/** Parses one scenario from JSON text; duplicate keys and syntax errors are issues. */
export function parseScenarioText(text: string, options: ScenarioParseOptions = {}): Parsed<Scenario> {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, issues: [issue("INVALID_JSON", "", `invalid JSON at line ${json.line}, column ${json.column}: ${json.message}`)] };
  const dupes = json.duplicates.map((d) => duplicateIssue(d.path, d.key, d.line, d.column));
  const r = parseScenario(json.value, options);
  if (dupes.length === 0) return r;
  return { ok: false, issues: [...dupes, ...(r.ok ? [] : r.issues)] };
}

export interface BatchEntry {
  /** Position in the file's array; null when the file holds one scenario object. */
  readonly index: number | null;
  /** The scenario's id when it has a usable one. */
  readonly id: string | undefined;
  readonly result: Parsed<Scenario>;
}

export type BatchResult = { readonly ok: true; readonly entries: readonly BatchEntry[] } | { readonly ok: false; readonly issues: readonly Issue[] };

/** A file's text: one scenario object or an array of them. Each entry stands alone. */
export function parseScenarioBatchText(text: string, options: ScenarioParseOptions = {}): BatchResult {
  return parseScenarioBatch(parseJsonText(text), options);
}

/** As `parseScenarioBatchText`, from text already read by `parseJsonText`. */
export function parseScenarioBatch(json: JsonTextResult, options: ScenarioParseOptions = {}): BatchResult {
  if (!json.ok) return { ok: false, issues: [issue("INVALID_JSON", "", `invalid JSON at line ${json.line}, column ${json.column}: ${json.message}`)] };
  const idOf = (v: unknown) => (isObject(v) && typeof v.id === "string" && v.id !== "" ? v.id : undefined);
  if (!Array.isArray(json.value)) {
    const dupes = json.duplicates.map((d) => duplicateIssue(d.path, d.key, d.line, d.column));
    const r = parseScenario(json.value, options);
    const result: Parsed<Scenario> = dupes.length === 0 ? r : { ok: false, issues: [...dupes, ...(r.ok ? [] : r.issues)] };
    return { ok: true, entries: [{ index: null, id: idOf(json.value), result }] };
  }
  const dupesByIndex = new Map<number, Issue[]>();
  for (const d of json.duplicates) {
    const m = /^\[(\d+)\]\.?(.*)$/.exec(d.path);
    if (m === null) continue;
    const i = Number(m[1]);
    const list = dupesByIndex.get(i) ?? [];
    list.push(duplicateIssue(m[2]!, d.key, d.line, d.column));
    dupesByIndex.set(i, list);
  }
  const entries = json.value.map((v, i): BatchEntry => {
    const r = parseScenario(v, options);
    const dupes = dupesByIndex.get(i);
    const result: Parsed<Scenario> = dupes === undefined ? r : { ok: false, issues: [...dupes, ...(r.ok ? [] : r.issues)] };
    return { index: i, id: idOf(v), result };
  });
  return { ok: true, entries };
}
