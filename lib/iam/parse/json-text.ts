// A small strict JSON parser for scenario text. `JSON.parse` silently keeps the last
// of two equal keys, and IAM treats duplicate keys as invalid (R26), so this parser
// records every duplicate with its JSON path and position instead. Syntax errors
// report line and column. Values are built exactly as `JSON.parse` builds them
// (a `__proto__` key becomes an own property, never the prototype).

export interface DuplicateKey {
  /** JSON path of the repeated key, e.g. `[3].request.action`. */
  readonly path: string;
  readonly key: string;
  readonly line: number;
  readonly column: number;
}

export type JsonTextResult =
  | { readonly ok: true; readonly value: unknown; readonly duplicates: readonly DuplicateKey[] }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$:\-/]*$/;
const MAX_DEPTH = 512;

class JsonError extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

function describeChar(text: string, at: number): string {
  if (at >= text.length) return "end of input";
  return `character ${JSON.stringify(text[at])}`;
}

class Parser {
  private i = 0;
  private readonly path: string[] = [];
  readonly duplicates: { path: string; key: string; at: number }[] = [];

  constructor(private readonly s: string) {}

  parse(): unknown {
    this.ws();
    const v = this.value(0);
    this.ws();
    if (this.i < this.s.length) throw new JsonError(this.i, `unexpected ${describeChar(this.s, this.i)} after the JSON value`);
    return v;
  }

  private ws(): void {
    const s = this.s;
    let i = this.i;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }

  private value(depth: number): unknown {
    if (depth > MAX_DEPTH) throw new JsonError(this.i, `nesting deeper than ${MAX_DEPTH} levels`);
    const s = this.s;
    const c = s.charCodeAt(this.i);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    if (s.startsWith("true", this.i)) {
      this.i += 4;
      return true;
    }
    if (s.startsWith("false", this.i)) {
      this.i += 5;
      return false;
    }
    if (s.startsWith("null", this.i)) {
      this.i += 4;
      return null;
    }
    throw new JsonError(this.i, `unexpected ${describeChar(s, this.i)}: expected a JSON value`);
  }

  private object(depth: number): Record<string, unknown> {
    const s = this.s;
    this.i++; // {
    const out: Record<string, unknown> = {};
    this.ws();
    if (s.charCodeAt(this.i) === 125) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (s.charCodeAt(this.i) !== 34) throw new JsonError(this.i, `unexpected ${describeChar(s, this.i)}: expected a quoted key`);
      const keyAt = this.i;
      const key = this.string();
      this.ws();
      if (s.charCodeAt(this.i) !== 58) throw new JsonError(this.i, `unexpected ${describeChar(s, this.i)}: expected ":" after a key`);
      this.i++;
      this.ws();
      this.path.push(SIMPLE_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
      const v = this.value(depth + 1);
      this.path.pop();
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        const p = this.path.join("") + (SIMPLE_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
        this.duplicates.push({ path: p.startsWith(".") ? p.slice(1) : p, key, at: keyAt });
      }
      if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      this.ws();
      const c = s.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 125) {
        this.i++;
        return out;
      }
      throw new JsonError(this.i, `unexpected ${describeChar(s, this.i)}: expected "," or "}"`);
    }
  }

  private array(depth: number): unknown[] {
    const s = this.s;
    this.i++; // [
    const out: unknown[] = [];
    this.ws();
    if (s.charCodeAt(this.i) === 93) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      this.path.push(`[${out.length}]`);
      out.push(this.value(depth + 1));
      this.path.pop();
      this.ws();
      const c = s.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 93) {
        this.i++;
        return out;
      }
      throw new JsonError(this.i, `unexpected ${describeChar(s, this.i)}: expected "," or "]"`);
    }
  }

  private string(): string {
    const s = this.s;
    const start = this.i + 1;
    let i = start;
    // Fast path: no escapes.
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return s.slice(start, i);
      }
      if (c === 92) break;
      if (c < 32) throw new JsonError(i, `control character in a string (escape it)`);
    }
    let out = s.slice(start, i);
    for (;;) {
      if (i >= s.length) throw new JsonError(this.i, `unterminated string`);
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return out;
      }
      if (c < 32) throw new JsonError(i, `control character in a string (escape it)`);
      if (c !== 92) {
        out += s[i];
        i++;
        continue;
      }
      const e = s[i + 1];
      switch (e) {
        case '"':
        case "\\":
        case "/":
          out += e;
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "\t";
          break;
        case "u": {
          const hex = s.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError(i, `invalid \\u escape`);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          throw new JsonError(i, `invalid escape "\\${e ?? ""}"`);
      }
      i += 2;
    }
  }

  private number(): number {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const digits = () => {
      const from = i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      return i - from;
    };
    const intStart = i;
    if (digits() === 0) throw new JsonError(i, `invalid number`);
    if (s.charCodeAt(intStart) === 48 && i - intStart > 1) throw new JsonError(intStart, `leading zeros are not allowed in JSON numbers`);
    if (s.charCodeAt(i) === 46) {
      i++;
      if (digits() === 0) throw new JsonError(i, `invalid number: digits expected after "."`);
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = s.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (digits() === 0) throw new JsonError(i, `invalid number: digits expected in the exponent`);
    }
    this.i = i;
    return Number(s.slice(start, i));
  }
}

/** Parses JSON text strictly, reporting duplicate keys and syntax errors with positions. */
export function parseJsonText(text: string): JsonTextResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parser = new Parser(src);
  try {
    const value = parser.parse();
    const duplicates = parser.duplicates.map((d) => ({ path: d.path, key: d.key, ...lineColumn(src, d.at) }));
    return { ok: true, value, duplicates };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, ...lineColumn(src, e.at), message: e.message };
    if (e instanceof RangeError) return { ok: false, line: 1, column: 1, message: "nesting too deep" };
    throw e;
  }
}
