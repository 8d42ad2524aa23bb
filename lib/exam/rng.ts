// Seeded randomness for exam assembly: the same seed string always draws the same exam, on
// any machine, so an attempt can be rebuilt from its stored seed.
//
// - Hash: a seed string becomes four 32-bit words. Each word is FNV-1a (32-bit; offset basis
//   0x811c9dc5, prime 0x01000193) over the UTF-16 code units of `${lane}:${seed}` for lanes
//   0–3, finished with MurmurHash3's fmix32 so that seeds differing in one character give
//   unrelated words.
// - Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand; public
//   domain), 128-bit state, passes PractRand and BigCrush, far more than shuffling a few
//   hundred questions needs. The first 15 outputs are discarded so weak seeds warm up.
// - Integers below n are `floor(u * n)` with u in [0, 1) of 32-bit resolution; the bias is
//   below n / 2^32, irrelevant for lists of questions.
// Not for secrets: anyone with the seed can replay the draw, which is the point.

/** A stream of numbers in [0, 1). Each call advances it. */
export type Rng = () => number;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit unsigned hash of a string (lane 0 of the seed hash). */
export function hashString(text: string, lane = 0): number {
  return fmix32(fnv1a(`${lane}:${text}`));
}

/** The generator for a seed string. */
export function createRng(seed: string): Rng {
  let a = hashString(seed, 0);
  let b = hashString(seed, 1);
  let c = hashString(seed, 2);
  let d = hashString(seed, 3);
  const next: Rng = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i += 1) next();
  return next;
}

/** A whole number in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`randomInt needs a positive whole bound, got ${n}`);
  return Math.floor(rng() * n);
}

/** A shuffled copy (Fisher–Yates); the input is left as it is. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(rng, i + 1);
    const held = out[i] as T;
    out[i] = out[j] as T;
    out[j] = held;
  }
  return out;
}

/** One element chosen uniformly; undefined for an empty list. */
export function pick<T>(items: readonly T[], rng: Rng): T | undefined {
  return items.length === 0 ? undefined : items[randomInt(rng, items.length)];
}
