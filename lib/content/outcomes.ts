// How an evaluation reads to a learner and what it means for an option: shared by the
// compiler (which computes keys at build time) and the grader (which recomputes them with the
// evaluator when a learner answers).

import type { EngineResult } from "./engine";
import type { Decision, EvaluationRecord } from "./model";
import type { Outcome } from "./validate";

/** The evaluation as the learner reads it: policies named as in the stem, not by scenario path. */
export function record(name: string, result: EngineResult & { slots: Map<string, string> }): EvaluationRecord {
  const slots = [...result.slots].sort(([a], [b]) => b.length - a.length); // `[10]` before `[1]`
  const named = (text: string) => slots.reduce((t, [path, fixture]) => t.split(path).join(fixture), text);
  const policy = result.policyPath ? (result.slots.get(result.policyPath) ?? result.policyPath) : undefined;
  return {
    request: name,
    decision: result.decision,
    ...(result.stage ? { stage: result.stage } : {}),
    ...(policy ? { policy } : {}),
    trace: result.trace.map((s) => ({ ...s, reason: named(s.reason), ...(s.policy ? { policy: result.slots.get(s.policy) ?? s.policy } : {}) })),
  };
}

export function describeOutcome(r: EvaluationRecord): string {
  if (r.decision === "ExplicitDeny" && r.policy) return `ExplicitDeny by ${r.policy}`;
  if (r.decision === "ImplicitDeny" && r.stage) return `ImplicitDeny because ${r.stage}`;
  return r.decision;
}

export function matchesOutcome(o: Outcome, r: EvaluationRecord): boolean {
  if (o.decision !== r.decision) return false;
  if (o.policy !== undefined && o.policy !== r.policy) return false;
  if (o.stage !== undefined && o.stage !== r.stage) return false;
  return true;
}

export const meets = (must: "allow" | "deny" | undefined, d: Decision) => (must === "allow" ? d === "Allow" : d !== "Allow");

