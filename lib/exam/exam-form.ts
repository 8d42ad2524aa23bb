// The two forms of mock exam a learner can start, and the check of a form against its
// blueprint. A full form is the real exam's shape (all domains by weight, the real time,
// unscored items). A focused form is a shorter practice run of `count` questions in
// `minutes`, limited to chosen domains and/or traps; every question in it is scored.
// An empty `domains` or `traps` list means no restriction.

import type { Blueprint } from "./blueprint";
import { fail, type ExamResult, succeed } from "./result";

export type ExamForm =
  | { kind: "full" }
  | { kind: "focused"; count: number; minutes: number; domains?: readonly string[]; traps?: readonly string[] };

export type ExamFormFailure = "INVALID_FORM" | "UNKNOWN_DOMAIN";

/** Upper bounds for a focused form: far beyond any useful practice run, but finite. */
export const MAX_FOCUSED_COUNT = 200;
export const MAX_FOCUSED_MINUTES = 400;

export function checkExamForm(blueprint: Blueprint, form: ExamForm): ExamResult<ExamForm, ExamFormFailure> {
  if (form.kind === "full") return succeed(form);
  if (!Number.isInteger(form.count) || form.count < 1 || form.count > MAX_FOCUSED_COUNT) {
    return fail("INVALID_FORM", `a focused exam has from 1 to ${MAX_FOCUSED_COUNT} questions, got \`${form.count}\``);
  }
  if (!Number.isInteger(form.minutes) || form.minutes < 1 || form.minutes > MAX_FOCUSED_MINUTES) {
    return fail("INVALID_FORM", `a focused exam lasts from 1 to ${MAX_FOCUSED_MINUTES} minutes, got \`${form.minutes}\``);
  }
  const known = new Set(blueprint.domains.map((d) => d.id));
  const unknown = (form.domains ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return fail("UNKNOWN_DOMAIN", `${blueprint.id} has no domain ${unknown.map((id) => `\`${id}\``).join(", ")}`);
  }
  return succeed(form);
}
