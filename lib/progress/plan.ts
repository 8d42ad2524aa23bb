// The plan to the exam date: days left, the learner's pace over the last 14 study days, whether
// that pace sees the whole bank and the weak domains in time, and a suggestion for today.
//
// - Pace: new items started per day, question answers per day and all reviews per day, averaged
//   over the 14 study days ending today (days without study count as 0).
// - The bank is covered in time when new items per day × days left ≥ items never studied.
// - Weak domains: domains our bank covers (≥ 5 questions) with fewer than 60% of their
//   questions mastered; they are covered in time when question answers per day × days left ≥
//   their questions not yet mastered.
// - Today: the reviews due now, the new items per day needed to see the bank by the exam (or
//   the daily new-item setting without a date), and the weakest domain to practise.

import type { DayStats } from "./activity";
import { addDays, daysBetween, type StudyDay } from "./days";
import type { ExamMastery } from "./mastery";
import { MIN_BANK_QUESTIONS } from "./readiness";

export const PACE_DAYS = 14;
export const WEAK_DOMAIN_SHARE = 0.6;

export interface WeakDomain {
  exam: string;
  domain: string;
  title: string;
  weight: number;
  total: number;
  /** Questions not yet mastered. */
  open: number;
  masteredShare: number;
}

/** Covered domains with less than 60% mastered, the heaviest gap (weight × share open) first. */
export function findWeakDomains(mastery: readonly ExamMastery[], exams?: readonly string[]): WeakDomain[] {
  return mastery
    .filter((m) => !exams || exams.includes(m.exam))
    .flatMap((m) =>
      m.domains
        .filter((d) => d.total >= MIN_BANK_QUESTIONS && d.counts.mastered / d.total < WEAK_DOMAIN_SHARE)
        .map((d) => ({
          exam: m.exam,
          domain: d.id.split(":")[1] ?? d.id,
          title: d.title,
          weight: d.weight,
          total: d.total,
          open: d.total - d.counts.mastered,
          masteredShare: d.counts.mastered / d.total,
        })),
    )
    .sort((a, b) => b.weight * (1 - b.masteredShare) - a.weight * (1 - a.masteredShare) || a.exam.localeCompare(b.exam) || a.domain.localeCompare(b.domain));
}

export interface Pace {
  newPerDay: number;
  questionsPerDay: number;
  reviewsPerDay: number;
}

export function paceOver(days: ReadonlyMap<StudyDay, DayStats>, today: StudyDay, span = PACE_DAYS): Pace {
  let first = 0;
  let questions = 0;
  let reviews = 0;
  for (let i = 0; i < span; i += 1) {
    const d = days.get(addDays(today, -i));
    first += d?.firstReviews ?? 0;
    questions += d?.questionReviews ?? 0;
    reviews += d?.reviews ?? 0;
  }
  return { newPerDay: first / span, questionsPerDay: questions / span, reviewsPerDay: reviews / span };
}

export interface PlanInput {
  today: StudyDay;
  examDay: StudyDay | null;
  pace: Pace;
  unseenItems: number;
  dueNow: number;
  newPerDaySetting: number;
  weakDomains: readonly WeakDomain[];
}

export interface Plan {
  status: "no-date" | "past" | "today" | "ahead";
  daysLeft: number | null;
  bank: { unseen: number; neededPerDay: number | null; onPace: boolean | null; finishInDays: number | null };
  weak: { open: number; neededPerDay: number | null; onPace: boolean | null };
  today: { reviews: number; newItems: number; focus: WeakDomain | null };
}

export function planToExam(input: PlanInput): Plan {
  const { today, examDay, pace, unseenItems, weakDomains } = input;
  const daysLeft = examDay ? daysBetween(today, examDay) : null;
  const status: Plan["status"] = daysLeft === null ? "no-date" : daysLeft < 0 ? "past" : daysLeft === 0 ? "today" : "ahead";
  const weakOpen = weakDomains.reduce((s, d) => s + d.open, 0);
  const ahead = status === "ahead" && daysLeft !== null;
  const bankNeeded = ahead ? Math.ceil(unseenItems / daysLeft) : null;
  const weakNeeded = ahead ? Math.ceil(weakOpen / daysLeft) : null;
  const finishInDays = unseenItems === 0 ? 0 : pace.newPerDay > 0 ? Math.ceil(unseenItems / pace.newPerDay) : null;
  const newToday = Math.min(unseenItems, ahead ? Math.max(bankNeeded ?? 0, 0) : status === "no-date" ? input.newPerDaySetting : 0);
  return {
    status,
    daysLeft,
    bank: { unseen: unseenItems, neededPerDay: bankNeeded, onPace: ahead ? pace.newPerDay * daysLeft >= unseenItems : null, finishInDays },
    weak: { open: weakOpen, neededPerDay: weakNeeded, onPace: ahead ? pace.questionsPerDay * daysLeft >= weakOpen : null },
    today: { reviews: input.dueNow, newItems: newToday, focus: weakDomains[0] ?? null },
  };
}
