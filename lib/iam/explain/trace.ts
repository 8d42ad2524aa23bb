// Turns an Evaluation into the ordered TraceStep sentences of SEMANTICS §19:
// request, context, policies in play, explicit-deny check, RCP and SCP levels,
// endpoint, service rules, resource-based policy, identity, boundary, session,
// cross-account join, and the decision with the smallest change that would flip it.
// Built on demand: evaluation never pays for the sentences.

import type { Context } from "../context/entry";
import { roleArnOf } from "../context/caller";
import type { Evaluation, NearMiss, Scenario, SetOutcome, Stage, StatementRef, TraceStep } from "../types";
import {
  CALLER_KIND,
  code,
  CROSS_ACCOUNT_GRANT,
  NO_IDENTITY_GRANT,
  TRUST_DIRECT_GRANT,
  NOT_PRINCIPAL_LAYERS,
  GRANT_MEANING,
  levelName,
  nearMissSentence,
  refAmbiguity,
  serviceSentence,
  SKIP_REASON,
  STAGE_SET_NAME,
  statementName,
} from "./words";

/** Keys AWS sends with (nearly) every request, whose value a scenario must supply. */
const ALWAYS_SENT: Readonly<Record<string, string>> = {
  "aws:sourceip": "on every call not made through a VPC endpoint",
  "aws:securetransport": "on every call",
  "aws:useragent": "on every call",
  "aws:requestedregion": "on every call",
};
const CLOCK_KEYS = new Set(["aws:currenttime", "aws:epochtime"]);

function conditionKeysInPlay(s: Scenario): Set<string> {
  const keys = new Set<string>();
  const policies = [
    ...s.identityPolicies,
    ...(s.resourcePolicy !== null ? [s.resourcePolicy] : []),
    ...(s.permissionsBoundary !== null ? [s.permissionsBoundary] : []),
    ...s.sessionPolicies,
    ...s.scps.flat(),
    ...s.rcps.flat(),
    ...(s.endpointPolicy !== null ? [s.endpointPolicy] : []),
  ];
  for (const p of policies) for (const st of p.statements) for (const cl of st.conditions) keys.add(cl.keyLower);
  return keys;
}

function stepOf(r: StatementRef, stage: Stage, outcome: TraceStep["outcome"], reason: string, rule: string): TraceStep {
  const step: TraceStep = { stage, outcome, policy: r.policy, statement: r.statement, reason, rule };
  if (r.sid !== undefined && r.sid !== "") step.sid = r.sid;
  if (r.ambiguous.length > 0) step.ambiguous = true;
  return step;
}

function requestSteps(e: Evaluation): TraceStep[] {
  const req = e.scenario.request;
  const c = req.caller;
  const on = req.resourceArn === null ? "on no specific resource (*)" : `on ${code(req.resource)}`;
  let accounts: string;
  if (req.principalAccount === null) {
    accounts = req.resourceAccount !== null ? `; the resource belongs to ${req.resourceAccount}, and the caller has no account of its own` : "";
  } else {
    const from =
      req.resourceAccountFrom === "arn" ? "from the resource ARN" : req.resourceAccountFrom === "field" ? "from resourceAccount" : "the caller's own, as the ARN names none";
    accounts = `; principal account ${req.principalAccount}, resource account ${req.resourceAccount} (${from}): ${req.sameAccount ? "same account" : "cross-account"}`;
  }
  const role = c.kind === "role-session" ? ` of role ${code(roleArnOf(c)!)}` : "";
  const action = e.action !== req.action ? `${code(e.action)} (part of ${code(req.action)})` : code(req.action);
  return [{ stage: "request", outcome: "info", reason: `Caller ${code(c.text)} is ${CALLER_KIND[c.kind]}${role}; it asks for ${action} ${on}${accounts}.`, rule: "R10" }];
}

function contextSteps(e: Evaluation): TraceStep[] {
  const req = e.scenario.request;
  const steps: TraceStep[] = [];
  const list = (keys: readonly string[]) => (keys.length === 0 ? "none" : keys.map(code).join(", "));
  steps.push({ stage: "context", outcome: "info", reason: `Context keys given: ${list(req.givenKeys)}; derived for this caller: ${list(req.derivedKeys)}.`, rule: "R112" });
  const ctx: Context = req.context;
  if (req.credentials === "long-term" && !ctx.has("aws:multifactorauthpresent")) {
    steps.push({ stage: "context", outcome: "info", reason: `No ${code("aws:MultiFactorAuthPresent")}: long-term access keys do not carry it.`, rule: "R102" });
  }
  const inPlay = conditionKeysInPlay(e.scenario);
  if (req.clockMissing && [...CLOCK_KEYS].some((k) => inPlay.has(k))) {
    steps.push({
      stage: "context",
      outcome: "info",
      reason: `Warning: no ${code("aws:CurrentTime")} or ${code("aws:EpochTime")} was given, so date conditions on them see an absent key; a real request always carries the clock.`,
      rule: "R113",
    });
  }
  for (const [key, when] of Object.entries(ALWAYS_SENT)) {
    if (inPlay.has(key) && !ctx.has(key)) {
      steps.push({ stage: "context", outcome: "info", reason: `${code(key)} is not given, so it is absent here; AWS sends it ${when}.`, rule: "R112" });
    }
  }
  return steps;
}

function setLabel(o: SetOutcome, levels: number): string {
  if (o.stage === "scp" || o.stage === "rcp") return `${o.stage === "scp" ? "SCP" : "RCP"} ${levelName(o.level ?? 0, levels)} (${o.policy})`;
  return `${STAGE_SET_NAME[o.stage]} (${o.policy})`;
}

function policySteps(e: Evaluation): TraceStep[] {
  const steps: TraceStep[] = [];
  const counts = { scp: e.scenario.scps.length, rcp: e.scenario.rcps.length };
  const seen = new Set<string>();
  for (const o of e.sets) {
    const levels = o.stage === "scp" ? counts.scp : o.stage === "rcp" ? counts.rcp : 1;
    if (o.skip !== undefined) {
      // One line for all levels skipped for the same reason.
      const key = `${o.stage}:${o.skip.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = o.stage === "scp" || o.stage === "rcp" ? STAGE_SET_NAME[o.stage] : setLabel(o, levels);
      const step: TraceStep = { stage: "policies", outcome: "skip", policy: o.stage === "scp" ? "scps" : o.stage === "rcp" ? "rcps" : o.policy, reason: `${capital(name!)}: ${SKIP_REASON[o.skip.code]}.`, rule: o.skip.rule };
      if (o.skip.ambiguous) step.ambiguous = true;
      steps.push(step);
    } else {
      steps.push({ stage: "policies", outcome: "info", policy: o.policy, reason: `${capital(setLabel(o, levels))}: ${o.statements} statement${o.statements === 1 ? "" : "s"} in play.`, rule: "R7" });
    }
  }
  if (e.sets.length === 0 && e.deciding.code !== "service-rule") {
    steps.push({ stage: "policies", outcome: "info", reason: "No policy takes part in this request.", rule: "R7" });
  }
  if (e.ambiguous.includes("R87")) {
    steps.push({
      stage: "policies",
      outcome: "info",
      policy: "rcps",
      reason: "RCPs are applied to this anonymous call: they are guardrails on the resource, whoever calls.",
      rule: "R87",
      ambiguous: true,
    });
  }
  return steps;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function denySteps(e: Evaluation): TraceStep[] {
  const action = code(e.action);
  if (e.denies.length === 0) {
    const total = e.sets.filter((o) => o.skip === undefined).reduce((n, o) => n + o.statements, 0);
    const none = total === 1 ? "the only statement in play does not deny" : `none of the ${total} statements in play denies`;
    return [{ stage: "explicit-deny", outcome: "pass", reason: `No Deny applies: ${none} ${action}.`, rule: "R1" }];
  }
  return e.denies.map((d) => {
    const r18 = d.rules.includes("R18")
      ? " Its NotPrincipal lists this caller, but a Deny with NotPrincipal in a resource policy applies to every caller whose user or role has a permissions boundary."
      : d.ambiguous.includes("R49")
        ? ` Its NotPrincipal lists only some layers of this caller; a caller is exempt only when ${NOT_PRINCIPAL_LAYERS[e.scenario.request.caller.kind]} are all listed.`
        : "";
    return stepOf(d, "explicit-deny", "deny", `${capital(statementName(d))} denies ${action}: an explicit Deny wins over every Allow.${r18}${refAmbiguity(d)}`, d.rules.includes("R18") ? "R18" : "R1");
  });
}

function nearMissSteps(e: Evaluation, stage: Stage): TraceStep[] {
  const req = e.scenario.request;
  return e.nearMisses.map((n: NearMiss) => {
    const step: TraceStep = {
      stage,
      outcome: "fail",
      policy: n.policy,
      statement: n.statement,
      reason: `Closest: ${nearMissSentence(n, e.action, req.resource)}`,
      rule: n.condition?.rule ?? "R3",
    };
    if (n.sid !== undefined && n.sid !== "") step.sid = n.sid;
    if (n.condition?.failure === "multivalued") step.ambiguous = true;
    return step;
  });
}

function guardrailSteps(e: Evaluation, stage: "rcp" | "scp"): TraceStep[] {
  const levels = stage === "scp" ? e.scenario.scps.length : e.scenario.rcps.length;
  const out: TraceStep[] = [];
  for (const o of e.sets) {
    if (o.stage !== stage || o.skip !== undefined || e.decision === "ExplicitDeny") continue;
    const where = levelName(o.level ?? 0, levels);
    if (o.allow !== undefined) {
      const what = stage === "rcp" && o.allow !== undefined ? "RCPFullAWSAccess" : statementName(o.allow);
      out.push(stepOf(o.allow, stage, "pass", `${stage.toUpperCase()} ${where}: ${what} allows ${code(e.action)}.`, stage === "scp" ? "R82" : "R85"));
    } else {
      out.push({
        stage,
        outcome: "fail",
        policy: o.policy,
        reason:
          stage === "scp"
            ? `SCP ${where}: no statement allows ${code(e.action)}, so this level blocks it (SCPs never grant; every level must allow).`
            : `RCP ${where}: no statement allows ${code(e.action)} (RCPFullAWSAccess is missing), so this level blocks it.`,
        rule: stage === "scp" ? "R82" : "R85",
      });
      if (e.deciding.stage === stage && e.deciding.level === o.level) out.push(...nearMissSteps(e, stage));
      break;
    }
  }
  return out;
}

function simpleSetStep(e: Evaluation, stage: "endpoint" | "boundary" | "session", needed: boolean): TraceStep[] {
  const o = e.sets.find((x) => x.stage === stage);
  const req = e.scenario.request;
  if (o === undefined) {
    const kind = req.caller.kind;
    if (stage === "session" && kind === "federated-user") {
      return [{ stage, outcome: "fail", reason: "No session policy: a federated user session gets nothing from the user's identity policies without one.", rule: "R19" }];
    }
    const holder =
      stage === "boundary" ? kind === "user" || kind === "role-session" || kind === "federated-user" : stage === "session" && kind === "role-session";
    if (!holder) return [];
    return [{ stage, outcome: "info", reason: `No ${STAGE_SET_NAME[stage]}: it restricts nothing.`, rule: "R7" }];
  }
  if (o.skip !== undefined || e.decision === "ExplicitDeny") return [];
  const rule = stage === "endpoint" ? "R111" : stage === "boundary" ? "R75" : "R77";
  if (o.allow !== undefined) {
    return [stepOf(o.allow, stage, "pass", `${capital(STAGE_SET_NAME[stage]!)}: ${statementName(o.allow)} allows ${code(e.action)}.${refAmbiguity(o.allow)}`, rule)];
  }
  const steps: TraceStep[] = [
    {
      stage,
      outcome: needed ? "fail" : "info",
      policy: o.policy,
      reason: `${capital(STAGE_SET_NAME[stage]!)} does not allow ${code(e.action)}${needed ? "" : " (not needed for this grant)"}; it caps permissions and never grants.`,
      rule: e.deciding.stage === stage ? e.deciding.rule : rule,
    },
  ];
  if (e.deciding.stage === stage) steps.push(...nearMissSteps(e, stage));
  return steps;
}

function resourceSteps(e: Evaluation): TraceStep[] {
  const o = e.sets.find((x) => x.stage === "resource");
  const req = e.scenario.request;
  const kind = e.scenario.resourcePolicy?.kind;
  const name = kind === "trust" ? "trust policy" : kind === "key" ? "key policy" : "resource-based policy";
  if (o === undefined) {
    if (e.deciding.stage === "resource") {
      return [{ stage: "resource", outcome: "fail", reason: `There is no ${kind === undefined ? (e.deciding.rule === "R94" ? "trust policy" : e.deciding.rule === "R88" ? "key policy" : "resource-based policy") : name}.`, rule: e.deciding.rule }];
    }
    return [];
  }
  if (o.skip !== undefined || e.decision === "ExplicitDeny") return [];
  if (o.allow !== undefined) {
    const grant = o.allow.grant ?? "direct";
    const via = o.allow.principal !== undefined ? ` via ${o.allow.principal === "*" ? "Principal \"*\"" : code(o.allow.principal)}` : "";
    const meaning =
      req.principalAccount === null
        ? NO_IDENTITY_GRANT
        : !req.sameAccount
          ? CROSS_ACCOUNT_GRANT
          : kind === "trust" && grant === "direct"
            ? TRUST_DIRECT_GRANT
            : GRANT_MEANING[grant];
    const step = stepOf(o.allow, "resource", "allow", `${capital(statementName(o.allow))} allows${via} — ${meaning}.${refAmbiguity(o.allow)}`, "R12");
    if (e.deciding.statement === o.allow && e.deciding.ambiguous) step.ambiguous = true;
    return [step];
  }
  const steps: TraceStep[] = [
    {
      stage: "resource",
      outcome: e.deciding.stage === "resource" ? "fail" : "info",
      policy: o.policy,
      reason: `No statement of the ${name} allows ${code(e.action)} for this caller.`,
      rule: e.deciding.stage === "resource" ? e.deciding.rule : "R12",
    },
  ];
  if (e.deciding.stage === "resource") steps.push(...nearMissSteps(e, "resource"));
  return steps;
}

function identitySteps(e: Evaluation): TraceStep[] {
  const o = e.sets.find((x) => x.stage === "identity");
  const req = e.scenario.request;
  if (e.decision === "ExplicitDeny") return [];
  if (req.caller.kind === "root") {
    return [{ stage: "identity", outcome: "pass", reason: "The root user needs no identity policy inside its own account.", rule: "R8" }];
  }
  if (o !== undefined && o.skip !== undefined) return [];
  const grant = e.grant;
  const notNeeded = req.sameAccount && (grant === "direct" || grant === "entity") && e.scenario.resourcePolicy?.kind !== "key";
  if (o?.allow !== undefined) {
    return [stepOf(o.allow, "identity", "pass", `${capital(statementName(o.allow))} allows ${code(e.action)}.${refAmbiguity(o.allow)}`, "R4")];
  }
  if (req.caller.kind === "service" || req.caller.kind === "anonymous" || req.caller.kind === "web-identity") return [];
  const deciding = e.deciding.stage === "identity";
  const steps: TraceStep[] = [
    {
      stage: "identity",
      outcome: deciding ? "fail" : "info",
      ...(o !== undefined ? { policy: o.policy } : {}),
      reason: `No identity statement allows ${code(e.action)}${notNeeded && !deciding ? " (not needed for this grant)" : ""}.`,
      rule: deciding ? e.deciding.rule : "R2",
      ...(deciding && e.deciding.ambiguous ? { ambiguous: true } : {}),
    },
  ];
  if (deciding) steps.push(...nearMissSteps(e, "identity"));
  return steps;
}

function serviceSteps(e: Evaluation): TraceStep[] {
  const steps: TraceStep[] = e.service.map((f) => {
    const step: TraceStep = { stage: "service", outcome: f.outcome === "fail" ? "fail" : f.outcome === "pass" ? "pass" : "info", reason: capital(serviceSentence(f, e.action)), rule: f.rule };
    if (f.ambiguous) step.ambiguous = true;
    return step;
  });
  const kind = e.scenario.resourcePolicy?.kind;
  if (e.decision !== "ExplicitDeny" && e.deciding.code !== "service-rule") {
    if (kind === "trust" || (e.deciding.rule === "R94" && e.deciding.stage === "resource")) {
      steps.push({ stage: "service", outcome: "info", reason: "Assuming a role needs its trust policy to allow the caller; an identity policy alone never suffices.", rule: "R94" });
    } else if (kind === "key" || e.deciding.rule === "R88") {
      steps.push({ stage: "service", outcome: "info", reason: "A KMS key's key policy must allow the caller, or let the account's IAM policies grant access.", rule: "R88" });
    }
  }
  for (const sub of e.subEvaluations) {
    const needs = sub.action === "sts:TagSession" ? "passing session tags" : "setting a source identity";
    steps.push({
      stage: "service",
      outcome: sub.decision === "Allow" ? "pass" : "fail",
      reason: `${capital(needs)} also needs ${code(sub.action)}, evaluated like the assume call: ${sub.decision === "Allow" ? "allowed" : sub.decision === "ExplicitDeny" ? "explicitly denied" : "not allowed"}.`,
      rule: sub.action === "sts:TagSession" ? "R100" : "R101",
    });
  }
  return steps;
}

function joinSteps(e: Evaluation): TraceStep[] {
  if (e.join === undefined || e.decision === "ExplicitDeny") return [];
  const yes = (b: boolean) => (b ? "allowed" : "not allowed");
  const req = e.scenario.request;
  return [
    {
      stage: "cross-account",
      outcome: e.join.principalSide && e.join.resourceSide ? "pass" : "fail",
      reason: `Your account (${req.principalAccount}): ${yes(e.join.principalSide)}; resource account (${req.resourceAccount}): ${yes(e.join.resourceSide)}. Across accounts both sides must allow.`,
      rule: "R20",
    },
  ];
}

function flipHint(e: Evaluation): string {
  const req = e.scenario.request;
  const action = code(e.action);
  const d = e.deciding;
  if (e.decision === "Allow") {
    if (d.code === "service-rule") return "No policy can change this outcome.";
    const st = d.statement !== undefined ? `; without ${statementName(d.statement)}, and with nothing else granting it, it would be implicitly denied` : "";
    return `A Deny statement matching this request in any policy in play would turn it into ExplicitDeny${st}.`;
  }
  if (e.decision === "ExplicitDeny") {
    if (d.code === "sub-action") return "Removing the Deny on the extra STS action, or not passing tags / a source identity, would lift it.";
    const more = e.denies.length > 1 ? ` (and the other ${e.denies.length - 1} denying statement${e.denies.length > 2 ? "s" : ""})` : "";
    return `Removing or narrowing ${statementName(d.statement!)}${more} is the only way to lift it; the request would then still need an Allow.`;
  }
  const caller = req.caller.kind === "role-session" ? `the session ARN ${code(req.caller.text)} or the role ARN ${code(roleArnOf(req.caller)!)}` : code(req.caller.text);
  const miss = e.nearMisses.find((n) => n.failed === "condition");
  const fixMiss = miss !== undefined ? ` Or make the condition of ${statementName(miss)} hold.` : "";
  switch (d.code) {
    case "rcp-level":
      return `Attaching RCPFullAWSAccess at RCP level ${d.level} would lift it (customer RCPs can only deny).`;
    case "scp-level":
      return `An SCP at level ${d.level} that allows ${action} (such as FullAWSAccess) would lift it; SCPs still grant nothing themselves.${fixMiss}`;
    case "endpoint":
      return `Allowing ${action} on this resource in the VPC endpoint policy would lift it.${fixMiss}`;
    case "service-rule":
      return "Changing the call itself (credentials, duration or tags) is needed; no policy can allow it.";
    case "sub-action":
      return `The trust policy must also allow ${d.rule === "R100" ? code("sts:TagSession") : code("sts:SetSourceIdentity")} (or the call must not pass ${d.rule === "R100" ? "tags" : "a source identity"}).`;
    case "needs-direct-grant":
      return `Only a resource-policy statement that names this caller (${code(req.caller.text)}) or "*" grants it access.${fixMiss}`;
    case "resource-policy-required":
      return d.rule === "R94"
        ? `A trust-policy statement naming ${caller} (or the account, with an identity policy allowing ${action}) would allow it.${fixMiss}`
        : `A key-policy statement naming ${caller}, or the account root so that IAM policies can grant (then an identity policy allowing ${action}), would allow it.${fixMiss}`;
    case "no-resource-grant":
      return `The resource policy in account ${req.resourceAccount} must name ${caller} or account ${req.principalAccount} for ${action}; the caller's identity policy must allow it too.${fixMiss}`;
    case "identity":
      return `Adding an identity-policy statement that allows ${action} on ${code(req.resource)} would allow it${e.grant === "account" ? ", or a resource-policy statement naming the caller itself" : ""}.${fixMiss}`;
    case "boundary":
      return d.rule === "R14"
        ? `Adding ${action} to the permissions boundary, or naming the session ARN in the resource policy instead of the role ARN, would allow it.`
        : `Adding ${action} to the permissions boundary would allow it (the boundary caps, it does not grant).${fixMiss}`;
    case "session":
      return d.rule === "R14"
        ? `Adding ${action} to the session policy, or naming the session ARN in the resource policy, would allow it.`
        : `A session policy allowing ${action} would allow it.${fixMiss}`;
    case "federated-needs-session-policy":
      return `Passing a session policy that allows ${action} to GetFederationToken, or a resource policy naming the federated user ARN, would allow it.`;
    default:
      return `An Allow for ${action} where it is missing would allow it.`;
  }
}

function decisionSentence(e: Evaluation): string {
  const d = e.deciding;
  const action = code(e.action);
  const st = d.statement !== undefined ? statementName(d.statement) : "";
  switch (d.code) {
    case "explicit-deny":
      return `ExplicitDeny: ${st} denies ${action}.`;
    case "service-rule":
      return e.decision === "Allow"
        ? `Allow: ${serviceSentence(e.service.find((f) => f.outcome === "pass")!, e.action)}`
        : `ImplicitDeny: AWS rejects this call — ${serviceSentence(e.service.find((f) => f.outcome === "fail")!, e.action)}`;
    case "sub-action":
      return `${e.decision}: the call also needs ${d.rule === "R100" ? "sts:TagSession" : "sts:SetSourceIdentity"}, which is ${e.decision === "ExplicitDeny" ? "explicitly denied" : "not allowed"}.`;
    case "rcp-level":
      return `ImplicitDeny: RCP level ${d.level} has no statement that allows ${action}.`;
    case "scp-level":
      return `ImplicitDeny: SCP level ${d.level} has no statement that allows ${action}.`;
    case "endpoint":
      return `ImplicitDeny: the VPC endpoint policy does not allow ${action}.`;
    case "needs-direct-grant":
      return `ImplicitDeny: this caller has no identity policies, so only a resource policy that names it can grant, and none does.`;
    case "direct-grant":
    case "entity-grant":
    case "account-grant":
      return d.stage === "cross-account"
        ? `Allow: both accounts allow — ${st} grants the resource side and the caller's own policies allow ${action}.`
        : `Allow: ${st} grants ${action} (${d.code.replace("-grant", "")} grant).`;
    case "identity-allow":
      return `Allow: ${st} allows ${action}, and nothing caps it.`;
    case "root-user":
      return `Allow: the root user has full access inside its own account, and no Deny or guardrail stops it.`;
    case "resource-policy-required":
      return d.rule === "R94" ? `ImplicitDeny: the role's trust policy does not allow this caller.` : `ImplicitDeny: the key policy does not allow this caller, directly or through the account.`;
    case "no-resource-grant":
      return `ImplicitDeny: across accounts the resource policy must allow the caller, and no statement of it does.`;
    case "identity":
      return d.rule === "R17" || d.rule === "R89" || d.rule === "R95"
        ? `ImplicitDeny: the resource policy names only the account, which delegates to IAM, and no identity statement allows ${action}.`
        : `ImplicitDeny: no identity statement allows ${action}.`;
    case "boundary":
      return d.rule === "R14"
        ? `ImplicitDeny: the permissions boundary caps a grant made to the role ARN, and it does not allow ${action}.`
        : `ImplicitDeny: the permissions boundary does not allow ${action}.`;
    case "session":
      return `ImplicitDeny: the session policy does not allow ${action}.`;
    case "federated-needs-session-policy":
      return `ImplicitDeny: a federated user session without a session policy gets nothing from identity policies.`;
  }
}

/** The learner-facing trace of an evaluation (SEMANTICS §19). */
export function explain(e: Evaluation): TraceStep[] {
  const needed = (stage: "boundary" | "session") => e.deciding.stage === stage;
  // sts:GetCallerIdentity is decided before any policy is read (R106).
  const policiesRead = !(e.deciding.code === "service-rule" && e.sets.length === 0);
  const steps: TraceStep[] = [
    ...requestSteps(e),
    ...contextSteps(e),
    ...policySteps(e),
    ...(policiesRead ? denySteps(e) : []),
    ...guardrailSteps(e, "rcp"),
    ...guardrailSteps(e, "scp"),
    ...simpleSetStep(e, "endpoint", e.deciding.stage === "endpoint"),
    ...serviceSteps(e),
    ...(policiesRead ? resourceSteps(e) : []),
    ...(policiesRead ? identitySteps(e) : []),
    ...(e.decision === "ExplicitDeny" || !policiesRead ? [] : simpleSetStep(e, "boundary", needed("boundary"))),
    ...(e.decision === "ExplicitDeny" || !policiesRead ? [] : simpleSetStep(e, "session", needed("session"))),
    ...joinSteps(e),
  ];
  const d = e.deciding;
  const decision: TraceStep = {
    stage: "decision",
    outcome: e.decision === "Allow" ? "allow" : "deny",
    reason: `${decisionSentence(e)} ${flipHint(e)}`,
    rule: d.rule,
  };
  if (d.statement !== undefined) {
    decision.policy = d.statement.policy;
    decision.statement = d.statement.statement;
    if (d.statement.sid !== undefined && d.statement.sid !== "") decision.sid = d.statement.sid;
  }
  if (d.ambiguous || e.ambiguous.length > 0) decision.ambiguous = true;
  steps.push(decision);
  return steps;
}
