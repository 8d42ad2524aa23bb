// String operators (§18): StringEquals and StringNotEquals compare exactly (a `*` is
// literal text), the IgnoreCase forms compare without case, StringLike and
// StringNotLike take `*` and `?` anywhere.

import { compileGlobPieces, matchGlob, type Glob, type GlobPiece } from "../match/wildcard";

export interface StringValue {
  readonly kind: "string";
  readonly text: string;
  readonly lower: string;
  /** Set for StringLike values. */
  readonly glob: Glob | null;
}

export function compileStringValue(pieces: readonly GlobPiece[], like: boolean): StringValue {
  let text = "";
  for (const p of pieces) text += p.text;
  return { kind: "string", text, lower: text.toLowerCase(), glob: like ? compileGlobPieces(pieces) : null };
}

export function matchStringValue(v: StringValue, comparison: string, request: string, requestLower: string): boolean {
  if (comparison === "eq") return request === v.text;
  if (comparison === "eqi") return requestLower === v.lower;
  return matchGlob(v.glob!, request);
}
