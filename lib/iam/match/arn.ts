// ARNs and ARN patterns (R34–R37, R56). An ARN splits at its first five colons into
// `arn`, partition, service, region, account and resource; the resource part keeps
// any further `:` and `/`. Patterns match part by part, case-sensitively, with `*`
// and `?` inside each part. [AMBIGUOUS] R36: a pattern with fewer than six parts
// whose last part ends in `*` lets that last part run over the remaining colons.

import { note } from "./ambiguity";
import { InternTable } from "./intern";
import { compileGlobPieces, matchGlob, type Glob, type GlobPiece } from "./wildcard";

export interface Arn {
  readonly text: string;
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
  /** The six parts, `arn` first. */
  readonly parts: readonly string[];
  /** Offsets where each part starts in `text`. */
  readonly starts: readonly number[];
}

/** Splits an ARN into its six parts; null when the text is not an ARN. */
export function parseArn(text: string): Arn | null {
  if (!text.startsWith("arn:")) return null;
  const parts: string[] = [];
  const starts: number[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(":", from);
    if (colon < 0) return null;
    parts.push(text.slice(from, colon));
    starts.push(from);
    from = colon + 1;
  }
  parts.push(text.slice(from));
  starts.push(from);
  return {
    text,
    partition: parts[1]!,
    service: parts[2]!,
    region: parts[3]!,
    account: parts[4]!,
    resource: parts[5]!,
    parts,
    starts,
  };
}

export interface ArnPattern {
  readonly source: string;
  /** `*` alone: matches every resource, including the `*` of actions without one (R34). */
  readonly any: boolean;
  /** One glob per part, `arn` first; fewer than six for a short pattern (R36). */
  readonly segments: readonly Glob[];
  readonly short: boolean;
}

export type ArnPatternError = "not-arn" | "short-without-star" | "service-wildcard" | "bad-prefix";

/** Splits pattern pieces at the first `limit` colons, keeping literal flags per piece. */
function splitPieces(pieces: readonly GlobPiece[], limit: number): GlobPiece[][] {
  const segments: GlobPiece[][] = [[]];
  for (const piece of pieces) {
    let text = piece.text;
    while (segments.length <= limit) {
      const colon = text.indexOf(":");
      if (colon < 0) break;
      segments[segments.length - 1]!.push({ text: text.slice(0, colon), literal: piece.literal });
      segments.push([]);
      text = text.slice(colon + 1);
    }
    segments[segments.length - 1]!.push({ text, literal: piece.literal });
  }
  return segments;
}

function piecesSource(pieces: readonly GlobPiece[]): string {
  let s = "";
  for (const p of pieces) s += p.text;
  return s;
}

function activeWildcard(pieces: readonly GlobPiece[]): boolean {
  return pieces.some((p) => !p.literal && (p.text.includes("*") || p.text.includes("?")));
}

function endsWithActiveStar(pieces: readonly GlobPiece[]): boolean {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i]!;
    if (p.text.length === 0) continue;
    return !p.literal && p.text.endsWith("*");
  }
  return false;
}

/** Compiles a Resource entry or ArnLike value. `*` alone matches everything. */
export function compileArnPattern(pieces: readonly GlobPiece[], source?: string): ArnPattern | ArnPatternError {
  const src = source ?? piecesSource(pieces);
  if (pieces.length === 1 && !pieces[0]!.literal && pieces[0]!.text === "*") {
    return { source: src, any: true, segments: [], short: false };
  }
  const parts = splitPieces(pieces, 5);
  if (piecesSource(parts[0]!) !== "arn" || activeWildcard(parts[0]!)) return parts.length === 1 ? "not-arn" : "bad-prefix";
  // R37: no wildcard in the service part.
  if (parts.length > 2 && activeWildcard(parts[2]!)) return "service-wildcard";
  let short = false;
  if (parts.length < 6) {
    if (!endsWithActiveStar(parts[parts.length - 1]!)) return "short-without-star";
    short = true;
  }
  return { source: src, any: false, segments: parts.map((p) => compileGlobPieces(p)), short };
}

const arnPatterns = new InternTable<ArnPattern | ArnPatternError>();

function compileArnSource(text: string): ArnPattern | ArnPatternError {
  return compileArnPattern([{ text, literal: false }], text);
}

/** Compiles a constant Resource entry or ArnLike value (shared across equal sources). */
export function compileArnText(text: string): ArnPattern | ArnPatternError {
  return arnPatterns.get(text, compileArnSource);
}

const suffixCache = new WeakMap<Arn, string[]>();

function suffixFrom(arn: Arn, part: number): string {
  let cached = suffixCache.get(arn);
  if (cached === undefined) {
    cached = [];
    suffixCache.set(arn, cached);
  }
  let s = cached[part];
  if (s === undefined) {
    s = arn.text.slice(arn.starts[part]!);
    cached[part] = s;
  }
  return s;
}

/**
 * Matches a request resource against a pattern. `arn` is null when the request
 * resource is not an ARN (the `*` of an action without resource-level permissions):
 * then only `*` matches (R33).
 */
export function matchArnPattern(p: ArnPattern, arn: Arn | null): boolean {
  if (p.any) return true;
  if (arn === null) return false;
  const segs = p.segments;
  if (!p.short) {
    // Most selective parts first; part 0 is "arn" on both sides.
    const parts = arn.parts;
    return (
      matchGlob(segs[2]!, parts[2]!) &&
      matchGlob(segs[5]!, parts[5]!) &&
      matchGlob(segs[4]!, parts[4]!) &&
      matchGlob(segs[3]!, parts[3]!) &&
      matchGlob(segs[1]!, parts[1]!)
    );
  }
  const last = segs.length - 1;
  for (let i = 0; i < last; i++) {
    if (!matchGlob(segs[i]!, arn.parts[i]!)) return false;
  }
  const ok = matchGlob(segs[last]!, suffixFrom(arn, last));
  if (ok) note("R36");
  return ok;
}

/** A learner-facing account/partition/... name for each ARN part, for explanations. */
export const ARN_PART_NAMES = ["prefix", "partition", "service", "region", "account", "resource"] as const;

/** The first ARN part where pattern and resource disagree, for explanations. */
export function firstMismatchedPart(p: ArnPattern, arn: Arn | null): (typeof ARN_PART_NAMES)[number] | "not-arn" | null {
  if (p.any) return null;
  if (arn === null) return "not-arn";
  const segs = p.segments;
  const n = p.short ? segs.length - 1 : 6;
  for (let i = 0; i < n; i++) {
    if (!matchGlob(segs[i]!, arn.parts[i]!)) return ARN_PART_NAMES[i]!;
  }
  if (p.short && !matchGlob(segs[segs.length - 1]!, suffixFrom(arn, segs.length - 1))) return ARN_PART_NAMES[segs.length - 1]!;
  return null;
}
