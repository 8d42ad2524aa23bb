// The result shape for expected outcomes in lib/exam (ARCHITECTURE, "Errors and validation"):
// a form the bank cannot serve or an invalid blueprint comes back as
// `{ ok: false, reason, message }`; bugs throw. Structurally the same as `Result` in
// lib/errors.ts, restated because lib/exam imports only its own files, ts-fsrs, zod and
// @/lib/iam.

export type ExamResult<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R; message: string };

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<R extends string>(reason: R, message: string): { ok: false; reason: R; message: string } {
  return { ok: false, reason, message };
}
