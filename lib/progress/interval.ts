// Uncertainty of a share of right answers: the Wilson score interval, which stays inside 0–1
// and behaves with few answers (unlike "p ± 1.96·sd"). Used for readiness bands and
// calibration, so every learner-facing rate comes with how sure we can be of it.
//
// Successes may be fractional (readiness counts a right answer by how well it is still
// remembered), which the formula allows: it only needs the observed share and the count.

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The 95% Wilson interval of `successes` out of `n`; with no observations, all of 0–1. */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval {
  if (!(n > 0) || !Number.isFinite(n)) return { low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, successes / n));
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: clamp01(centre - half), high: clamp01(centre + half) };
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
