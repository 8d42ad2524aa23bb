"use client";
// The settings of a new mock exam: which exam, full or focused (questions, minutes, domains,
// traps), and whether to mark unscored questions. A plain GET form to /exams?preview=1, so the
// page can show what the bank can fill before anything starts; the component only swaps the
// domain names and traps when the exam changes, and shows the fields of the chosen form.
import { useState } from "react";

export interface StartFormExam {
  id: string;
  title: string;
  questions: number;
  minutes: number;
  extraMinutes: number;
  domains: Array<{ id: string; title: string; weight: number }>;
  traps: Array<{ id: string; title: string; questions: number }>;
}

export interface StartFormValues {
  exam: string;
  form: "full" | "focused";
  count: number;
  minutes: number;
  domains: string[];
  traps: string[];
  unscored: boolean;
}

const input = "w-24 rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-800";

export function StartForm({ exams, initial, esl }: { exams: StartFormExam[]; initial: StartFormValues; esl: boolean }) {
  const [examId, setExamId] = useState(initial.exam);
  const [form, setForm] = useState<"full" | "focused">(initial.form);
  const exam = exams.find((e) => e.id === examId) ?? exams[0];
  if (!exam) return null;

  return (
    <form method="get" action="/exams" className="space-y-5 rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-700" aria-labelledby="start-title">
      <h2 id="start-title" className="text-xl font-bold">
        Start a mock exam
      </h2>
      <input type="hidden" name="preview" value="1" />

      <fieldset>
        <legend className="font-semibold">Exam</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {exams.map((e) => (
            <label key={e.id} className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50 dark:border-slate-600 dark:has-[:checked]:bg-amber-950/30">
              <input type="radio" name="exam" value={e.id} checked={examId === e.id} onChange={() => setExamId(e.id)} className="mt-1" />
              <span>
                <span className="font-semibold">{e.id}</span>
                <span className="block text-sm text-slate-600 dark:text-slate-300">{e.title}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="font-semibold">Form</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50 dark:border-slate-600 dark:has-[:checked]:bg-amber-950/30">
            <input type="radio" name="form" value="full" checked={form === "full"} onChange={() => setForm("full")} className="mt-1" />
            <span>
              <span className="font-semibold">Full exam</span>
              <span className="block text-sm text-slate-600 dark:text-slate-300">
                {exam.questions} questions, {exam.minutes} minutes{esl ? ` + ${exam.extraMinutes} (ESL)` : ""}, all domains by weight. No pause.
              </span>
            </span>
          </label>
          <label className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-3 has-[:checked]:border-amber-500 has-[:checked]:bg-amber-50 dark:border-slate-600 dark:has-[:checked]:bg-amber-950/30">
            <input type="radio" name="form" value="focused" checked={form === "focused"} onChange={() => setForm("focused")} className="mt-1" />
            <span>
              <span className="font-semibold">Focused exam</span>
              <span className="block text-sm text-slate-600 dark:text-slate-300">Fewer questions, on the domains or traps you choose; every question counts.</span>
            </span>
          </label>
        </div>
      </fieldset>

      {form === "full" ? (
        <div>
          <input type="hidden" name="unscored" value="off" />
          <label className="flex items-start gap-3">
            <input type="checkbox" name="unscored" value="on" defaultChecked={initial.unscored} className="mt-1" />
            <span>
              Mark 15 questions as unscored, as on the real exam
              <span className="block text-sm text-slate-600 dark:text-slate-300">You will not know which; they do not count toward the score.</span>
            </span>
          </label>
        </div>
      ) : (
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <legend className="px-1 font-semibold">Focused exam</legend>
          <div className="flex flex-wrap gap-6">
            <label className="flex flex-col gap-1 text-sm font-medium">
              Questions
              <input type="number" name="count" min={1} max={200} defaultValue={initial.count} required className={input} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              Minutes
              <input type="number" name="minutes" min={1} max={400} defaultValue={initial.minutes} required className={input} aria-describedby="minutes-hint" />
            </label>
            <p id="minutes-hint" className="self-end text-sm text-slate-600 dark:text-slate-300">
              The real exam allows 2 minutes a question{esl ? "; your ESL setting adds the same share of extra time" : ""}.
            </p>
          </div>
          <fieldset>
            <legend className="text-sm font-medium">Domains (none ticked: all)</legend>
            <ul className="mt-2 grid gap-1 sm:grid-cols-2">
              {exam.domains.map((d) => (
                <li key={d.id}>
                  <label className="flex items-start gap-2 text-sm">
                    <input type="checkbox" name="domain" value={d.id} defaultChecked={initial.domains.includes(d.id)} className="mt-1" />
                    <span>
                      Domain {d.id}: {d.title} <span className="text-slate-600 dark:text-slate-300">({d.weight}%)</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <details open={initial.traps.length > 0}>
            <summary className="cursor-pointer text-sm font-medium">Traps (optional: only questions that test them)</summary>
            <fieldset className="mt-2">
              <legend className="sr-only">Traps</legend>
              <ul className="grid max-h-72 gap-1 overflow-y-auto sm:grid-cols-2">
                {exam.traps.map((t) => (
                  <li key={t.id}>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="trap" value={t.id} defaultChecked={initial.traps.includes(t.id)} className="mt-1" />
                      <span>
                        {t.title} <span className="text-slate-600 dark:text-slate-300">({t.questions})</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </details>
        </fieldset>
      )}

      <button type="submit" className="rounded-md bg-slate-800 px-5 py-2 font-semibold text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white">
        Check what this exam holds
      </button>
    </form>
  );
}
