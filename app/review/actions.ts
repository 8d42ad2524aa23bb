"use server";
// Server actions of the review session: validate with zod, authorise with requireUser(), read
// the clock once, then hand over to mutations.ts. Expected outcomes come back as results.
import { requireUser } from "@/lib/auth/session";
import { rateCard, undoLastRating } from "./mutations";
import { rateCardInput, undoInput } from "./schema";
import type { RateCardResult, UndoResult } from "./types";

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message)).join("; ");
}

export async function rateCardAction(input: unknown): Promise<RateCardResult> {
  const user = await requireUser("/review");
  const parsed = rateCardInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID", message: `invalid rating: ${describeIssues(parsed.error.issues)}` };
  return rateCard(user.id, parsed.data, new Date());
}

export async function undoLastRatingAction(input: unknown): Promise<UndoResult> {
  const user = await requireUser("/review");
  const parsed = undoInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID", message: `invalid undo: ${describeIssues(parsed.error.issues)}` };
  return undoLastRating(user.id, parsed.data.topic, new Date());
}
