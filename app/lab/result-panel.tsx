// The lab's result: the decision (words and a symbol, never colour alone), the statement that
// decided it, the AWS evaluation flowchart with the path this request took, and the evaluator's
// trace step by step.

import type { Decision, Stage, TraceStep } from "@/lib/iam";
import type { LabAnalysis, LabResult } from "./analyse";
import { statementPath } from "./analyse";
import { flowPath, STATUS_WORDS, type FlowStatus } from "./flow";
import { RichText } from "./rich-text";

export const DECISION_WORDS: Record<Decision, string> = { Allow: "Allow", ExplicitDeny: "Explicit deny", ImplicitDeny: "Implicit deny" };

const DECISION_STYLE: Record<Decision, { box: string; symbol: string; gloss: string }> = {
  Allow: {
    box: "border-green-700 bg-green-50 text-green-900 dark:border-green-500 dark:bg-green-950 dark:text-green-100",
    symbol: "✓",
    gloss: "Every policy type in play allows the request.",
  },
  ExplicitDeny: {
    box: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
    symbol: "✕",
    gloss: "A Deny statement applies; it wins over every Allow.",
  },
  ImplicitDeny: {
    box: "border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100",
    symbol: "○",
    gloss: "Nothing denies it, but a policy that must allow does not.",
  },
};

const STAGE_WORDS: Record<Stage, string> = {
  request: "Request",
  context: "Context",
  policies: "Policies in play",
  "explicit-deny": "Explicit deny",
  rcp: "RCP",
  scp: "SCP",
  endpoint: "Endpoint policy",
  service: "Service rules",
  resource: "Resource policy",
  identity: "Identity policies",
  boundary: "Permissions boundary",
  session: "Session policies",
  "cross-account": "Cross-account",
  decision: "Decision",
};

const OUTCOME_STYLE: Record<TraceStep["outcome"], string> = {
  info: "border-slate-400 text-slate-700 dark:border-slate-500 dark:text-slate-200",
  pass: "border-green-700 text-green-800 dark:border-green-500 dark:text-green-300",
  allow: "border-green-700 text-green-800 dark:border-green-500 dark:text-green-300",
  fail: "border-amber-700 text-amber-900 dark:border-amber-400 dark:text-amber-300",
  skip: "border-slate-400 text-slate-700 dark:border-slate-500 dark:text-slate-200",
  deny: "border-red-700 text-red-800 dark:border-red-400 dark:text-red-300",
};

const FLOW_STYLE: Record<FlowStatus, { node: string; mark: string }> = {
  passed: { node: "border-green-700 bg-green-50 dark:border-green-500 dark:bg-green-950", mark: "✓" },
  failed: { node: "border-red-700 bg-red-50 dark:border-red-400 dark:bg-red-950", mark: "✕" },
  skipped: { node: "border-dashed border-slate-400 bg-white dark:border-slate-500 dark:bg-slate-900", mark: "–" },
  "not-reached": { node: "border-dotted border-slate-300 bg-slate-50 text-slate-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300", mark: "·" },
};

function describeStatement(policy: string, statement: number | undefined, sid: string | undefined): string {
  if (statement === undefined) return policy;
  return `statement ${statement}${sid ? ` (Sid ${sid})` : ""} of ${policy}`;
}

function ShowButton({ path, label, onShow }: { path: string; label: string; onShow(path: string): void }) {
  return (
    <button
      type="button"
      onClick={() => onShow(path)}
      aria-label={`Show ${label} in the editor`}
      className="ml-2 rounded border border-slate-300 px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      Show
    </button>
  );
}

function DecisionBox({ result, onShow }: { result: LabResult; onShow(path: string): void }) {
  const style = DECISION_STYLE[result.decision];
  const d = result.deciding;
  return (
    <div className={`rounded-xl border-2 p-4 ${style.box}`} data-testid="decision-box">
      <p className="flex items-center gap-3">
        <span aria-hidden="true" className="text-4xl leading-none font-bold">
          {style.symbol}
        </span>
        <span className="text-3xl font-bold tracking-tight" data-testid="decision">
          {DECISION_WORDS[result.decision]}
        </span>
      </p>
      <p className="mt-1 text-sm">{style.gloss}</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">Decided at</dt>
        <dd>
          {STAGE_WORDS[result.stage]} <span className="font-mono text-xs">({result.rule})</span>
        </dd>
        <dt className="font-semibold">By</dt>
        <dd data-testid="deciding-statement">
          {d ? (
            <>
              {d.effect === "Deny" ? "Deny" : "Allow"} in {describeStatement(d.policy, d.statement, d.sid)}
              <ShowButton path={statementPath(d.policy, d.statement)} label={`the deciding ${describeStatement(d.policy, d.statement, d.sid)}`} onShow={onShow} />
            </>
          ) : (
            "no single statement: a policy that must allow has no statement for this request"
          )}
        </dd>
        {result.expected ? (
          <>
            <dt className="font-semibold">Expected</dt>
            <dd>
              {DECISION_WORDS[result.expected]} —{" "}
              {result.expected === result.decision ? "the evaluator agrees." : "the evaluator decides otherwise now."}
            </dd>
          </>
        ) : null}
      </dl>
      {result.ambiguous ? (
        <p className="mt-2 text-sm">
          <span aria-hidden="true">⚠ </span>This decision relies on a rule AWS documents ambiguously; those steps are marked below.
        </p>
      ) : null}
    </div>
  );
}

function Flowchart({ result }: { result: LabResult }) {
  const stages = flowPath(result.trace, result.decision, result.stage);
  return (
    <section aria-labelledby="flow-heading" className="mt-6">
      <h3 id="flow-heading" className="text-base font-semibold">
        Evaluation flowchart
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-300">The stages AWS checks, in order, with the path this request took.</p>
      <ol className="mt-2 flex flex-col items-stretch" data-testid="flowchart">
        {stages.map((s, i) => {
          const style = FLOW_STYLE[s.status];
          const last = i === stages.length - 1;
          return (
            <li key={s.id} className="flex flex-col items-center" data-stage={s.id} data-status={s.status}>
              <div className={`flex w-full items-center gap-2 rounded-lg border-2 px-3 py-1.5 text-sm ${style.node}`}>
                <span aria-hidden="true" className="w-4 text-center font-bold">
                  {style.mark}
                </span>
                <span className="font-medium">{s.id === "decision" ? `Decision: ${DECISION_WORDS[result.decision]}` : s.label}</span>
                <span className="ml-auto text-xs font-semibold tracking-wide uppercase">{s.id === "decision" ? "" : STATUS_WORDS[s.status]}</span>
              </div>
              {last ? null : (
                <span aria-hidden="true" className="leading-none text-slate-500 dark:text-slate-400">
                  ↓
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Trace({ trace, onShow }: { trace: readonly TraceStep[]; onShow(path: string): void }) {
  return (
    <section aria-labelledby="trace-heading" className="mt-6">
      <h3 id="trace-heading" className="text-base font-semibold">
        How the evaluator decided
      </h3>
      <ol className="mt-2 space-y-2" data-testid="trace">
        {trace.map((s, i) => (
          <li key={i} className="rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-700">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-semibold">{STAGE_WORDS[s.stage]}</span>
              <span className={`rounded border px-1.5 text-xs font-semibold uppercase ${OUTCOME_STYLE[s.outcome]}`}>{s.outcome}</span>
              {s.rule ? <span className="font-mono text-xs text-slate-600 dark:text-slate-300">{s.rule}</span> : null}
              {s.ambiguous ? (
                <span className="rounded border border-amber-700 px-1.5 text-xs font-semibold text-amber-900 dark:border-amber-400 dark:text-amber-200">
                  <span aria-hidden="true">⚠ </span>ambiguous rule
                </span>
              ) : null}
              {s.policy && s.statement !== undefined ? (
                <ShowButton path={statementPath(s.policy, s.statement)} label={describeStatement(s.policy, s.statement, s.sid)} onShow={onShow} />
              ) : null}
            </div>
            <p className="mt-1">
              <RichText text={s.reason} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ResultPanel({ analysis, onShow }: { analysis: LabAnalysis; onShow(path: string): void }) {
  const { result, messages } = analysis;
  const errors = messages.filter((m) => m.severity === "error").length;
  return (
    <section aria-labelledby="result-heading" id="lab-result" className="scroll-mt-4">
      <h2 id="result-heading" className="mb-2 text-lg font-semibold">
        Result
      </h2>
      {result ? (
        <>
          <DecisionBox result={result} onShow={onShow} />
          <Flowchart result={result} />
          <Trace trace={result.trace} onShow={onShow} />
        </>
      ) : (
        <div className="rounded-xl border-2 border-dashed border-slate-400 p-4 dark:border-slate-500" data-testid="decision-box">
          <p className="text-2xl font-bold" data-testid="decision">
            No decision yet
          </p>
          <p className="mt-1 text-sm">
            The scenario is not valid: fix the {errors === 1 ? "problem" : `${errors} problems`} listed under the editor and the decision comes back.
          </p>
        </div>
      )}
    </section>
  );
}
