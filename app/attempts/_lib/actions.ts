"use server";
// Server actions of mock exams: validate with zod, authorise with requireUser(), read the clock
// once, then hand over to mutations.ts. Expected outcomes come back as results. Responses
// during an attempt carry only what the browser already shows (its own selection, flag and
// confidence) and the time left: never a key or an explanation.
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { attemptUrl, saveAnswer, startAttempt, submitAttempt } from "./mutations";
import { describeIssues, parseStartParams, saveAnswerInput, submitInput } from "./schema";
import type { SaveAnswerResult, StartResult, SubmitResult } from "./types";

export async function saveExamAnswerAction(input: unknown): Promise<SaveAnswerResult> {
  const user = await requireUser("/exams");
  const parsed = saveAnswerInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID", message: `invalid answer: ${describeIssues(parsed.error.issues)}` };
  return saveAnswer(user.id, parsed.data, new Date());
}

export async function submitExamAction(input: unknown): Promise<SubmitResult> {
  const user = await requireUser("/exams");
  const parsed = submitInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID", message: `invalid submit: ${describeIssues(parsed.error.issues)}` };
  return submitAttempt(user.id, parsed.data, new Date());
}

/** The start button's form (useActionState): starts the previewed exam and goes to it. */
export async function startExamAction(_previous: StartResult | null, form: FormData): Promise<StartResult> {
  const user = await requireUser("/exams");
  const parsed = parseStartParams(form);
  if (!parsed.ok) return { ok: false, reason: "INVALID", message: parsed.message };
  const started = await startAttempt(user.id, parsed.input, new Date());
  if (!started.ok) {
    return { ok: false, reason: started.reason, message: started.message, ...("attemptId" in started ? { resumeUrl: attemptUrl(started.attemptId) } : {}) };
  }
  redirect(attemptUrl(started.attemptId));
}
