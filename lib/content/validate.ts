// Stage 3 of the content pipeline: checks one parsed file against the format of its kind
// (zod schemas for frontmatter, fields and fixture info strings; the section layout of
// questions; option fields per mode; the change language) and returns it as typed data for
// compile.ts. Reports every problem it finds with its line and keeps going, so one run lists
// all of them. Checks that need the whole bank (unknown trap, duplicate id) live in check.ts;
// checks that need the evaluator (policy validity, keys) live in compile.ts.

import type { z } from "zod";
import type { ContentKind, SourceFile } from "./collect";
import { joinPath, lineOfPath } from "./json-source";
import type { DocLink, QuestionMode } from "./model";
import { flattenSection, parseFile, takeFields, type BodyPart, type FixtureBlock, type LocatedValue, type ParsedFile, type Section } from "./parse";
import { listCode, ProblemList } from "./problems";
import { collectLinks, isAwsDocsUrl } from "./render";
import type { FixtureSet, PolicyDef, RequestDef } from "./fixtures";
import {
  cardFieldsSchema,
  cardsFileSchema,
  IMPLICIT_DENY_STAGES,
  changeOpNames,
  changeOpSchemas,
  examSchema,
  optionFieldSchemas,
  policyAttrsSchema,
  questionSchema,
  requestAttrsSchema,
  requestFieldsSchema,
  topicSchema,
  trapFieldsSchema,
  trapsFileSchema,
  type ChangeOp,
  type ExamFrontmatter,
  type QuestionFrontmatter,
  type TopicFrontmatter,
} from "./schema";

// ---------- validated documents ----------

export interface ExamDoc {
  kind: "exam";
  file: string;
  data: ExamFrontmatter;
  fm: LocatedValue;
  body: BodyPart[];
}

export interface TopicDoc {
  kind: "topic";
  file: string;
  data: TopicFrontmatter;
  fm: LocatedValue;
  body: BodyPart[];
  scenarios: Array<{ name: string; fixtures: FixtureSet }>;
  words: number;
}

export type Outcome = { decision: "Allow" | "ExplicitDeny" | "ImplicitDeny"; policy?: string; stage?: string };

export interface OptionDoc {
  id: string;
  line: number;
  text: string; // inline Markdown
  explanation: string; // Markdown
  outcome?: Outcome;
  request?: string;
  change?: ChangeOp[];
}

export interface VariantDoc {
  id: string;
  label?: string;
  line: number;
  ops: ChangeOp[];
  key?: string[];
  keyLine?: number;
}

export interface QuestionDoc {
  kind: "question";
  file: string;
  data: QuestionFrontmatter;
  fm: LocatedValue;
  stem: BodyPart[];
  fixtures: FixtureSet;
  options: OptionDoc[];
  explanation: string;
  docs: DocLink[];
  variants: VariantDoc[];
}

export interface CardDoc {
  kind: "card";
  file: string;
  line: number;
  id: string;
  idLine: number;
  topic: string;
  topicLine: number;
  tags: string[];
  front: string;
  back: string;
  docs: DocLink[];
}

export interface TrapDoc {
  kind: "trap";
  file: string;
  line: number;
  id: string;
  idLine: number;
  title: string;
  rule: string;
  explanation: string;
  docs: DocLink[];
}

export type ValidDoc = ExamDoc | TopicDoc | QuestionDoc | CardDoc | TrapDoc;

const SECTION_DEPTHS: Record<ContentKind, number[]> = { exam: [], topic: [], question: [2, 3], cards: [2], traps: [2] };

export function validateSource(source: SourceFile, problems: ProblemList): ValidDoc[] {
  const parsed = parseFile(source.file, source.text, problems, { sectionDepths: SECTION_DEPTHS[source.kind] });
  switch (source.kind) {
    case "exam":
      return opt(validateExam(parsed, problems));
    case "topic":
      return opt(validateTopic(parsed, problems));
    case "question":
      return opt(validateQuestion(parsed, source.folder ?? "", problems));
    case "cards":
      return validateCards(parsed, problems);
    case "traps":
      return validateTraps(parsed, problems);
  }
}

const opt = <T>(v: T | undefined): T[] => (v === undefined ? [] : [v]);

// ---------- zod issues → problems ----------

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function kindOfValue(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} \`${String(v)}\``;
}

/**
 * Validates `located.value` (or the value at `base` inside it) and reports each zod issue on
 * the line of the field it names. `what` labels the root (e.g. "frontmatter").
 */
export function checkWith<T extends z.ZodType>(
  schema: T,
  located: LocatedValue | undefined,
  problems: ProblemList,
  what: string,
  base: ReadonlyArray<string | number> = [],
  fallbackLine = 1,
): z.infer<T> | undefined {
  const value = located ? valueAt(located.value, base) : undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lineOf = (segs: ReadonlyArray<string | number>) =>
    (located && lineOfPath(located.lines, joinPath([...base, ...segs]))) ?? located?.line ?? fallbackLine;
  for (const issue of result.error.issues) {
    const segs = issue.path.filter((s): s is string | number => typeof s !== "symbol");
    const label = joinPath([...base, ...segs]);
    const named = label === "" ? what : `\`${label}\``;
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) problems.add(lineOf([...segs, key]), `${label === "" ? `${what}: ` : `${named}: `}unknown field \`${key}\``);
      continue;
    }
    const raw = valueAt(value, segs);
    let message: string;
    if (issue.code === "invalid_type") {
      message = raw === undefined && segs.length > 0 ? `missing ${named}` : `${named}: expected ${issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : issue.expected}, got ${kindOfValue(raw)}`;
    } else if (issue.code === "invalid_value") {
      message = `${named}: expected one of ${listCode(issue.values.map(String))}`;
    } else {
      message = `${named}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
    }
    problems.add(lineOf(segs), message);
  }
  return undefined;
}

// ---------- shared pieces ----------

function markdownOf(parts: BodyPart[], problems: ProblemList, where: string): string {
  const texts: string[] = [];
  for (const p of parts) {
    if (p.kind === "fixture") problems.add(p.block.line, `fixture blocks belong in the stem, not in ${where}`);
    else texts.push(p.text);
  }
  return texts.join("\n\n").trim();
}

function readDocs(urls: string[], problems: ProblemList, line: number): DocLink[] {
  const docs = urls.map((url) => ({ url, title: url }));
  if (!docs.some((d) => isAwsDocsUrl(d.url))) problems.add(line, "no AWS documentation link: add an https://docs.aws.amazon.com/ link to `doc`");
  return docs;
}

function readFixtures(blocks: FixtureBlock[], problems: ProblemList, where: "question" | "topic"): Array<{ scenario: string; def: PolicyDef | RequestDef; type: "policy" | "request" }> {
  const out: Array<{ scenario: string; def: PolicyDef | RequestDef; type: "policy" | "request" }> = [];
  for (const block of blocks) {
    const attrsValue: LocatedValue = { value: block.attrs, line: block.line, lines: new Map([["", block.line]]) };
    const label = `${block.type} \`${block.name}\``;
    if (block.type === "policy") {
      const attrs = checkWith(policyAttrsSchema, attrsValue, problems, label, [], block.line);
      if (attrs?.scenario && where === "question") problems.add(block.line, `${label}: \`scenario\` is for topics`);
      if (!attrs || !block.data) continue;
      out.push({
        scenario: attrs.scenario ?? "main",
        type: "policy",
        def: {
          name: block.name,
          role: attrs.role,
          level: attrs.level,
          detached: attrs.detached === true,
          document: block.data.value,
          line: block.line,
          lines: block.data.lines,
          text: block.text,
        },
      });
    } else {
      const attrs = checkWith(requestAttrsSchema, attrsValue, problems, label, [], block.line);
      if (attrs?.scenario && where === "question") problems.add(block.line, `${label}: \`scenario\` is for topics`);
      if (!attrs || !block.data) continue;
      const fields = checkWith(requestFieldsSchema, block.data, problems, label, [], block.line);
      if (!fields) continue;
      const { must, expect, ...request } = fields;
      out.push({
        scenario: attrs.scenario ?? "main",
        type: "request",
        def: { name: block.name, fields: request, must, expect, line: block.line, lines: block.data.lines, text: block.text },
      });
    }
  }
  return out;
}

function toSet(items: Array<{ def: PolicyDef | RequestDef; type: "policy" | "request" }>): FixtureSet {
  return {
    policies: items.filter((i) => i.type === "policy").map((i) => i.def as PolicyDef),
    requests: items.filter((i) => i.type === "request").map((i) => i.def as RequestDef),
  };
}

/** Reads a change (one operation or a list) at `base` inside `located`. */
export function readChange(located: LocatedValue, base: Array<string | number>, problems: ProblemList, fallbackLine: number): ChangeOp[] | undefined {
  const raw = valueAt(located.value, base);
  const items = Array.isArray(raw) ? raw : [raw];
  const ops: ChangeOp[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const at = Array.isArray(raw) ? [...base, i] : base;
    const line = lineOfPath(located.lines, joinPath(at)) ?? fallbackLine;
    const label = `\`${joinPath(at)}\``;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.add(line, `${label}: a change is a mapping such as \`remove-policy: Boundary\``);
      ok = false;
      return;
    }
    const names = Object.keys(item).filter((k): k is (typeof changeOpNames)[number] => (changeOpNames as string[]).includes(k));
    if (names.length !== 1) {
      problems.add(
        line,
        names.length === 0 ? `${label}: no change named; use one of ${listCode(changeOpNames)}` : `${label}: one change per list item, found ${listCode(names)}`,
      );
      ok = false;
      return;
    }
    const name = names[0]!;
    const value = checkWith(changeOpSchemas[name], located, problems, label, at, line);
    if (!value) {
      ok = false;
      return;
    }
    ops.push({ ...value, op: name } as ChangeOp);
  });
  return ok ? ops : undefined;
}

// ---------- exams ----------

function validateExam(parsed: ParsedFile, problems: ProblemList): ExamDoc | undefined {
  if (!parsed.frontmatter) {
    problems.add(1, "missing frontmatter: an exam starts with `---`, its fields, and `---`");
    return undefined;
  }
  const data = checkWith(examSchema, parsed.frontmatter, problems, "frontmatter");
  if (!data) return undefined;
  return { kind: "exam", file: parsed.file, data, fm: parsed.frontmatter, body: parsed.body.parts };
}

// ---------- topics ----------

function validateTopic(parsed: ParsedFile, problems: ProblemList): TopicDoc | undefined {
  if (!parsed.frontmatter) {
    problems.add(1, "missing frontmatter: a topic starts with `---`, its fields, and `---`");
    return undefined;
  }
  const data = checkWith(topicSchema, parsed.frontmatter, problems, "frontmatter");
  const fixtures = readFixtures(parsed.fixtures, problems, "topic");
  const names = [...new Set(fixtures.map((f) => f.scenario))];
  const scenarios = names.map((name) => ({ name, fixtures: toSet(fixtures.filter((f) => f.scenario === name)) }));
  for (const s of scenarios) {
    for (const r of s.fixtures.requests) if (r.must) problems.add(r.line, `request \`${r.name}\`: \`must\` is for fix questions; a topic scenario may state \`expect\``);
    if (s.fixtures.requests.length === 0) {
      const first = s.fixtures.policies[0];
      problems.add(first?.line ?? 1, `scenario \`${s.name}\` has no request to run: add a \`yaml request=Name\` block${s.name === "main" ? "" : ` with \`scenario=${s.name}\``}`);
    }
  }
  if (!data) return undefined;
  return { kind: "topic", file: parsed.file, data, fm: parsed.frontmatter, body: parsed.body.parts, scenarios, words: parsed.words };
}

// ---------- questions ----------

const SECTION_NAMES = ["Options", "Explanation", "Docs"] as const;
type SectionName = (typeof SECTION_NAMES)[number];

function parseOutcome(text: string): Outcome {
  const [decision, , arg] = text.trim().split(/\s+/) as [Outcome["decision"], string?, string?];
  if (decision === "ExplicitDeny" && arg) return { decision, policy: arg };
  if (decision === "ImplicitDeny" && arg) return { decision, stage: arg };
  return { decision };
}

function validateQuestion(parsed: ParsedFile, folder: string, problems: ProblemList): QuestionDoc | undefined {
  if (!parsed.frontmatter) {
    problems.add(1, "missing frontmatter: a question starts with `---`, its fields, and `---`");
    return undefined;
  }
  const fm = parsed.frontmatter;
  const data = checkWith(questionSchema, fm, problems, "frontmatter");
  const rawMode = (fm.value as Record<string, unknown> | null)?.mode;
  const mode: QuestionMode | undefined = data?.mode ?? (Object.hasOwn(optionFieldSchemas, String(rawMode)) ? (rawMode as QuestionMode) : undefined);
  const fmLine = (path: string) => lineOfPath(fm.lines, path) ?? fm.line;
  if (data && data.topic !== folder) problems.add(fmLine("topic"), `topic \`${data.topic}\` does not match the folder \`questions/${folder}/\``);

  // Sections.
  const sections = new Map<SectionName, Section>();
  for (const s of parsed.body.children) {
    const name = SECTION_NAMES.find((n) => n.toLowerCase() === s.title.toLowerCase());
    if (!name) {
      problems.add(s.line, `unknown section \`## ${s.title}\`; a question has \`## Options\`, \`## Explanation\` and \`## Docs\``);
      continue;
    }
    if (sections.has(name)) problems.add(s.line, `second \`## ${name}\` section`);
    else sections.set(name, s);
  }
  const stemText = parsed.body.parts.filter((p) => p.kind === "markdown").map((p) => (p.kind === "markdown" ? p.text : "")).join("\n").trim();
  if (!stemText) problems.add(parsed.body.line, "the question has no stem: write it before `## Options`");

  // Fixtures (all in the stem).
  const fixtureItems = readFixtures(parsed.fixtures, problems, "question");
  const fixtures = toSet(fixtureItems);
  validateQuestionFixtures(fixtures, mode, problems, fmLine("mode"));

  // Options.
  const optionsSection = sections.get("Options");
  const options: OptionDoc[] = [];
  if (!optionsSection) problems.add(fmLine("id"), "missing `## Options` section");
  else {
    if (optionsSection.parts.some((p) => p.kind === "markdown" && p.text.trim()))
      problems.add(optionsSection.line + 1, "text under `## Options` belongs in an option: start each with `### A. …`");
    for (const s of optionsSection.children) {
      const option = validateOption(s, mode, fixtures, problems);
      if (!option) continue;
      const twin = options.find((o) => o.id === option.id);
      if (twin) problems.add(option.line, `option \`${option.id}\` is declared twice (also on line ${twin.line})`);
      else options.push(option);
    }
    if (options.length < 2) problems.add(optionsSection.line, "a question needs at least two options");
    checkDuplicateOptions(options, problems);
    if (mode === "allowed-requests") {
      for (const r of fixtures.requests)
        if (!options.some((o) => o.request === r.name)) problems.add(r.line, `request \`${r.name}\` is not an option: each request of an allowed-requests question is one option`);
    }
  }

  // Explanation and docs.
  const explanationSection = sections.get("Explanation");
  const explanation = explanationSection ? markdownOf(flattenSection(explanationSection), problems, "the explanation") : "";
  if (!explanationSection) problems.add(fmLine("id"), "missing `## Explanation` section");
  else if (!explanation) problems.add(explanationSection.line, "the explanation is empty");
  const docsSection = sections.get("Docs");
  const docs = docsSection ? collectLinks(markdownOf(flattenSection(docsSection), problems, "the docs")) : [];
  for (const d of docs) if (!d.url.startsWith("https://")) problems.add(docsSection?.line ?? 1, `link \`${d.url}\` is not https`);
  if (!docs.some((d) => isAwsDocsUrl(d.url)))
    problems.add(docsSection?.line ?? fmLine("id"), "no AWS documentation link: add an https://docs.aws.amazon.com/ link under `## Docs`");

  // Keys and variants.
  if (data) {
    const ids = new Set(options.map((o) => o.id));
    for (const k of data.key ?? []) if (!ids.has(k)) problems.add(fmLine("key"), `key names option \`${k}\`, which does not exist`);
    if (data.choose !== undefined && options.length > 0 && data.choose >= options.length)
      problems.add(fmLine("choose"), `choose ${data.choose} but the question has only ${options.length} options`);
  }
  const variants: VariantDoc[] = [];
  data?.variants.forEach((v, i) => {
    const line = fmLine(`variants[${i}]`);
    if (variants.some((x) => x.id === v.id)) problems.add(line, `variant \`${v.id}\` is declared twice`);
    const ops = readChange(fm, ["variants", i, "change"], problems, line);
    if (ops) variants.push({ id: v.id, label: v.label, line, ops, key: v.key, keyLine: v.key ? fmLine(`variants[${i}].key`) : undefined });
    for (const k of v.key ?? []) if (!options.some((o) => o.id === k)) problems.add(fmLine(`variants[${i}].key`), `key names option \`${k}\`, which does not exist`);
  });

  if (!data || !optionsSection) return undefined;
  return { kind: "question", file: parsed.file, data, fm, stem: parsed.body.parts, fixtures, options, explanation, docs, variants };
}

function validateQuestionFixtures(fixtures: FixtureSet, mode: QuestionMode | undefined, problems: ProblemList, modeLine: number) {
  for (const r of fixtures.requests) {
    if (r.expect) problems.add(r.line, `request \`${r.name}\`: \`expect\` is for topic scenarios; a question states its \`key\``);
    if (r.must && mode !== "fix") problems.add(r.line, `request \`${r.name}\`: \`must\` is only for fix questions`);
    if (!r.must && mode === "fix") problems.add(r.line, `request \`${r.name}\`: a fix question says what each request \`must\` do (\`must: allow\` or \`must: deny\`)`);
  }
  const n = fixtures.requests.length;
  if (mode === "decision" && n !== 1) problems.add(modeLine, `a decision question has exactly one request; found ${n}`);
  if (mode === "fix" && n === 0) problems.add(modeLine, "a fix question needs at least one request with `must`");
  if (mode === "allowed-requests" && n < 2) problems.add(modeLine, `an allowed-requests question needs a request for each option; found ${n}`);
}

const OPTION_HEADING = /^([A-Z])[.)]\s+(\S[\s\S]*)$/;

function validateOption(section: Section, mode: QuestionMode | undefined, fixtures: FixtureSet, problems: ProblemList): OptionDoc | undefined {
  const m = OPTION_HEADING.exec(section.title);
  if (!m) {
    problems.add(section.line, `option heading \`### ${section.title}\` should read \`### A. text of the option\``);
    return undefined;
  }
  const id = m[1]!;
  const option: OptionDoc = { id, line: section.line, text: m[2]!.trim(), explanation: "" };
  if (mode && mode !== "keyed") {
    const fields = takeFields(section, problems);
    const label = `option \`${id}\``;
    if (!fields) {
      const need = mode === "decision" ? "`outcome: …`" : mode === "fix" ? "`change: …`" : "`request: Name`";
      problems.add(section.line, `${label} needs ${need} on the line under its heading`);
    } else {
      const value = checkWith(optionFieldSchemas[mode], fields, problems, label, [], section.line + 1);
      if (value && mode === "decision") {
        option.outcome = parseOutcome((value as { outcome: string }).outcome);
        const { policy, stage } = option.outcome;
        if (policy && !fixtures.policies.some((p) => p.name === policy))
          problems.add(section.line + 1, `${label}: no policy named \`${policy}\``);
        if (stage && !(IMPLICIT_DENY_STAGES as readonly string[]).includes(stage))
          problems.add(section.line + 1, `${label}: unknown stage \`${stage}\`; use one of ${listCode(IMPLICIT_DENY_STAGES)}`);
      }
      if (value && mode === "allowed-requests") {
        option.request = (value as { request: string }).request;
        if (!fixtures.requests.some((r) => r.name === option.request)) problems.add(section.line + 1, `${label}: no request named \`${option.request}\``);
      }
      if (value && mode === "fix") option.change = readChange(fields, ["change"], problems, section.line + 1);
    }
  }
  option.explanation = markdownOf(flattenSection(section), problems, "an option");
  if (!option.explanation) problems.add(section.line, `option \`${id}\` has no explanation: say why it is right or wrong under its heading`);
  return option;
}

function checkDuplicateOptions(options: OptionDoc[], problems: ProblemList) {
  // Compared as plain words: emphasis, code marks and link targets do not make two options differ.
  const plain = (md: string) =>
    md
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[*_`~]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .replace(/[.!?;:,\s]+$/, "")
      .trim();
  const texts = new Map(options.map((o) => [o, plain(o.text)]));
  const sameness = (a: OptionDoc, b: OptionDoc): boolean => {
    if (texts.get(a) === texts.get(b)) return true;
    if (a.outcome && b.outcome) return JSON.stringify(a.outcome) === JSON.stringify(b.outcome);
    if (a.request && b.request) return a.request === b.request;
    if (a.change && b.change) return JSON.stringify(a.change) === JSON.stringify(b.change);
    return false;
  };
  options.forEach((o, i) => {
    const twin = options.slice(0, i).find((p) => sameness(p, o));
    if (twin) problems.add(o.line, `option \`${o.id}\` duplicates option \`${twin.id}\``);
  });
}

// ---------- cards ----------

function validateCards(parsed: ParsedFile, problems: ProblemList): CardDoc[] {
  const fileData = parsed.frontmatter ? checkWith(cardsFileSchema, parsed.frontmatter, problems, "frontmatter") : { topic: undefined, tags: [] };
  if (parsed.body.parts.some((p) => p.kind === "markdown" && p.text.trim()))
    problems.add(parsed.body.line, "text before the first card: each card starts with `## front of the card`");
  const cards: CardDoc[] = [];
  for (const section of parsed.body.children) {
    const fields = takeFields(section, problems);
    if (!fields) {
      problems.add(section.line, "a card needs its fields under the heading: `id:`, `doc:` and, unless the file sets it, `topic:`");
      continue;
    }
    const data = checkWith(cardFieldsSchema, fields, problems, "card", [], section.line + 1);
    const back = markdownOf(flattenSection(section), problems, "a card");
    if (!back) problems.add(section.line, "the card has no back: write the answer under its fields");
    if (!data) continue;
    const topic = data.topic ?? fileData?.topic;
    if (!topic) problems.add(section.line + 1, "the card has no topic: add `topic:` to the card or to the file's frontmatter");
    const fieldLine = (k: string) => lineOfPath(fields.lines, k) ?? section.line + 1;
    const docs = readDocs(data.doc, problems, fieldLine("doc"));
    if (!topic || !back) continue;
    cards.push({
      kind: "card",
      file: parsed.file,
      line: section.line,
      id: data.id,
      idLine: fieldLine("id"),
      topic,
      topicLine: data.topic ? fieldLine("topic") : (parsed.frontmatter && lineOfPath(parsed.frontmatter.lines, "topic")) || section.line,
      tags: [...new Set([...(fileData?.tags ?? []), ...data.tags])],
      front: section.title,
      back,
      docs,
    });
  }
  if (parsed.body.children.length === 0) problems.add(1, "no cards in this file: each card starts with `## front of the card`");
  return cards;
}

// ---------- traps ----------

function validateTraps(parsed: ParsedFile, problems: ProblemList): TrapDoc[] {
  if (parsed.frontmatter) checkWith(trapsFileSchema, parsed.frontmatter, problems, "frontmatter");
  const traps: TrapDoc[] = [];
  for (const section of parsed.body.children) {
    const fields = takeFields(section, problems);
    if (!fields) {
      problems.add(section.line, "a trap needs its fields under the heading: `id:`, `rule:` and `doc:`");
      continue;
    }
    const data = checkWith(trapFieldsSchema, fields, problems, "trap", [], section.line + 1);
    const explanation = markdownOf(flattenSection(section), problems, "a trap");
    if (!explanation) problems.add(section.line, "the trap has no explanation: write it under its fields");
    if (!data) continue;
    const fieldLine = (k: string) => lineOfPath(fields.lines, k) ?? section.line + 1;
    const docs = readDocs(data.doc, problems, fieldLine("doc"));
    if (!explanation) continue;
    traps.push({ kind: "trap", file: parsed.file, line: section.line, id: data.id, idLine: fieldLine("id"), title: section.title, rule: data.rule, explanation, docs });
  }
  if (parsed.body.children.length === 0) problems.add(1, "no traps in this file: each trap starts with `## title of the trap`");
  return traps;
}
