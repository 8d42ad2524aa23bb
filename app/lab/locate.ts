// From the evaluator's JSON paths (`identityPolicies[0].Statement[1].Condition.StringLikee`) to
// places in the editor's text, so a validation message sits on the very key it is about. The
// JSON scanner is tolerant: on broken text it keeps what it read before the break, so messages
// still land near their place while the learner types. YAML goes through the `yaml` library's
// own syntax tree, which carries source ranges.

import { isMap, isScalar, isSeq, type Document, type Node as YamlNode } from "yaml";

export type PathSegment = string | number;

export interface TextRange {
  from: number;
  to: number;
}

export interface Location extends TextRange {
  /** False when the path's last part is missing from the text and an ancestor is shown instead. */
  exact: boolean;
}

/** `a.b[0]["odd key"].c` → ["a", "b", 0, "odd key", "c"], the notation of lib/iam's issue paths. */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      i++;
      continue;
    }
    if (c === "[") {
      if (path[i + 1] === '"') {
        // A quoted key: a JSON string up to the closing quote, then `]`.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === "\\" ? 2 : 1;
        try {
          out.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        } catch {
          out.push(path.slice(i + 2, j));
        }
        i = path.indexOf("]", j) === -1 ? path.length : path.indexOf("]", j) + 1;
        continue;
      }
      const close = path.indexOf("]", i);
      const end = close === -1 ? path.length : close;
      const n = Number(path.slice(i + 1, end));
      out.push(Number.isInteger(n) ? n : path.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
    out.push(path.slice(i, j));
    i = j;
  }
  return out;
}

/** Where one value sits: the value itself and, for an object member, its key. */
interface JsonNode {
  value: TextRange;
  key?: TextRange;
  kind: "object" | "array" | "scalar";
  children: Map<PathSegment, JsonNode>;
}

class Stop extends Error {}

/** Reads JSON text into a tree of ranges. Stops quietly at the first syntax error. */
export function scanJson(text: string): JsonNode {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  };
  const string = (): { from: number; to: number; value: string } => {
    const from = i;
    if (text[i] !== '"') throw new Stop();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\n") throw new Stop();
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= text.length) throw new Stop();
    i++;
    let value: string;
    try {
      value = JSON.parse(text.slice(from, i)) as string;
    } catch {
      value = text.slice(from + 1, i - 1);
    }
    return { from, to: i, value };
  };
  const value = (node: JsonNode): void => {
    ws();
    const from = i;
    node.value = { from, to: from };
    const c = text[i];
    if (c === "{") {
      node.kind = "object";
      i++;
      ws();
      if (text[i] === "}") i++;
      else
        for (;;) {
          ws();
          const key = string();
          const child: JsonNode = { value: { from: key.to, to: key.to }, key: { from: key.from, to: key.to }, kind: "scalar", children: new Map() };
          // The first of two equal keys keeps its place: the evaluator reports the duplicate itself.
          if (!node.children.has(key.value)) node.children.set(key.value, child);
          ws();
          if (text[i] !== ":") throw new Stop();
          i++;
          value(child);
          ws();
          if (text[i] === ",") {
            i++;
            continue;
          }
          if (text[i] === "}") {
            i++;
            break;
          }
          throw new Stop();
        }
    } else if (c === "[") {
      node.kind = "array";
      i++;
      ws();
      if (text[i] === "]") i++;
      else
        for (let n = 0; ; n++) {
          const child: JsonNode = { value: { from: i, to: i }, kind: "scalar", children: new Map() };
          node.children.set(n, child);
          value(child);
          ws();
          if (text[i] === ",") {
            i++;
            continue;
          }
          if (text[i] === "]") {
            i++;
            break;
          }
          throw new Stop();
        }
    } else if (c === '"') {
      string();
    } else {
      const m = /^(?:-?\d[\d.eE+-]*|true|false|null)/.exec(text.slice(i, i + 64));
      if (!m) throw new Stop();
      i += m[0].length;
    }
    node.value = { from, to: i };
  };
  const root: JsonNode = { value: { from: 0, to: 0 }, kind: "scalar", children: new Map() };
  try {
    value(root);
  } catch (e) {
    // Keep the partial tree: values read before the break keep their places.
    if (!(e instanceof Stop)) throw e;
  }
  return root;
}

/** The place of a node as a diagnostic: a member's key, else its value (an object or array by its opening bracket). */
function rangeOf(node: JsonNode): TextRange {
  if (node.key) return node.key;
  if (node.kind !== "scalar") return { from: node.value.from, to: node.value.from + 1 };
  return node.value;
}

/**
 * The text range for an evaluator path in JSON text: the key of an object member, an array
 * element's value, or, when the path does not exist (a missing field), its deepest ancestor.
 */
export function locateJsonPath(text: string, path: string | readonly PathSegment[]): Location {
  const segments = typeof path === "string" ? parsePath(path) : path;
  const root = scanJson(text);
  let node = root;
  let exact = true;
  for (const seg of segments) {
    // `Statement[0]` of a policy that writes a single statement object instead of an array.
    if (seg === 0 && node.kind === "object") continue;
    const next = node.children.get(seg);
    if (!next) {
      exact = false;
      break;
    }
    node = next;
  }
  return { ...clamp(rangeOf(node), text.length), exact };
}

/** As `locateJsonPath`, over a YAML document (the `yaml` library keeps every node's source range). */
export function locateYamlPath(doc: Document, textLength: number, path: string | readonly PathSegment[]): Location {
  const segments = typeof path === "string" ? parsePath(path) : path;
  let node: unknown = doc.contents;
  let keyRange: TextRange | undefined;
  let exact = true;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (isMap(node)) {
      // `Statement[0]` of a policy that writes a single statement object instead of a list.
      if (typeof seg === "number") {
        if (seg === 0) continue;
        exact = false;
        break;
      }
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg);
      if (!pair) {
        exact = false;
        break;
      }
      keyRange = isScalar(pair.key) && pair.key.range ? { from: pair.key.range[0], to: pair.key.range[1] } : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number" && seg < node.items.length) {
      keyRange = undefined;
      node = node.items[seg];
    } else {
      exact = false;
      break;
    }
  }
  if (keyRange) return { ...clamp(keyRange, textLength), exact };
  const range = (node as YamlNode | null | undefined)?.range;
  if (range) {
    const to = isScalar(node) ? range[1] : Math.min(range[1], range[0] + 1);
    return { ...clamp({ from: range[0], to }, textLength), exact };
  }
  return { from: 0, to: Math.min(1, textLength), exact: false };
}

function clamp(r: TextRange, length: number): TextRange {
  const from = Math.max(0, Math.min(r.from, length));
  const to = Math.max(from, Math.min(r.to, length));
  return { from, to };
}

/** 1-based line and column → offset (for the JSON reader's "line 3, column 7" messages). */
export function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", at);
    if (nl === -1) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + Math.max(0, column - 1));
}
