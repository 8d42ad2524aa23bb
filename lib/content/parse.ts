// Stage 2 of the content pipeline (collect → parse → validate → compile → write): turns the
// text of one file into its pieces, each with the line it came from: the YAML frontmatter, the
// body cut into sections (`##`) and sub-sections (`###`) with their field blocks, and fenced
// fixture blocks (```` ```json policy=Name role=resource ````, ```` ```yaml request=Name ````)
// read as data. Only syntax is checked here; meaning is checked by validate.ts.

import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Code, Heading, Root, RootContent } from "mdast";
import { childPath, parseJsonWithLines } from "./json-source";
import { ProblemList } from "./problems";

/** A YAML value with the line of every path in it (paths in `a.b[0]` notation). */
export interface LocatedValue {
  value: unknown;
  line: number;
  lines: Map<string, number>;
}

export type Attrs = Record<string, string | true>;

export interface FixtureBlock {
  type: "policy" | "request";
  name: string;
  attrs: Attrs;
  /** Line of the opening fence. */
  line: number;
  text: string;
  /** Parsed content; undefined when its syntax is broken (a problem was reported). */
  data?: LocatedValue;
}

export type BodyPart =
  | { kind: "markdown"; text: string; line: number }
  | { kind: "fixture"; block: FixtureBlock };

export interface Section {
  /** Raw inline Markdown of the heading (without the `#`s); empty for the part before any heading. */
  title: string;
  depth: number;
  line: number;
  parts: BodyPart[];
  children: Section[];
}

export interface ParseOptions {
  /** Heading depths that open sections: `[2, 3]` for questions, `[2]` for cards and traps,
   *  none for topics and exams (their headings are plain Markdown). */
  sectionDepths: number[];
}

export interface ParsedFile {
  file: string;
  frontmatter?: LocatedValue;
  body: Section;
  /** All fixture blocks of the body, in order. */
  fixtures: FixtureBlock[];
  /** Words of prose (fixtures and code excluded), for reading time. */
  words: number;
}

const markdown = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdownTree(text: string): Root {
  return markdown.parse(text);
}

/** Reads YAML and records the line of each key and item; `firstLine` is the file line of `text`'s first line. */
export function parseYamlWithLines(text: string, firstLine: number, problems: ProblemList, what: string): LocatedValue | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = firstLine + counter.linePos(first.pos[0]).line - 1;
    const msg = first.code === "DUPLICATE_KEY" ? "duplicate key" : first.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    problems.add(line, `${what}: invalid YAML: ${(msg ?? "").toLowerCase()}`);
    return undefined;
  }
  const lines = new Map<string, number>();
  const lineAt = (node: YamlNode | null | undefined): number | undefined =>
    node?.range ? firstLine + counter.linePos(node.range[0]).line - 1 : undefined;
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const p = childPath(path, key);
        const l = lineAt(pair.key as YamlNode);
        if (l !== undefined) lines.set(p, l);
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = childPath(path, i);
        const l = lineAt(item as YamlNode);
        if (l !== undefined) lines.set(p, l);
        walk(item, p);
      });
    }
  };
  const rootLine = lineAt(doc.contents as YamlNode) ?? firstLine;
  lines.set("", rootLine);
  walk(doc.contents, "");
  return { value: doc.toJS({ maxAliasCount: 100 }), line: rootLine, lines };
}

/** `policy=BucketPolicy role=resource detached` → { policy: "BucketPolicy", role: "resource", detached: true } */
export function parseAttrs(meta: string): Attrs {
  const attrs: Attrs = {};
  for (const token of meta.trim().split(/\s+/).filter(Boolean)) {
    const eq = token.indexOf("=");
    if (eq === -1) attrs[token] = true;
    else attrs[token.slice(0, eq)] = token.slice(eq + 1).replace(/^"(.*)"$/, "$1");
  }
  return attrs;
}

function isFixtureMeta(meta: string | null | undefined): boolean {
  return /(^|\s)(policy|request)=/.test(meta ?? "");
}

const FIELD_LINE = /^[A-Za-z][\w-]*:(\s|$)/;

export function parseFile(file: string, text: string, problems: ProblemList, options: ParseOptions): ParsedFile {
  const src = text.replace(/\r\n?/g, "\n");
  const allLines = src.split("\n");
  let bodyStart = 0; // index into allLines
  let frontmatter: LocatedValue | undefined;
  if (allLines[0]?.trim() === "---") {
    const close = allLines.findIndex((l, i) => i > 0 && (l.trim() === "---" || l.trim() === "..."));
    if (close === -1) {
      problems.add(1, "frontmatter is not closed: add a line `---` after it");
      bodyStart = allLines.length;
    } else {
      const yamlText = allLines.slice(1, close).join("\n");
      frontmatter = parseYamlWithLines(yamlText, 2, problems, "frontmatter");
      if (frontmatter && (frontmatter.value === null || frontmatter.value === undefined)) frontmatter.value = {};
      bodyStart = close + 1;
    }
  }
  const bodyLines = allLines.slice(bodyStart);
  const firstBodyLine = bodyStart + 1;
  const abs = (rel: number) => firstBodyLine + rel - 1;
  const tree = parseMarkdownTree(bodyLines.join("\n"));

  const fixtures: FixtureBlock[] = [];
  const root: Section = { title: "", depth: 0, line: firstBodyLine, parts: [], children: [] };
  let current = root;
  let h2: Section | undefined;
  let words = 0;

  const pushMarkdown = (node: RootContent) => {
    const start = abs(node.position?.start.line ?? 1);
    const end = abs(node.position?.end.line ?? 1);
    const last = current.parts.at(-1);
    const text = bodyLines.slice(start - firstBodyLine, end - firstBodyLine + 1).join("\n");
    // Consecutive Markdown nodes are contiguous in the source: keep one part spanning them.
    if (last && last.kind === "markdown") last.text = bodyLines.slice(last.line - firstBodyLine, end - firstBodyLine + 1).join("\n");
    else current.parts.push({ kind: "markdown", text, line: start });
    if (node.type !== "code" && node.type !== "html") words += countWords(node);
  };

  for (const node of tree.children) {
    const line = abs(node.position?.start.line ?? 1);
    if (node.type === "heading" && options.sectionDepths.includes(node.depth)) {
      const section = makeSection(node, line, bodyLines, firstBodyLine);
      if (node.depth === 2 || !h2) {
        root.children.push(section);
        h2 = node.depth === 2 ? section : undefined;
        if (node.depth === 3) problems.add(line, "`###` heading outside a `##` section");
      } else h2.children.push(section);
      current = section;
      continue;
    }
    if (node.type === "code" && isFixtureMeta(node.meta)) {
      const block = readFixture(node, line, problems);
      if (block) {
        fixtures.push(block);
        current.parts.push({ kind: "fixture", block });
      }
      continue;
    }
    pushMarkdown(node);
  }
  flagNestedFixtures(tree, abs, problems);

  return { file, frontmatter, body: root, fixtures, words };
}

function makeSection(node: Heading, line: number, bodyLines: string[], firstBodyLine: number): Section {
  const raw = bodyLines[line - firstBodyLine] ?? "";
  const title = raw.replace(/^\s{0,3}#{2,6}\s+/, "").replace(/\s+#+\s*$/, "").trim();
  return { title, depth: node.depth, line, parts: [], children: [] };
}

/**
 * Takes the field block off a section: the `key: value` lines right under its heading, up to
 * the first blank line, read as YAML. The rest of the first Markdown part stays as text.
 */
export function takeFields(section: Section, problems: ProblemList): LocatedValue | undefined {
  const first = section.parts[0];
  if (!first || first.kind !== "markdown" || first.line !== section.line + 1) return undefined;
  const lines = first.text.split("\n");
  if (!FIELD_LINE.test(lines[0] ?? "")) return undefined;
  let n = 0;
  while (n < lines.length && (lines[n] ?? "").trim() !== "") n++;
  const fields = parseYamlWithLines(lines.slice(0, n).join("\n"), first.line, problems, "fields");
  let rest = n;
  while (rest < lines.length && (lines[rest] ?? "").trim() === "") rest++;
  if (rest < lines.length) section.parts[0] = { kind: "markdown", text: lines.slice(rest).join("\n"), line: first.line + rest };
  else section.parts.shift();
  return fields;
}

/** A section back as Markdown parts (its sub-sections' headings included), for sections that are plain text. */
export function flattenSection(section: Section): BodyPart[] {
  const out: BodyPart[] = [...section.parts];
  for (const child of section.children) {
    out.push({ kind: "markdown", text: `${"#".repeat(child.depth)} ${child.title}`, line: child.line });
    out.push(...flattenSection(child));
  }
  return out;
}

function readFixture(node: Code, line: number, problems: ProblemList): FixtureBlock | undefined {
  const attrs = parseAttrs(node.meta ?? "");
  const type = typeof attrs.policy === "string" ? "policy" : "request";
  const name = attrs[type];
  if (typeof name !== "string" || name === "") {
    problems.add(line, `fixture block needs a name: \`${type}=Name\``);
    return undefined;
  }
  const lang = (node.lang ?? "").toLowerCase();
  const text = node.value;
  const contentLine = line + 1;
  const block: FixtureBlock = { type, name, attrs, line, text };
  if (type === "policy") {
    if (lang !== "json") {
      problems.add(line, `policy \`${name}\` must be a \`json\` block`);
      return block;
    }
    const parsed = parseJsonWithLines(text);
    if (!parsed.ok) {
      problems.add(contentLine + parsed.line - 1, `policy \`${name}\`: invalid JSON: ${parsed.message}`);
      return block;
    }
    for (const d of parsed.duplicates) problems.add(contentLine + d.line - 1, `policy \`${name}\`: duplicate key \`${d.path}\``);
    if (parsed.duplicates.length > 0) return block;
    const lines = new Map<string, number>();
    for (const [p, l] of parsed.lines) lines.set(p, contentLine + l - 1);
    block.data = { value: parsed.value, line: contentLine, lines };
    return block;
  }
  if (lang !== "yaml" && lang !== "yml") {
    problems.add(line, `request \`${name}\` must be a \`yaml\` block`);
    return block;
  }
  block.data = parseYamlWithLines(text, contentLine, problems, `request \`${name}\``);
  return block;
}

function flagNestedFixtures(tree: Root, abs: (rel: number) => number, problems: ProblemList) {
  const visit = (node: { children?: unknown[]; type: string }, depth: number) => {
    for (const child of (node.children ?? []) as Array<{ type: string; meta?: string | null; children?: unknown[]; position?: { start: { line: number } } }>) {
      if (depth > 0 && child.type === "code" && isFixtureMeta(child.meta)) {
        problems.add(abs(child.position?.start.line ?? 1), "fixture blocks must stand at the top level, not inside a list or quote");
      }
      visit(child, depth + 1);
    }
  };
  visit(tree, 0);
}

function countWords(node: unknown): number {
  let text = "";
  const walk = (n: { type?: string; value?: string; children?: unknown[] }) => {
    if (n.type === "code" || n.type === "html") return;
    if (typeof n.value === "string") text += ` ${n.value}`;
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(node as { children?: unknown[] });
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
