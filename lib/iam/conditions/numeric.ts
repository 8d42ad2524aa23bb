// Numeric condition values (§18 Numeric* operators): integers or decimals, written
// as JSON numbers or strings, compared exactly (9007199254740993 is not
// 9007199254740992): values with more significant digits than a double holds are
// compared as scaled big integers. Anything else reads as "not a number", which
// makes the comparison false (R55).

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export interface Decimal {
  readonly value: number;
  /** All digits as one integer, with `scale` digits after the point. */
  readonly digits: bigint;
  readonly scale: number;
  /** At most 15 significant digits: `value` orders exactly like the decimal. */
  readonly safe: boolean;
}

/** The number a condition value spells, or null. */
export function parseDecimal(text: string): Decimal | null {
  const m = NUMBER.exec(text);
  if (m === null) return null;
  const int = m[2]!;
  const frac = m[3] ?? "";
  if (int.length === 0 && frac.length === 0) return null;
  const significant = (int + frac).replace(/^0+/, "").replace(/0+$/, "").length;
  const digitsText = (int === "" ? "0" : int) + frac;
  const digits = BigInt(m[1] === "-" ? `-${digitsText}` : digitsText);
  return { value: Number(text), digits, scale: frac.length, safe: significant <= 15 };
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.safe && b.safe) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  const scale = Math.max(a.scale, b.scale);
  const x = a.digits * 10n ** BigInt(scale - a.scale);
  const y = b.digits * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareNumbers(request: Decimal, op: "eq" | "lt" | "le" | "gt" | "ge", policy: Decimal): boolean {
  const c = compareDecimals(request, policy);
  switch (op) {
    case "eq":
      return c === 0;
    case "lt":
      return c < 0;
    case "le":
      return c <= 0;
    case "gt":
      return c > 0;
    case "ge":
      return c >= 0;
  }
}

/** Compares two whole-second dates. */
export function compareSeconds(request: number, op: "eq" | "lt" | "le" | "gt" | "ge", policy: number): boolean {
  switch (op) {
    case "eq":
      return request === policy;
    case "lt":
      return request < policy;
    case "le":
      return request <= policy;
    case "gt":
      return request > policy;
    case "ge":
      return request >= policy;
  }
}
