import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await getCurrentUser();
  return (
    <div className="mx-auto max-w-3xl py-8">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Pass the IAM questions on DVA-C02 and SAA-C03</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        IAM roles, policies, STS and the policy evaluation logic are the most tested, most missed subject on both
        associate exams. Here every policy question is graded by running a real IAM policy evaluator against the
        scenario, and the result shows you why, step by step.
      </p>
      <ul className="mt-6 list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
        <li>Scenario questions with the policies in front of you, graded by the evaluator.</li>
        <li>Study notes, flashcards and spaced repetition that remember what you forget.</li>
        <li>Timed mock exams in the real format: 65 questions, 130 minutes (160 with ESL +30), scaled score.</li>
        <li>A policy lab to change a policy and watch the decision change.</li>
      </ul>
      <div className="mt-8 flex flex-wrap gap-3">
        {user ? (
          <Link href="/dashboard" className="rounded-md bg-amber-500 px-5 py-2.5 font-semibold text-slate-950 hover:bg-amber-400">
            Go to your dashboard
          </Link>
        ) : (
          <>
            <Link href="/signup" className="rounded-md bg-amber-500 px-5 py-2.5 font-semibold text-slate-950 hover:bg-amber-400">
              Create a free account
            </Link>
            <Link
              href="/login"
              className="rounded-md border border-slate-300 px-5 py-2.5 font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Sign in
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
