// Scans one set of policies (the identity pool, one SCP level, the resource policy,
// …) once: every applicable Deny, and the first applicable Allow (for the resource
// policy, the Allow with the strongest grant kind, R12). Statement and policy order
// never change the outcome (R4); a statement whose Allow can no longer matter is
// skipped. One result object per set is the only allocation unless statements apply.

import type { AmbiguousRule } from "../match/ambiguity";
import { ambiguity, rulesOf } from "../match/ambiguity";
import { bestEntry, grantName, GRANT_DIRECT, GRANT_NONE, type GrantCode } from "../match/principal";
import type { Policy, SetStage, SkipCode, StatementRef, Statement } from "../types";
import { APPLIES, matchState, matchStatement, type Probe } from "./statement";

export interface Skip {
  readonly code: SkipCode;
  readonly rule: string;
  readonly ambiguous: boolean;
}

/** One policy set taking part in an evaluation, and what its scan found. */
export interface SetRun {
  readonly stage: SetStage;
  readonly policy: string;
  readonly level: number | undefined;
  readonly policies: readonly Policy[];
  /** Set when the set does not take part (R83, R86, R87, …); nothing was scanned. */
  readonly skip: Skip | undefined;
  readonly allow: StatementRef | undefined;
  /** Strongest grant among applicable Allows (GRANT_DIRECT for identity-side sets). */
  readonly grant: GrantCode;
  readonly denies: readonly StatementRef[];
}

const NO_DENIES: readonly StatementRef[] = [];
const NO_RULES: readonly AmbiguousRule[] = [];
const NO_EXTRA: readonly string[] = [];
const R18: readonly string[] = ["R18"];

function ref(policy: Policy, st: Statement, stage: SetStage, level: number | undefined, grant: GrantCode, probe: Probe, rules: readonly string[]): StatementRef {
  let principal: string | undefined;
  if (st.principal !== null && !st.principal.negated && st.effect === "Allow") {
    principal = bestEntry(st.principal.entries, probe.caller, probe.federatedBy)?.text;
  }
  return {
    policy: policy.path,
    statement: st.index,
    sid: st.sid,
    effect: st.effect,
    stage,
    level,
    grant: stage === "resource" && st.effect === "Allow" ? (grantName(grant) ?? undefined) : undefined,
    principal,
    ambiguous: ambiguity.mask === 0 ? NO_RULES : rulesOf(ambiguity.mask),
    rules,
  };
}

export function skippedSet(stage: SetStage, policy: string, policies: readonly Policy[], skip: Skip, level?: number): SetRun {
  return { stage, policy, level, policies, skip, allow: undefined, grant: GRANT_NONE, denies: NO_DENIES };
}

/** `stopAtDeny`: return at the first applicable Deny (it decides, R1). */
export function scanSet(stage: SetStage, policy: string, policies: readonly Policy[], probe: Probe, level: number | undefined, stopAtDeny: boolean): SetRun {
  const strongest = stage === "resource";
  let allow: StatementRef | undefined;
  let best: GrantCode = GRANT_NONE;
  let denies: StatementRef[] | null = null;
  for (let p = 0; p < policies.length; p++) {
    const pol = policies[p]!;
    const statements = pol.statements;
    for (let i = 0; i < statements.length; i++) {
      const st = statements[i]!;
      const isAllow = st.effect === "Allow";
      if (isAllow && allow !== undefined && (!strongest || best === GRANT_DIRECT)) continue;
      ambiguity.mask = 0;
      if (matchStatement(st, pol.kind, probe) !== APPLIES) continue;
      if (!isAllow) {
        if (denies === null) denies = [];
        denies.push(ref(pol, st, stage, level, GRANT_NONE, probe, matchState.r18 ? R18 : NO_EXTRA));
        if (stopAtDeny) return { stage, policy, level, policies, skip: undefined, allow, grant: best, denies };
        continue;
      }
      const grant = strongest ? matchState.grant : GRANT_DIRECT;
      if (allow === undefined || grant > best) {
        best = grant;
        allow = ref(pol, st, stage, level, grant, probe, NO_EXTRA);
      }
    }
  }
  return { stage, policy, level, policies, skip: undefined, allow, grant: best, denies: denies ?? NO_DENIES };
}
