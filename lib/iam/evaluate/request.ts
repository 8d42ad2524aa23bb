// The decision for one request (R5): the explicit-deny sweep over every policy that
// takes part, the RCP and SCP levels, the endpoint policy, the service rules, and
// the combination of resource-based grant (R12), identity pool, permissions
// boundary and session policy for same-account and cross-account calls. Each policy
// set is scanned once; the reasons come back as data (`Evaluation`), and the parts
// only an explanation needs (per-set outcomes, near misses) are computed on first
// read, so grading pays for the decision alone.

import { isIamCaller, type Caller } from "../context/caller";
import { TRUST_ACTIONS } from "../context/request";
import type { AmbiguousRule } from "../match/ambiguity";
import { grantName, GRANT_ACCOUNT, GRANT_DIRECT, GRANT_ENTITY, GRANT_NONE, type GrantCode, type GrantKind } from "../match/principal";
import type {
  DecidingReason,
  Decision,
  DecisionCode,
  Evaluation,
  NearMiss,
  Policy,
  RequestInfo,
  Scenario,
  ServiceFinding,
  SetOutcome,
  SetStage,
  SkipCode,
  Stage,
  StatementRef,
} from "../types";
import { findNearMisses } from "./near-miss";
import { scanSet, skippedSet, type SetRun, type Skip } from "./policy-set";
import { checkServiceRules, isKmsKey } from "./services";
import type { Probe } from "./statement";

const NO_FINDINGS: readonly ServiceFinding[] = [];
const NO_EVALUATIONS: readonly Evaluation[] = [];
const NO_AMBIGUITY: readonly AmbiguousRule[] = [];

function toOutcome(r: SetRun): SetOutcome {
  let statements = 0;
  for (const p of r.policies) statements += p.statements.length;
  return {
    stage: r.stage,
    policy: r.policy,
    level: r.level,
    status: r.skip !== undefined ? "skipped" : r.allow !== undefined ? "allow" : "no-allow",
    skip: r.skip,
    statements,
    allow: r.allow,
    denies: r.denies,
  };
}

/**
 * One evaluation: the state of the run while it decides (it is also the matchers'
 * Probe, so a run allocates one object instead of several), and afterwards the
 * Evaluation itself. Parts only an explanation needs are computed when first read;
 * when the decision stopped at the first applicable Deny (the fast path), the
 * per-set outcomes and the full list of denies come from one complete re-run.
 */
class EvaluationRun implements Evaluation, Probe {
  // Probe
  readonly prefix: string;
  readonly name: string;
  readonly resourceArn: Probe["resourceArn"];
  readonly caller: Caller;
  readonly federatedBy: Probe["federatedBy"];
  readonly context: Probe["context"];
  readonly boundaryHolder: boolean;
  // Run state
  readonly req: RequestInfo;
  /** `service:name`, lower case. */
  readonly actionKey: string;
  readonly runs: SetRun[] = [];
  /** A Deny applied; later sets were not scanned. */
  stopped = false;
  ambiguity: AmbiguousRule[] | null = null;
  findings: readonly ServiceFinding[] | null = null;
  subs: readonly Evaluation[] = NO_EVALUATIONS;
  grantCode: GrantCode = GRANT_NONE;
  joined: Evaluation["join"] = undefined;
  missesOf: SetRun | undefined = undefined;
  // Evaluation
  decision: Decision = "ImplicitDeny";
  deciding: DecidingReason = UNDECIDED;
  private setsCache: SetOutcome[] | undefined;
  private missesCache: NearMiss[] | undefined;
  private deniesCache: StatementRef[] | undefined;
  private fullRunsCache: readonly SetRun[] | undefined;

  constructor(
    readonly scenario: Scenario,
    service: string,
    name: string,
    readonly action: string,
    readonly top: boolean,
    /** Fast path: stop scanning at the first applicable Deny, which decides (R1). */
    readonly stopAtDeny: boolean,
  ) {
    const req = scenario.request;
    const c = req.caller;
    this.prefix = service;
    this.name = name;
    this.resourceArn = req.resourceArn;
    this.caller = c;
    this.federatedBy = req.federatedBy;
    this.context = req.context;
    this.boundaryHolder = (c.kind === "user" || c.kind === "role-session") && scenario.permissionsBoundary !== null;
    this.req = req;
    this.actionKey = service === req.service && name === req.actionName ? req.actionKey : `${service}:${name}`;
  }

  get grant(): GrantKind | undefined {
    return grantName(this.grantCode) ?? undefined;
  }

  get join(): Evaluation["join"] {
    return this.joined;
  }

  get service(): readonly ServiceFinding[] {
    return this.findings ?? NO_FINDINGS;
  }

  get subEvaluations(): readonly Evaluation[] {
    return this.subs;
  }

  get ambiguous(): readonly AmbiguousRule[] {
    return this.ambiguity ?? NO_AMBIGUITY;
  }

  /** Every policy set with its scan, none cut short. */
  get allRuns(): readonly SetRun[] {
    if (this.fullRunsCache === undefined) {
      if (!this.stopped) this.fullRunsCache = this.runs;
      else {
        const full = new EvaluationRun(this.scenario, this.prefix, this.name, this.action, this.top, false);
        decide(full);
        this.fullRunsCache = full.allRuns;
      }
    }
    return this.fullRunsCache;
  }

  /** Every applicable Deny, in the flowchart order of R6. */
  get denies(): readonly StatementRef[] {
    if (this.deniesCache === undefined) {
      const all: StatementRef[] = [];
      for (const r of this.allRuns) for (const d of r.denies) all.push(d);
      this.deniesCache = all;
    }
    return this.deniesCache;
  }

  get sets(): readonly SetOutcome[] {
    if (this.setsCache === undefined) this.setsCache = this.allRuns.map(toOutcome);
    return this.setsCache;
  }

  get nearMisses(): readonly NearMiss[] {
    if (this.missesCache === undefined) {
      const m = this.missesOf;
      this.missesCache = this.decision === "ImplicitDeny" && m !== undefined && m.skip === undefined ? findNearMisses(m.policies, this, m.stage) : [];
    }
    return this.missesCache;
  }

  toJSON(): Record<string, unknown> {
    return {
      decision: this.decision,
      action: this.action,
      deciding: this.deciding,
      sets: this.sets,
      denies: this.denies,
      grant: this.grant,
      service: this.service,
      join: this.join,
      nearMisses: this.nearMisses,
      subEvaluations: this.subEvaluations,
      ambiguous: this.ambiguous,
    };
  }
}

const UNDECIDED: DecidingReason = { stage: "decision", code: "identity", rule: "R2", statement: undefined, level: undefined, ambiguous: false };

type Run = EvaluationRun;

function addAmbiguity(run: Run, rule: AmbiguousRule): void {
  if (run.ambiguity === null) run.ambiguity = [rule];
  else if (!run.ambiguity.includes(rule)) run.ambiguity.push(rule);
}

function reason(stage: Stage, code: DecisionCode, rule: string, statement?: StatementRef, level?: number, ambiguous = false): DecidingReason {
  return { stage, code, rule, statement, level, ambiguous: ambiguous || (statement !== undefined && statement.ambiguous.length > 0) };
}

function finish(run: Run, decision: Decision, deciding: DecidingReason, missesOf?: SetRun): Evaluation {
  const st = deciding.statement;
  if (st !== undefined) for (const r of st.ambiguous) addAmbiguity(run, r);
  run.decision = decision;
  run.deciding = deciding;
  run.missesOf = missesOf;
  return run;
}

const levelPaths: Record<"scps" | "rcps", string[]> = { scps: [], rcps: [] };

/** `scps[2]`, built once per level number. */
function levelPath(field: "scps" | "rcps", level: number): string {
  const paths = levelPaths[field];
  let p = paths[level];
  if (p === undefined) {
    p = `${field}[${level}]`;
    paths[level] = p;
  }
  return p;
}

function skip(code: SkipCode, rule: string, ambiguous = false): Skip {
  return { code, rule, ambiguous };
}

function addSet(run: Run, stage: SetStage, path: string, policies: readonly Policy[], why: Skip | undefined, level?: number): SetRun | undefined {
  if (run.stopped) return undefined;
  const r = why === undefined ? scanSet(stage, path, policies, run, level, run.stopAtDeny) : skippedSet(stage, path, policies, why, level);
  run.runs.push(r);
  if (run.stopAtDeny && r.denies.length > 0) run.stopped = true;
  return r;
}

const singles = new WeakMap<Policy, readonly Policy[]>();

/** A one-policy set, without allocating an array per evaluation. */
function single(p: Policy): readonly Policy[] {
  let list = singles.get(p);
  if (list === undefined) {
    list = [p];
    singles.set(p, list);
  }
  return list;
}

function noIdentitySkip(c: Caller): Skip {
  return c.kind === "service" ? skip("service-principal", "R109") : c.kind === "web-identity" ? skip("web-identity", "R97") : skip("anonymous", "R110");
}

/** R86, R87: do the scenario's RCPs cover this request? */
function rcpSkip(run: Run, service: string): Skip | undefined {
  const req = run.req;
  if (req.resourceAccount !== null && req.resourceAccount === req.managementAccount) return skip("management-account-resource", "R86");
  if (req.serviceLinkedRole) return skip("service-linked-role", "R86");
  if (!req.rcpServices.has(service)) return skip("service-not-rcp-enabled", "R87");
  if (service === "kms" && req.awsManagedKey) return skip("aws-managed-key", "R86");
  if (run.actionKey === "kms:retiregrant") return skip("retire-grant", "R86");
  return undefined;
}

/**
 * R83: tasks SCPs cannot restrict ("Tasks and entities not restricted by SCPs" in
 * the AWS Organizations User Guide): changing the support plan as the root user,
 * and the AWS-related services listed there that have an IAM prefix.
 */
const SCP_FREE_SERVICES: ReadonlySet<string> = new Set(["mechanicalturk"]);
const SCP_FREE_ROOT_SERVICES: ReadonlySet<string> = new Set(["supportplans"]);

/** R83: do the scenario's SCPs bind this caller for this action? */
function scpSkip(run: Run, noIdentity: boolean): Skip | undefined {
  const req = run.req;
  if (noIdentity) return skip(noIdentitySkip(run.caller).code, "R83");
  if (req.principalAccount !== null && req.principalAccount === req.managementAccount) return skip("not-bound-management-account", "R83");
  if (req.serviceLinkedRole) return skip("service-linked-role", "R83");
  if (run.caller.kind === "root" && SCP_FREE_ROOT_SERVICES.has(run.prefix)) return skip("root-only-task", "R83");
  if (SCP_FREE_SERVICES.has(run.prefix)) return skip("service-not-restricted", "R83");
  return undefined;
}

export function evaluate(s: Scenario): Evaluation {
  return evaluateAction(s, s.request.service, s.request.actionName, s.request.action, true, true);
}

function evaluateAction(s: Scenario, service: string, name: string, actionText: string, top: boolean, fast: boolean): Evaluation {
  return decide(new EvaluationRun(s, service, name, actionText, top, fast));
}

function decide(run: Run): Evaluation {
  const s = run.scenario;
  const req = run.req;
  const c = run.caller;
  const service = run.prefix;
  const name = run.name;
  const action = run.actionKey;
  const top = run.top;

  // R106: sts:GetCallerIdentity always succeeds for a signed caller, even against a Deny.
  if (action === "sts:getcalleridentity" && c.kind !== "anonymous" && c.kind !== "web-identity") {
    run.findings = [{ code: "caller-identity", outcome: "pass", rule: "R106", ambiguous: false, data: {} }];
    return finish(run, "Allow", reason("service", "service-rule", "R106"));
  }

  // Which policy sets take part (R7, R8, R75, R81, R83, R86, R87, R97, R107, R109, R110),
  // scanned in the flowchart order of R6.
  const noIdentity = c.kind === "service" || c.kind === "web-identity" || c.kind === "anonymous";
  const firstRcp = run.runs.length;
  if (s.rcps.length > 0) {
    const why = rcpSkip(run, service);
    if (why === undefined && c.kind === "anonymous") addAmbiguity(run, "R87");
    for (let i = 0; i < s.rcps.length; i++) addSet(run, "rcp", levelPath("rcps", i), s.rcps[i]!, why, i);
  }
  const firstScp = run.runs.length;
  if (s.scps.length > 0) {
    const why = scpSkip(run, noIdentity);
    for (let i = 0; i < s.scps.length; i++) addSet(run, "scp", levelPath("scps", i), s.scps[i]!, why, i);
  }
  const endScp = run.runs.length;
  const isPassRole = action === "iam:passrole";
  const resourceRun = s.resourcePolicy !== null ? addSet(run, "resource", "resourcePolicy", single(s.resourcePolicy), isPassRole ? skip("trust-not-consulted", "R107") : undefined) : undefined;
  const identityRun = s.identityPolicies.length > 0 ? addSet(run, "identity", "identityPolicies", s.identityPolicies, noIdentity ? noIdentitySkip(c) : undefined) : undefined;
  const boundaryRun =
    s.permissionsBoundary !== null
      ? addSet(run, "boundary", "permissionsBoundary", single(s.permissionsBoundary), noIdentity ? noIdentitySkip(c) : c.kind === "root" ? skip("root-user", "R8") : undefined)
      : undefined;
  const isSession = c.kind === "role-session" || c.kind === "federated-user";
  const sessionRun =
    s.sessionPolicies.length > 0
      ? addSet(run, "session", "sessionPolicies", s.sessionPolicies, noIdentity ? noIdentitySkip(c) : !isSession ? skip("not-a-session", "R81") : undefined)
      : undefined;
  if (sessionRun !== undefined && sessionRun.skip === undefined && s.sessionPolicies.length > 1) addAmbiguity(run, "R77");
  const endpointRun = s.endpointPolicy !== null ? addSet(run, "endpoint", "endpointPolicy", single(s.endpointPolicy), undefined) : undefined;

  // Explicit-deny sweep (R1): the first applicable Deny in the order of R6 decides.
  let firstDeny: StatementRef | undefined;
  for (const r of run.runs) {
    if (r.denies.length > 0) {
      firstDeny = r.denies[0];
      break;
    }
  }

  // Sub-authorizations of the same call: sts:TagSession (R100), sts:SetSourceIdentity (R101).
  if (top) run.subs = subEvaluations(s, action);
  let subDeny: Evaluation | undefined;
  for (const e of run.subs) if (e.decision === "ExplicitDeny") subDeny = e;

  if (firstDeny !== undefined) {
    return finish(run, "ExplicitDeny", reason("explicit-deny", "explicit-deny", firstDeny.rules.includes("R18") ? "R18" : "R1", firstDeny, firstDeny.level));
  }
  if (subDeny !== undefined) return finish(run, "ExplicitDeny", reason("service", "sub-action", subRule(subDeny)));

  // Guardrail levels: each must hold an applicable Allow (R82, R85), then the endpoint (R111).
  for (let i = firstRcp; i < firstScp; i++) {
    const r = run.runs[i]!;
    if (r.skip === undefined && r.allow === undefined) {
      return finish(run, "ImplicitDeny", reason("rcp", "rcp-level", "R85", undefined, r.level, run.ambiguity?.includes("R87") ?? false), r);
    }
  }
  for (let i = firstScp; i < endScp; i++) {
    const r = run.runs[i]!;
    if (r.skip === undefined && r.allow === undefined) return finish(run, "ImplicitDeny", reason("scp", "scp-level", "R82", undefined, r.level), r);
  }
  if (endpointRun !== undefined && endpointRun.allow === undefined) return finish(run, "ImplicitDeny", reason("endpoint", "endpoint", "R111"), endpointRun);

  // Service rules (R92, R100, R101, R103–R105, R107).
  if (top) {
    const findings = checkServiceRules(req, run.actionKey, service, name);
    if (findings.length > 0) {
      run.findings = findings;
      for (const f of findings) if (f.ambiguous) addAmbiguity(run, f.rule as AmbiguousRule);
      const failed = findings.find((f) => f.outcome === "fail");
      if (failed !== undefined) return finish(run, "ImplicitDeny", reason("service", "service-rule", failed.rule, undefined, undefined, failed.ambiguous));
    }
    // R106: GetSessionToken needs no permission.
    if (action === "sts:getsessiontoken") {
      run.findings = [...(run.findings ?? []), { code: "no-permission-needed", outcome: "pass", rule: "R106", ambiguous: false, data: {} }];
      return finish(run, "Allow", reason("service", "service-rule", "R106"));
    }
  }
  return combine(run, resourceRun, identityRun, boundaryRun, sessionRun, noIdentity, isPassRole);
}

function subEvaluations(s: Scenario, action: string): readonly Evaluation[] {
  const req = s.request;
  const tags = req.sessionTags !== null && Object.keys(req.sessionTags).length > 0;
  if (TRUST_ACTIONS.has(action)) {
    if (!tags && req.sourceIdentity === null) return NO_EVALUATIONS;
    const subs: Evaluation[] = [];
    if (tags) subs.push(evaluateAction(s, "sts", "tagsession", "sts:TagSession", false, true));
    if (req.sourceIdentity !== null) subs.push(evaluateAction(s, "sts", "setsourceidentity", "sts:SetSourceIdentity", false, true));
    return subs;
  }
  if (action === "sts:getfederationtoken" && tags) return [evaluateAction(s, "sts", "tagsession", "sts:TagSession", false, true)];
  return NO_EVALUATIONS;
}

type Requirement = "resource" | "identity" | "boundary" | "session";

interface Combination {
  readonly run: Run;
  readonly resourceRun: SetRun | undefined;
  readonly identityRun: SetRun | undefined;
  readonly boundaryRun: SetRun | undefined;
  readonly sessionRun: SetRun | undefined;
  readonly idOK: boolean;
  readonly pbOK: boolean;
  readonly spOK: boolean;
  readonly isTrust: boolean;
  readonly needsRbp: boolean;
}

/** The combination of R5 and R12. */
function combine(
  run: Run,
  resourceRun: SetRun | undefined,
  identityRun: SetRun | undefined,
  boundaryRun: SetRun | undefined,
  sessionRun: SetRun | undefined,
  noIdentity: boolean,
  isPassRole: boolean,
): Evaluation {
  const c = run.caller;
  const req = run.req;
  const action = run.actionKey;
  const grant: GrantCode = resourceRun !== undefined && resourceRun.skip === undefined ? resourceRun.grant : GRANT_NONE;
  run.grantCode = grant;
  const rbpRef = resourceRun?.allow;
  const idOK = c.kind === "root" || identityRun?.allow !== undefined;
  const pbOK = boundaryRun === undefined || boundaryRun.skip !== undefined || boundaryRun.allow !== undefined;
  const spOK =
    c.kind === "federated-user"
      ? sessionRun !== undefined && sessionRun.allow !== undefined
      : c.kind === "role-session"
        ? sessionRun === undefined || sessionRun.allow !== undefined
        : true;
  // sts:TagSession on a GetFederationToken call has no role, hence no trust policy (R100).
  const isTrust = TRUST_ACTIONS.has(action) && TRUST_ACTIONS.has(req.actionKey);
  const isKms = action.startsWith("kms:");
  const needsRbp = !isPassRole && ((isTrust && isIamCaller(c)) || (isKms && isKmsKey(req)));

  if (noIdentity) {
    const rule = c.kind === "service" ? "R109" : c.kind === "web-identity" ? "R97" : "R110";
    if (grant === GRANT_DIRECT) return allowed(run, reason("resource", "direct-grant", rule, rbpRef));
    return finish(run, "ImplicitDeny", reason("resource", "needs-direct-grant", rule), resourceRun);
  }

  if (req.sameAccount) {
    const starGrant = rbpRef !== undefined && rbpRef.principal === "*";
    if (grant === GRANT_DIRECT && (!isTrust || pbOK)) {
      const rule = starGrant ? "R16" : isTrust ? "R95" : isKms ? "R90" : c.kind === "user" ? "R13" : c.kind === "role-session" ? "R15" : "R12";
      return allowed(run, reason("resource", "direct-grant", rule, rbpRef, undefined, starGrant));
    }
    if (grant === GRANT_ENTITY && pbOK && spOK) return allowed(run, reason("resource", "entity-grant", "R12", rbpRef));
    if (grant === GRANT_ACCOUNT || needsRbp) {
      if (grant !== GRANT_NONE && idOK && pbOK && spOK) {
        const rule = isTrust ? "R95" : isKms ? "R89" : "R17";
        return allowed(run, reason("resource", "account-grant", rule, rbpRef, undefined, rule === "R17"));
      }
      if (grant === GRANT_ENTITY) return blame({ run, resourceRun, identityRun, boundaryRun, sessionRun, idOK, pbOK, spOK, isTrust, needsRbp }, ["boundary", "session"]);
      if (grant === GRANT_DIRECT) return blame({ run, resourceRun, identityRun, boundaryRun, sessionRun, idOK, pbOK, spOK, isTrust, needsRbp }, ["boundary"]);
      return blame({ run, resourceRun, identityRun, boundaryRun, sessionRun, idOK, pbOK, spOK, isTrust, needsRbp }, ["resource", "identity", "boundary", "session"]);
    }
    if (idOK && pbOK && spOK) {
      if (c.kind === "root") return allowed(run, reason("identity", "root-user", "R8"));
      return allowed(run, reason("identity", "identity-allow", "R11", identityRun?.allow));
    }
    if (grant === GRANT_ENTITY) return blame({ run, resourceRun, identityRun, boundaryRun, sessionRun, idOK, pbOK, spOK, isTrust, needsRbp }, ["boundary", "session"]);
    return blame({ run, resourceRun, identityRun, boundaryRun, sessionRun, idOK, pbOK, spOK, isTrust, needsRbp }, ["identity", "boundary", "session"]);
  }

  // Cross-account (R20, R21): the resource side and the principal side both allow.
  const principalSide = idOK && pbOK && spOK;
  const resourceSide = grant !== GRANT_NONE;
  run.joined = { principalSide, resourceSide };
  if (principalSide && resourceSide) {
    const code: DecisionCode = grant === GRANT_DIRECT ? "direct-grant" : grant === GRANT_ENTITY ? "entity-grant" : "account-grant";
    return allowed(run, reason("cross-account", code, "R20", rbpRef));
  }
  return blame({ run, resourceRun, identityRun, boundaryRun, sessionRun, idOK, pbOK, spOK, isTrust, needsRbp }, ["resource", "identity", "boundary", "session"]);
}

/** An Allow, unless a sub-authorization of the same call (R100, R101) is missing. */
function allowed(run: Run, deciding: DecidingReason): Evaluation {
  for (const e of run.subs) {
    if (e.decision !== "Allow") return finish(run, "ImplicitDeny", reason("service", "sub-action", subRule(e)));
  }
  return finish(run, "Allow", deciding);
}

/** ImplicitDeny, named after the first unmet requirement in flowchart order (R6). */
function blame(k: Combination, requirements: readonly Requirement[]): Evaluation {
  const { run } = k;
  const grant = run.grantCode;
  const c = run.caller;
  const isKms = run.actionKey.startsWith("kms:");
  for (const need of requirements) {
    if (need === "resource" && grant === GRANT_NONE) {
      const code: DecisionCode = k.needsRbp ? "resource-policy-required" : "no-resource-grant";
      const rule = k.needsRbp ? (k.isTrust ? "R94" : "R88") : "R20";
      return finish(run, "ImplicitDeny", reason("resource", code, rule), k.resourceRun);
    }
    if (need === "identity" && !k.idOK) {
      // Across accounts, "both sides must allow" is documented (R21, R96); only a same-account
      // account principal outside KMS and trust policies rests on the grey-area R17.
      const rule = !run.req.sameAccount ? (k.isTrust ? "R96" : "R21") : grant === GRANT_ACCOUNT ? (k.isTrust ? "R95" : isKms ? "R89" : "R17") : "R2";
      return finish(run, "ImplicitDeny", reason("identity", "identity", rule, undefined, undefined, rule === "R17"), k.identityRun);
    }
    if (need === "boundary" && !k.pbOK) {
      const rule = grant === GRANT_ENTITY ? "R14" : k.isTrust && grant === GRANT_DIRECT ? "R95" : run.req.sameAccount ? "R75" : "R76";
      return finish(run, "ImplicitDeny", reason("boundary", "boundary", rule), k.boundaryRun);
    }
    if (need === "session" && !k.spOK) {
      if (c.kind === "federated-user" && k.sessionRun === undefined) return finish(run, "ImplicitDeny", reason("session", "federated-needs-session-policy", "R19"));
      const rule = grant === GRANT_ENTITY ? "R14" : "R77";
      return finish(run, "ImplicitDeny", reason("session", "session", rule, undefined, undefined, run.ambiguity?.includes("R77") ?? false), k.sessionRun);
    }
  }
  throw new Error(`iam: no unmet requirement among ${requirements.join(", ")} for an implicit deny`);
}

function subRule(e: Evaluation): string {
  return e.action === "sts:TagSession" ? "R100" : "R101";
}
