// Assembling a mock exam from the question bank: which questions, in which order, which of
// them are unscored, and an honest account of what the bank could not provide. Pure and
// deterministic: the same blueprint, form, pool, seed and `now` give the same exam, whatever
// the order of the pool, so an attempt can be rebuilt from its stored seed.
//
// How the questions are chosen:
// 1. Eligible questions are those with a domain of this exam (`domains[blueprint.id]`) among
//    the form's domains and, when the form names traps, at least one of those traps. A
//    question counts toward the first of its domains that the form allows. A question id
//    appearing twice in the pool is taken once (the first entry).
// 2. Each domain's target is its largest-remainder share of the question count by weight
//    (see apportion.ts); a focused form shares among its chosen domains or, when it names
//    none, among the domains its eligible questions come from. When a domain has fewer questions than its target, the missing
//    seats are apportioned among the other domains by weight, so the exam keeps its length
//    (time per question matters as much as the weights); the shortfall is reported.
// 3. Within a domain, questions never seen come first, then those seen longest ago (whole
//    days before `now`), ties in a seeded random order.
// 4. Response types: the real exam mixes multiple choice with multiple response but AWS
//    publishes no ratio; AWS sample sets suggest about one question in five. We keep the
//    share of multiple-response questions between 15% and 30% (rounded) when the bank
//    allows, by swapping, inside one domain, its least preferred chosen question of the
//    over-represented type for its most preferred unchosen one of the other type.
// 5. The exam order is a seeded shuffle. In the full form, `questionCount − scoredCount`
//    questions (15 of 65) are marked unscored, spread over domains in proportion to the
//    questions drawn from each, chosen by seed. As on the real exam, the learner must never
//    be told which: the UI shows `questionIds` only, and scoring alone reads `unscoredIds`.
//    When the bank cannot fill the exam, scored questions are kept first.
// Sub-streams of randomness are derived from the seed per purpose (`/rank`, `/order`,
// `/unscored`), so turning unscored marking off leaves the questions and their order alone.

import { apportion, apportionCapped } from "./apportion";
import { type Blueprint, type BlueprintDomain, unscoredCount } from "./blueprint";
import { checkExamForm, type ExamForm, type ExamFormFailure } from "./exam-form";
import { type ExamResult, fail, succeed } from "./result";
import { createRng, hashString, shuffle } from "./rng";

export type ResponseType = "single" | "multiple";

export interface CandidateQuestion {
  id: string;
  /** Domain ids of the question, per exam id: `{ "DVA-C02": ["2"], "SAA-C03": ["1"] }`. */
  domains: Readonly<Record<string, readonly string[]>>;
  /** Task statement ids, such as `DVA-C02:2.1`. */
  tasks: readonly string[];
  traps: readonly string[];
  responseType: ResponseType;
  /** When the learner last saw this question anywhere; null or absent when never. */
  lastSeenAt?: Date | null;
  /** True when the question has variants; it then gets a variant seed. */
  hasVariants: boolean;
}

export interface AssembleInput {
  blueprint: Blueprint;
  form: ExamForm;
  pool: readonly CandidateQuestion[];
  seed: string;
  now: Date;
  /** Mark unscored questions in the full form (as on the real exam). */
  unscored: boolean;
}

export interface DomainFill {
  domain: string;
  /** The domain's share of the question count by weight. */
  target: number;
  got: number;
}

export interface AssembledExam {
  /** In exam order. */
  questionIds: string[];
  /** A subset of `questionIds`, in exam order. Never shown to the learner. */
  unscoredIds: string[];
  perDomain: DomainFill[];
  /** Learner-facing sentences on what the bank could not fill; empty when nothing is missing. */
  shortfalls: string[];
  /** For questions with variants: a seed that picks the variant, stable for this attempt. */
  variantSeeds: Record<string, string>;
}

export type AssembleFailure = ExamFormFailure | "NO_QUESTIONS";

export const MIN_MULTIPLE_SHARE = 0.15;
export const MAX_MULTIPLE_SHARE = 0.3;

const DAY_MS = 86_400_000;

interface Candidate {
  question: CandidateQuestion;
  domain: string;
  /** Whole days since last seen; Infinity when never seen. */
  daysSinceSeen: number;
  rank: number;
}

export function assembleExam(input: AssembleInput): ExamResult<AssembledExam, AssembleFailure> {
  const { blueprint, form, seed } = input;
  const checked = checkExamForm(blueprint, form);
  if (!checked.ok) return checked;

  const count = form.kind === "full" ? blueprint.questionCount : form.count;
  const allowedDomains = formDomains(blueprint, form);
  const candidates = eligibleCandidates(input, allowedDomains);
  if (candidates.length === 0) {
    return fail("NO_QUESTIONS", `the question bank has no question for this ${form.kind === "full" ? "exam" : "selection of domains and traps"}`);
  }
  // A focused form that names no domains (say, traps only) is weighted over the domains its
  // questions come from: the learner asked about traps, not about the domains they lack.
  const namesDomains = form.kind === "full" || (form.domains?.length ?? 0) > 0;
  const domains = namesDomains ? allowedDomains : allowedDomains.filter((d) => candidates.some((c) => c.domain === d.id));

  const lists = domains.map((d) => candidates.filter((c) => c.domain === d.id).sort(comparePreference));
  const weights = domains.map((d) => d.weight);
  const targets = apportion(count, weights);
  const got = apportionCapped(count, weights, lists.map((l) => l.length));
  const chosen = lists.map((list, i) => list.slice(0, got[i] ?? 0));
  const total = got.reduce((s, n) => s + n, 0);
  const mix = balanceResponseTypes(chosen, lists, total);

  const all = chosen.flat();
  const questionIds = shuffle(all.map((c) => c.question.id).sort(compareIds), createRng(`${seed}/order`));

  let unscoredIds: string[] = [];
  let unscoredShort: string | null = null;
  if (form.kind === "full" && input.unscored) {
    const wanted = unscoredCount(blueprint);
    const marked = Math.min(wanted, Math.max(0, total - blueprint.scoredCount));
    const spread = apportionCapped(marked, got, got);
    const rng = createRng(`${seed}/unscored`);
    const unscored = new Set(chosen.flatMap((list, i) => shuffle(list.map((c) => c.question.id).sort(compareIds), rng).slice(0, spread[i] ?? 0)));
    unscoredIds = questionIds.filter((id) => unscored.has(id));
    if (marked < wanted) {
      unscoredShort =
        marked === 0
          ? `No question is unscored: the exam has ${total} questions, not more than the ${blueprint.scoredCount} that count on the real exam.`
          : `Only ${marked} of ${wanted} questions are unscored, so that all ${blueprint.scoredCount} scored questions could be filled.`;
    }
  }

  const variantSeeds: Record<string, string> = {};
  for (const c of [...all].sort((a, b) => compareIds(a.question.id, b.question.id))) {
    if (c.question.hasVariants) variantSeeds[c.question.id] = hashString(`${seed}/variant/${c.question.id}`).toString(16).padStart(8, "0");
  }

  const shortfalls = [
    ...domainShortfalls(domains, targets, got, lists, total, count),
    ...(total < count ? [`The bank has ${total} ${plural(total, "question")} that fit, so this exam has ${total} instead of ${count}.`] : []),
    ...mix,
    ...seenShortfall(all, candidates),
    ...(unscoredShort ? [unscoredShort] : []),
  ];

  return succeed({
    questionIds,
    unscoredIds,
    perDomain: domains.map((d, i) => ({ domain: d.id, target: targets[i] ?? 0, got: got[i] ?? 0 })),
    shortfalls,
    variantSeeds,
  });
}

function formDomains(blueprint: Blueprint, form: ExamForm): readonly BlueprintDomain[] {
  if (form.kind === "full" || !form.domains || form.domains.length === 0) return blueprint.domains;
  const wanted = new Set(form.domains);
  return blueprint.domains.filter((d) => wanted.has(d.id));
}

function eligibleCandidates(input: AssembleInput, domains: readonly BlueprintDomain[]): Candidate[] {
  const { blueprint, form, now } = input;
  const allowed = new Set(domains.map((d) => d.id));
  const traps = form.kind === "focused" && form.traps && form.traps.length > 0 ? new Set(form.traps) : null;
  const seen = new Set<string>();
  const eligible: Omit<Candidate, "rank">[] = [];
  for (const question of input.pool) {
    if (seen.has(question.id)) continue;
    seen.add(question.id);
    const domain = (question.domains[blueprint.id] ?? []).find((id) => allowed.has(id));
    if (domain === undefined) continue;
    if (traps && !question.traps.some((t) => traps.has(t))) continue;
    const daysSinceSeen = question.lastSeenAt ? Math.max(0, Math.floor((now.getTime() - question.lastSeenAt.getTime()) / DAY_MS)) : Infinity;
    eligible.push({ question, domain, daysSinceSeen });
  }
  const ids = eligible.map((c) => c.question.id).sort(compareIds);
  const rank = new Map(shuffle(ids, createRng(`${input.seed}/rank`)).map((id, i) => [id, i]));
  return eligible.map((c) => ({ ...c, rank: rank.get(c.question.id) ?? 0 }));
}

/** Never seen first, then seen longest ago, then the seeded rank. */
function comparePreference(a: Candidate, b: Candidate): number {
  if (a.daysSinceSeen !== b.daysSinceSeen) return a.daysSinceSeen > b.daysSinceSeen ? -1 : 1;
  return a.rank - b.rank;
}

/** Swaps within domains to bring the multiple-response share into range; returns shortfall sentences. */
function balanceResponseTypes(chosen: Candidate[][], lists: readonly Candidate[][], total: number): string[] {
  const min = Math.round(MIN_MULTIPLE_SHARE * total);
  const max = Math.round(MAX_MULTIPLE_SHARE * total);
  const multiples = () => chosen.reduce((s, list) => s + list.filter((c) => c.question.responseType === "multiple").length, 0);
  const want: ResponseType | null = multiples() < min ? "multiple" : multiples() > max ? "single" : null;
  if (want === null) return [];
  const other: ResponseType = want === "multiple" ? "single" : "multiple";
  const done = () => (want === "multiple" ? multiples() >= min : multiples() <= max);

  let swapped = true;
  while (!done() && swapped) {
    swapped = false;
    for (let i = 0; i < chosen.length && !done(); i += 1) {
      const picked = chosen[i] ?? [];
      const inUse = new Set(picked.map((c) => c.question.id));
      const incoming = (lists[i] ?? []).find((c) => !inUse.has(c.question.id) && c.question.responseType === want);
      const outgoing = picked.findLastIndex((c) => c.question.responseType === other);
      if (!incoming || outgoing < 0) continue;
      picked.splice(outgoing, 1);
      picked.push(incoming);
      picked.sort(comparePreference);
      swapped = true;
    }
  }
  const m = multiples();
  if (m === 0 && min > 0) {
    return [`None of the ${total} questions is multiple response (aim: at least ${min}); the bank has none that fit.`];
  }
  if (m < min) {
    return [`Only ${m} of ${total} questions are multiple response (aim: at least ${min}); the bank has no more that fit.`];
  }
  if (m > max) {
    return [`${m} of ${total} questions are multiple response (aim: at most ${max}); the bank has too few multiple-choice questions that fit.`];
  }
  return [];
}

function domainShortfalls(
  domains: readonly BlueprintDomain[],
  targets: readonly number[],
  got: readonly number[],
  lists: readonly Candidate[][],
  total: number,
  count: number,
): string[] {
  return domains.flatMap((d, i) => {
    const target = targets[i] ?? 0;
    const available = lists[i]?.length ?? 0;
    if ((got[i] ?? 0) >= target) return [];
    const made = total === count ? " Other domains make up the difference." : "";
    return [`${d.title}: the bank has ${available} ${plural(available, "question")} for this domain, ${target} wanted.${made}`];
  });
}

function seenShortfall(all: readonly Candidate[], candidates: readonly Candidate[]): string[] {
  const seenBefore = all.filter((c) => c.daysSinceSeen !== Infinity).length;
  if (seenBefore === 0) return [];
  const inUse = new Set(all.map((c) => c.question.id));
  const unseenLeft = candidates.some((c) => c.daysSinceSeen === Infinity && !inUse.has(c.question.id));
  const why = unseenLeft
    ? "they keep the domain weights and the mix of response types"
    : "the bank has no unseen questions left for this form";
  return [`${seenBefore} of the ${all.length} questions were seen before: ${why}.`];
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
