// The result shape for expected outcomes in lib/srs (ARCHITECTURE, "Errors and validation"):
// bad settings such as an unknown time zone come back as `{ ok: false, reason, message }`,
// bugs throw. Structurally the same as `Result` in lib/errors.ts, restated here because
// lib/srs imports only its own files, ts-fsrs and zod.

export type SrsResult<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R; message: string };

export function succeed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<R extends string>(reason: R, message: string): { ok: false; reason: R; message: string } {
  return { ok: false, reason, message };
}
