// The contract's scenario envelope as a strict zod schema: unknown keys fail at any
// level, so a misspelt field is an error instead of being ignored. Policy documents
// are left as `unknown` here and checked by `parse/policy.ts`, whose grammar needs
// codes and rules zod cannot express. zod issues are turned into the evaluator's
// `{ code, path, message }` issues.

import { z } from "zod";
import { didYouMean, issue, joinIndex, joinKey, type Issue } from "../issues";

const contextScalar = z.union([z.string(), z.number(), z.boolean()]);
const tags = z.record(z.string(), z.string());
const account = z.string().regex(/^\d{12}$/, "an account ID is 12 digits");
const docText = z.union([z.string(), z.array(z.string())]);
const policy = z.unknown();
/** A single policy document; null counts as absent. Its grammar is checked by parse/policy.ts. */
const optionalPolicy = z.unknown().optional();

export const CREDENTIAL_TYPES = [
  "long-term",
  "GetSessionToken",
  "GetFederationToken",
  "AssumeRole",
  "AssumeRoleWithWebIdentity",
  "AssumeRoleWithSAML",
  "instance-profile",
] as const;

export const requestSchema = z.strictObject({
  principal: z.string(),
  principalTags: tags.optional(),
  action: z.string(),
  resource: z.string(),
  resourceAccount: account.optional(),
  resourceTags: tags.optional(),
  context: z.record(z.string(), z.union([contextScalar, z.array(contextScalar)])).optional(),
  federatedBy: z.string().optional(),
  credentials: z.enum(CREDENTIAL_TYPES).optional(),
  durationSeconds: z.number().int().positive().optional(),
  roleMaxSessionDuration: z.number().int().min(3600).max(43200).optional(),
  sessionTags: tags.optional(),
  transitiveTagKeys: z.array(z.string()).optional(),
  inheritedTransitiveTagKeys: z.array(z.string()).optional(),
  sourceIdentity: z.string().optional(),
  awsManagedKey: z.boolean().optional(),
});

export const organizationSchema = z.strictObject({
  managementAccount: account.optional(),
  rcpServices: z.array(z.string()).optional(),
});

export const scenarioSchema = z.strictObject({
  id: z.string().min(1).optional(),
  description: docText.optional(),
  source: docText.optional(),
  why: docText.optional(),
  rule: docText.optional(),
  notes: docText.optional(),
  tags: docText.optional(),
  request: requestSchema,
  identityPolicies: z.array(policy).optional(),
  resourcePolicy: optionalPolicy,
  permissionsBoundary: optionalPolicy,
  sessionPolicies: z.array(policy).optional(),
  scps: z.array(z.array(policy)).optional(),
  rcps: z.array(z.array(policy)).optional(),
  endpointPolicy: optionalPolicy,
  organization: organizationSchema.optional(),
  expected: z.enum(["Allow", "ExplicitDeny", "ImplicitDeny"]).optional(),
});

export type ScenarioEnvelope = z.infer<typeof scenarioSchema>;

const KEYS_AT: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(scenarioSchema.shape),
  request: Object.keys(requestSchema.shape),
  organization: Object.keys(organizationSchema.shape),
};

function formatPath(base: string, segments: readonly PropertyKey[]): string {
  let p = base;
  for (const seg of segments) p = typeof seg === "number" ? joinIndex(p, seg) : joinKey(p, String(seg));
  return p;
}

function lookup(input: unknown, segments: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let v: unknown = input;
  for (const seg of segments) {
    if (typeof v !== "object" || v === null || !Object.prototype.hasOwnProperty.call(v, seg)) return { found: false, value: undefined };
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return { found: true, value: v };
}

const FIELD_HELP: Readonly<Record<string, string>> = {
  expected: `must be "Allow", "ExplicitDeny" or "ImplicitDeny"`,
  credentials: `must be one of ${CREDENTIAL_TYPES.map((c) => JSON.stringify(c)).join(", ")}`,
  roleMaxSessionDuration: "must be a whole number of seconds from 3600 to 43200 (R104)",
  durationSeconds: "must be a positive whole number of seconds",
  resourceAccount: "must be a 12-digit account ID",
  managementAccount: "must be a 12-digit account ID",
};

/** Turns zod issues into evaluator issues with paths relative to `base`. */
export function toIssues(error: z.ZodError, input: unknown, base: string): Issue[] {
  const out: Issue[] = [];
  for (const zi of error.issues) {
    const segs = zi.path;
    const path = formatPath(base, segs);
    const underRequest = segs[0] === "request";
    const last = segs.length > 0 ? String(segs[segs.length - 1]) : "";
    if (zi.code === "unrecognized_keys") {
      const where = segs.map(String).join(".");
      const known = KEYS_AT[where] ?? [];
      for (const key of zi.keys) {
        out.push(issue("UNKNOWN_FIELD", joinKey(path, key), `unknown field ${JSON.stringify(key)}${didYouMean(key, known)}`));
      }
      continue;
    }
    const { found, value } = lookup(input, segs);
    if (!found && zi.code === "invalid_type") {
      out.push(issue("MISSING_FIELD", path, `missing required field ${JSON.stringify(last)}`));
      continue;
    }
    const help = FIELD_HELP[last];
    const message =
      help !== undefined
        ? `${last} ${help}, not ${JSON.stringify(value)}`
        : zi.code === "invalid_type"
          ? `expected ${zi.expected}, not ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`
          : zi.message.charAt(0).toLowerCase() + zi.message.slice(1);
    const typeError = zi.code === "invalid_type" || zi.code === "invalid_union";
    out.push(issue(underRequest && !typeError ? "INVALID_REQUEST" : "INVALID_TYPE", path, message));
  }
  return out;
}
