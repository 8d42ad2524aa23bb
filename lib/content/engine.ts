// The one place where lib/content talks to the policy evaluator (lib/iam, through its public
// entry only). Validates scenarios with the evaluator's own validator (with the AWS catalogue,
// so a misspelt action or condition key is caught), runs them, and reduces an evaluation to what
// the compiler grades on: the decision, the deciding stage and policy, and the learner-facing
// trace. Keys are never computed anywhere else.

import {
  collectCatalogueNeeds,
  evaluate,
  explain,
  loadCatalogue,
  parsePolicy,
  parseScenario,
  type Catalogue,
  type CatalogueNeeds,
  type Evaluation,
  type Issue,
  type PolicyKind,
} from "@/lib/iam";
import type { Decision, PolicyRole } from "./model";

export type EngineIssue = Issue;

export interface EngineStep {
  stage: string;
  outcome: string;
  policy?: string;
  statement?: number;
  sid?: string;
  reason: string;
  rule?: string;
  ambiguous?: boolean;
}

export interface EngineResult {
  decision: Decision;
  /** Stage that decided (`boundary`, `identity`, `explicit-deny` …), as the evaluator names it. */
  stage?: string;
  /** Scenario path of the policy whose statement decided (`identityPolicies[0]` …). */
  policyPath?: string;
  trace: EngineStep[];
}

export type CheckedScenario =
  | { ok: true; warnings: EngineIssue[]; run: () => EngineResult }
  | { ok: false; issues: EngineIssue[]; warnings: EngineIssue[] };

export interface Engine {
  checkScenario(scenario: unknown): CheckedScenario;
  /** Validates one policy on its own (fixtures no request ever sees). */
  checkPolicy(document: unknown, role: PolicyRole): { issues: EngineIssue[]; warnings: EngineIssue[] };
}

/**
 * An engine whose validation knows the AWS services, actions and condition keys that `inputs`
 * mention (policies, requests, changes: anything holding `Action`, `action` or `Condition`).
 */
export async function loadEngine(inputs: readonly unknown[]): Promise<Engine> {
  const needs: CatalogueNeeds = { services: new Set(), conditionKeys: new Set() };
  for (const input of inputs) collectCatalogueNeeds(input, needs);
  return createEngine(await loadCatalogue(needs));
}

export function createEngine(catalogue?: Catalogue): Engine {
  const options = catalogue ? { catalogue } : {};
  return {
    checkScenario(scenario) {
      const parsed = parseScenario(scenario, options);
      if (!parsed.ok) {
        // The parser returns warnings beside errors only on success; keep both kinds apart here.
        return { ok: false, issues: parsed.issues.filter((i) => !isWarning(i.code)), warnings: parsed.issues.filter((i) => isWarning(i.code)) };
      }
      const value = parsed.value;
      return {
        ok: true,
        warnings: parsed.warnings,
        run: () => {
          const evaluation = evaluate(value);
          return { ...decidingPoint(evaluation), trace: explain(evaluation).map((s) => ({ ...s })) };
        },
      };
    },
    checkPolicy(document, role) {
      const parsed = parsePolicy(document, policyKindOf(document, role), "", options);
      if (!parsed.ok) return { issues: parsed.issues.filter((i) => !isWarning(i.code)), warnings: parsed.issues.filter((i) => isWarning(i.code)) };
      return { issues: [], warnings: parsed.warnings };
    },
  };
}

const WARNINGS = new Set(["UNKNOWN_SERVICE", "UNKNOWN_ACTION", "UNKNOWN_CONDITION_KEY", "POLICY_NEAR_LIMIT"]);
function isWarning(code: string): boolean {
  return WARNINGS.has(code);
}

/** A resource policy's kind follows the action (lib/iam README): trust for sts:AssumeRole*, key for kms:*. */
function policyKindOf(document: unknown, role: PolicyRole): PolicyKind {
  if (role !== "resource") return role;
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  const actions = (Array.isArray(statements) ? statements : [statements]).flatMap((s) => {
    const a = (s as { Action?: unknown } | null)?.Action;
    return Array.isArray(a) ? a : a === undefined ? [] : [a];
  });
  if (actions.length > 0 && actions.every((a) => /^sts:AssumeRole/i.test(String(a)))) return "trust";
  if (actions.length > 0 && actions.every((a) => /^kms:/i.test(String(a)))) return "key";
  return "resource";
}

function decidingPoint(evaluation: Evaluation): Omit<EngineResult, "trace"> {
  const d = evaluation.deciding;
  return { decision: evaluation.decision, stage: d.stage, ...(d.statement ? { policyPath: d.statement.policy } : {}) };
}
