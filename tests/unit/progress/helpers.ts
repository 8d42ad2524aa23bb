// Builders for progress tests: answer summaries and memory with only the fields a test cares about.
import type { AnswerSummary, MemoryOfItem } from "@/lib/progress";

export const T0 = new Date("2025-03-10T12:00:00Z");
export const DAY = 86_400_000;

export function summary(questionId: string, over: Partial<AnswerSummary> = {}): AnswerSummary {
  return {
    questionId,
    answers: 1,
    misses: 0,
    sureMisses: 0,
    recentMisses: 0,
    lastMissedAt: null,
    lastAnsweredAt: new Date(T0.getTime() - DAY),
    latestCorrect: true,
    latestConfidence: "sure",
    latestVariant: "base",
    variants: ["base"],
    ...over,
  };
}

export function missed(questionId: string, confidence: "sure" | "unsure" | "guess", at: Date, over: Partial<AnswerSummary> = {}): AnswerSummary {
  return summary(questionId, {
    misses: 1,
    sureMisses: confidence === "sure" ? 1 : 0,
    recentMisses: 1,
    lastMissedAt: at,
    lastAnsweredAt: at,
    latestCorrect: false,
    latestConfidence: confidence,
    ...over,
  });
}

export function memory(state: 0 | 1 | 2 | 3, retrievability: number | null): MemoryOfItem {
  return { state, retrievability, due: new Date(T0.getTime() + DAY), lapses: 0 };
}

export function byId<T extends { questionId: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.questionId, i]));
}
