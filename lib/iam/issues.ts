// Validation issues: the codes, the JSON-path notation every issue uses, and the
// "did you mean" helper. Bad input is data here (ARCHITECTURE, "Errors and
// validation"): parsers collect `{ code, path, message }` values and never throw
// for user mistakes. Messages are lower case, quote user input, and name the rule
// of SEMANTICS.md that the input breaks where one exists.

/** Codes that make a scenario or policy invalid (exit 2 in `iam-eval`). */
export type ErrorCode =
  | "INVALID_JSON"
  | "DUPLICATE_KEY"
  | "UNKNOWN_FIELD"
  | "MISSING_FIELD"
  | "INVALID_TYPE"
  | "INVALID_VERSION"
  | "INVALID_EFFECT"
  | "INVALID_SID"
  | "DUPLICATE_SID"
  | "ACTION_REQUIRED"
  | "RESOURCE_REQUIRED"
  | "RESOURCE_NOT_ALLOWED"
  | "PRINCIPAL_REQUIRED"
  | "PRINCIPAL_NOT_ALLOWED"
  | "NOT_PRINCIPAL_NOT_ALLOWED"
  | "INVALID_PRINCIPAL"
  | "INVALID_ACTION"
  | "INVALID_RESOURCE"
  | "UNKNOWN_CONDITION_OPERATOR"
  | "INVALID_CONDITION_KEY"
  | "INVALID_CONDITION_VALUE"
  | "VARIABLE_NOT_ALLOWED"
  | "SCP_INVALID"
  | "RCP_INVALID"
  | "POLICY_TOO_LARGE"
  | "INVALID_REQUEST";

/** Codes that only warn: the scenario stays valid. */
export type WarningCode = "UNKNOWN_SERVICE" | "UNKNOWN_ACTION" | "UNKNOWN_CONDITION_KEY" | "POLICY_NEAR_LIMIT";

export type IssueCode = ErrorCode | WarningCode;

export interface Issue {
  code: IssueCode;
  /** JSON path into the input, e.g. `identityPolicies[0].Statement[1].Condition.StringLikee`. */
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };


export function issue(code: IssueCode, path: string, message: string): Issue {
  return { code, path, message };
}

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$:\-/]*$/;

/** Appends an object key to a path: `a.b`, or `a["odd key"]` when the key needs quoting. */
export function joinKey(path: string, key: string): string {
  if (SIMPLE_KEY.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

export function joinIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** Quotes user input for a message. */
export function q(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "nothing";
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return typeof value;
}

/** Thousands separator for quota messages ("6,144"), independent of the host locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = curr;
    curr = t;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `input` (case-insensitive), if it is close enough to be a
 * plausible typo: at most a third of the input's length, and never more than 3 edits.
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const max = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const s = suggest(input, candidates);
  return s === undefined || s === input ? "" : ` (did you mean ${JSON.stringify(s)}?)`;
}
