// One request-context key and its value(s), as the condition operators read it.
// Keys are looked up without case (R51). A JSON array marks a multivalued key (R61).
// A key can also be present with a value the scenario cannot know (for example
// `aws:TokenIssueTime` of a role session): `Null` sees it, comparisons cannot read it
// (R55). Typed readings (numbers, dates, addresses) are computed on first use and
// kept, so evaluating the same scenario again allocates nothing here.

import { utf8Bytes } from "../conditions/binary";
import { parseDateSeconds } from "../conditions/date";
import { parseIp, type IpValue } from "../conditions/ip";
import { parseDecimal, type Decimal } from "../conditions/numeric";
import { parseArn, type Arn } from "../match/arn";

export type ContextOrigin = "given" | "derived";

export class ContextEntry {
  /** The key as written (given) or as AWS names it (derived). */
  readonly key: string;
  /** Every value; a single-valued key has exactly one. */
  readonly values: readonly string[];
  /** True when the scenario gave a JSON array (R61). */
  readonly multi: boolean;
  /** Present, but its value is not known to the scenario. */
  readonly unknown: boolean;
  readonly origin: ContextOrigin;
  private lowerCache: string[] | null = null;
  private numberCache: (Decimal | null)[] | null = null;
  private dateCache: number[] | null = null;
  private ipCache: (IpValue | null)[] | null = null;
  private arnCache: (Arn | null)[] | null = null;
  private bytesCache: string[] | null = null;

  constructor(key: string, values: readonly string[], multi: boolean, origin: ContextOrigin, unknown = false) {
    this.key = key;
    this.values = values;
    this.multi = multi;
    this.origin = origin;
    this.unknown = unknown;
  }

  static single(key: string, value: string, origin: ContextOrigin): ContextEntry {
    return new ContextEntry(key, [value], false, origin);
  }

  static unknownValue(key: string, origin: ContextOrigin): ContextEntry {
    return new ContextEntry(key, [], false, origin, true);
  }

  /** The value of a single-valued, known key; null otherwise (R70). */
  get text(): string | null {
    return this.multi || this.unknown ? null : (this.values[0] ?? null);
  }

  /** R54 [AMBIGUOUS]: an empty string or empty list counts as absent for `Null`. */
  get isEmpty(): boolean {
    if (this.unknown) return false;
    if (this.values.length === 0) return true;
    return !this.multi && this.values[0] === "";
  }

  lower(i: number): string {
    if (this.lowerCache === null) this.lowerCache = this.values.map((v) => v.toLowerCase());
    return this.lowerCache[i]!;
  }

  /** Null when the value is not a number (R55). */
  number(i: number): Decimal | null {
    if (this.numberCache === null) this.numberCache = this.values.map(parseDecimal);
    return this.numberCache[i]!;
  }

  /** Whole epoch seconds; NaN when the value is not a date (R55, R58). */
  date(i: number): number {
    if (this.dateCache === null) this.dateCache = this.values.map(parseDateSeconds);
    return this.dateCache[i]!;
  }

  ip(i: number): IpValue | null {
    if (this.ipCache === null) this.ipCache = this.values.map((v) => parseIp(v));
    return this.ipCache[i]!;
  }

  /** The value split as an ARN; null when it is not one (R56). */
  arn(i: number): Arn | null {
    if (this.arnCache === null) this.arnCache = this.values.map(parseArn);
    return this.arnCache[i]!;
  }

  /** The UTF-8 bytes of the value as a binary string (R60). */
  bytes(i: number): string {
    if (this.bytesCache === null) this.bytesCache = this.values.map(utf8Bytes);
    return this.bytesCache[i]!;
  }
}

export type Context = ReadonlyMap<string, ContextEntry>;
