// Readiness: an estimated scaled-score band for an exam, from mock-exam results and practice
// answers weighted by exam domain and memory. Never a single number: the band is a 95% interval
// that is wide when it rests on few answers, and below a minimum of evidence we say "too little
// data" instead. The method in plain words is READINESS_METHOD, shown on the dashboard.
//
// Steps:
// 1. Domains this app's bank covers (at least MIN_BANK_QUESTIONS questions) take part; their
//    exam-guide weights are rescaled to add up to 1. Domains outside the bank are named as such.
// 2. Practice, per covered domain: each practised question counts by its latest answer: wrong
//    counts 0, right counts the FSRS recall probability now (1 right after a review, less as
//    it fades). The domain's share is the mean; the exam's is the weighted mean of the domains
//    practised, resting on an effective number of answers n = 1 / Σ (wᵢ² / nᵢ) (the size of a
//    plain sample with the same spread as this weighted one).
// 3. Mock exams: the last MAX_MOCKS finished attempts of the exam within MOCK_WINDOW_DAYS add
//    their right answers over their scored questions.
// 4. Pooled share p over n answers → 95% Wilson interval → both ends mapped to the exam's scale
//    with lib/exam's estimateScaledScore (the mock exams' mapping: 72% right ↦ 720), rounding the
//    low end down and the high end up so the band never looks narrower than it is.
// Too little data: without a mock exam of at least MIN_MOCK_SCORED scored questions, practice
// must reach MIN_PRACTICE_QUESTIONS questions and MIN_PER_DOMAIN in every covered domain.

import { estimateScaledScore } from "@/lib/exam";
import { wilsonInterval } from "./interval";

export const MIN_BANK_QUESTIONS = 5;
export const MIN_PER_DOMAIN = 3;
export const MIN_PRACTICE_QUESTIONS = 20;
export const MIN_MOCK_SCORED = 10;
export const MAX_MOCKS = 3;
export const MOCK_WINDOW_DAYS = 90;

export const READINESS_METHOD =
  "How this is estimated: for every exam domain our question bank covers, we take your latest answer to each question you have practised in it. " +
  "A wrong answer counts 0; a right one counts as much as you are likely to still remember it today (the spaced-repetition estimate of recall: " +
  "close to 1 just after you answered, lower as time passes). The domains are weighted as in the exam guide. Your last " +
  `${MAX_MOCKS} mock exams of this exam from the last ${MOCK_WINDOW_DAYS} days are added as further answers. ` +
  "From the resulting share of expected right answers and the number of answers behind it we take a 95% range (a Wilson interval: " +
  "narrow with many answers, wide with few) and convert both ends to the 100–1000 scale the way mock exams are scored (72% right is 720). " +
  "The real exam also covers topics outside this app's IAM question bank; they are left out, so the band is about the parts we cover. " +
  "It is an estimate with its uncertainty, not a promise of a score.";

export interface ReadinessExam {
  id: string;
  title: string;
  scoredCount: number;
  score: { min: number; max: number; passing: number };
  domains: ReadonlyArray<{ id: string; title: string; weight: number }>;
}

export interface PracticeEvidence {
  questionId: string;
  /** The question's domains in this exam. */
  domains: readonly string[];
  latestCorrect: boolean;
  /** Recall probability now; null when unknown (then a right answer counts fully). */
  recall: number | null;
}

export interface MockEvidence {
  correct: number;
  scored: number;
  submittedAt: Date;
}

export interface ReadinessInput {
  exam: ReadinessExam;
  /** Questions in the bank per domain id of this exam. */
  bankCounts: Readonly<Record<string, number>>;
  practice: readonly PracticeEvidence[];
  mocks: readonly MockEvidence[];
  now: Date;
}

export interface DomainReadiness {
  id: string;
  title: string;
  weight: number;
  bankQuestions: number;
  covered: boolean;
  answered: number;
  /** Expected share right in this domain; null when not practised or not covered. */
  share: number | null;
}

export type ReadinessVerdict = "likely-pass" | "borderline" | "not-yet";

export type ReadinessResult =
  | { kind: "insufficient"; needs: string[] }
  | {
      kind: "band";
      lowPercent: number;
      highPercent: number;
      lowScore: number;
      highScore: number;
      verdict: ReadinessVerdict;
      sentence: string;
    };

export interface Readiness {
  exam: string;
  title: string;
  passing: number;
  /** Percent of the exam's weight in domains the bank covers. */
  coveredWeight: number;
  domains: DomainReadiness[];
  practice: { questions: number; effective: number };
  mocks: { attempts: number; correct: number; scored: number };
  result: ReadinessResult;
}

export function estimateReadiness(input: ReadinessInput): Readiness {
  const { exam, bankCounts, now } = input;
  const domains: DomainReadiness[] = exam.domains.map((d) => {
    const bankQuestions = bankCounts[d.id] ?? 0;
    const covered = bankQuestions >= MIN_BANK_QUESTIONS;
    const mine = covered ? input.practice.filter((p) => p.domains.includes(d.id)) : [];
    const expected = mine.reduce((s, p) => s + (p.latestCorrect ? (p.recall ?? 1) : 0), 0);
    return { id: d.id, title: d.title, weight: d.weight, bankQuestions, covered, answered: mine.length, share: mine.length ? expected / mine.length : null };
  });
  const covered = domains.filter((d) => d.covered);
  const coveredWeight = covered.reduce((s, d) => s + d.weight, 0);
  const practised = covered.filter((d) => d.answered > 0);
  const practisedWeight = practised.reduce((s, d) => s + d.weight, 0);

  let practiceShare = 0;
  let effective = 0;
  if (practisedWeight > 0) {
    practiceShare = practised.reduce((s, d) => s + (d.weight / practisedWeight) * (d.share ?? 0), 0);
    effective = 1 / practised.reduce((s, d) => s + (d.weight / practisedWeight) ** 2 / d.answered, 0);
  }
  const practiceQuestions = new Set(input.practice.filter((p) => p.domains.some((id) => covered.some((d) => d.id === id))).map((p) => p.questionId)).size;

  const windowStart = now.getTime() - MOCK_WINDOW_DAYS * 86_400_000;
  const mocks = [...input.mocks]
    .filter((m) => m.scored > 0 && m.submittedAt.getTime() >= windowStart && m.submittedAt.getTime() <= now.getTime())
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
    .slice(0, MAX_MOCKS);
  const mockCorrect = mocks.reduce((s, m) => s + m.correct, 0);
  const mockScored = mocks.reduce((s, m) => s + m.scored, 0);

  const base = {
    exam: exam.id,
    title: exam.title,
    passing: exam.score.passing,
    coveredWeight,
    domains,
    practice: { questions: practiceQuestions, effective },
    mocks: { attempts: mocks.length, correct: mockCorrect, scored: mockScored },
  };

  const needs: string[] = [];
  if (covered.length === 0) needs.push(`Our question bank does not cover ${exam.id} well enough to estimate a score.`);
  else if (mockScored < MIN_MOCK_SCORED) {
    const thin = covered.filter((d) => d.answered < MIN_PER_DOMAIN);
    if (practiceQuestions < MIN_PRACTICE_QUESTIONS) needs.push(`Practise at least ${MIN_PRACTICE_QUESTIONS} questions of ${exam.id} (you have ${practiceQuestions}).`);
    for (const d of thin) needs.push(`Answer at least ${MIN_PER_DOMAIN} questions in domain ${d.id}, ${d.title} (you have ${d.answered}).`);
    if (needs.length) needs.push(`Or take a mock exam of ${exam.id}.`);
  }
  if (needs.length) return { ...base, result: { kind: "insufficient", needs } };

  const n = effective + mockScored;
  const share = (practiceShare * effective + mockCorrect) / n;
  const band = wilsonInterval(share * n, n);
  const blueprint = { minScore: exam.score.min, passingScore: exam.score.passing, maxScore: exam.score.max };
  const lowCount = Math.floor(band.low * exam.scoredCount + 1e-9);
  const highCount = Math.ceil(band.high * exam.scoredCount - 1e-9);
  const lowScore = estimateScaledScore(lowCount, exam.scoredCount, blueprint);
  const highScore = estimateScaledScore(highCount, exam.scoredCount, blueprint);
  const verdict: ReadinessVerdict = lowScore >= exam.score.passing ? "likely-pass" : highScore < exam.score.passing ? "not-yet" : "borderline";
  const sentence =
    verdict === "likely-pass"
      ? `Your whole band lies above the pass mark of ${exam.score.passing}: on the parts of ${exam.id} this app covers, you would likely pass today.`
      : verdict === "not-yet"
        ? `Your whole band lies below the pass mark of ${exam.score.passing}: not ready yet on the parts this app covers.`
        : `The pass mark of ${exam.score.passing} lies inside your band: too close to call. More answers will narrow it.`;
  return {
    ...base,
    result: { kind: "band", lowPercent: band.low * 100, highPercent: band.high * 100, lowScore, highScore, verdict, sentence },
  };
}
