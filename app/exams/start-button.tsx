"use client";
// Starts the previewed exam: the same settings and seed as the preview, sent to the start
// action, which goes to the new attempt or says why it could not start.
import Link from "next/link";
import { useActionState } from "react";
import { startExamAction } from "@/app/attempts/_lib/actions";
import type { StartResult } from "@/app/attempts/_lib/types";

export function StartButton({ fields, label }: { fields: Array<[string, string]>; label: string }) {
  const [state, action, pending] = useActionState<StartResult | null, FormData>(startExamAction, null);
  return (
    <form action={action} className="mt-4 space-y-3">
      {fields.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-amber-500 px-6 py-2.5 text-lg font-semibold text-slate-950 hover:bg-amber-400 disabled:opacity-60"
      >
        {pending ? "Starting…" : label}
      </button>
      <div role="alert" className="text-sm text-red-700 dark:text-red-400">
        {state && !state.ok ? (
          <>
            {state.message}{" "}
            {state.resumeUrl ? (
              <Link href={state.resumeUrl} className="font-medium underline">
                Resume the exam in progress
              </Link>
            ) : null}
          </>
        ) : null}
      </div>
    </form>
  );
}
