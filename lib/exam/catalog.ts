// From the question bank to what assembly works on: the blueprint of an exam as the content
// states it, and the pool of candidate questions with their domains per exam and when the
// learner last saw them. Structural input types (`ExamFacts`, `BankQuestion`) so lib/exam
// needs nothing from lib/content; the compiled `Exam` and `PublicQuestion` fit them as they are.
//
// Domains of a question: the domains of its task statements (`DVA-C02:2.1` → domain `2` of
// DVA-C02). Assembly counts a question toward the first of its domains that the form allows,
// so the order matters. A question that tests several domains is given, as its first, the
// domain that needs it most: questions tied to one domain are counted first, then each
// multi-domain question (in id order) goes to the domain whose supply is lowest relative to its
// weight, `(questions so far + 1) / weight` (ties to the lower domain id). The bank's supply
// per domain then follows the blueprint's weights as closely as the questions allow, so thin
// domains fill before well-stocked ones. The question tests every domain it lists, so any of
// them is true of it. Its other domains follow in the same order of need. Without a blueprint
// for an exam, the weights count as equal.

import type { CandidateQuestion } from "./assemble";
import { type Blueprint, checkBlueprint } from "./blueprint";
import type { ExamForm } from "./exam-form";
import type { ExamResult } from "./result";

/** What a compiled exam guide says (lib/content's `Exam` has these fields and more). */
export interface ExamFacts {
  id: string;
  title: string;
  questions: { total: number; scored: number };
  minutes: number;
  accommodationMinutes: number;
  score: { min: number; max: number; passing: number };
  domains: ReadonlyArray<{ number: number; title: string; weight: number }>;
}

/** What assembly needs of a bank question (lib/content's `PublicQuestion` fits). */
export interface BankQuestion {
  id: string;
  exams: readonly string[];
  tasks: readonly string[];
  traps: readonly string[];
  response: { type: "single" } | { type: "multiple"; choose: number };
  instances: ReadonlyArray<{ id: string }>;
}

/** The blueprint of an exam guide, checked: a content error fails with every problem listed. */
export function blueprintFromExam(exam: ExamFacts): ExamResult<Blueprint, "INVALID_BLUEPRINT"> {
  return checkBlueprint({
    id: exam.id,
    title: exam.title,
    questionCount: exam.questions.total,
    scoredCount: exam.questions.scored,
    durationMinutes: exam.minutes,
    eslExtraMinutes: exam.accommodationMinutes,
    passingScore: exam.score.passing,
    minScore: exam.score.min,
    maxScore: exam.score.max,
    domains: exam.domains.map((d) => ({ id: String(d.number), title: d.title, weight: d.weight })),
  });
}

/** `DVA-C02:2.1` → `{ exam: "DVA-C02", domain: "2" }`; undefined for anything else. */
export function parseTaskId(task: string): { exam: string; domain: string } | undefined {
  const match = /^([^:]+):(\d+)\.\d+$/.exec(task);
  return match?.[1] && match[2] ? { exam: match[1], domain: match[2] } : undefined;
}

/**
 * The candidate pool for assembly. `lastSeen` maps question ids to when the learner last saw
 * them (practice, reviews or an earlier exam); questions missing from it were never seen.
 * `blueprints` give the domain weights that decide which domain a multi-domain question fills.
 */
export function buildCandidatePool(
  questions: readonly BankQuestion[],
  lastSeen: ReadonlyMap<string, Date> = new Map(),
  blueprints: readonly Pick<Blueprint, "id" | "domains">[] = [],
): CandidateQuestion[] {
  const raw = questions.map((q) => {
    const domains = new Map<string, string[]>();
    for (const task of q.tasks) {
      const parsed = parseTaskId(task);
      if (!parsed || !q.exams.includes(parsed.exam)) continue;
      const list = domains.get(parsed.exam) ?? [];
      if (!list.includes(parsed.domain)) list.push(parsed.domain);
      domains.set(parsed.exam, list);
    }
    return { q, domains };
  });

  const exams = new Set(raw.flatMap(({ domains }) => [...domains.keys()]));
  const ordered = new Map<string, Record<string, string[]>>(raw.map(({ q }) => [q.id, {}]));
  for (const exam of exams) {
    const weights = new Map(blueprints.find((b) => b.id === exam)?.domains.map((d) => [d.id, d.weight]) ?? []);
    const weightOf = (d: string) => weights.get(d) ?? (weights.size === 0 ? 1 : 0);
    const supply = new Map<string, number>();
    const need = (d: string) => {
      const w = weightOf(d);
      return w > 0 ? ((supply.get(d) ?? 0) + 1) / w : Infinity;
    };
    const byNeed = (a: string, b: string) => {
      const diff = need(a) - need(b);
      return diff !== 0 && !Number.isNaN(diff) ? diff : compareDomainIds(a, b);
    };
    const withExam = raw
      .filter(({ domains }) => (domains.get(exam)?.length ?? 0) > 0)
      .sort((a, b) => (a.domains.get(exam)?.length ?? 0) - (b.domains.get(exam)?.length ?? 0) || compareIds(a.q.id, b.q.id));
    for (const { q, domains } of withExam) {
      const list = [...(domains.get(exam) ?? [])].sort(byNeed);
      const first = list[0]!;
      supply.set(first, (supply.get(first) ?? 0) + 1);
      ordered.get(q.id)![exam] = list;
    }
  }

  return raw.map(({ q }) => ({
    id: q.id,
    domains: ordered.get(q.id) ?? {},
    tasks: [...q.tasks],
    traps: [...q.traps],
    responseType: q.response.type,
    lastSeenAt: lastSeen.get(q.id) ?? null,
    hasVariants: q.instances.length > 1,
  }));
}

/**
 * The domain a chosen question counts toward in an exam of this blueprint and form: the
 * first of its domains the form allows, the rule assembly applies (assemble.ts, step 1).
 * Undefined when the question does not belong to the form at all.
 */
export function countedDomain(question: CandidateQuestion, blueprint: Blueprint, form: ExamForm): string | undefined {
  const allowed = new Set(
    form.kind === "focused" && form.domains && form.domains.length > 0 ? form.domains : blueprint.domains.map((d) => d.id),
  );
  return (question.domains[blueprint.id] ?? []).find((d) => allowed.has(d));
}

/** How many questions of the pool each domain of the blueprint could draw on (after the ordering rule). */
export function countPoolByDomain(pool: readonly CandidateQuestion[], blueprint: Blueprint): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(blueprint.domains.map((d) => [d.id, 0]));
  for (const q of pool) {
    const first = q.domains[blueprint.id]?.[0];
    if (first !== undefined && first in counts) counts[first] = (counts[first] ?? 0) + 1;
  }
  return counts;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDomainIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
