// Mastery by exam domain and task statement: for each question of the bank a level from the
// learner's answers and memory, then counts per task statement and domain.
//
// Levels of one question:
// - not yet tested: never answered and never reviewed;
// - weak: the latest answer is wrong, or the recall chance has fallen below 70%;
// - mastered: the latest answer is right, the question has graduated to the FSRS Review state,
//   and the recall chance is 85% or more;
// - learning: everything in between (right lately, but still in learning steps or fading).
// A question that tests several task statements counts toward each of them.

import type { AnswerSummary } from "./answers";
import { FADED_RECALL, type MemoryOfItem, STRONG_RECALL } from "./memory";

export type MasteryLevel = "mastered" | "learning" | "weak" | "untested";
export const MASTERY_LEVELS: readonly MasteryLevel[] = ["mastered", "learning", "weak", "untested"];
export const MASTERY_LABELS: Readonly<Record<MasteryLevel, string>> = {
  mastered: "Mastered",
  learning: "Learning",
  weak: "Weak",
  untested: "Not yet tested",
};

export function questionLevel(answer: AnswerSummary | undefined, memory: MemoryOfItem | undefined): MasteryLevel {
  const reviewed = memory !== undefined && memory.state !== 0;
  if (!answer && !reviewed) return "untested";
  const recall = memory?.retrievability ?? null;
  if (answer && !answer.latestCorrect) return "weak";
  if (recall !== null && recall < FADED_RECALL) return "weak";
  if (memory?.state === 2 && recall !== null && recall >= STRONG_RECALL && (answer?.latestCorrect ?? true)) return "mastered";
  return "learning";
}

export type LevelCounts = Record<MasteryLevel, number>;

export interface MasteryGroup {
  id: string;
  label: string;
  title: string;
  total: number;
  counts: LevelCounts;
}

export interface DomainMastery extends MasteryGroup {
  weight: number;
  tasks: MasteryGroup[];
}

export interface ExamMastery {
  exam: string;
  domains: DomainMastery[];
}

export interface MasteryExam {
  id: string;
  domains: ReadonlyArray<{ number: number; title: string; weight: number; tasks: ReadonlyArray<{ id: string; number: string; title: string }> }>;
}

export interface MasteryQuestion {
  id: string;
  tasks: readonly string[];
}

function emptyCounts(): LevelCounts {
  return { mastered: 0, learning: 0, weak: 0, untested: 0 };
}

export function buildMastery(
  exams: readonly MasteryExam[],
  questions: readonly MasteryQuestion[],
  answers: ReadonlyMap<string, AnswerSummary>,
  memory: ReadonlyMap<string, MemoryOfItem>,
): ExamMastery[] {
  const levelOf = new Map(questions.map((q) => [q.id, questionLevel(answers.get(q.id), memory.get(q.id))]));
  const byTask = new Map<string, string[]>();
  for (const q of questions) for (const t of q.tasks) byTask.set(t, [...(byTask.get(t) ?? []), q.id]);

  return exams.map((exam) => ({
    exam: exam.id,
    domains: exam.domains.map((d) => {
      const domainIds = new Set<string>();
      const tasks = d.tasks.map((t) => {
        const ids = byTask.get(t.id) ?? [];
        ids.forEach((id) => domainIds.add(id));
        return { id: t.id, label: `${t.number}`, title: t.title, total: ids.length, counts: tally(ids, levelOf) };
      });
      return {
        id: `${exam.id}:${d.number}`,
        label: `Domain ${d.number}`,
        title: d.title,
        weight: d.weight,
        total: domainIds.size,
        counts: tally([...domainIds], levelOf),
        tasks,
      };
    }),
  }));
}

function tally(ids: readonly string[], levelOf: ReadonlyMap<string, MasteryLevel>): LevelCounts {
  const counts = emptyCounts();
  for (const id of ids) counts[levelOf.get(id) ?? "untested"] += 1;
  return counts;
}

/** Share of a group's questions mastered; null for a group without questions. */
export function masteredShare(group: MasteryGroup): number | null {
  return group.total ? group.counts.mastered / group.total : null;
}
