// ARN operators (R56): ArnEquals and ArnLike are one operator. Both sides split into
// their six parts (R35) and each part matches with `*` and `?`, case-sensitively. A
// request value that is not a six-part ARN does not match; `*` alone matches any ARN.

import { compileArnPattern, type ArnPattern, type ArnPatternError } from "../match/arn";
import type { GlobPiece } from "../match/wildcard";

export interface ArnValue {
  readonly kind: "arn";
  readonly pattern: ArnPattern;
}

export function compileArnValue(pieces: readonly GlobPiece[], source: string): ArnValue | ArnPatternError {
  const pattern = compileArnPattern(pieces, source);
  return typeof pattern === "string" ? pattern : { kind: "arn", pattern };
}
