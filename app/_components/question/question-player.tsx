"use client";
// One question, answered: stem with its fixtures, options (radio for single response,
// checkboxes with "choose N"), a confidence mark, then the result graded on the server by
// the evaluator, with every option explained, the trace, the trap and "why not mine?".
// Keyboard: 1–6 or A–F choose, S/U/G mark confidence, Enter submits and continues, ? help.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DrawnQuestion } from "@/lib/content/model";
import { answerQuestionAction, whyNotMineAction, type AnswerResult, type WhyResult } from "@/app/practice/actions";
import { PolicyView, RequestView, statementJson } from "./policy-view";
import { DECISION_WORDS, TraceView } from "./trace-view";

type Confidence = "sure" | "unsure" | "guess";
const CONFIDENCE: Array<{ id: Confidence; label: string; key: string }> = [
  { id: "sure", label: "Sure", key: "s" },
  { id: "unsure", label: "Unsure", key: "u" },
  { id: "guess", label: "Guess", key: "g" },
];

export type PlayerQuestion = Omit<DrawnQuestion, "source">;

export function QuestionPlayer({
  question,
  source,
  onContinue,
  continueLabel = "Next question",
  position,
}: {
  question: PlayerQuestion;
  source: "practice" | "self-check" | "drill";
  onContinue?: () => void;
  continueLabel?: string;
  position?: string;
}) {
  const multiple = question.response.type === "multiple";
  const choose = question.response.type === "multiple" ? question.response.choose : 1;
  const [selected, setSelected] = useState<string[]>([]);
  const [confidence, setConfidence] = useState<Confidence | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Extract<AnswerResult, { ok: true }> | null>(null);
  const [why, setWhy] = useState<Record<string, WhyResult>>({});
  const [help, setHelp] = useState(false);
  const started = useRef<number>(0);
  const resultRef = useRef<HTMLDivElement>(null);
  const nameBase = `q-${question.id}`;

  useEffect(() => {
    started.current = performance.now();
  }, [question.id, question.variant]);

  const toggle = useCallback(
    (id: string) => {
      if (result) return;
      setSelected((cur) => (multiple ? (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]) : [id]));
    },
    [multiple, result],
  );

  const ready = selected.length === choose && confidence !== null && !pending && !result;

  const submit = useCallback(async () => {
    if (selected.length !== choose) return setError(multiple ? `Choose ${choose} options.` : "Choose an option.");
    if (!confidence) return setError("Mark how confident you are: sure, unsure or guess.");
    setPending(true);
    setError(null);
    const res = await answerQuestionAction({
      questionId: question.id,
      variant: question.variant,
      selected,
      confidence,
      durationMs: Math.round(performance.now() - started.current),
      source,
    });
    setPending(false);
    if (!res.ok) return setError(res.message);
    setResult(res);
    requestAnimationFrame(() => resultRef.current?.focus());
  }, [choose, confidence, multiple, question.id, question.variant, selected, source]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" && (t as HTMLInputElement).type === "text")) return;
      if (t && (t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "?") {
        setHelp((h) => !h);
        return e.preventDefault();
      }
      if (e.key === "Escape") return setHelp(false);
      if (e.key === "Enter") {
        if (t && (t.tagName === "BUTTON" || t.tagName === "A" || t.tagName === "SUMMARY")) return;
        e.preventDefault();
        if (result) onContinue?.();
        else void submit();
        return;
      }
      if (result) return;
      const k = e.key.toLowerCase();
      const conf = CONFIDENCE.find((c) => c.key === k);
      if (conf) return setConfidence(conf.id);
      const byDigit = /^[1-9]$/.test(k) ? question.options[Number(k) - 1] : undefined;
      const byLetter = /^[a-f]$/.test(k) ? question.options.find((o) => o.id.toLowerCase() === k) : undefined;
      const opt = byDigit ?? byLetter;
      if (opt) {
        e.preventDefault();
        toggle(opt.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onContinue, question.options, result, submit, toggle]);

  const decided = useMemo(() => {
    const e = result?.evaluations[0];
    return e && question.mode === "decision" ? e.policy : undefined;
  }, [result, question.mode]);
  const decidingStep = result?.evaluations[0]?.trace.find((s) => s.stage === "decision" || (s.policy === decided && s.statement !== undefined));
  const decidedFixture = decided ? question.policies.find((p) => p.name === decided) : undefined;

  async function askWhy(optionId: string) {
    const res = await whyNotMineAction({ questionId: question.id, variant: question.variant, optionId });
    setWhy((w) => ({ ...w, [optionId]: res }));
  }

  return (
    <article aria-labelledby={`${nameBase}-title`} className="rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-700" data-question-id={question.id} data-variant={question.variant}>
      <header className="mb-3 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        <h2 id={`${nameBase}-title`} className="sr-only">
          Question {position ?? ""}
        </h2>
        {position ? <span className="font-medium">{position}</span> : null}
        <span className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">{question.difficulty}</span>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800">{question.tasks.join(" · ")}</span>
        <button type="button" onClick={() => setHelp(true)} className="ml-auto underline" aria-label="Keyboard shortcuts">
          Shortcuts (?)
        </button>
      </header>

      <div className="content-html">
        {question.stem.map((s, i) =>
          s.kind === "html" ? (
            <div key={i} dangerouslySetInnerHTML={{ __html: s.html }} />
          ) : s.kind === "policy" ? (
            <PolicyView key={i} fixture={s.fixture} decided={decided === s.fixture.name} />
          ) : (
            <RequestView key={i} fixture={s.fixture} />
          ),
        )}
      </div>

      <fieldset className="mt-5">
        <legend className="mb-2 font-semibold">{multiple ? `Choose ${choose}.` : "Choose one."}</legend>
        <ul className="space-y-2">
          {question.options.map((o, i) => {
            const isKey = result?.key.includes(o.id);
            const chosen = selected.includes(o.id);
            const mark = result ? (isKey ? "correct" : chosen ? "wrong" : "none") : "none";
            return (
              <li key={o.id}>
                <label
                  className={`flex cursor-pointer gap-3 rounded-lg border p-3 ${
                    mark === "correct"
                      ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/30"
                      : mark === "wrong"
                        ? "border-red-500 bg-red-50 dark:bg-red-950/30"
                        : chosen
                          ? "border-amber-500 bg-amber-50 dark:bg-amber-950/30"
                          : "border-slate-300 dark:border-slate-600"
                  }`}
                >
                  <input
                    type={multiple ? "checkbox" : "radio"}
                    name={nameBase}
                    value={o.id}
                    checked={chosen}
                    disabled={!!result}
                    onChange={() => toggle(o.id)}
                    className="mt-1"
                    aria-keyshortcuts={`${i + 1} ${o.id}`}
                  />
                  <span className="flex-1">
                    <span className="font-semibold">{o.id}.</span> <span dangerouslySetInnerHTML={{ __html: o.html }} />
                    {result ? (
                      <span className="mt-1 block text-sm font-medium">
                        {isKey ? "✓ Correct option" : chosen ? "✗ Your choice, not correct" : ""}
                      </span>
                    ) : null}
                  </span>
                </label>
                {result ? (
                  <div className="content-html mt-1 ml-8 text-sm text-slate-700 dark:text-slate-300" dangerouslySetInnerHTML={{ __html: result.optionExplanations[o.id] ?? "" }} />
                ) : null}
                {result && chosen && !isKey && question.mode !== "keyed" ? (
                  <div className="mt-1 ml-8">
                    {why[o.id] ? null : (
                      <button type="button" onClick={() => void askWhy(o.id)} className="text-sm font-medium text-amber-700 underline dark:text-amber-400">
                        Why not mine? Run option {o.id} through the evaluator
                      </button>
                    )}
                    {why[o.id] ? <WhyPanel res={why[o.id]!} /> : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>

      {!result ? (
        <div className="mt-5 flex flex-wrap items-center gap-4">
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="sr-only">How confident are you?</legend>
            <span className="text-sm font-medium" aria-hidden="true">
              Confidence:
            </span>
            {CONFIDENCE.map((c) => (
              <label
                key={c.id}
                className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm ${
                  confidence === c.id ? "border-amber-500 bg-amber-100 dark:bg-amber-900/40" : "border-slate-300 dark:border-slate-600"
                }`}
              >
                <input type="radio" name={`${nameBase}-confidence`} value={c.id} checked={confidence === c.id} onChange={() => setConfidence(c.id)} className="sr-only" />
                {c.label} <span className="text-xs text-slate-500">({c.key.toUpperCase()})</span>
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            onClick={() => void submit()}
            disabled={pending}
            aria-disabled={!ready}
            className="ml-auto rounded-md bg-amber-500 px-5 py-2 font-semibold text-slate-950 hover:bg-amber-400 disabled:opacity-60"
          >
            {pending ? "Checking…" : "Submit answer"}
          </button>
        </div>
      ) : null}
      <div role="alert" className="mt-2 min-h-5 text-sm text-red-700 dark:text-red-400">
        {error}
      </div>

      {result ? (
        <div ref={resultRef} tabIndex={-1} className="mt-4 space-y-4 outline-none" aria-live="polite">
          <p
            className={`rounded-lg px-4 py-3 text-lg font-bold ${
              result.correct ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100" : "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-100"
            }`}
          >
            {result.correct ? "Correct." : "Not quite."} The answer is {result.key.join(" and ")}.
            <span className="block text-sm font-normal">
              {result.keySource === "evaluator" ? "Graded by running the IAM policy evaluator on this scenario." : "Conceptual question: graded against the author's key."}
            </span>
          </p>
          {result.traps.length ? (
            <section aria-label="Trap tested" className="rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950/30">
              <h3 className="font-semibold">Trap{result.traps.length > 1 ? "s" : ""} tested</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {result.traps.map((t) => (
                  <li key={t.id}>
                    <span className="font-medium">{t.title}.</span> {t.rule}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-label="Explanation">
            <h3 className="font-semibold">Why</h3>
            <div className="content-html" dangerouslySetInnerHTML={{ __html: result.explanationHtml }} />
          </section>
          {result.evaluations.length ? (
            <section aria-label="Evaluation trace">
              <h3 className="font-semibold">What the evaluator did</h3>
              {decidedFixture && decidingStep?.statement !== undefined ? (
                <div className="mt-2 rounded-lg border border-amber-400 p-3 text-sm">
                  Deciding statement: <code>{decidedFixture.name}</code> <code>Statement[{decidingStep.statement}]</code>
                  {decidingStep.sid ? ` (Sid ${decidingStep.sid})` : ""}
                  <pre className="code-block mt-2">{statementJson(decidedFixture.document, decidingStep.statement)}</pre>
                </div>
              ) : null}
              {result.evaluations.map((e) => (
                <TraceView key={e.request} evaluation={e} />
              ))}
            </section>
          ) : null}
          {result.selfCheck ? (
            <p className="rounded-lg bg-slate-100 px-4 py-3 dark:bg-slate-800" role="status">
              Self-check: {result.selfCheck.correct} of {result.selfCheck.answered} right ({result.selfCheck.answered} of {result.selfCheck.total} answered).
              {result.selfCheck.answered === result.selfCheck.total
                ? result.selfCheck.passed
                  ? " Topic passed."
                  : " Score 60% or more to pass the topic; try again later."
                : ""}
              {result.selfCheck.passed && result.selfCheck.next ? (
                <>
                  {" "}
                  Next:{" "}
                  <Link className="font-medium underline" href={`/learn/${result.selfCheck.next.slug}`}>
                    {result.selfCheck.next.title}
                  </Link>
                </>
              ) : null}
            </p>
          ) : null}
          <section aria-label="AWS documentation">
            <h3 className="font-semibold">Read more in the AWS documentation</h3>
            <ul className="list-disc pl-6 text-sm">
              {result.docs.map((d) => (
                <li key={d.url}>
                  <a className="text-amber-700 underline dark:text-amber-400" href={d.url} target="_blank" rel="noreferrer">
                    {d.title}
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <div className="flex flex-wrap items-center gap-3">
            {question.mode !== "keyed" ? (
              <Link href={`/lab?question=${encodeURIComponent(question.id)}&variant=${encodeURIComponent(question.variant)}`} className="text-sm font-medium underline">
                Open this scenario in the lab
              </Link>
            ) : null}
            {onContinue ? (
              <button type="button" onClick={onContinue} className="ml-auto rounded-md bg-amber-500 px-5 py-2 font-semibold text-slate-950 hover:bg-amber-400">
                {continueLabel} (Enter)
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      {help ? (
        <div role="dialog" aria-modal="true" aria-labelledby={`${nameBase}-help`} className="fixed inset-0 z-40 flex items-center justify-center bg-slate-950/50 p-4" onClick={() => setHelp(false)}>
          <div className="max-w-sm rounded-xl bg-white p-5 shadow-xl dark:bg-slate-800" onClick={(e) => e.stopPropagation()}>
            <h2 id={`${nameBase}-help`} className="text-lg font-semibold">
              Keyboard shortcuts
            </h2>
            <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
              <dt className="font-mono">1–6, A–F</dt>
              <dd>choose an option</dd>
              <dt className="font-mono">S, U, G</dt>
              <dd>sure, unsure, guess</dd>
              <dt className="font-mono">Enter</dt>
              <dd>submit, then continue</dd>
              <dt className="font-mono">?</dt>
              <dd>show or hide this help</dd>
            </dl>
            <button type="button" autoFocus onClick={() => setHelp(false)} className="mt-4 rounded-md border px-3 py-1.5 text-sm">
              Close
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}

function WhyPanel({ res }: { res: WhyResult }) {
  if (!res.ok) return <p className="text-sm text-red-700 dark:text-red-400">{res.message}</p>;
  return (
    <div className="mt-2 rounded-lg border border-slate-300 p-3 dark:border-slate-600" aria-live="polite">
      <p className="text-sm font-medium">{res.summary}</p>
      {res.evaluations.map((e) => (
        <TraceView key={e.request} evaluation={e} title={`Request ${e.request}${e.must ? ` (must be ${e.must === "allow" ? "allowed" : "denied"})` : ""}: ${DECISION_WORDS[e.decision]}`} />
      ))}
    </div>
  );
}
