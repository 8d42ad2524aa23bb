// Learner-facing words for the evaluator's data: caller kinds, policy paths,
// statements, grant kinds, skip reasons, service findings and condition failures.
// All wording about decisions lives in explain/ (ARCHITECTURE, "Errors and
// validation" 5); the evaluator itself only returns codes.

import type { ClauseFailure } from "../conditions/evaluate";
import type { CallerKind } from "../context/caller";
import type { GrantKind } from "../match/principal";
import type { NearMiss, ServiceFinding, SkipCode, StatementRef } from "../types";

export const CALLER_KIND: Readonly<Record<CallerKind, string>> = {
  root: "the account root user",
  user: "an IAM user",
  "role-session": "a role session",
  "federated-user": "a federated user session (GetFederationToken)",
  service: "an AWS service principal",
  "web-identity": "a web-identity or SAML caller",
  anonymous: "an anonymous (unsigned) caller",
};

export const STAGE_SET_NAME: Readonly<Record<string, string>> = {
  identity: "identity policies",
  resource: "resource-based policy",
  boundary: "permissions boundary",
  session: "session policy",
  endpoint: "VPC endpoint policy",
  scp: "SCPs",
  rcp: "RCPs",
};

export function code(text: string): string {
  return `\`${text}\``;
}

/** "statement 2 (Sid ReadOnly) of identityPolicies[1]" */
export function statementName(r: { policy: string; statement: number; sid?: string | undefined }): string {
  const sid = r.sid !== undefined && r.sid !== "" ? ` (Sid ${r.sid})` : "";
  return `statement ${r.statement}${sid} of ${r.policy}`;
}

export function levelName(level: number, levels: number): string {
  if (levels === 1) return "level 0";
  if (level === 0) return "level 0 (organization root)";
  if (level === levels - 1) return `level ${level} (the account)`;
  return `level ${level} (an OU)`;
}

export const GRANT_MEANING: Readonly<Record<GrantKind, string>> = {
  direct:
    "a direct grant: it names the caller itself, so in the same account neither identity policies nor a permissions boundary or session policy limit it",
  entity:
    "an entity grant (the role behind the session, or the user behind a federated session): it needs no identity policy, but the permissions boundary and session policy still cap it",
  account: "an account grant: it delegates to the caller's account, so an identity policy must allow the request too",
};

export const TRUST_DIRECT_GRANT =
  "a direct grant: it names the caller, so no identity policy is needed, but a permissions boundary of the caller must still allow the assume call";

export const CROSS_ACCOUNT_GRANT =
  "this satisfies the resource account; across accounts the caller's own identity policy (and boundary and session policy) must allow the request as well";

export const NO_IDENTITY_GRANT =
  "a direct grant, the only kind that lets this caller in: it has no identity policies of its own";

/** R49: the layers a NotPrincipal list must name to exempt a caller. */
export const NOT_PRINCIPAL_LAYERS: Readonly<Record<CallerKind, string>> = {
  root: "its account",
  user: "its account and its user ARN",
  "role-session": "its account, its role ARN and its session ARN",
  "federated-user": "its account and its federated-user ARN",
  service: "its service name",
  "web-identity": "its identity provider",
  anonymous: "everyone (\"*\")",
};

export const SKIP_REASON: Readonly<Record<SkipCode, string>> = {
  absent: "none in this scenario",
  "not-bound-management-account": "skipped: SCPs do not bind principals of the management account",
  "service-linked-role": "skipped: the caller is a service-linked role, which SCPs and RCPs do not restrict",
  "root-only-task": "skipped: changing the support plan is a root-user task that SCPs cannot restrict",
  "service-not-restricted": "skipped: SCPs cannot restrict tasks on this AWS-related service",
  "service-principal": "skipped: an AWS service principal has no identity policies, boundary, session policy or SCPs",
  anonymous: "skipped: an anonymous caller has no identity-side policies",
  "web-identity": "skipped: a web-identity or SAML caller has no AWS identity yet, so no identity policy, boundary or SCP applies",
  "management-account-resource": "skipped: RCPs do not cover resources of the management account",
  "service-not-rcp-enabled": "skipped: this service is not on the list of services that support RCPs",
  "aws-managed-key": "skipped: RCPs do not apply to AWS managed KMS keys",
  "retire-grant": "skipped: RCPs do not affect kms:RetireGrant",
  "root-user": "ignored: the root user has no permissions boundary",
  "not-a-session": "ignored: session policies belong to role or federated-user sessions, and this caller is neither",
  "trust-not-consulted": "not consulted: iam:PassRole is checked against the caller's identity side only, not the role's trust policy",
};

export function serviceSentence(f: ServiceFinding, action: string): string {
  const d = f.data;
  switch (f.code) {
    case "caller-identity":
      return "`sts:GetCallerIdentity` always succeeds for a signed caller, whatever the policies say, even against an explicit Deny.";
    case "no-permission-needed":
      return "`sts:GetSessionToken` needs no permission, so no policy has to allow it.";
    case "assume-role-session-limit":
      return `credentials from an AssumeRole-family call (${d.credentials}) cannot call ${action}: AWS rejects the call.`;
    case "federated-user-limit":
      return `a federated user session cannot call ${d.service === "iam" ? "IAM APIs" : "STS APIs other than GetCallerIdentity"}: AWS rejects ${action}.`;
    case "session-token-limit":
      return d.service === "iam"
        ? `GetSessionToken credentials can call IAM only when MFA was used, and this request has no MFA: AWS rejects ${action}.`
        : `GetSessionToken credentials can call only sts:AssumeRole and sts:GetCallerIdentity of STS: AWS rejects ${action}.`;
    case "root-assume-role":
      return "the root user is not listed as a caller of sts:AssumeRole, so the call is treated as denied.";
    case "chained-duration":
      return `role chaining (a role session assuming a role) lasts at most ${d.maximum} seconds; asking for ${d.requested} makes the call fail.`;
    case "duration-above-role-maximum":
      return `the role allows sessions of at most ${d.maximum} seconds; asking for ${d.requested} makes the call fail.`;
    case "duration-below-minimum":
      return `a session lasts at least ${d.minimum} seconds (15 minutes); asking for ${d.requested} makes the call fail.`;
    case "duration-above-maximum":
      return `an IAM user's GetSessionToken/GetFederationToken session lasts at most ${d.maximum} seconds (36 hours); asking for ${d.requested} makes the call fail.`;
    case "root-duration-cut":
      return `a root user's session lasts at most ${d.maximum} seconds: the ${d.requested} asked for are cut to one hour (the call still succeeds).`;
    case "transitive-tag-conflict":
      return `the session already carries the transitive tag ${code(String(d.key))}; passing a tag with the same key makes the call fail.`;
    case "source-identity-change":
      return `the session's source identity is ${code(String(d.current))} and cannot change; setting ${code(String(d.requested))} makes the call fail.`;
    case "tag-session":
      return "passing session tags also needs sts:TagSession.";
    case "set-source-identity":
      return "setting a source identity also needs sts:SetSourceIdentity.";
    case "pass-role-cross-account":
      return `a role of another account (${d.roleAccount}) cannot be passed to a service.`;
    case "pass-role":
      return "iam:PassRole is evaluated against the caller's identity policies (with boundary and session policy); the role's trust policy is not consulted.";
    case "kms-cross-account-operation":
      return `${d.action} does not work on a KMS key of another account; only cryptographic operations, CreateGrant, DescribeKey, GetKeyRotationStatus, GetPublicKey, ListGrants, RetireGrant and RevokeGrant do.`;
    case "key-policy-required":
      return "a KMS key is governed by its key policy: IAM policies work only where the key policy lets them.";
    case "trust-policy-required":
      return "assuming a role needs the role's trust policy to allow it.";
  }
}

function values(list: readonly string[]): string {
  return list.map((v) => code(v)).join(", ");
}

const FAILURE_TEXT: Readonly<Record<ClauseFailure, (m: NonNullable<NearMiss["condition"]>) => string>> = {
  absent: (m) => `the request has no ${code(m.key)}, and a positive operator on an absent key is false`,
  present: (m) => `${code(m.key)} is ${m.present ? "present" : "absent"}, so Null ${values(m.values)} does not hold`,
  "no-match": (m) =>
    `the request's ${code(m.key)} is ${values(m.request ?? [])}, which ${m.operator.includes("Not") ? "matches an excluded value" : `does not match ${values(m.values)}`}`,
  multivalued: (m) =>
    `${code(m.key)} carries several values (${values(m.request ?? [])}); a plain operator on a multivalued key is false — a ForAnyValue: or ForAllValues: operator was needed`,
  "unknown-value": (m) => `${code(m.key)} is present but its value is not known in this scenario, so no comparison can succeed`,
  unreadable: (m) => `the request's ${code(m.key)} (${values(m.request ?? [])}) cannot be read as the type ${m.operator} compares`,
  "unresolved-variable": () => `a policy variable in the condition value did not resolve, so that value matches nothing`,
  "empty-set": (m) => `${code(m.key)} is an empty list, and ForAnyValue over no values is false`,
};

export function conditionFailure(m: NonNullable<NearMiss["condition"]>): string {
  return `its condition ${m.operator} on ${code(m.key)} failed: ${FAILURE_TEXT[m.failure](m)}`;
}

export function nearMissSentence(n: NearMiss, action: string, resource: string): string {
  const who = statementName(n);
  switch (n.failed) {
    case "action":
      return `${who} does not cover ${code(action)}.`;
    case "resource":
      return `${who} covers the action, but not the resource ${code(resource)}${n.resourcePart !== undefined && n.resourcePart !== "not-arn" ? ` (its ${n.resourcePart} part differs)` : ""}.`;
    case "principal":
      return `${who} covers action and resource, but its Principal does not name this caller.`;
    case "condition":
      return `${who} would apply, but ${conditionFailure(n.condition!)} [${n.condition!.rule}].`;
  }
}

export function refAmbiguity(r: StatementRef | undefined): string {
  if (r === undefined || r.ambiguous.length === 0) return "";
  return ` This relies on a documented grey area (${r.ambiguous.join(", ")}).`;
}
