// A strict JSON reader that remembers where things are. Policies are written as JSON fenced
// blocks; the evaluator reports problems by path (`Statement[1].Condition.StringLikee`), and
// the check must point at the line in the author's file. JSON.parse gives neither lines nor
// duplicate keys (it keeps the last one silently), so policies are read here instead.

export type JsonResult =
  | { ok: true; value: unknown; lines: Map<string, number>; duplicates: Array<{ path: string; line: number }> }
  | { ok: false; line: number; message: string };

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const SIMPLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$:\-/]*$/;

/** Path of a child, in the evaluator's notation: `a.b[0].c`, and `a["odd key"]` for keys that need quotes. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  if (!SIMPLE_KEY.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === "" ? key : `${parent}.${key}`;
}

/** `a.b[0]["c d"]` → ["a", "b", 0, "c d"] */
export function pathSegments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /\.?([A-Za-z_$][A-Za-z0-9_$:\-/]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3] ?? '""') as string);
    if (re.lastIndex >= path.length) break;
  }
  return out;
}

export function joinPath(segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>((p, s) => childPath(p, s), "");
}

export function parseJsonWithLines(text: string): JsonResult {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const lines = new Map<string, number>();
  const duplicates: Array<{ path: string; line: number }> = [];
  let pos = 0;

  const skipWs = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos] as string)) pos++;
  };
  const fail = (message: string): never => {
    throw new JsonSyntaxError(Math.min(pos, text.length), message);
  };
  const describe = (): string => (pos >= text.length ? "end of block" : `\`${text[pos]}\``);

  const readString = (): string => {
    const start = pos;
    pos++; // opening quote
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === "\\") pos += 2;
      else if (ch === '"') {
        pos++;
        try {
          return JSON.parse(text.slice(start, pos)) as string;
        } catch {
          pos = start;
          return fail("invalid escape in string");
        }
      } else if (ch === "\n") {
        pos = start;
        return fail("unterminated string");
      } else pos++;
    }
    pos = start;
    return fail("unterminated string");
  };

  let depth = 0;
  const readValue = (path: string): unknown => {
    skipWs();
    if (depth > 256) fail("nested too deeply");
    lines.set(path, lineOf(pos));
    const ch = text[pos];
    if (ch === "{") {
      pos++;
      depth++;
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      skipWs();
      if (text[pos] === "}") {
        pos++;
        depth--;
        return obj;
      }
      for (;;) {
        skipWs();
        if (text[pos] !== '"') fail(`expected a quoted key, found ${describe()}`);
        const keyOffset = pos;
        const key = readString();
        const keyPath = childPath(path, key);
        if (seen.has(key)) duplicates.push({ path: keyPath, line: lineOf(keyOffset) });
        seen.add(key);
        skipWs();
        if (text[pos] !== ":") fail(`expected \`:\` after key \`${key}\`, found ${describe()}`);
        pos++;
        const value = readValue(keyPath);
        lines.set(keyPath, lineOf(keyOffset));
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        skipWs();
        if (text[pos] === ",") {
          pos++;
          skipWs();
          if (text[pos] === "}") fail("trailing comma before `}`");
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          depth--;
          return obj;
        }
        fail(`expected \`,\` or \`}\`, found ${describe()}`);
      }
    }
    if (ch === "[") {
      pos++;
      depth++;
      const arr: unknown[] = [];
      skipWs();
      if (text[pos] === "]") {
        pos++;
        depth--;
        return arr;
      }
      for (;;) {
        arr.push(readValue(childPath(path, arr.length)));
        skipWs();
        if (text[pos] === ",") {
          pos++;
          skipWs();
          if (text[pos] === "]") fail("trailing comma before `]`");
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          depth--;
          return arr;
        }
        fail(`expected \`,\` or \`]\`, found ${describe()}`);
      }
    }
    if (ch === '"') return readString();
    const rest = text.slice(pos);
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (rest.startsWith(word)) {
        pos += word.length;
        return value;
      }
    }
    return fail(`unexpected ${describe()}`);
  };

  try {
    const value = readValue("");
    skipWs();
    if (pos < text.length) fail(`unexpected ${describe()} after the JSON value`);
    return { ok: true, value, lines, duplicates };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, line: lineOf(e.offset), message: e.message };
    throw e;
  }
}

/** Line of the deepest known ancestor of `path` (the evaluator may name a child we did not record). */
export function lineOfPath(lines: Map<string, number>, path: string): number | undefined {
  const segments = pathSegments(path);
  for (let n = segments.length; n >= 0; n--) {
    const hit = lines.get(joinPath(segments.slice(0, n)));
    if (hit !== undefined) return hit;
  }
  return undefined;
}
