// Largest-remainder (Hamilton) apportionment: how many of `total` questions each domain gets
// for its weight. Each domain first gets the whole part of its exact quota
// `total × weight / sum of weights`; the seats left go one each to the largest fractional
// parts, equal parts (within 1e-9, to absorb floating-point noise) to the earlier domain in
// blueprint order. Weights need not add up to anything in particular.
//
// With caps (questions the bank has per domain), a domain never gets more than its cap; the
// seats it cannot take are apportioned again, by the same rule, among the domains that still
// have room, until everything is placed or no domain has room left.

const EPSILON = 1e-9;

export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`apportion needs a whole, non-negative total, got ${total}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError("apportion needs finite, non-negative weights");
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || total === 0) return weights.map(() => 0);
  // All weights zero: share equally rather than divide by zero.
  const effective = sum > 0 ? weights : weights.map(() => 1);
  const effectiveSum = sum > 0 ? sum : weights.length;
  const quotas = effective.map((w) => (total * w) / effectiveSum);
  const seats = quotas.map((q) => Math.floor(q + EPSILON));
  let left = total - seats.reduce((s, n) => s + n, 0);
  const order = quotas
    .map((q, index) => ({ index, fraction: Math.max(0, q - (seats[index] ?? 0)) }))
    .sort((x, y) => (Math.abs(x.fraction - y.fraction) > EPSILON ? y.fraction - x.fraction : x.index - y.index));
  for (const { index } of order) {
    if (left <= 0) break;
    seats[index] = (seats[index] ?? 0) + 1;
    left -= 1;
  }
  return seats;
}

export function apportionCapped(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  if (caps.length !== weights.length) throw new RangeError("apportionCapped needs one cap per weight");
  const seats = weights.map(() => 0);
  let left = total;
  while (left > 0) {
    const open = seats.map((_n, i) => i).filter((i) => (seats[i] ?? 0) < (caps[i] ?? 0));
    if (open.length === 0) break;
    const share = apportion(left, open.map((i) => weights[i] ?? 0));
    let placed = 0;
    open.forEach((i, k) => {
      const room = (caps[i] ?? 0) - (seats[i] ?? 0);
      const add = Math.min(room, share[k] ?? 0);
      seats[i] = (seats[i] ?? 0) + add;
      placed += add;
    });
    if (placed === 0) break;
    left -= placed;
  }
  return seats;
}
