// Exam time: the deadline of an attempt, fixed when it starts, and the time left. The
// deadline is an absolute instant, so nothing pauses it: closing the tab or losing the
// connection does not stop the clock, as on the real exam. The server stores the deadline
// and refuses answers written after it (ARCHITECTURE, "Errors and validation" 4); `now` is
// always the caller's.
//
// ESL accommodation: AWS grants 30 extra minutes on the 130-minute exam to candidates whose
// first language is not English. A focused form gets the same proportion of its own time,
// rounded up to a whole minute (20 minutes → 5 extra).

import type { Blueprint } from "./blueprint";
import type { ExamForm } from "./exam-form";

export interface ExamTiming {
  durationMinutes: number;
  eslExtraMinutes: number;
}

const MINUTE_MS = 60_000;

/** The time allowed for a form: the blueprint's for the full form, the form's own when focused. */
export function formTiming(blueprint: Blueprint, form: ExamForm): ExamTiming {
  if (form.kind === "full") return { durationMinutes: blueprint.durationMinutes, eslExtraMinutes: blueprint.eslExtraMinutes };
  return {
    durationMinutes: form.minutes,
    eslExtraMinutes: Math.ceil((form.minutes * blueprint.eslExtraMinutes) / blueprint.durationMinutes),
  };
}

/** When the attempt ends. A blueprint is an `ExamTiming`, so the full form passes it as is. */
export function examDeadline(startedAt: Date, timing: ExamTiming, esl: boolean): Date {
  const minutes = timing.durationMinutes + (esl ? timing.eslExtraMinutes : 0);
  return new Date(startedAt.getTime() + minutes * MINUTE_MS);
}

/** True from the deadline on: an answer written at the deadline itself is late. */
export function isExpired(deadline: Date, now: Date): boolean {
  return now.getTime() >= deadline.getTime();
}

/** Milliseconds left, never negative. */
export function remainingMs(deadline: Date, now: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}
