// Grading at answer time, by running the evaluator. For a fixture question the key is
// recomputed from the instance's policies and requests (decision: the option whose outcome
// matches the evaluator's decision and deciding point; fix: the options after which every
// request does what it must; allowed-requests: the options whose request is allowed), using
// the same outcome rules as the compiler. The key the compiler stored must agree: a
// disagreement means the compiled content is stale, which is a bug, so it throws.
// Keyed questions (no fixtures) are graded against the author's key.
//
// Also answers "why not mine?": what the evaluator does with the learner's own option.

import { createEngine, type Engine } from "./engine";
import { applyChanges, buildScenario, type FixtureSet } from "./fixtures";
import type { Decision, EvaluationRecord, GradingSpec } from "./model";
import { describeOutcome, matchesOutcome, meets, record } from "./outcomes";
import type { ChangeOp } from "./schema";

let engine: Engine | undefined;
const getEngine = () => (engine ??= createEngine());

type SpecInstance = GradingSpec["instances"][number];

function toFixtureSet(inst: SpecInstance): FixtureSet {
  return {
    policies: inst.policies.map((p) => ({ ...p, line: 0, lines: new Map(), text: "" })),
    requests: inst.requests.map((r) => ({ ...r, line: 0, lines: new Map(), text: "" })),
  };
}

/** Runs every request of a fixture set; throws on invalid input (compiled content is valid). */
function runAll(set: FixtureSet, organization: Record<string, unknown> | undefined, id: string): EvaluationRecord[] {
  return set.requests.map((request) => {
    const { scenario, slots } = buildScenario(set, request, organization, `${id}:${request.name}`);
    const checked = getEngine().checkScenario(scenario);
    if (!checked.ok) throw new Error(`question ${id}: scenario for request ${request.name} is invalid: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    return record(request.name, { ...checked.run(), slots });
  });
}

function applyOption(set: FixtureSet, change: unknown[] | undefined, questionId: string, optionId: string): FixtureSet {
  const applied = applyChanges(set, (change ?? []) as ChangeOp[]);
  if (!applied.ok) throw new Error(`question ${questionId}: option ${optionId} cannot be applied: ${applied.message}`);
  return applied.set;
}

export interface LiveKey {
  key: string[];
  evaluations: EvaluationRecord[];
  optionOutcomes?: Record<string, Array<{ request: string; decision: Decision; meets: boolean }>>;
}

/** The key of one instance, computed now by the evaluator. */
export function computeLiveKey(questionId: string, spec: GradingSpec, variant: string): LiveKey | undefined {
  const inst = spec.instances.find((i) => i.id === variant);
  if (!inst) return undefined;
  const set = toFixtureSet(inst);
  const evaluations = runAll(set, spec.organization, questionId);
  switch (spec.mode) {
    case "decision": {
      const first = evaluations[0];
      if (!first) return { key: [], evaluations };
      return { key: spec.options.filter((o) => o.outcome && matchesOutcome(o.outcome, first)).map((o) => o.id), evaluations };
    }
    case "allowed-requests":
      return { key: spec.options.filter((o) => evaluations.find((e) => e.request === o.request)?.decision === "Allow").map((o) => o.id), evaluations };
    case "fix": {
      const optionOutcomes: NonNullable<LiveKey["optionOutcomes"]> = {};
      const key: string[] = [];
      for (const o of spec.options) {
        const changed = applyOption(set, o.change, questionId, o.id);
        const outcome = runAll(changed, spec.organization, questionId).map((e) => {
          const must = changed.requests.find((r) => r.name === e.request)?.must;
          return { request: e.request, decision: e.decision, meets: meets(must, e.decision) };
        });
        optionOutcomes[o.id] = outcome;
        if (outcome.every((x) => x.meets)) key.push(o.id);
      }
      return { key, evaluations, optionOutcomes };
    }
  }
}

export interface OptionExplanation {
  optionId: string;
  /** One plain sentence about what the evaluator did with this option. */
  summary: string;
  /** The evaluations that show it (for a fix: the requests after the option's change). */
  evaluations: Array<EvaluationRecord & { must?: "allow" | "deny"; meets?: boolean }>;
}

/** "Why not mine?": runs the learner's own option through the evaluator and says what happened. */
export function explainOption(questionId: string, spec: GradingSpec, variant: string, optionId: string): OptionExplanation | undefined {
  const inst = spec.instances.find((i) => i.id === variant);
  const option = spec.options.find((o) => o.id === optionId);
  if (!inst || !option) return undefined;
  const set = toFixtureSet(inst);
  switch (spec.mode) {
    case "decision": {
      const actual = runAll(set, spec.organization, questionId)[0];
      if (!actual || !option.outcome) return undefined;
      const claimed = [option.outcome.decision, option.outcome.policy ? `by ${option.outcome.policy}` : "", option.outcome.stage ? `because ${option.outcome.stage}` : ""]
        .filter(Boolean)
        .join(" ");
      const summary = matchesOutcome(option.outcome, actual)
        ? `The evaluator agrees with option ${optionId}: ${describeOutcome(actual)}.`
        : `Option ${optionId} says ${claimed}, but the evaluator decides ${describeOutcome(actual)}. The trace shows the step where they part.`;
      return { optionId, summary, evaluations: [actual] };
    }
    case "allowed-requests": {
      const e = runAll(set, spec.organization, questionId).find((x) => x.request === option.request);
      if (!e) return undefined;
      const summary =
        e.decision === "Allow" ? `Request ${e.request} is allowed.` : `Request ${e.request} is not allowed: the evaluator decides ${describeOutcome(e)}.`;
      return { optionId, summary, evaluations: [e] };
    }
    case "fix": {
      const changed = applyOption(set, option.change, questionId, optionId);
      const evaluations = runAll(changed, spec.organization, questionId).map((e) => {
        const must = changed.requests.find((r) => r.name === e.request)?.must;
        return { ...e, ...(must ? { must } : {}), meets: meets(must, e.decision) };
      });
      const failing = evaluations.filter((e) => !e.meets);
      const summary =
        failing.length === 0
          ? `With option ${optionId} applied, every request does what it must.`
          : `With option ${optionId} applied, ${failing
              .map((e) => `request ${e.request} is ${e.decision === "Allow" ? "allowed" : describeOutcome(e)} but must be ${e.must === "allow" ? "allowed" : "denied"}`)
              .join("; ")}.`;
      return { optionId, summary, evaluations };
    }
  }
}
