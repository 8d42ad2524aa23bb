// The lab's structure over a scenario document: which policies it holds (for the outline the
// learner jumps through), and adding or removing one. Works on the plain JSON value, so it is
// the same for JSON and YAML text; the caller writes the result back as text.

export type PolicySlot = "identity" | "resource" | "boundary" | "session" | "scp" | "rcp" | "endpoint";

export interface OutlineEntry {
  /** Scenario path: `identityPolicies[0]`, `resourcePolicy`, `scps[1]` (a level) … */
  path: string;
  slot: PolicySlot;
  label: string;
  /** Statements in the policy (or the level), when countable. */
  statements: number | undefined;
}

export const SLOT_LABELS: Record<PolicySlot, string> = {
  identity: "Identity policy",
  resource: "Resource-based policy",
  boundary: "Permissions boundary",
  session: "Session policy",
  scp: "SCP level",
  rcp: "RCP level",
  endpoint: "VPC endpoint policy",
};

const LIST_KEYS = { identity: "identityPolicies", session: "sessionPolicies" } as const;
const SINGLE_KEYS = { resource: "resourcePolicy", boundary: "permissionsBoundary", endpoint: "endpointPolicy" } as const;
const LEVEL_KEYS = { scp: "scps", rcp: "rcps" } as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function statementCount(policy: unknown): number | undefined {
  if (!isObject(policy)) return undefined;
  const s = policy.Statement;
  if (Array.isArray(s)) return s.length;
  return isObject(s) ? 1 : undefined;
}

/** The policies of a scenario value in evaluation order, each with its path. */
export function listPolicies(value: unknown): OutlineEntry[] {
  if (!isObject(value)) return [];
  const out: OutlineEntry[] = [];
  const levels = (slot: "scp" | "rcp") => {
    const list = value[LEVEL_KEYS[slot]];
    if (!Array.isArray(list)) return;
    list.forEach((level, i) => {
      const n = Array.isArray(level) ? level.reduce<number>((sum, p) => sum + (statementCount(p) ?? 0), 0) : undefined;
      const where = i === 0 ? "organization root" : i === list.length - 1 ? "the account" : `OU ${i}`;
      out.push({ path: `${LEVEL_KEYS[slot]}[${i}]`, slot, label: `${SLOT_LABELS[slot]} ${i} (${where})`, statements: n });
    });
  };
  const single = (slot: "resource" | "boundary" | "endpoint") => {
    const key = SINGLE_KEYS[slot];
    if (value[key] !== undefined) out.push({ path: key, slot, label: SLOT_LABELS[slot], statements: statementCount(value[key]) });
  };
  const list = (slot: "identity" | "session") => {
    const items = value[LIST_KEYS[slot]];
    if (!Array.isArray(items)) return;
    items.forEach((p, i) => out.push({ path: `${LIST_KEYS[slot]}[${i}]`, slot, label: `${SLOT_LABELS[slot]} ${i + 1}`, statements: statementCount(p) }));
  };
  levels("rcp");
  levels("scp");
  single("endpoint");
  single("resource");
  list("identity");
  single("boundary");
  list("session");
  return out;
}

/** Whether another policy of this slot may be added (the resource, boundary and endpoint slots hold one). */
export function canAddPolicy(value: unknown, slot: PolicySlot): boolean {
  if (!isObject(value)) return false;
  if (slot === "resource" || slot === "boundary" || slot === "endpoint") return value[SINGLE_KEYS[slot]] === undefined;
  return true;
}

function accountOf(principal: unknown): string | undefined {
  if (typeof principal !== "string") return undefined;
  return /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

/** A small valid policy to start from in each slot. */
export function starterPolicy(slot: PolicySlot, scenario: unknown): Json {
  const request = isObject(scenario) && isObject(scenario.request) ? scenario.request : {};
  const action = typeof request.action === "string" ? request.action : "s3:GetObject";
  const resource = typeof request.resource === "string" ? request.resource : "*";
  const account = accountOf(request.principal) ?? "111122223333";
  const doc = (statement: Json): Json => ({ Version: "2012-10-17", Statement: [statement] });
  switch (slot) {
    case "identity":
      return doc({ Sid: "NewStatement", Effect: "Allow", Action: action, Resource: resource });
    case "session":
      return doc({ Sid: "SessionAllows", Effect: "Allow", Action: action, Resource: resource });
    case "boundary":
      return doc({ Sid: "BoundaryAllows", Effect: "Allow", Action: action, Resource: "*" });
    case "resource":
      // A trust policy (sts:AssumeRole*) has no Resource element (R26).
      return action.toLowerCase().startsWith("sts:")
        ? doc({ Sid: "TrustCaller", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: action })
        : doc({ Sid: "AllowCallerAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: action, Resource: resource });
    case "endpoint":
      return doc({ Sid: "EndpointAllowsAll", Effect: "Allow", Principal: "*", Action: "*", Resource: "*" });
    case "scp":
      return doc({ Sid: "FullAWSAccess", Effect: "Allow", Action: "*", Resource: "*" });
    case "rcp":
      return doc({ Sid: "RCPFullAWSAccess", Effect: "Allow", Principal: "*", Action: "*", Resource: "*" });
  }
}

export type OutlineEdit = { ok: true; value: Json; path: string } | { ok: false; message: string };

/** Adds a starter policy (a new level for SCPs and RCPs) and returns the new value and its path. */
export function addPolicy(value: unknown, slot: PolicySlot): OutlineEdit {
  if (!isObject(value)) return { ok: false, message: "the scenario is not a JSON object" };
  if (!canAddPolicy(value, slot)) return { ok: false, message: `the scenario already has a ${SLOT_LABELS[slot].toLowerCase()}` };
  const next: Json = structuredClone(value);
  const policy = starterPolicy(slot, value);
  if (slot === "identity" || slot === "session") {
    const key = LIST_KEYS[slot];
    const list = Array.isArray(next[key]) ? (next[key] as unknown[]) : [];
    list.push(policy);
    next[key] = list;
    return { ok: true, value: next, path: `${key}[${list.length - 1}]` };
  }
  if (slot === "scp" || slot === "rcp") {
    const key = LEVEL_KEYS[slot];
    const levels = Array.isArray(next[key]) ? (next[key] as unknown[]) : [];
    levels.push([policy]);
    next[key] = levels;
    return { ok: true, value: next, path: `${key}[${levels.length - 1}]` };
  }
  const key = SINGLE_KEYS[slot];
  next[key] = policy;
  return { ok: true, value: next, path: key };
}

/** Removes the policy (or SCP/RCP level) at an outline path; an emptied list is removed too. */
export function removePolicy(value: unknown, path: string): OutlineEdit {
  if (!isObject(value)) return { ok: false, message: "the scenario is not a JSON object" };
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(path);
  if (!m) return { ok: false, message: `no policy at ${path}` };
  const key = m[1]!;
  const index = m[2] === undefined ? undefined : Number(m[2]);
  const next: Json = structuredClone(value);
  if (index === undefined) {
    if (!(key in next)) return { ok: false, message: `no policy at ${path}` };
    delete next[key];
    return { ok: true, value: next, path };
  }
  const list = next[key];
  if (!Array.isArray(list) || index >= list.length) return { ok: false, message: `no policy at ${path}` };
  list.splice(index, 1);
  if (list.length === 0) delete next[key];
  return { ok: true, value: next, path };
}
