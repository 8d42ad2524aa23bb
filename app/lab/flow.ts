// The AWS evaluation flowchart as data: its stages in the order AWS documents them, and the
// path one evaluation took through them, read from the evaluator's trace (lib/iam's explain).

import type { Decision, Stage, TraceStep } from "@/lib/iam";

export type FlowStageId = "explicit-deny" | "rcp" | "scp" | "endpoint" | "service" | "resource" | "identity" | "boundary" | "session" | "cross-account" | "decision";

/**
 * passed: the stage let the request through; failed: it denied or did not allow;
 * skipped: nothing of it is in play (no such policy, or the rule does not apply);
 * not-reached: the decision fell before it.
 */
export type FlowStatus = "passed" | "failed" | "skipped" | "not-reached";

export interface FlowStage {
  id: FlowStageId;
  label: string;
  status: FlowStatus;
  /** The first sentence the trace says about this stage, if any. */
  summary: string | undefined;
}

export const FLOW_STAGES: ReadonlyArray<{ id: FlowStageId; label: string }> = [
  { id: "explicit-deny", label: "Explicit deny in any policy" },
  { id: "rcp", label: "Resource control policies (RCPs)" },
  { id: "scp", label: "Service control policies (SCPs)" },
  { id: "endpoint", label: "VPC endpoint policy" },
  { id: "service", label: "Service rules" },
  { id: "resource", label: "Resource-based policy" },
  { id: "identity", label: "Identity-based policies" },
  { id: "boundary", label: "Permissions boundary" },
  { id: "session", label: "Session policies" },
  { id: "cross-account", label: "Cross-account: both accounts allow" },
  { id: "decision", label: "Decision" },
];

export const STATUS_WORDS: Record<FlowStatus, string> = {
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  "not-reached": "not reached",
};

const ORDER = new Map<Stage, number>(FLOW_STAGES.map((s, i) => [s.id, i]));

/** Each flowchart stage with the status this evaluation gave it. */
export function flowPath(trace: readonly TraceStep[], decision: Decision, decidingStage: Stage): FlowStage[] {
  const decidedAt = ORDER.get(decidingStage) ?? FLOW_STAGES.length - 1;
  return FLOW_STAGES.map(({ id, label }, index) => {
    const steps = trace.filter((s) => s.stage === id);
    let status: FlowStatus;
    if (id === "decision") status = decision === "Allow" ? "passed" : "failed";
    else if (steps.some((s) => s.outcome === "fail" || s.outcome === "deny")) status = "failed";
    else if (steps.some((s) => s.outcome === "pass" || s.outcome === "allow")) status = "passed";
    else if (steps.length > 0) status = "skipped";
    else status = index > decidedAt ? "not-reached" : "skipped";
    return { id, label, status, summary: steps[0]?.reason };
  });
}
