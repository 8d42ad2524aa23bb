// Failures that are bugs or outages are thrown as AppError; expected business outcomes
// (wrong password, duplicate email, expired attempt) are returned as `{ ok: false, reason }`
// results instead, so callers must handle them.
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type Result<T, R extends string = string> = { ok: true; value: T } | { ok: false; reason: R; message: string };
