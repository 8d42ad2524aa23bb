// The rows of the Traps page: every trap of the catalogue with the learner's verdict, ordered
// with confident-but-wrong first (lib/progress/trap-status). Pure glue between content and
// lib/progress, so the page only renders.
import type { Trap } from "@/lib/content";
import { type AnswerSummary, deriveTrapStatus, type MemoryOfItem, rankTraps, type TrapVerdict } from "@/lib/progress";

export interface TrapRow {
  trap: Trap;
  title: string;
  verdict: TrapVerdict;
}

export function buildTrapRows(traps: readonly Trap[], answers: ReadonlyMap<string, AnswerSummary>, memory: ReadonlyMap<string, MemoryOfItem>): TrapRow[] {
  return rankTraps(traps.map((trap) => ({ trap, title: trap.title, verdict: deriveTrapStatus(trap.questionIds, answers, memory) })));
}
