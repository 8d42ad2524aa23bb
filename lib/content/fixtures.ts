// Fixtures as data: the named policies (each with its role) and requests of a question or topic
// scenario, the change language that fix options and variants use to edit them, and the
// assembly of one evaluator scenario per request (lib/iam's contract format). Knows nothing of
// Markdown; works on what validate.ts read.

import { stringify as toYaml } from "yaml";
import type { PolicyRole, ScenarioRequest } from "./model";
import type { ChangeOp } from "./schema";

export interface PolicyDef {
  name: string;
  role: PolicyRole;
  level?: number;
  detached: boolean;
  document: unknown;
  /** Line of the fence, and of each path inside the document, in the author's file. */
  line: number;
  lines: Map<string, number>;
  text: string;
  /** Set once a change edited it: its text is regenerated and its lines no longer apply. */
  changed?: boolean;
}

export interface RequestDef {
  name: string;
  fields: ScenarioRequest;
  must?: "allow" | "deny";
  expect?: "Allow" | "ExplicitDeny" | "ImplicitDeny";
  line: number;
  lines: Map<string, number>;
  text: string;
  changed?: boolean;
}

export interface FixtureSet {
  policies: PolicyDef[];
  requests: RequestDef[];
}

export interface BuiltScenario {
  scenario: Record<string, unknown>;
  /** Scenario path of each policy (`identityPolicies[1]`, `scps[0][2]`, `resourcePolicy` …) → fixture name. */
  slots: Map<string, string>;
}

const MERGED_REQUEST_FIELDS = new Set(["context", "principalTags", "resourceTags", "sessionTags"]);

/** One evaluator scenario: `request` plus every attached policy in its slot. */
export function buildScenario(set: FixtureSet, request: RequestDef, organization: Record<string, unknown> | undefined, id: string): BuiltScenario {
  const slots = new Map<string, string>();
  const scenario: Record<string, unknown> = { id, request: request.fields };
  const attached = set.policies.filter((p) => !p.detached);
  const list = (role: PolicyRole, key: string) => {
    const ps = attached.filter((p) => p.role === role);
    if (ps.length === 0) return;
    scenario[key] = ps.map((p, i) => {
      slots.set(`${key}[${i}]`, p.name);
      return p.document;
    });
  };
  const single = (role: PolicyRole, key: string) => {
    const p = attached.find((x) => x.role === role);
    if (!p) return;
    slots.set(key, p.name);
    scenario[key] = p.document;
  };
  const levels = (role: "scp" | "rcp", key: string) => {
    const ps = attached.filter((p) => p.role === role);
    if (ps.length === 0) return;
    const depth = Math.max(...ps.map((p) => p.level ?? 1));
    scenario[key] = Array.from({ length: depth }, (_, lvl) =>
      ps
        .filter((p) => (p.level ?? 1) === lvl + 1)
        .map((p, i) => {
          slots.set(`${key}[${lvl}][${i}]`, p.name);
          return p.document;
        }),
    );
  };
  list("identity", "identityPolicies");
  single("resource", "resourcePolicy");
  single("boundary", "permissionsBoundary");
  list("session", "sessionPolicies");
  levels("scp", "scps");
  levels("rcp", "rcps");
  single("endpoint", "endpointPolicy");
  if (organization) scenario.organization = organization;
  return { scenario, slots };
}

/** Problems of the fixture set as a whole (not of single documents). */
export function checkFixtureSet(set: FixtureSet): Array<{ line: number; message: string }> {
  const out: Array<{ line: number; message: string }> = [];
  const seen = new Map<string, number>();
  for (const f of [...set.policies, ...set.requests]) {
    const before = seen.get(f.name);
    if (before !== undefined) out.push({ line: f.line, message: `fixture name \`${f.name}\` is already used on line ${before}` });
    else seen.set(f.name, f.line);
  }
  const attached = set.policies.filter((p) => !p.detached);
  for (const role of ["resource", "boundary", "endpoint"] as const) {
    const ps = attached.filter((p) => p.role === role);
    for (const extra of ps.slice(1))
      out.push({ line: extra.line, message: `only one \`role=${role}\` policy applies to a request (\`${ps[0]?.name}\` is already attached)` });
  }
  for (const role of ["scp", "rcp"] as const) {
    const used = new Set(attached.filter((p) => p.role === role).map((p) => p.level ?? 1));
    const depth = Math.max(0, ...used);
    for (let l = 1; l <= depth; l++)
      if (!used.has(l)) {
        const first = attached.find((p) => p.role === role && (p.level ?? 1) > l);
        out.push({ line: first?.line ?? 1, message: `${role.toUpperCase()} levels run from 1 (organization root) without gaps; level ${l} has no policy` });
      }
  }
  return out;
}

export type ChangeResult = { ok: true; set: FixtureSet } | { ok: false; message: string };

/** Applies changes in order to a copy of the set. */
export function applyChanges(set: FixtureSet, ops: readonly ChangeOp[]): ChangeResult {
  const next: FixtureSet = {
    policies: set.policies.map((p) => ({ ...p, document: structuredClone(p.document) })),
    requests: set.requests.map((r) => ({ ...r, fields: structuredClone(r.fields) })),
  };
  for (const op of ops) {
    const err = applyOne(next, op);
    if (err) return { ok: false, message: err };
  }
  return { ok: true, set: next };
}

function applyOne(set: FixtureSet, op: ChangeOp): string | undefined {
  const policy = (name: string): PolicyDef | string => set.policies.find((p) => p.name === name) ?? `no policy named \`${name}\``;
  switch (op.op) {
    case "add-statement": {
      const p = policy(op["add-statement"]);
      if (typeof p === "string") return p;
      const statements = statementsOf(p);
      if (typeof statements === "string") return statements;
      statements.push(structuredClone(op.statement));
      return touch(p);
    }
    case "replace-statement":
    case "remove-statement":
    case "set-condition": {
      const p = policy(op.op === "replace-statement" ? op["replace-statement"] : op.op === "remove-statement" ? op["remove-statement"] : op["set-condition"]);
      if (typeof p === "string") return p;
      const statements = statementsOf(p);
      if (typeof statements === "string") return statements;
      const at = findStatement(statements, op.sid, op.index, p.name);
      if (typeof at === "string") return at;
      if (op.op === "replace-statement") statements[at] = structuredClone(op.statement);
      else if (op.op === "remove-statement") statements.splice(at, 1);
      else {
        const st = statements[at] as Record<string, unknown>;
        if (op.condition === null) delete st.Condition;
        else st.Condition = structuredClone(op.condition);
      }
      return touch(p);
    }
    case "set-request": {
      const target = op["set-request"];
      const requests = target === "*" ? set.requests : set.requests.filter((r) => r.name === target);
      if (requests.length === 0) return `no request named \`${target}\``;
      for (const r of requests) {
        for (const [key, value] of Object.entries(op.set)) {
          if (key === "must" || key === "expect") return `\`set-request\` changes what the request carries, not \`${key}\``;
          if (MERGED_REQUEST_FIELDS.has(key) && value !== null && typeof value === "object" && !Array.isArray(value)) {
            const merged = { ...((r.fields[key] as Record<string, unknown> | undefined) ?? {}) };
            for (const [k, v] of Object.entries(value)) {
              if (v === null) delete merged[k];
              else merged[k] = structuredClone(v);
            }
            r.fields[key] = merged;
          } else if (value === null) delete r.fields[key];
          else r.fields[key] = structuredClone(value);
        }
        r.changed = true;
      }
      return undefined;
    }
    case "move-principal": {
      const requests = op.request ? set.requests.filter((r) => r.name === op.request) : set.requests;
      if (requests.length === 0) return `no request named \`${op.request}\``;
      for (const r of requests) {
        const principal = String(r.fields.principal);
        const m = /^(arn:[^:]+:(?:iam|sts)::)(\d{12})(:.*)$/.exec(principal);
        if (!m) return `principal \`${principal}\` of request \`${r.name}\` has no account to move`;
        r.fields.principal = `${m[1]}${op["move-principal"]}${m[3]}`;
        r.changed = true;
      }
      return undefined;
    }
    case "remove-policy": {
      const p = policy(op["remove-policy"]);
      if (typeof p === "string") return p;
      if (p.detached) return `policy \`${p.name}\` is not attached`;
      set.policies = set.policies.filter((x) => x !== p);
      return undefined;
    }
    case "add-policy": {
      const p = policy(op["add-policy"]);
      if (typeof p === "string") return p;
      if (!p.detached) return `policy \`${p.name}\` is already attached; declare it with \`detached\` to add it in a change`;
      p.detached = false;
      return undefined;
    }
  }
}

function statementsOf(p: PolicyDef): unknown[] | string {
  const doc = p.document as Record<string, unknown> | null;
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return `policy \`${p.name}\` is not a JSON object`;
  if (doc.Statement === undefined) doc.Statement = [];
  else if (!Array.isArray(doc.Statement)) doc.Statement = [doc.Statement];
  return doc.Statement as unknown[];
}

function findStatement(statements: unknown[], sid: string | undefined, index: number | undefined, policyName: string): number | string {
  if ((sid === undefined) === (index === undefined)) return "name the statement by `sid` or by `index` (one of them)";
  if (sid !== undefined) {
    const at = statements.findIndex((s) => (s as Record<string, unknown> | null)?.Sid === sid);
    return at === -1 ? `policy \`${policyName}\` has no statement with Sid \`${sid}\`` : at;
  }
  return index! < statements.length ? index! : `policy \`${policyName}\` has no statement ${index} (statements are counted from 0)`;
}

function touch(p: PolicyDef): undefined {
  p.changed = true;
  return undefined;
}

/** Text shown for a fixture: the author's own for untouched ones, regenerated for changed ones. */
export function policyText(p: PolicyDef): string {
  return p.changed ? JSON.stringify(p.document, null, 2) : p.text;
}

export function requestText(r: RequestDef): string {
  if (!r.changed) return r.text;
  const shown: Record<string, unknown> = { ...r.fields };
  if (r.must) shown.must = r.must;
  return toYaml(shown, { lineWidth: 0 }).trimEnd();
}
