// Service rules that sit beside the policy logic (R5 "service overlays"):
// STS credential limits (R105), session lifetimes and role chaining (R103, R104),
// session-tag and source-identity constraints (R100, R101), PassRole's same-account
// rule (R107) and the cross-account KMS operation list (R92). A failing rule means
// AWS rejects the call, which the contract reports as ImplicitDeny with a `service`
// step saying why.

import type { RequestInfo, ServiceFinding, ServiceCode } from "../types";
import { ASSUME_ACTIONS } from "../context/request";

const ASSUME_FAMILY_CREDENTIALS = new Set(["AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML", "instance-profile"]);

/** R92: operations that work on a KMS key of another account. */
const KMS_CROSS_ACCOUNT = new Set([
  "decrypt",
  "encrypt",
  "generatedatakey",
  "generatedatakeypair",
  "generatedatakeypairwithoutplaintext",
  "generatedatakeywithoutplaintext",
  "generatemac",
  "reencryptfrom",
  "reencryptto",
  "sign",
  "verify",
  "verifymac",
  "derivesharedsecret",
  "creategrant",
  "describekey",
  "getkeyrotationstatus",
  "getpublickey",
  "listgrants",
  "retiregrant",
  "revokegrant",
]);

/** Services some rule below looks at; other calls skip the checks entirely. */
const RULED_SERVICES = new Set(["sts", "iam", "kms"]);

const MIN_DURATION = 900;
const CHAINED_MAX = 3600;
const TOKEN_MAX = 129_600;
const ROOT_TOKEN_MAX = 3600;

function finding(code: ServiceCode, outcome: ServiceFinding["outcome"], rule: string, data: Record<string, string | number> = {}, ambiguous = false): ServiceFinding {
  return { code, outcome, rule, ambiguous, data };
}

/** True when the request resource is a KMS key (the key policy then decides, R88). */
export function isKmsKey(req: RequestInfo): boolean {
  const arn = req.resourceArn;
  return arn !== null && arn.service === "kms" && arn.resource.startsWith("key/");
}

/**
 * Findings for the call `service:name` (lower case). `fail` findings make the call
 * fail; `info`/`pass` ones only explain.
 */
const NONE: readonly ServiceFinding[] = [];

export function checkServiceRules(req: RequestInfo, action: string, service: string, name: string): readonly ServiceFinding[] {
  if (!RULED_SERVICES.has(service)) return NONE;
  const out: ServiceFinding[] = [];
  const cred = req.credentials;
  const c = req.caller;

  // R105: what each credential type cannot do.
  if (cred !== null && ASSUME_FAMILY_CREDENTIALS.has(cred) && (action === "sts:getfederationtoken" || action === "sts:getsessiontoken")) {
    out.push(finding("assume-role-session-limit", "fail", "R105", { credentials: cred }));
  }
  if (cred === "GetFederationToken" && (service === "iam" || (service === "sts" && name !== "getcalleridentity"))) {
    out.push(finding("federated-user-limit", "fail", "R105", { service }));
  }
  if (cred === "GetSessionToken") {
    const mfa = req.context.get("aws:multifactorauthpresent");
    const mfaUsed = mfa !== undefined && mfa.text !== null && mfa.text.toLowerCase() === "true";
    if (service === "iam" && !mfaUsed) out.push(finding("session-token-limit", "fail", "R105", { service }));
    if (service === "sts" && name !== "assumerole" && name !== "getcalleridentity") out.push(finding("session-token-limit", "fail", "R105", { service }));
  }
  if (c.kind === "root" && action === "sts:assumerole") out.push(finding("root-assume-role", "fail", "R105", {}, true));

  // R103, R104: session lifetimes.
  const d = req.durationSeconds;
  if (ASSUME_ACTIONS.has(action)) {
    const chained = c.kind === "role-session" && cred !== "instance-profile";
    if (d !== null) {
      if (d < MIN_DURATION) out.push(finding("duration-below-minimum", "fail", "R104", { requested: d, minimum: MIN_DURATION }));
      else if (chained && d > CHAINED_MAX) out.push(finding("chained-duration", "fail", "R103", { requested: d, maximum: CHAINED_MAX }));
      else if (d > req.roleMaxSessionDuration) {
        out.push(finding("duration-above-role-maximum", "fail", "R104", { requested: d, maximum: req.roleMaxSessionDuration }));
      }
    }
  } else if ((action === "sts:getsessiontoken" || action === "sts:getfederationtoken") && d !== null) {
    if (d < MIN_DURATION) out.push(finding("duration-below-minimum", "fail", "R104", { requested: d, minimum: MIN_DURATION }));
    else if (c.kind === "root" && d > ROOT_TOKEN_MAX) out.push(finding("root-duration-cut", "info", "R104", { requested: d, maximum: ROOT_TOKEN_MAX }));
    else if (d > TOKEN_MAX) out.push(finding("duration-above-maximum", "fail", "R104", { requested: d, maximum: TOKEN_MAX }));
  }

  // R100: a passed tag may not reuse the key of an inherited transitive tag.
  if (req.sessionTags !== null && req.inheritedTransitiveTagKeys.length > 0) {
    const inherited = new Set(req.inheritedTransitiveTagKeys.map((k) => k.toLowerCase()));
    const clash = Object.keys(req.sessionTags).find((k) => inherited.has(k.toLowerCase()));
    if (clash !== undefined) out.push(finding("transitive-tag-conflict", "fail", "R100", { key: clash }));
  }
  // R101: a source identity, once set, cannot change.
  if (req.sourceIdentity !== null) {
    const current = req.context.get("aws:sourceidentity");
    if (current !== undefined && current.text !== null && current.text !== req.sourceIdentity) {
      out.push(finding("source-identity-change", "fail", "R101", { current: current.text, requested: req.sourceIdentity }));
    }
  }

  // R107: a role of another account cannot be passed.
  if (action === "iam:passrole") {
    const roleAccount = req.resourceArn?.account ?? "";
    if (req.principalAccount !== null && roleAccount !== "" && roleAccount !== req.principalAccount) {
      out.push(finding("pass-role-cross-account", "fail", "R107", { roleAccount }));
    } else out.push(finding("pass-role", "info", "R107"));
  }

  // R92: only some KMS operations work across accounts.
  if (service === "kms" && isKmsKey(req) && req.principalAccount !== null && !req.sameAccount && !KMS_CROSS_ACCOUNT.has(name)) {
    out.push(finding("kms-cross-account-operation", "fail", "R92", { action: req.action }));
  }
  return out;
}
