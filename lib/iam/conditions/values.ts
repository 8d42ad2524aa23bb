// Compiles one policy value of a condition for its operator family, once, at parse
// time: numbers, dates, CIDR blocks, base64 and ARN patterns are read here so that
// evaluation only compares. A value holding a variable (R69) stays a template and is
// resolved per request; where variables are not allowed, `${…}` is an error in a
// 2012-10-17 policy and plain text in older ones (R68).

import { compileArnPattern, type ArnPatternError } from "../match/arn";
import { InternTable } from "../match/intern";
import { parseTemplate, staticPieces, usesVariableSyntax, type Template } from "../match/variables";
import type { GlobPiece } from "../match/wildcard";
import { compileArnValue, type ArnValue } from "./arn";
import { parseBase64, type BinaryValue } from "./binary";
import { compileBoolValue, type BoolValue } from "./bool";
import { hasSubSecond, parseDateSeconds } from "./date";
import { parseIp, type IpValue } from "./ip";
import { compileNullValue, type NullValue } from "./null";
import { parseDecimal, type Decimal } from "./numeric";
import type { OperatorSpec } from "./operators";
import { compileStringValue, type StringValue } from "./string";

export interface NumberValue {
  readonly kind: "number";
  readonly value: Decimal;
}
export interface DateValue {
  readonly kind: "date";
  readonly seconds: number;
  readonly subSecond: boolean;
}
export interface IpRangeValue {
  readonly kind: "ip";
  readonly range: IpValue;
}
export interface BinaryPolicyValue {
  readonly kind: "binary";
  readonly value: BinaryValue;
}
export interface TemplateValue {
  readonly kind: "template";
  readonly template: Template;
}

export type CompiledValue =
  | StringValue
  | NumberValue
  | DateValue
  | BoolValue
  | BinaryPolicyValue
  | IpRangeValue
  | ArnValue
  | NullValue
  | TemplateValue;

export interface ValueError {
  readonly code: "INVALID_CONDITION_VALUE" | "VARIABLE_NOT_ALLOWED";
  readonly message: string;
}

const ARN_ERRORS: Readonly<Record<ArnPatternError, string>> = {
  "not-arn": "is not an ARN",
  "bad-prefix": "must start with \"arn:\"",
  "short-without-star": "has fewer than six parts and does not end with * (R36)",
  "service-wildcard": "has a wildcard in its service part (R37)",
};

/** Pieces of a value that has `${…}` escapes but no variables, or the plain text. */
function piecesOf(text: string, template: Template | null): GlobPiece[] {
  return template === null ? [{ text, literal: false }] : staticPieces(template);
}

const compiled = new InternTable<CompiledValue | ValueError>();

/**
 * Compiles `text` for `op` (shared across equal values of the same operator).
 * `expand` is true in 2012-10-17 policies, where `${…}` is variable syntax (R68).
 */
export function compileConditionValue(op: OperatorSpec, text: string, expand: boolean): CompiledValue | ValueError {
  const key = `${op.base}/${expand ? 1 : 0}\u0000${text}`;
  const hit = compiled.lookup(key);
  if (hit !== undefined) return hit;
  const value = compileValue(op, text, expand);
  compiled.store(key, value);
  return value;
}

function compileValue(op: OperatorSpec, text: string, expand: boolean): CompiledValue | ValueError {
  let template: Template | null = null;
  if (expand && text.includes("${")) {
    const t = parseTemplate(text);
    if (usesVariableSyntax(t)) {
      if (!op.variables) {
        return { code: "VARIABLE_NOT_ALLOWED", message: `policy variables do not work in ${op.base} values (R69)` };
      }
      if (t.hasVariables) {
        if (op.family === "arn") {
          // Check the shape with the variables standing for plain text.
          const probe = compileArnPattern(t.pieces.map((p) => (p.kind === "text" ? p : { text: "x", literal: true })), text);
          if (typeof probe === "string") return { code: "INVALID_CONDITION_VALUE", message: `${JSON.stringify(text)} ${ARN_ERRORS[probe]}` };
        }
        return { kind: "template", template: t };
      }
      template = t;
    }
  }
  switch (op.family) {
    case "string":
      return compileStringValue(piecesOf(text, template), op.comparison === "like");
    case "arn": {
      const v = compileArnValue(piecesOf(text, template), text);
      return typeof v === "string" ? { code: "INVALID_CONDITION_VALUE", message: `${JSON.stringify(text)} ${ARN_ERRORS[v]}` } : v;
    }
    case "bool": {
      const v = compileBoolValue(template === null ? text : staticPieces(template).map((p) => p.text).join(""));
      return v ?? { code: "INVALID_CONDITION_VALUE", message: `Bool compares with "true" or "false", not ${JSON.stringify(text)}` };
    }
    case "numeric": {
      const n = parseDecimal(text);
      return n === null
        ? { code: "INVALID_CONDITION_VALUE", message: `${op.base} needs an integer or decimal number, not ${JSON.stringify(text)}` }
        : { kind: "number", value: n };
    }
    case "date": {
      const s = parseDateSeconds(text);
      return Number.isNaN(s)
        ? { code: "INVALID_CONDITION_VALUE", message: `${op.base} needs an ISO 8601 date or epoch seconds, not ${JSON.stringify(text)}` }
        : { kind: "date", seconds: s, subSecond: hasSubSecond(text) };
    }
    case "ip": {
      const range = parseIp(text);
      return range === null
        ? { code: "INVALID_CONDITION_VALUE", message: `${op.base} needs a CIDR block or an IP address, not ${JSON.stringify(text)}` }
        : { kind: "ip", range };
    }
    case "binary": {
      const value = parseBase64(text);
      return value === null
        ? { code: "INVALID_CONDITION_VALUE", message: `BinaryEquals needs base64 text, not ${JSON.stringify(text)}` }
        : { kind: "binary", value };
    }
    case "null": {
      const v = compileNullValue(text);
      return v ?? { code: "INVALID_CONDITION_VALUE", message: `Null takes "true" or "false", not ${JSON.stringify(text)}` };
    }
  }
}
