// The condition operator table of SEMANTICS §18: every base operator with its family,
// comparison and negation, plus the `IfExists` suffix (R53) and the
// `ForAnyValue:`/`ForAllValues:` prefixes (R62, R63). Operator names are
// case-sensitive, as IAM rejects `stringEquals` ("Invalid Condition type").

export type Family = "string" | "numeric" | "date" | "bool" | "binary" | "ip" | "arn" | "null";

/** How a request value is compared with one policy value. */
export type Comparison = "eq" | "eqi" | "like" | "lt" | "le" | "gt" | "ge" | "in";

export type SetModifier = "none" | "any" | "all";

export interface OperatorSpec {
  /** The operator exactly as written in the policy. */
  readonly name: string;
  /** The base operator without prefix or suffix (`StringLike`). */
  readonly base: string;
  readonly family: Family;
  readonly comparison: Comparison;
  /** Negated operators combine their values as NOR and are true on an absent key (R50, R52). */
  readonly negated: boolean;
  readonly ifExists: boolean;
  readonly set: SetModifier;
  /** Whether `${…}` is expanded in its values (R69). */
  readonly variables: boolean;
}

interface BaseSpec {
  family: Family;
  comparison: Comparison;
  negated: boolean;
}

const BASES: Readonly<Record<string, BaseSpec>> = {
  StringEquals: { family: "string", comparison: "eq", negated: false },
  StringNotEquals: { family: "string", comparison: "eq", negated: true },
  StringEqualsIgnoreCase: { family: "string", comparison: "eqi", negated: false },
  StringNotEqualsIgnoreCase: { family: "string", comparison: "eqi", negated: true },
  StringLike: { family: "string", comparison: "like", negated: false },
  StringNotLike: { family: "string", comparison: "like", negated: true },
  NumericEquals: { family: "numeric", comparison: "eq", negated: false },
  NumericNotEquals: { family: "numeric", comparison: "eq", negated: true },
  NumericLessThan: { family: "numeric", comparison: "lt", negated: false },
  NumericLessThanEquals: { family: "numeric", comparison: "le", negated: false },
  NumericGreaterThan: { family: "numeric", comparison: "gt", negated: false },
  NumericGreaterThanEquals: { family: "numeric", comparison: "ge", negated: false },
  DateEquals: { family: "date", comparison: "eq", negated: false },
  DateNotEquals: { family: "date", comparison: "eq", negated: true },
  DateLessThan: { family: "date", comparison: "lt", negated: false },
  DateLessThanEquals: { family: "date", comparison: "le", negated: false },
  DateGreaterThan: { family: "date", comparison: "gt", negated: false },
  DateGreaterThanEquals: { family: "date", comparison: "ge", negated: false },
  Bool: { family: "bool", comparison: "eq", negated: false },
  BinaryEquals: { family: "binary", comparison: "eq", negated: false },
  IpAddress: { family: "ip", comparison: "in", negated: false },
  NotIpAddress: { family: "ip", comparison: "in", negated: true },
  // R56: ArnEquals and ArnLike are one operator, as are their negations.
  ArnEquals: { family: "arn", comparison: "like", negated: false },
  ArnLike: { family: "arn", comparison: "like", negated: false },
  ArnNotEquals: { family: "arn", comparison: "like", negated: true },
  ArnNotLike: { family: "arn", comparison: "like", negated: true },
  Null: { family: "null", comparison: "eq", negated: false },
};

const IF_EXISTS = "IfExists";
const ANY_PREFIX = "ForAnyValue:";
const ALL_PREFIX = "ForAllValues:";

const cache = new Map<string, OperatorSpec | null>();

/** The spec of an operator name, or null when IAM would reject the name (R29). */
export function parseOperator(name: string): OperatorSpec | null {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const spec = computeOperator(name);
  cache.set(name, spec);
  return spec;
}

function computeOperator(name: string): OperatorSpec | null {
  let rest = name;
  let set: SetModifier = "none";
  if (rest.startsWith(ANY_PREFIX)) {
    set = "any";
    rest = rest.slice(ANY_PREFIX.length);
  } else if (rest.startsWith(ALL_PREFIX)) {
    set = "all";
    rest = rest.slice(ALL_PREFIX.length);
  }
  let ifExists = false;
  if (rest.endsWith(IF_EXISTS) && rest !== IF_EXISTS) {
    ifExists = true;
    rest = rest.slice(0, -IF_EXISTS.length);
  }
  const base = Object.prototype.hasOwnProperty.call(BASES, rest) ? BASES[rest] : undefined;
  if (base === undefined) return null;
  // R53: IfExists never applies to Null; a set operator over Null has no meaning either.
  if (base.family === "null" && (ifExists || set !== "none")) return null;
  const variables = base.family === "string" || base.family === "arn" || base.family === "bool";
  return { name, base: rest, family: base.family, comparison: base.comparison, negated: base.negated, ifExists, set, variables };
}

let allNames: string[] | null = null;

/** Every valid operator name, for "did you mean" suggestions. */
export function listOperatorNames(): readonly string[] {
  if (allNames !== null) return allNames;
  const names: string[] = [];
  for (const base of Object.keys(BASES)) {
    const forms = base === "Null" ? [base] : [base, base + IF_EXISTS];
    for (const form of forms) {
      names.push(form);
      if (base !== "Null") names.push(ANY_PREFIX + form, ALL_PREFIX + form);
    }
  }
  allNames = names;
  return names;
}
