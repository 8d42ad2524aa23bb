// Policy variables (R68–R74): `${key}`, `${key, 'default'}` and the escapes `${*}`,
// `${?}`, `${$}`. Text is split into pieces once at parse time; at evaluation a
// template resolves against the request context into pieces whose substituted text
// is literal (R74: a `*` inside a tag value is not a wildcard). Only policies of
// version 2012-10-17 expand variables (R68); the parser does not build templates
// for the others, so their `${…}` stays literal text.

import type { Context } from "../context/entry";
import type { GlobPiece } from "./wildcard";

export type TemplatePiece =
  | { readonly kind: "text"; readonly text: string; readonly literal: boolean }
  | { readonly kind: "var"; readonly key: string; readonly keyLower: string; readonly fallback: string | null; readonly source: string };

export interface Template {
  readonly source: string;
  readonly pieces: readonly TemplatePiece[];
  /** True when at least one piece is a variable (escapes alone do not count). */
  readonly hasVariables: boolean;
  /**
   * The last context this template was resolved against, and the compiled result.
   * A request context never changes once parsed, so evaluating the same request
   * again reuses the result without building a key.
   */
  memoContext: Context | null;
  memoValue: unknown;
}

const ESCAPES: Readonly<Record<string, string>> = { "*": "*", "?": "?", $: "$" };
const DEFAULT = /^\s*([^\s,]+)\s*,\s*'([^']*)'\s*$/;
const KEY = /^[^\s,{}$]+$/;

/** Splits text into literal text, escapes and variables. Malformed `${…}` stays text. */
export function parseTemplate(source: string): Template {
  const pieces: TemplatePiece[] = [];
  let hasVariables = false;
  let text = "";
  let i = 0;
  const pushText = () => {
    if (text !== "") pieces.push({ kind: "text", text, literal: false });
    text = "";
  };
  while (i < source.length) {
    const start = source.indexOf("${", i);
    if (start < 0) {
      text += source.slice(i);
      break;
    }
    const end = source.indexOf("}", start + 2);
    if (end < 0) {
      text += source.slice(i);
      break;
    }
    text += source.slice(i, start);
    const inner = source.slice(start + 2, end);
    const escape = ESCAPES[inner];
    if (escape !== undefined) {
      pushText();
      pieces.push({ kind: "text", text: escape, literal: true });
    } else {
      const withDefault = DEFAULT.exec(inner);
      const key = withDefault !== null ? withDefault[1]! : inner.trim();
      if (KEY.test(key) && key.includes(":")) {
        pushText();
        pieces.push({
          kind: "var",
          key,
          keyLower: key.toLowerCase(),
          fallback: withDefault !== null ? withDefault[2]! : null,
          source: source.slice(start, end + 1),
        });
        hasVariables = true;
      } else {
        text += source.slice(start, end + 1);
      }
    }
    i = end + 1;
  }
  pushText();
  return { source, pieces, hasVariables, memoContext: null, memoValue: null };
}

/** True when the text holds `${`, i.e. would be read as a variable or escape in 2012-10-17. */
export function mentionsVariable(text: string): boolean {
  return text.includes("${");
}

/** Whether a template uses `${…}` syntax at all (variables or escapes). */
export function usesVariableSyntax(t: Template): boolean {
  return t.pieces.some((p) => p.kind === "var" || p.literal);
}

/**
 * Resolves a template: the value of each variable (or its default when the key is
 * absent, R72). Returns null when some variable cannot resolve (R70, R71): the key is
 * absent without default, multivalued, or present with an unknown value.
 */
export function resolveTemplate(t: Template, ctx: Context): GlobPiece[] | null {
  const out: GlobPiece[] = [];
  for (const piece of t.pieces) {
    if (piece.kind === "text") {
      out.push(piece);
      continue;
    }
    const entry = ctx.get(piece.keyLower);
    if (entry === undefined) {
      if (piece.fallback === null) return null;
      out.push({ text: piece.fallback, literal: true });
      continue;
    }
    const value = entry.text;
    if (value === null) return null;
    out.push({ text: value, literal: true });
  }
  return out;
}

/** The plain text of resolved pieces (for equality operators). */
export function piecesText(pieces: readonly GlobPiece[]): string {
  let s = "";
  for (const p of pieces) s += p.text;
  return s;
}

/** The pieces of a template that has no variables (escapes become literal text). */
export function staticPieces(t: Template): GlobPiece[] {
  return t.pieces.map((p) => (p.kind === "text" ? p : { text: p.source, literal: true }));
}

const compiledCache = new WeakMap<Template, Map<string, unknown>>();
const CACHE_LIMIT = 64;

/**
 * Resolves a template and compiles the result with `compile`, remembering the
 * compiled form per distinct resolution, so evaluating the same request again does
 * not compile again. Returns null when a variable does not resolve (R71).
 */
export function resolveCompiled<T>(t: Template, ctx: Context, compile: (pieces: GlobPiece[]) => T): T | null {
  if (t.memoContext === ctx) return t.memoValue as T | null;
  const value = resolveCompiledByKey(t, ctx, compile);
  t.memoContext = ctx;
  t.memoValue = value;
  return value;
}

function resolveCompiledByKey<T>(t: Template, ctx: Context, compile: (pieces: GlobPiece[]) => T): T | null {
  let key = "";
  for (const piece of t.pieces) {
    if (piece.kind === "text") {
      key += piece.literal ? "\u0001" : "\u0002";
      key += piece.text;
      continue;
    }
    const entry = ctx.get(piece.keyLower);
    let value: string | null;
    if (entry === undefined) value = piece.fallback;
    else value = entry.text;
    if (value === null) return null;
    key += "\u0001";
    key += value;
  }
  let cache = compiledCache.get(t);
  if (cache === undefined) {
    cache = new Map();
    compiledCache.set(t, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  const pieces = resolveTemplate(t, ctx)!;
  const compiled = compile(pieces);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}
