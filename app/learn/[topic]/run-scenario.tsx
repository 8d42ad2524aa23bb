"use client";
// Runs a study note's worked scenario in the browser with the same evaluator the grader uses
// (lib/iam, loaded on first use), and shows the decision and trace.
import Link from "next/link";
import { useState } from "react";
import type { EvaluationRecord, TraceLine } from "@/lib/content/model";
import { TraceView } from "@/app/_components/question/trace-view";

export interface RunnableRequest {
  request: string;
  scenario: Record<string, unknown>;
  /** Scenario path → fixture name, so the trace names policies as the note does. */
  slots: Array<[string, string]>;
}

export function RunScenario({ name, requests, labHref }: { name: string; requests: RunnableRequest[]; labHref: string }) {
  const [results, setResults] = useState<EvaluationRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      const iam = await import("@/lib/iam");
      const out: EvaluationRecord[] = [];
      for (const r of requests) {
        const parsed = iam.parseScenario(r.scenario);
        if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
        const evaluation = iam.evaluate(parsed.value);
        const slots = new Map(r.slots);
        const byLength = [...r.slots].sort(([a], [b]) => b.length - a.length);
        const named = (text: string) => byLength.reduce((t, [path, fixture]) => t.split(path).join(fixture), text);
        const trace: TraceLine[] = iam.explain(evaluation).map((s) => ({ ...s, reason: named(s.reason), ...(s.policy ? { policy: slots.get(s.policy) ?? s.policy } : {}) }));
        const decidingPath = trace.find((s) => s.stage === "decision")?.policy;
        out.push({ request: r.request, decision: evaluation.decision, trace, ...(decidingPath ? { policy: decidingPath } : {}) });
      }
      setResults(out);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(false);
    }
  }

  return (
    <div className="my-4 rounded-lg border border-emerald-300 p-3 dark:border-emerald-800" data-scenario={name}>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => void run()} disabled={running} className="rounded-md bg-emerald-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-emerald-500 disabled:opacity-60">
          {running ? "Running…" : results ? "Run again" : `Run this scenario`}
        </button>
        <Link href={labHref} className="text-sm font-medium underline">
          Open in the lab
        </Link>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div aria-live="polite">{results?.map((e) => <TraceView key={e.request} evaluation={e} />)}</div>
    </div>
  );
}
