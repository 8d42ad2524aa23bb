// For an implicit deny: the Allow statements of the deciding policy set that came
// closest to applying, and the first element that failed (action, resource,
// principal, condition — the order of §19), with the condition's key, the request's
// value or its absence, and the rule that decided the operator. Computed only for
// ImplicitDeny, after the decision, so the hot path never pays for it.

import { explainClause } from "../conditions/evaluate";
import { firstMismatchedPart } from "../match/arn";
import type { NearMiss, Policy, SetStage } from "../types";
import { APPLIES, FAILED_ACTION, FAILED_PRINCIPAL, FAILED_RESOURCE, matchState, matchStatement, type Probe } from "./statement";

const LIMIT = 3;

export function findNearMisses(policies: readonly Policy[], probe: Probe, stage: SetStage): NearMiss[] {
  const found: NearMiss[] = [];
  for (const policy of policies) {
    for (const st of policy.statements) {
      if (st.effect !== "Allow") continue;
      const code = matchStatement(st, policy.kind, probe);
      if (code === APPLIES) continue;
      const base = { policy: policy.path, statement: st.index, sid: st.sid, effect: st.effect, stage };
      if (code === FAILED_ACTION) {
        found.push({ ...base, failed: "action", matched: 0, resourcePart: undefined, condition: undefined });
      } else if (code === FAILED_RESOURCE) {
        let part: string | undefined;
        const el = st.resource!;
        if (!el.negated && el.entries.length === 1 && el.entries[0]!.pattern !== null) {
          part = firstMismatchedPart(el.entries[0]!.pattern!, probe.resourceArn) ?? undefined;
        }
        found.push({ ...base, failed: "resource", matched: 1, resourcePart: part, condition: undefined });
      } else if (code === FAILED_PRINCIPAL) {
        found.push({ ...base, failed: "principal", matched: 2, resourcePart: undefined, condition: undefined });
      } else {
        const clause = st.conditions[matchState.condition]!;
        const d = explainClause(clause, probe.context);
        found.push({
          ...base,
          failed: "condition",
          matched: 3,
          resourcePart: undefined,
          condition: {
            operator: clause.operator.name,
            key: clause.key,
            values: clause.rawValues,
            present: d.present,
            request: d.requestValues,
            failure: d.failure ?? "no-match",
            rule: d.rule,
          },
        });
      }
    }
  }
  found.sort((a, b) => b.matched - a.matched);
  return found.slice(0, LIMIT);
}
