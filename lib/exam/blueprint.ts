// The exam blueprint: the facts of one certification exam that assembly, timing and scoring
// need (question counts, time, score scale, domains and their weights), as a plain value.
// The values come from the exam content files, compiled and schema-checked by lib/content;
// this file defines the shape lib/exam works on and a check of the relations between the
// numbers, so a wrong blueprint fails loudly with every problem listed rather than producing
// a skewed exam.
//
// AWS exam guides (DVA-C02, SAA-C03): 65 questions, 50 scored and 15 unscored, 130 minutes
// (+30 with the ESL accommodation), scaled score 100–1000, 720 to pass.

import type { ExamResult } from "./result";

export interface BlueprintDomain {
  id: string;
  title: string;
  /** Percent of the scored content; the weights of a blueprint add up to 100. */
  weight: number;
}

export interface Blueprint {
  id: string;
  title: string;
  questionCount: number;
  scoredCount: number;
  durationMinutes: number;
  eslExtraMinutes: number;
  passingScore: number;
  minScore: number;
  maxScore: number;
  domains: readonly BlueprintDomain[];
}

export interface BlueprintProblem {
  path: string;
  message: string;
}

/** Questions on the real exam that do not count (15 of 65). */
export function unscoredCount(blueprint: Blueprint): number {
  return blueprint.questionCount - blueprint.scoredCount;
}

/** Every problem in the blueprint; an empty list when it is sound. */
export function listBlueprintProblems(b: Blueprint): BlueprintProblem[] {
  const problems: BlueprintProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const isWhole = (n: number, min: number) => Number.isInteger(n) && n >= min;

  if (b.id.trim() === "") add("id", "the exam id is empty");
  if (!isWhole(b.questionCount, 1)) add("questionCount", `the question count must be a positive whole number, got \`${b.questionCount}\``);
  if (!isWhole(b.scoredCount, 1) || b.scoredCount > b.questionCount)
    add("scoredCount", `the scored count must be a whole number from 1 to the question count, got \`${b.scoredCount}\``);
  if (!isWhole(b.durationMinutes, 1)) add("durationMinutes", `the duration must be a positive whole number of minutes, got \`${b.durationMinutes}\``);
  if (!isWhole(b.eslExtraMinutes, 0)) add("eslExtraMinutes", `the ESL extra time must be a whole number of minutes, got \`${b.eslExtraMinutes}\``);
  if (![b.minScore, b.passingScore, b.maxScore].every(Number.isInteger)) add("passingScore", "scores must be whole numbers");
  else if (!(b.minScore < b.passingScore && b.passingScore < b.maxScore))
    add("passingScore", `the passing score must lie strictly between the minimum and maximum score, got ${b.minScore} < ${b.passingScore} < ${b.maxScore}`);

  if (b.domains.length === 0) add("domains", "a blueprint needs at least one domain");
  const seen = new Set<string>();
  b.domains.forEach((d, i) => {
    if (d.id.trim() === "") add(`domains[${i}].id`, "the domain id is empty");
    else if (seen.has(d.id)) add(`domains[${i}].id`, `domain id \`${d.id}\` appears twice`);
    seen.add(d.id);
    if (!Number.isFinite(d.weight) || d.weight <= 0) add(`domains[${i}].weight`, `a domain weight must be a positive percentage, got \`${d.weight}\``);
  });
  const sum = b.domains.reduce((s, d) => s + d.weight, 0);
  if (b.domains.length > 0 && Math.abs(sum - 100) > 1e-9) add("domains", `domain weights add up to ${sum}, not 100`);
  return problems;
}

/** The blueprint back when it is sound; otherwise every problem, joined in the message. */
export function checkBlueprint(b: Blueprint): ExamResult<Blueprint, "INVALID_BLUEPRINT"> {
  const problems = listBlueprintProblems(b);
  if (problems.length === 0) return { ok: true, value: b };
  return { ok: false, reason: "INVALID_BLUEPRINT", message: problems.map((p) => `${p.path}: ${p.message}`).join("; ") };
}
