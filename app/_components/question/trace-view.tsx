// The evaluator's reasons, as a learner reads them: the AWS flowchart stages with the path
// taken lit up, then the steps in order. Pure rendering of data from the grader.
import type { EvaluationRecord, TraceLine } from "@/lib/content/model";

const FLOW: Array<{ stage: string; label: string }> = [
  { stage: "explicit-deny", label: "Explicit deny?" },
  { stage: "rcp", label: "Resource control policies" },
  { stage: "scp", label: "Service control policies" },
  { stage: "endpoint", label: "VPC endpoint policy" },
  { stage: "service", label: "Service rules" },
  { stage: "resource", label: "Resource-based policy" },
  { stage: "identity", label: "Identity-based policies" },
  { stage: "boundary", label: "Permissions boundary" },
  { stage: "session", label: "Session policy" },
  { stage: "cross-account", label: "Both accounts agree" },
  { stage: "decision", label: "Decision" },
];

type Status = "pass" | "fail" | "skip" | "deny" | "allow" | "info" | "none";

function stageStatus(trace: TraceLine[], stage: string): Status {
  const steps = trace.filter((s) => s.stage === stage);
  if (steps.length === 0) return "none";
  const outcomes = new Set(steps.map((s) => s.outcome));
  for (const o of ["deny", "fail", "allow", "pass", "skip", "info"] as const) if (outcomes.has(o)) return o;
  return "info";
}

const STATUS_STYLE: Record<Status, string> = {
  pass: "border-emerald-500 bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100",
  allow: "border-emerald-600 bg-emerald-100 text-emerald-950 dark:bg-emerald-900/50 dark:text-emerald-50",
  fail: "border-red-500 bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-100",
  deny: "border-red-600 bg-red-100 text-red-950 dark:bg-red-900/50 dark:text-red-50",
  skip: "border-slate-300 bg-slate-50 text-slate-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300",
  info: "border-sky-400 bg-sky-50 text-sky-900 dark:bg-sky-950/40 dark:text-sky-100",
  none: "border-dashed border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-300",
};
const STATUS_WORD: Record<Status, string> = {
  pass: "passed",
  allow: "allows",
  fail: "no allow",
  deny: "denies",
  skip: "skipped",
  info: "checked",
  none: "not reached",
};

/** The evaluator writes names in `backticks`; show them as code. */
function Reason({ text }: { text: string }) {
  const parts = text.split("`");
  return <>{parts.map((p, i) => (i % 2 === 1 ? <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">{p}</code> : p))}</>;
}

export const DECISION_WORDS: Record<string, string> = {
  Allow: "Allowed",
  ExplicitDeny: "Explicitly denied",
  ImplicitDeny: "Implicitly denied",
};

export function TraceView({ evaluation, title }: { evaluation: EvaluationRecord; title?: string }) {
  const trace = evaluation.trace;
  return (
    <section aria-label={title ?? `Evaluation of request ${evaluation.request}`} className="mt-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <h4 className="font-semibold">
        {title ?? `Request ${evaluation.request}`}:{" "}
        <span className={evaluation.decision === "Allow" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
          {DECISION_WORDS[evaluation.decision] ?? evaluation.decision}
        </span>
        {evaluation.policy ? <span className="font-normal text-slate-600 dark:text-slate-300"> (decided by {evaluation.policy})</span> : null}
      </h4>
      <ol className="mt-3 flex flex-wrap items-center gap-1.5 text-xs" aria-label="Evaluation flowchart, path taken">
        {FLOW.map((f, i) => {
          const st = stageStatus(trace, f.stage);
          return (
            <li key={f.stage} className="flex items-center gap-1.5" data-stage={f.stage} data-status={st}>
              <span className={`rounded-md border px-2 py-1 ${STATUS_STYLE[st]}`}>
                {f.label}
                <span className="sr-only">: {STATUS_WORD[st]}</span>
              </span>
              {i < FLOW.length - 1 ? (
                <span aria-hidden="true" className="text-slate-400">
                  →
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <ol className="mt-3 space-y-1.5 text-sm" aria-label="Evaluation steps">
        {trace.map((s, i) => (
          <li key={i} className="grid grid-cols-[7.5rem_1fr] gap-2">
            <span className="font-mono text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{s.stage}</span>
            <span>
              <Reason text={s.reason} />
              {s.rule ? <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">[{s.rule}]</span> : null}
              {(s as TraceLine & { ambiguous?: boolean }).ambiguous ? (
                <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">documented grey area</span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
