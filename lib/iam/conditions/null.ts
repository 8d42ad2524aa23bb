// Null (R54): `true` holds when the key is absent, `false` when it is present.
// [AMBIGUOUS] R54: a key present with an empty string or an empty list counts as
// absent, because AWS recommends `Null: false` to rule out empty values.

import type { ContextEntry } from "../context/entry";
import { note } from "../match/ambiguity";

export interface NullValue {
  readonly kind: "null";
  /** The policy asks whether the key is absent. */
  readonly absent: boolean;
}

export function compileNullValue(text: string): NullValue | null {
  const t = text.toLowerCase();
  return t === "true" ? { kind: "null", absent: true } : t === "false" ? { kind: "null", absent: false } : null;
}

export function isAbsentForNull(entry: ContextEntry | undefined): boolean {
  if (entry === undefined) return true;
  if (entry.isEmpty) {
    note("R54");
    return true;
  }
  return false;
}
