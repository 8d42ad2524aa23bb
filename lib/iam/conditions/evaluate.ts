// Evaluates one condition clause (operator, key, values) against the request
// context: the missing-key rules (R52, R53), Null (R54), unreadable values (R55),
// the set operators ForAnyValue/ForAllValues (R61–R65, R67), plain operators on
// multivalued values (R66) and the value logic of R50 (OR over values, NOR for
// negated operators). Variables in values resolve per request (R70–R74).
//
// `clauseResult` is the hot path and allocates only when a value holds a variable.
// `explainClause` re-runs a clause to say why it failed, for the trace.

import type { Context, ContextEntry } from "../context/entry";
import { note } from "../match/ambiguity";
import { compileArnPattern, matchArnPattern, type ArnPattern } from "../match/arn";
import { piecesText, resolveCompiled, resolveTemplate } from "../match/variables";
import { compileGlobPieces, matchGlob, type Glob, type GlobPiece } from "../match/wildcard";
import { ipInRange } from "./ip";
import { isAbsentForNull } from "./null";
import { compareNumbers, compareSeconds } from "./numeric";
import type { OperatorSpec } from "./operators";
import { readBool } from "./bool";
import { matchStringValue } from "./string";
import type { CompiledValue, TemplateValue } from "./values";

export interface ConditionClause {
  readonly operator: OperatorSpec;
  /** The key as written. */
  readonly key: string;
  readonly keyLower: string;
  /** The policy values as text, as written. */
  readonly rawValues: readonly string[];
  readonly values: readonly CompiledValue[];
  /** JSON path of the key in its policy. */
  readonly path: string;
}

/** Can the request value at `i` be read as the operator's type (R55, R56)? */
function readable(op: OperatorSpec, entry: ContextEntry, i: number): boolean {
  switch (op.family) {
    case "numeric":
      return entry.number(i) !== null;
    case "date":
      return !Number.isNaN(entry.date(i));
    case "ip":
      return entry.ip(i) !== null;
    case "bool":
      return readBool(entry.values[i]!) !== null;
    case "arn":
      return entry.arn(i) !== null;
    default:
      return true;
  }
}

/** A template value compiled for one resolution (cached per resolution). */
interface ResolvedValue {
  readonly text: string;
  readonly lower: string;
  readonly glob: Glob;
  readonly arn: ArnPattern | null;
  /** A substituted value held `*` or `?`, which R74 reads literally. */
  readonly literalWildcard: boolean;
}

function compileResolved(pieces: GlobPiece[]): ResolvedValue {
  const text = piecesText(pieces);
  const arn = compileArnPattern(pieces);
  let literalWildcard = false;
  for (const p of pieces) if (p.literal && (p.text.includes("*") || p.text.includes("?"))) literalWildcard = true;
  return { text, lower: text.toLowerCase(), glob: compileGlobPieces(pieces), arn: typeof arn === "string" ? null : arn, literalWildcard };
}

function matchTemplate(op: OperatorSpec, v: TemplateValue, entry: ContextEntry, i: number, ctx: Context): boolean {
  const r = resolveCompiled(v.template, ctx, compileResolved);
  if (r === null) return false; // R71: an unresolved value matches nothing.
  if ((op.comparison === "like" || op.family === "arn") && r.literalWildcard) note("R74");
  switch (op.family) {
    case "string": {
      if (op.comparison === "eq") return entry.values[i] === r.text;
      if (op.comparison === "eqi") return entry.lower(i) === r.lower;
      return matchGlob(r.glob, entry.values[i]!);
    }
    case "arn":
      return r.arn !== null && matchArnPattern(r.arn, entry.arn(i));
    case "bool": {
      note("R69");
      const want = readBool(r.text);
      return want !== null && readBool(entry.values[i]!) === want;
    }
    default:
      return false;
  }
}

/** Does request value `i` equal/match/fall in policy value `v` (before negation)? */
function matchValue(op: OperatorSpec, v: CompiledValue, entry: ContextEntry, i: number, ctx: Context): boolean {
  switch (v.kind) {
    case "string":
      return matchStringValue(v, op.comparison, entry.values[i]!, op.comparison === "eqi" ? entry.lower(i) : "");
    case "number":
      return compareNumbers(entry.number(i)!, op.comparison as "eq" | "lt" | "le" | "gt" | "ge", v.value);
    case "date":
      if (v.subSecond) note("R58");
      return compareSeconds(entry.date(i), op.comparison as "eq" | "lt" | "le" | "gt" | "ge", v.seconds);
    case "bool":
      if (v.mixedCase) note("R59");
      return readBool(entry.values[i]!) === v.value;
    case "ip":
      if (v.range.bare && v.range.address.kind() === "ipv6") note("R57");
      return ipInRange(entry.ip(i)!, v.range);
    case "arn":
      return matchArnPattern(v.pattern, entry.arn(i));
    case "binary":
      return entry.bytes(i) === v.value.bytes;
    case "template":
      return matchTemplate(op, v, entry, i, ctx);
    case "null":
      return false;
  }
}

/** The base operator applied to request value `i`: OR over policy values, NOR when negated. */
function testValue(cl: ConditionClause, entry: ContextEntry, i: number, ctx: Context): boolean {
  const op = cl.operator;
  if (!readable(op, entry, i)) {
    // R55 [AMBIGUOUS]: an unreadable value is not "not equal" either.
    if (op.negated) note("R55");
    return false;
  }
  const values = cl.values;
  let any = false;
  for (let k = 0; k < values.length; k++) {
    if (matchValue(op, values[k]!, entry, i, ctx)) {
      any = true;
      break;
    }
  }
  return op.negated ? !any : any;
}

/** True when the clause holds for this request context. */
export function clauseResult(cl: ConditionClause, ctx: Context): boolean {
  const op = cl.operator;
  const entry = ctx.get(cl.keyLower);
  if (op.family === "null") {
    const absent = isAbsentForNull(entry);
    const values = cl.values;
    for (let k = 0; k < values.length; k++) {
      const v = values[k]!;
      if (v.kind === "null" && v.absent === absent) return true;
    }
    return false;
  }
  if (entry === undefined) {
    if (op.ifExists) {
      if (op.set !== "none") note("R67");
      return true; // R53
    }
    if (op.set === "all") return true; // R63: vacuous truth
    if (op.set === "any") return false; // R62
    return op.negated; // R52
  }
  if (entry.unknown) {
    if (op.negated) note("R55");
    return false;
  }
  const n = entry.values.length;
  if (op.set === "none") {
    if (entry.multi) {
      note("R66");
      return false;
    }
    return testValue(cl, entry, 0, ctx);
  }
  // R65: a single-valued key is a one-element set.
  if (op.set === "any") {
    for (let i = 0; i < n; i++) if (testValue(cl, entry, i, ctx)) return true;
    return false;
  }
  for (let i = 0; i < n; i++) if (!testValue(cl, entry, i, ctx)) return false;
  return true;
}

export type ClauseFailure =
  | "absent" // key missing, positive operator (R52) or ForAnyValue (R62)
  | "present" // Null true but key present, or Null false but key absent (R54)
  | "no-match" // values compared and none matched (or, negated, one matched)
  | "multivalued" // plain operator on a multivalued key (R66)
  | "unknown-value" // key present with a value the scenario cannot know (R55)
  | "unreadable" // request value not of the operator's type (R55)
  | "unresolved-variable" // a policy value's variable did not resolve (R71)
  | "empty-set"; // ForAnyValue on an empty list (R62)

export interface ClauseDetail {
  readonly holds: boolean;
  readonly failure: ClauseFailure | null;
  readonly present: boolean;
  readonly requestValues: readonly string[] | null;
  readonly multi: boolean;
  /** The rule that decided the clause. */
  readonly rule: string;
}

/** Re-evaluates a clause and says why it holds or fails (for near misses and the trace). */
export function explainClause(cl: ConditionClause, ctx: Context): ClauseDetail {
  const op = cl.operator;
  const entry = ctx.get(cl.keyLower);
  const holds = clauseResult(cl, ctx);
  const present = entry !== undefined;
  const requestValues = entry === undefined || entry.unknown ? null : entry.values;
  const multi = entry?.multi ?? false;
  const base = { holds, present, requestValues, multi };
  if (op.family === "null") return { ...base, failure: holds ? null : "present", rule: "R54" };
  if (entry === undefined) {
    const rule = op.ifExists ? "R53" : op.set === "all" ? "R63" : op.set === "any" ? "R62" : "R52";
    return { ...base, failure: holds ? null : "absent", rule };
  }
  if (entry.unknown) return { ...base, failure: "unknown-value", rule: "R55" };
  if (op.set === "none" && entry.multi) return { ...base, failure: "multivalued", rule: "R66" };
  if (op.set === "any" && entry.values.length === 0) return { ...base, failure: holds ? null : "empty-set", rule: "R62" };
  const rule = op.set === "any" ? "R62" : op.set === "all" ? "R63" : op.negated ? "R50" : "R50";
  if (holds) return { ...base, failure: null, rule };
  for (let i = 0; i < entry.values.length; i++) {
    if (!readable(op, entry, i)) return { ...base, failure: "unreadable", rule: "R55" };
  }
  for (const v of cl.values) {
    if (v.kind === "template" && resolveTemplate(v.template, ctx) === null) return { ...base, failure: "unresolved-variable", rule: "R71" };
  }
  return { ...base, failure: "no-match", rule };
}
