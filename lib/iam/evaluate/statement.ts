// Does one statement apply to the request (R3)? Elements are checked in the order
// the trace reports failures: action, resource, principal, condition. The result is
// a small number so the hot path allocates nothing; the principal's grant kind
// (R12) and the failing condition are left in `matchState` for the caller.

import { clauseResult } from "../conditions/evaluate";
import type { Caller } from "../context/caller";
import type { Context } from "../context/entry";
import { note } from "../match/ambiguity";
import { matchAction } from "../match/action";
import { compileArnPattern, matchArnPattern, type Arn } from "../match/arn";
import { bestGrant, notPrincipalExempts, GRANT_DIRECT, GRANT_NONE, type FederatedBy, type GrantCode } from "../match/principal";
import { resolveCompiled } from "../match/variables";
import type { GlobPiece } from "../match/wildcard";
import type { ActionElement, PolicyKind, ResourceElement, Statement } from "../types";

export const APPLIES = 0;
export const FAILED_ACTION = 1;
export const FAILED_RESOURCE = 2;
export const FAILED_PRINCIPAL = 3;
export const FAILED_CONDITION = 4;
export type MatchCode = 0 | 1 | 2 | 3 | 4;

/** What the evaluator knows about the request while matching (one per evaluation). */
export interface Probe {
  /** Lower-case service prefix and action name being authorized. */
  readonly prefix: string;
  readonly name: string;
  readonly resourceArn: Arn | null;
  readonly caller: Caller;
  readonly federatedBy: FederatedBy | null;
  readonly context: Context;
  /** R18: an IAM user or role session whose user/role has a permissions boundary. */
  readonly boundaryHolder: boolean;
}

/** Side results of the last `matchStatement` call. */
export const matchState = {
  /** Grant kind of the Principal element (R12); GRANT_DIRECT where no Principal applies. */
  grant: GRANT_NONE as GrantCode,
  /** Index of the first failing condition clause. */
  condition: -1,
  /** R18 made a Deny+NotPrincipal statement apply. */
  r18: false,
};

export function matchActionElement(el: ActionElement, service: string, name: string): boolean {
  const patterns = el.patterns;
  let any = false;
  for (let i = 0; i < patterns.length; i++) {
    if (matchAction(patterns[i]!, service, name)) {
      any = true;
      break;
    }
  }
  return el.negated ? !any : any;
}

function compileArnPieces(pieces: GlobPiece[]) {
  return compileArnPattern(pieces);
}

export function matchResourceElement(el: ResourceElement, arn: Arn | null, ctx: Context): boolean {
  const entries = el.entries;
  let any = false;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.pattern !== null) {
      if (matchArnPattern(e.pattern, arn)) {
        any = true;
        break;
      }
      continue;
    }
    // R71: an entry whose variable does not resolve matches no resource; in
    // NotResource it then excludes nothing ([AMBIGUOUS]).
    const pattern = resolveCompiled(e.template!, ctx, compileArnPieces);
    if (pattern === null) {
      if (el.negated) note("R71");
      continue;
    }
    if (typeof pattern !== "string" && matchArnPattern(pattern, arn)) {
      any = true;
      break;
    }
  }
  return el.negated ? !any : any;
}

export function matchStatement(st: Statement, kind: PolicyKind, p: Probe): MatchCode {
  if (!matchActionElement(st.action, p.prefix, p.name)) return FAILED_ACTION;
  // A trust policy has no Resource: the role it is attached to is implied (R26).
  if (st.resource !== null && !matchResourceElement(st.resource, p.resourceArn, p.context)) return FAILED_RESOURCE;
  matchState.r18 = false;
  const pr = st.principal;
  if (pr === null) {
    matchState.grant = GRANT_DIRECT;
  } else if (!pr.negated) {
    const g = bestGrant(pr.entries, p.caller, p.federatedBy);
    matchState.grant = g;
    if (g === GRANT_NONE) return FAILED_PRINCIPAL;
  } else {
    matchState.grant = GRANT_NONE;
    // R18: Deny+NotPrincipal in a resource policy applies to every boundary holder.
    if (notPrincipalExempts(pr.entries, p.caller)) {
      if (!p.boundaryHolder || (kind !== "resource" && kind !== "key")) return FAILED_PRINCIPAL;
      matchState.r18 = true;
    }
  }
  const conditions = st.conditions;
  for (let i = 0; i < conditions.length; i++) {
    if (!clauseResult(conditions[i]!, p.context)) {
      matchState.condition = i;
      return FAILED_CONDITION;
    }
  }
  return APPLIES;
}
