"use client";
// The exam player: one question at a time, free navigation, a flag per question, an optional
// confidence mark, a review grid (answered, unanswered, flagged), the countdown and the submit
// step. Unlike the practice player it never grades: every change is saved on the server at
// once (saveExamAnswerAction), and the responses carry only the learner's own answer and the
// time left. The countdown is the server's: it starts from the time left the server measured,
// is corrected by every save, and at zero asks the server to finish the exam; the server
// finishes it only when its own clock agrees.
// Keyboard: N / P next and previous, F flag, 1–6 or A–E choose, S / U / G confidence, ? help.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { PolicyView, RequestView } from "@/app/_components/question/policy-view";
import { ModalDialog } from "../_components/modal-dialog";
import { saveExamAnswerAction, submitExamAction } from "../_lib/actions";
import type { Confidence, PlayerAnswer, PlayerSnapshot, SaveAnswerResult } from "../_lib/types";

const CONFIDENCE: Array<{ id: Confidence; label: string; key: string }> = [
  { id: "sure", label: "Sure", key: "S" },
  { id: "unsure", label: "Unsure", key: "U" },
  { id: "guess", label: "Guess", key: "G" },
];

const WARNINGS_MS = [10 * 60_000, 5 * 60_000, 60_000];

function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function spokenTime(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

export function ExamPlayer({ snapshot }: { snapshot: PlayerSnapshot }) {
  const router = useRouter();
  const { attemptId, questions } = snapshot;
  const total = questions.length;
  const [index, setIndex] = useState(snapshot.startAt);
  const [answers, setAnswers] = useState<PlayerAnswer[]>(snapshot.answers);
  const [endAt, setEndAt] = useState<number | null>(null);
  const [left, setLeft] = useState(snapshot.remainingMs);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [announce, setAnnounce] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [finishing, setFinishing] = useState<null | "learner" | "timeout">(null);
  const visitStart = useRef(0);
  const pending = useRef(0);
  const timeoutFired = useRef(false);
  const warned = useRef(new Set<number>());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const question = questions[index]!;
  const answer = answers[index]!;

  const isAnswered = useCallback((i: number) => new Set(answers[i]?.selected ?? []).size === (questions[i]?.choose ?? 1), [answers, questions]);
  const unanswered = useMemo(() => questions.map((q) => q.position).filter((i) => !isAnswered(i)), [questions, isAnswered]);
  const flagged = useMemo(() => questions.map((q) => q.position).filter((i) => answers[i]?.flagged), [questions, answers]);

  // The countdown starts from the server's measure of the time left, on this machine's clock.
  useEffect(() => {
    visitStart.current = Date.now();
    setEndAt(Date.now() + snapshot.remainingMs);
  }, [snapshot.remainingMs]);

  const leave = useCallback(
    (url: string) => {
      router.replace(url);
    },
    [router],
  );

  const finish = useCallback(
    async (trigger: "learner" | "timeout") => {
      setFinishing(trigger);
      const res = await submitExamAction({ attemptId, trigger });
      if (res.ok) return leave(res.resultUrl);
      setFinishing(null);
      if (res.reason === "RUNNING") {
        // The server's clock says there is time left: carry on with its figure.
        timeoutFired.current = false;
        setEndAt(Date.now() + Math.max(res.remainingMs, 1000));
        return;
      }
      setNotice(res.message);
    },
    [attemptId, leave],
  );

  useEffect(() => {
    if (endAt === null) return;
    const tick = () => {
      const ms = Math.max(0, endAt - Date.now());
      setLeft(ms);
      for (const w of WARNINGS_MS) {
        if (ms <= w && ms > 0 && !warned.current.has(w)) {
          warned.current.add(w);
          if (snapshot.minutesAllowed * 60_000 > w) setAnnounce(`${spokenTime(w)} left.`);
        }
      }
      if (ms <= 0 && !timeoutFired.current) {
        timeoutFired.current = true;
        setAnnounce("Time is up. Your exam is being submitted.");
        void finish("timeout");
      }
    };
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [endAt, finish, snapshot.minutesAllowed]);

  const takeSpent = useCallback(() => {
    const now = Date.now();
    const spent = Math.max(0, now - visitStart.current);
    visitStart.current = now;
    return spent;
  }, []);

  const send = useCallback(
    async (position: number, patch: { selected?: string[]; flagged?: boolean; confidence?: Confidence | null; spentMs?: number }, quiet = false) => {
      pending.current += 1;
      if (!quiet) setSave({ kind: "saving" });
      let res: SaveAnswerResult;
      try {
        res = await saveExamAnswerAction({ attemptId, position, ...patch });
      } catch {
        res = { ok: false, reason: "INVALID", message: "Could not reach the server: your last change may not be saved. Check your connection." };
      }
      pending.current -= 1;
      if (res.ok) {
        setEndAt(Date.now() + res.remainingMs);
        if (pending.current === 0) setSave({ kind: "saved" });
        return;
      }
      if (res.reason === "ATTEMPT_EXPIRED" || res.reason === "ATTEMPT_SUBMITTED") {
        setNotice(res.message);
        return leave(res.resultUrl);
      }
      setSave({ kind: "error", message: res.message });
    },
    [attemptId, leave],
  );

  const update = useCallback(
    (position: number, patch: Partial<PlayerAnswer>) => {
      setAnswers((cur) => cur.map((a, i) => (i === position ? { ...a, ...patch } : a)));
      void send(position, { ...patch, spentMs: position === index ? takeSpent() : 0 });
    },
    [index, send, takeSpent],
  );

  const choose = useCallback(
    (optionId: string) => {
      if (finishing) return;
      const current = answers[index]?.selected ?? [];
      let next: string[];
      if (!question.multiple) next = [optionId];
      else if (current.includes(optionId)) next = current.filter((x) => x !== optionId);
      else if (current.length >= question.choose) {
        setAnnounce(`You can choose ${question.choose}. Clear one of your choices first.`);
        setSave({ kind: "error", message: `Choose ${question.choose} options at most: clear one of your choices first.` });
        return;
      } else next = [...current, optionId];
      update(index, { selected: next });
    },
    [answers, finishing, index, question.choose, question.multiple, update],
  );

  const toggleFlag = useCallback(() => {
    if (finishing) return;
    const flaggedNow = !answers[index]?.flagged;
    update(index, { flagged: flaggedNow });
    setAnnounce(flaggedNow ? `Question ${index + 1} flagged for review.` : `Flag removed from question ${index + 1}.`);
  }, [answers, finishing, index, update]);

  const mark = useCallback(
    (c: Confidence) => {
      if (finishing) return;
      update(index, { confidence: answers[index]?.confidence === c ? null : c });
    },
    [answers, finishing, index, update],
  );

  const go = useCallback(
    (target: number) => {
      if (target < 0 || target >= total || target === index) return;
      const spent = takeSpent();
      if (spent >= 1000) void send(index, { spentMs: spent }, true);
      setIndex(target);
      window.history.replaceState(window.history.state, "", `?q=${target + 1}`);
      requestAnimationFrame(() => headingRef.current?.focus());
    },
    [index, send, takeSpent, total],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
      if (t && t.tagName === "INPUT" && !["radio", "checkbox"].includes((t as HTMLInputElement).type)) return;
      if (document.querySelector("dialog[open]")) return;
      if (e.key === "?") {
        e.preventDefault();
        return setHelpOpen(true);
      }
      const k = e.key.toLowerCase();
      if (k === "n") return go(index + 1);
      if (k === "p") return go(index - 1);
      if (k === "f") {
        e.preventDefault();
        return toggleFlag();
      }
      const conf = CONFIDENCE.find((c) => c.key.toLowerCase() === k);
      if (conf) return mark(conf.id);
      const byDigit = /^[1-6]$/.test(k) ? question.options[Number(k) - 1] : undefined;
      const byLetter = /^[a-e]$/.test(k) ? question.options.find((o) => o.id.toLowerCase() === k) : undefined;
      const opt = byDigit ?? byLetter;
      if (opt) {
        e.preventDefault();
        choose(opt.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [choose, go, index, mark, question.options, toggleFlag]);

  const low = left <= 5 * 60_000;
  const answeredCount = total - unanswered.length;
  const headingId = `exam-q-${index}`;

  return (
    // Code wraps instead of scrolling sideways: easier to read under time, and no scroll region
    // that a keyboard cannot reach.
    <div className="space-y-4 [&_pre]:[overflow-wrap:anywhere] [&_pre]:whitespace-pre-wrap" data-testid="exam-player">
      <div className="sticky top-0 z-20 -mx-4 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <p className="min-w-0 text-sm">
            <span className="font-semibold">{snapshot.examId}</span> <span className="text-slate-600 dark:text-slate-300">· {snapshot.formLabel}</span>
          </p>
          <p className="text-sm tabular-nums" data-testid="exam-progress">
            {answeredCount} of {total} answered
          </p>
          <div
            role="timer"
            aria-label="Time left"
            data-testid="exam-timer"
            className={`ml-auto rounded-md px-3 py-1 font-mono text-lg font-bold tabular-nums ${
              low ? "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-50" : "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100"
            }`}
          >
            {formatClock(left)}
          </div>
          <button
            type="button"
            onClick={() => setSubmitOpen(true)}
            disabled={finishing !== null}
            className="rounded-md bg-amber-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-amber-400 disabled:opacity-60"
          >
            Review and submit
          </button>
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {announce}
        </p>
      </div>

      {notice ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
          {notice}
        </p>
      ) : null}
      {finishing ? (
        <p role="status" className="rounded-lg bg-slate-100 px-4 py-3 dark:bg-slate-800">
          {finishing === "timeout" ? "Time is up. Submitting your exam…" : "Submitting your exam…"}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <article aria-labelledby={headingId} data-position={index} data-testid="exam-question" className="min-w-0 rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-700">
          <header className="mb-3 flex flex-wrap items-center gap-2">
            <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
              Question {index + 1} of {total}
            </h2>
            {answer.flagged ? (
              <span className="rounded bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-950" data-testid="flag-badge">
                Flagged
              </span>
            ) : null}
            <button type="button" onClick={() => setHelpOpen(true)} className="ml-auto text-sm underline">
              Keyboard shortcuts (?)
            </button>
          </header>

          {/* Fixtures sit outside .content-html, whose tinted <pre> background would dim their highlighting. */}
          <div>
            {question.stem.map((s, i) =>
              s.kind === "html" ? (
                <div key={i} className="content-html my-3" dangerouslySetInnerHTML={{ __html: s.html }} />
              ) : s.kind === "policy" ? (
                <PolicyView key={i} fixture={s.fixture} />
              ) : (
                <RequestView key={i} fixture={s.fixture} />
              ),
            )}
          </div>

          <fieldset className="mt-5" disabled={finishing !== null}>
            <legend className="mb-2 font-semibold">{question.multiple ? `Choose ${question.choose}.` : "Choose one."}</legend>
            <ul className="space-y-2">
              {question.options.map((o, i) => {
                const chosen = answer.selected.includes(o.id);
                return (
                  <li key={`${index}-${o.id}`}>
                    <label
                      className={`flex cursor-pointer gap-3 rounded-lg border p-3 ${
                        chosen ? "border-amber-500 bg-amber-50 dark:bg-amber-950/30" : "border-slate-300 hover:border-slate-400 dark:border-slate-600"
                      }`}
                    >
                      <input
                        type={question.multiple ? "checkbox" : "radio"}
                        name={`exam-q-${index}-option`}
                        value={o.id}
                        checked={chosen}
                        onChange={() => choose(o.id)}
                        className="mt-1"
                        aria-keyshortcuts={i < 5 ? `${i + 1} ${o.id}` : `${i + 1}`}
                      />
                      <span className="flex-1">
                        <span className="font-semibold">{o.id}.</span> <span dangerouslySetInnerHTML={{ __html: o.html }} />
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {question.multiple ? (
              <p className="mt-2 text-sm text-slate-600 dark:text-slate-300" data-testid="multiple-count">
                {answer.selected.length} of {question.choose} chosen
              </p>
            ) : null}
          </fieldset>

          <div className="mt-5 flex flex-wrap items-center gap-3">
            <fieldset className="flex flex-wrap items-center gap-2" disabled={finishing !== null}>
              <legend className="sr-only">How sure are you? (optional)</legend>
              <span className="text-sm font-medium" aria-hidden="true">
                How sure? (optional)
              </span>
              {CONFIDENCE.map((c) => (
                <label
                  key={c.id}
                  className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-amber-500 ${
                    answer.confidence === c.id ? "border-amber-500 bg-amber-100 dark:bg-amber-900/40" : "border-slate-300 dark:border-slate-600"
                  }`}
                >
                  <input
                    type="radio"
                    name={`exam-q-${index}-confidence`}
                    value={c.id}
                    checked={answer.confidence === c.id}
                    onChange={() => mark(c.id)}
                    onClick={() => {
                      if (answer.confidence === c.id) mark(c.id);
                    }}
                    className="sr-only"
                    aria-keyshortcuts={c.key}
                  />
                  {c.label} <span className="text-xs text-slate-500 dark:text-slate-400">({c.key})</span>
                </label>
              ))}
            </fieldset>
            <button
              type="button"
              onClick={toggleFlag}
              aria-pressed={answer.flagged}
              aria-keyshortcuts="F"
              disabled={finishing !== null}
              className={`rounded-md border px-3 py-1.5 text-sm font-medium ${
                answer.flagged ? "border-amber-500 bg-amber-200 text-amber-950" : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              }`}
            >
              Flag for review (F)
            </button>
          </div>

          <nav aria-label="Question navigation" className="mt-6 flex items-center justify-between gap-3">
            <button
              type="button"
              onClick={() => go(index - 1)}
              disabled={index === 0}
              aria-keyshortcuts="P"
              className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Previous (P)
            </button>
            <SaveStatus state={save} />
            {index < total - 1 ? (
              <button
                type="button"
                onClick={() => go(index + 1)}
                aria-keyshortcuts="N"
                className="rounded-md bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
              >
                Next (N)
              </button>
            ) : (
              <button
                type="button"
                onClick={() => setSubmitOpen(true)}
                className="rounded-md bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
              >
                Review and submit
              </button>
            )}
          </nav>
        </article>

        <aside aria-labelledby="review-grid-title" className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
          <h2 id="review-grid-title" className="font-semibold">
            Review grid
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {answeredCount} answered, {unanswered.length} unanswered, {flagged.length} flagged
          </p>
          <ReviewGrid total={total} current={index} isAnswered={isAnswered} answers={answers} onGo={go} />
          <ul className="mt-3 space-y-1 text-xs text-slate-600 dark:text-slate-300" aria-label="Legend">
            <li className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-4 w-4 rounded border border-slate-700 bg-slate-700 dark:border-slate-200 dark:bg-slate-200" /> answered
            </li>
            <li className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-4 w-4 rounded border border-dashed border-slate-400" /> unanswered
            </li>
            <li className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-4 w-4 rounded border-2 border-amber-500 bg-amber-200" /> flagged (⚑)
            </li>
          </ul>
        </aside>
      </div>

      <ModalDialog open={submitOpen} onClose={() => setSubmitOpen(false)} labelledBy="submit-title" testId="submit-dialog">
        <h2 id="submit-title" className="text-lg font-semibold">
          Submit your exam?
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          {answeredCount} of {total} answered, {formatClock(left)} left. After you submit, you cannot change any answer.
        </p>
        {unanswered.length > 0 ? (
          <section aria-labelledby="unanswered-title" className="mt-4">
            <h3 id="unanswered-title" className="font-semibold text-red-800 dark:text-red-300">
              Unanswered ({unanswered.length})
            </h3>
            <p className="text-sm text-slate-600 dark:text-slate-300">An unanswered question counts as wrong.</p>
            <ul className="mt-2 flex flex-wrap gap-2" data-testid="unanswered-list">
              {unanswered.map((i) => (
                <li key={i}>
                  <button
                    type="button"
                    onClick={() => {
                      setSubmitOpen(false);
                      go(i);
                    }}
                    className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
                  >
                    Question {i + 1}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <p className="mt-4 text-sm font-medium">Every question has an answer.</p>
        )}
        {flagged.length > 0 ? (
          <section aria-labelledby="flagged-title" className="mt-4">
            <h3 id="flagged-title" className="font-semibold">
              Flagged for review ({flagged.length})
            </h3>
            <ul className="mt-2 flex flex-wrap gap-2" data-testid="flagged-list">
              {flagged.map((i) => (
                <li key={i}>
                  <button
                    type="button"
                    onClick={() => {
                      setSubmitOpen(false);
                      go(i);
                    }}
                    className="rounded-md border border-amber-400 px-2 py-1 text-sm hover:bg-amber-50 dark:hover:bg-amber-950/40"
                  >
                    Question {i + 1}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button type="button" data-autofocus onClick={() => setSubmitOpen(false)} className="rounded-md border border-slate-300 px-4 py-2 font-medium dark:border-slate-600">
            Return to the exam
          </button>
          <button
            type="button"
            disabled={finishing !== null}
            onClick={() => {
              setSubmitOpen(false);
              void finish("learner");
            }}
            className="rounded-md bg-amber-500 px-4 py-2 font-semibold text-slate-950 hover:bg-amber-400 disabled:opacity-60"
          >
            Submit exam now
          </button>
        </div>
      </ModalDialog>

      <ModalDialog open={helpOpen} onClose={() => setHelpOpen(false)} labelledBy="exam-help-title">
        <h2 id="exam-help-title" className="text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
          <dt className="font-mono">N / P</dt>
          <dd>next / previous question</dd>
          <dt className="font-mono">1–6</dt>
          <dd>choose option 1 to 6</dd>
          <dt className="font-mono">A–E</dt>
          <dd>choose option A to E (F flags; option F is 6)</dd>
          <dt className="font-mono">F</dt>
          <dd>flag or unflag for review</dd>
          <dt className="font-mono">S / U / G</dt>
          <dd>mark sure, unsure or guess (optional)</dd>
          <dt className="font-mono">?</dt>
          <dd>this help</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
          Every answer and flag is saved as you make it. The clock keeps running if you close the page{snapshot.full ? "; a full exam cannot be paused" : ""}.
        </p>
        <button type="button" data-autofocus onClick={() => setHelpOpen(false)} className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600">
          Close
        </button>
      </ModalDialog>
    </div>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  if (state.kind === "error")
    return (
      <p role="alert" className="text-center text-sm text-red-700 dark:text-red-400">
        {state.message}
      </p>
    );
  return (
    <p className="text-center text-sm text-slate-600 dark:text-slate-300" data-testid="save-status">
      {state.kind === "saving" ? "Saving…" : state.kind === "saved" ? "All changes saved" : ""}
    </p>
  );
}

function ReviewGrid({
  total,
  current,
  isAnswered,
  answers,
  onGo,
}: {
  total: number;
  current: number;
  isAnswered: (i: number) => boolean;
  answers: PlayerAnswer[];
  onGo: (i: number) => void;
}) {
  return (
    <ol className="mt-3 grid grid-cols-5 gap-1.5 sm:grid-cols-8 lg:grid-cols-5" data-testid="review-grid">
      {Array.from({ length: total }, (_, i) => {
        const done = isAnswered(i);
        const flag = answers[i]?.flagged ?? false;
        const label = `Question ${i + 1}: ${done ? "answered" : "unanswered"}${flag ? ", flagged" : ""}`;
        return (
          <li key={i}>
            <button
              type="button"
              onClick={() => onGo(i)}
              aria-label={label}
              aria-current={i === current ? "step" : undefined}
              data-state={done ? "answered" : "unanswered"}
              data-flagged={flag ? "true" : "false"}
              className={`relative flex h-9 w-full items-center justify-center rounded-md text-sm font-medium tabular-nums ${
                done
                  ? "border border-slate-700 bg-slate-700 text-white dark:border-slate-200 dark:bg-slate-200 dark:text-slate-900"
                  : "border border-dashed border-slate-400 text-slate-800 dark:text-slate-100"
              } ${flag ? "ring-2 ring-amber-500" : ""} ${i === current ? "underline decoration-2 underline-offset-4" : ""}`}
            >
              {i + 1}
              {flag ? (
                <span aria-hidden="true" className="absolute -top-1.5 -right-1 rounded bg-amber-400 px-0.5 text-[10px] leading-tight text-slate-950">
                  ⚑
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
