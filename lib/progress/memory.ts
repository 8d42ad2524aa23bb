// The memory side of progress: a stored review state read as lib/srs card fields, and how
// likely the learner is to recall an item now (FSRS retrievability). Thresholds shared by the
// trap status and mastery live here so both speak of "strong" and "faded" memory alike.

import { type CardFields, isCardStateValue, retrievability } from "@/lib/srs";

/** Recall probability at or above which memory counts as strong (close to the default 0.9 target). */
export const STRONG_RECALL = 0.85;
/** Recall probability below which memory counts as faded. */
export const FADED_RECALL = 0.7;

export interface StoredState {
  itemId: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export interface MemoryOfItem {
  state: 0 | 1 | 2 | 3;
  /** Probability of recall now; null for an item never reviewed. */
  retrievability: number | null;
  due: Date;
  lapses: number;
}

/** The memory of each stored item at `now`; rows with an unknown state number are skipped. */
export function readMemory(states: readonly StoredState[], now: Date): Map<string, MemoryOfItem> {
  const out = new Map<string, MemoryOfItem>();
  for (const s of states) {
    if (!isCardStateValue(s.state)) continue;
    const fields: CardFields = { ...s, state: s.state };
    out.set(s.itemId, { state: s.state, retrievability: retrievability(fields, now), due: s.due, lapses: s.lapses });
  }
  return out;
}
