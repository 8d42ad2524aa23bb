// Wildcard patterns (`*` = any run, `?` = one character) compiled once at parse time
// and matched without backtracking. Used by actions (R31), ARN segments (R35, R56)
// and StringLike (§18).
//
// A pattern is split at its stars into parts. The first part must sit at the start,
// the last part at the end, and each middle part is placed at its leftmost
// occurrence after the previous one. Leftmost placement is always safe: any match
// that uses a later occurrence can be shifted left without breaking the parts that
// follow. Cost: the first/last checks are O(m); each middle part is found with
// `indexOf` (or a scan when it holds `?`), starting where the previous one ended, so
// the whole match is O(n·m) in the worst case (n = subject, m = pattern length) and
// O(n + m) for star-separated literal parts in practice. No regular expression is
// built, so `a*a*a*…b` against a 100k-character subject costs one pass.
//
// `?` stands for one character, also outside the Basic Multilingual Plane (a
// surrogate pair). Only a pattern holding `?` matched against a subject holding a
// surrogate pair takes the slower path over code points: a two-pointer scan with
// last-star backtracking, O(n·m) at worst.

import { InternTable } from "./intern";

/** One piece of pattern text between stars. `wild[i]` is 1 where position i is a `?` wildcard. */
export interface GlobPart {
  readonly text: string;
  readonly wild: Uint8Array | null;
}

/** Shapes with a direct test; GENERAL runs the part-by-part match. */
export const GLOB_EXACT = 0;
export const GLOB_ANY = 1;
export const GLOB_PREFIX = 2;
export const GLOB_SUFFIX = 3;
export const GLOB_GENERAL = 4;

export interface Glob {
  readonly kind: 0 | 1 | 2 | 3 | 4;
  /** Set when the pattern holds no active wildcard: plain equality. */
  readonly exact: string | null;
  /** True for a pattern that is only stars: matches everything. */
  readonly any: boolean;
  /** The literal text before the only star (GLOB_PREFIX) or after it (GLOB_SUFFIX). */
  readonly affix: string;
  readonly parts: readonly GlobPart[];
  /** Sum of the part lengths: a subject shorter than this cannot match. */
  readonly minLength: number;
  /** Some part holds a `?` wildcard. */
  readonly question: boolean;
  readonly source: string;
}

/** A run of pattern text whose wildcard characters are either active or literal (R73, R74). */
export interface GlobPiece {
  readonly text: string;
  readonly literal: boolean;
}

const QUESTION = 63; // "?"

const globs = new InternTable<Glob>();
const literals = new InternTable<Glob>();
const NO_PARTS: readonly GlobPart[] = [];

function compileGlobText(pattern: string): Glob {
  return compileGlobPieces([{ text: pattern, literal: false }], pattern);
}

/** Compiles a pattern (shared with every other use of the same pattern). */
export function compileGlob(pattern: string): Glob {
  return globs.get(pattern, compileGlobText);
}

function makeLiteral(text: string): Glob {
  return { kind: GLOB_EXACT, exact: text, any: false, affix: "", parts: NO_PARTS, minLength: text.length, question: false, source: text };
}

/** A glob that matches only `text` itself (wildcard characters taken literally). */
export function literalGlob(text: string): Glob {
  return literals.get(text, makeLiteral);
}

function maskOf(text: string, active: readonly boolean[] | null): Uint8Array | null {
  let mask: Uint8Array | null = null;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === QUESTION && (active === null || active[i] === true)) {
      if (mask === null) mask = new Uint8Array(text.length);
      mask[i] = 1;
    }
  }
  return mask;
}

export function compileGlobPieces(pieces: readonly GlobPiece[], source?: string): Glob {
  // Split into parts at active stars. Texts are cut with slice/join (never built a
  // character at a time), so they stay flat strings: compact and fast to compare.
  const texts: string[] = [];
  const actives: (boolean[] | null)[] = [];
  let chunks: string[] = [];
  let active: boolean[] | null = null;
  let partLength = 0;
  let anyWildcard = false;
  for (const piece of pieces) {
    const t = piece.text;
    let from = 0;
    for (;;) {
      const star = piece.literal ? -1 : t.indexOf("*", from);
      const chunk = star < 0 ? t.slice(from) : t.slice(from, star);
      if (chunk.length > 0) {
        chunks.push(chunk);
        if (chunk.includes("?")) {
          if (active === null) active = new Array<boolean>(partLength).fill(false);
          for (let i = 0; i < chunk.length; i++) active.push(!piece.literal && chunk.charCodeAt(i) === QUESTION);
          if (!piece.literal) anyWildcard = true;
        } else if (active !== null) {
          for (let i = 0; i < chunk.length; i++) active.push(false);
        }
        partLength += chunk.length;
      }
      if (star < 0) break;
      anyWildcard = true;
      texts.push(chunks.length === 1 ? chunks[0]! : chunks.join(""));
      actives.push(active);
      chunks = [];
      active = null;
      partLength = 0;
      from = star + 1;
    }
  }
  texts.push(chunks.length === 1 ? chunks[0]! : chunks.join(""));
  actives.push(active);
  const src = source ?? pieces.map((p) => p.text).join("");
  if (!anyWildcard) return literalGlob(texts.join(""));
  if (pieces.length === 1 && !pieces[0]!.literal && source === undefined) return compileGlob(pieces[0]!.text);
  const parts: GlobPart[] = texts.map((text, i) => ({ text, wild: maskOf(text, actives[i]!) }));
  let minLength = 0;
  let question = false;
  for (const p of parts) {
    minLength += p.text.length;
    if (p.wild !== null) question = true;
  }
  if (parts.length === 1) {
    // Only `?` wildcards.
    return { kind: GLOB_GENERAL, exact: null, any: false, affix: "", parts, minLength, question, source: src };
  }
  const any = minLength === 0;
  let kind: Glob["kind"] = any ? GLOB_ANY : GLOB_GENERAL;
  let affix = "";
  if (!any && !question && parts.length === 2) {
    if (parts[1]!.text === "") {
      kind = GLOB_PREFIX;
      affix = parts[0]!.text;
    } else if (parts[0]!.text === "") {
      kind = GLOB_SUFFIX;
      affix = parts[1]!.text;
    }
  }
  return { kind, exact: null, any, affix, parts: kind === GLOB_GENERAL ? parts : NO_PARTS, minLength, question, source: src };
}

function partAt(part: GlobPart, s: string, at: number): boolean {
  const t = part.text;
  const w = part.wild;
  if (w === null) return s.startsWith(t, at);
  for (let i = 0; i < t.length; i++) {
    if (w[i] === 1) continue;
    if (s.charCodeAt(at + i) !== t.charCodeAt(i)) return false;
  }
  return true;
}

/** Leftmost start >= from where `part` fits and ends no later than `limit`; -1 if none. */
function findPart(part: GlobPart, s: string, from: number, limit: number): number {
  const len = part.text.length;
  if (part.wild === null) {
    const idx = s.indexOf(part.text, from);
    return idx >= 0 && idx + len <= limit ? idx : -1;
  }
  for (let at = from; at + len <= limit; at++) {
    if (partAt(part, s, at)) return at;
  }
  return -1;
}

function hasSurrogatePair(s: string): boolean {
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return true;
    }
  }
  return false;
}

const T_STAR = -1;
const T_ANY_ONE = -2;

/** The pattern as code-point tokens: a code point, T_STAR or T_ANY_ONE. */
function tokens(glob: Glob): number[] {
  const out: number[] = [];
  glob.parts.forEach((part, k) => {
    if (k > 0) out.push(T_STAR);
    const t = part.text;
    for (let i = 0; i < t.length; i++) {
      if (part.wild !== null && part.wild[i] === 1) {
        out.push(T_ANY_ONE);
        continue;
      }
      const cp = t.codePointAt(i)!;
      out.push(cp);
      if (cp > 0xffff) i++;
    }
  });
  return out;
}

/** Two-pointer match over code points with last-star backtracking: O(n·m) at worst. */
function matchCodePoints(glob: Glob, s: string): boolean {
  const p = tokens(glob);
  const subject = Array.from(s, (ch) => ch.codePointAt(0)!);
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (i < subject.length) {
    if (j < p.length && (p[j] === T_ANY_ONE || p[j] === subject[i])) {
      i++;
      j++;
    } else if (j < p.length && p[j] === T_STAR) {
      star = j++;
      mark = i;
    } else if (star >= 0) {
      j = star + 1;
      i = ++mark;
    } else return false;
  }
  while (j < p.length && p[j] === T_STAR) j++;
  return j === p.length;
}

export function matchGlob(glob: Glob, s: string): boolean {
  switch (glob.kind) {
    case GLOB_EXACT:
      return s === glob.exact;
    case GLOB_ANY:
      return true;
    case GLOB_PREFIX:
      return s.startsWith(glob.affix);
    case GLOB_SUFFIX:
      return s.endsWith(glob.affix);
  }
  if (glob.question && hasSurrogatePair(s)) return matchCodePoints(glob, s);
  const parts = glob.parts;
  const n = parts.length;
  if (s.length < glob.minLength) return false;
  if (n === 1) {
    // Only `?` wildcards: lengths must agree.
    const only = parts[0]!;
    return s.length === only.text.length && partAt(only, s, 0);
  }
  const first = parts[0]!;
  const last = parts[n - 1]!;
  if (!partAt(first, s, 0)) return false;
  const end = s.length - last.text.length;
  if (!partAt(last, s, end)) return false;
  let pos = first.text.length;
  for (let i = 1; i < n - 1; i++) {
    const part = parts[i]!;
    if (part.text.length === 0) continue;
    const at = findPart(part, s, pos, end);
    if (at < 0) return false;
    pos = at + part.text.length;
  }
  return true;
}


/** Convenience for one-off matching (tests, tools): compiles and matches. */
export function matchWildcard(pattern: string, subject: string): boolean {
  return matchGlob(compileGlob(pattern), subject);
}
