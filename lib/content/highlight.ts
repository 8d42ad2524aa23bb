// Syntax highlighting for policies (JSON) and requests (YAML), at build time. A small tokenizer
// is enough for these two languages and needs no dependency; output is spans with fixed
// `tok-*` classes around escaped text, so it cannot carry markup from content. If the project
// adopts shiki later, `highlightToHtml` and `highlightToHast` are the only two entry points to swap.

import type { Element, ElementContent } from "hast";

type TokenType = "key" | "string" | "number" | "literal" | "punct" | "comment" | "allow" | "deny" | "plain";
interface Token {
  type: TokenType;
  text: string;
}

export type CodeLanguage = "json" | "yaml";

export function languageOf(name: string | undefined | null): CodeLanguage | undefined {
  const n = (name ?? "").toLowerCase();
  return n === "json" ? "json" : n === "yaml" || n === "yml" ? "yaml" : undefined;
}

function effectToken(quoted: string): TokenType {
  return quoted === '"Allow"' ? "allow" : quoted === '"Deny"' ? "deny" : "string";
}

function tokenizeJson(text: string): Token[] {
  const out: Token[] = [];
  const re = /("(?:[^"\\\n]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])|(\s+)|([^\s"{}[\],:]+)/g;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) {
      if (m[2] !== undefined) {
        out.push({ type: "key", text: m[1] }, { type: "punct", text: m[2] });
      } else out.push({ type: effectToken(m[1]), text: m[1] });
    } else if (m[3] !== undefined) out.push({ type: "number", text: m[3] });
    else if (m[4] !== undefined) out.push({ type: "literal", text: m[4] });
    else if (m[5] !== undefined) out.push({ type: "punct", text: m[5] });
    else out.push({ type: "plain", text: m[0] });
  }
  return out;
}

function yamlScalar(value: string): Token[] {
  const trimmed = value.trimEnd();
  const trail = value.slice(trimmed.length);
  const comment = /^(.*?)(\s+#.*)$/.exec(trimmed);
  const body = comment ? (comment[1] ?? "") : trimmed;
  const tokens: Token[] = [];
  const unquoted = body.replace(/^(["'])(.*)\1$/, "$2");
  if (unquoted === "Allow") tokens.push({ type: "allow", text: body });
  else if (unquoted === "Deny") tokens.push({ type: "deny", text: body });
  else if (/^(["']).*\1$/.test(body)) tokens.push({ type: "string", text: body });
  else if (/^-?\d+(\.\d+)?$/.test(body)) tokens.push({ type: "number", text: body });
  else if (/^(true|false|null|~)$/i.test(body)) tokens.push({ type: "literal", text: body });
  else if (/^[[{]/.test(body)) tokens.push(...tokenizeJson(body).map((t) => (t.type === "plain" && t.text.trim() ? { ...t, type: "string" as const } : t)));
  else if (body) tokens.push({ type: "string", text: body });
  if (comment) tokens.push({ type: "comment", text: comment[2] ?? "" });
  if (trail) tokens.push({ type: "plain", text: trail });
  return tokens;
}

function tokenizeYaml(text: string): Token[] {
  const out: Token[] = [];
  text.split("\n").forEach((line, i) => {
    if (i > 0) out.push({ type: "plain", text: "\n" });
    if (/^\s*#/.test(line)) {
      out.push({ type: "comment", text: line });
      return;
    }
    // A key may hold colons not followed by a space (`aws:SourceIp:`).
    const m = /^(\s*(?:-\s+)?)("[^"]*"|'[^']*'|(?:[^\s:#'"]|:(?=\S))(?:[^:#]|:(?=\S))*?)(:)(\s+|$)(.*)$/.exec(line);
    if (m) {
      if (m[1]) out.push({ type: m[1].includes("-") ? "punct" : "plain", text: m[1] });
      out.push({ type: "key", text: m[2] ?? "" }, { type: "punct", text: m[3] ?? "" });
      if (m[4]) out.push({ type: "plain", text: m[4] });
      if (m[5]) out.push(...yamlScalar(m[5]));
      return;
    }
    const item = /^(\s*-\s+)(.*)$/.exec(line);
    if (item) {
      out.push({ type: "punct", text: item[1] ?? "" }, ...yamlScalar(item[2] ?? ""));
      return;
    }
    out.push(...yamlScalar(line));
  });
  return out;
}

function tokenize(text: string, lang: CodeLanguage): Token[] {
  return lang === "json" ? tokenizeJson(text) : tokenizeYaml(text);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A complete `<pre>` block for a fixture. */
export function highlightToHtml(text: string, lang: CodeLanguage): string {
  const inner = tokenize(text, lang)
    .map((t) => (t.type === "plain" ? escapeHtml(t.text) : `<span class="tok-${t.type}">${escapeHtml(t.text)}</span>`))
    .join("");
  return `<pre class="code code-${lang}"><code class="language-${lang}">${inner}</code></pre>`;
}

/** The children of a `<code>` element, for Markdown code blocks (rehype). */
export function highlightToHast(text: string, lang: CodeLanguage): ElementContent[] {
  return tokenize(text, lang).map((t): ElementContent =>
    t.type === "plain"
      ? { type: "text", value: t.text }
      : ({ type: "element", tagName: "span", properties: { className: [`tok-${t.type}`] }, children: [{ type: "text", value: t.text }] } satisfies Element),
  );
}
