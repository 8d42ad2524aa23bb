// Runs the whole pipeline over a content folder (collect → parse → validate → compile) and the
// checks that need the whole bank: unique ids (questions and cards share one id space, since
// review state in the database refers to either by id), and every referenced topic, trap, exam,
// task statement and self-check question exists. Returns every problem at once, the compiled
// bundles when there is none, and a summary with counts.

import { collectContent } from "./collect";
import { loadEngine } from "./engine";
import { compileCard, compileExam, compileQuestion, compileTopic, compileTrap, type CompiledQuestion } from "./compile";
import { lineOfPath } from "./json-source";
import { CONTENT_FORMAT_VERSION, type AnswerBundle, type Card, type Exam, type PublicBundle, type QuestionMode, type Topic, type Trap } from "./model";
import { ProblemList, sortProblems, type Problem } from "./problems";
import { validateSource, type CardDoc, type ExamDoc, type QuestionDoc, type TopicDoc, type TrapDoc, type ValidDoc } from "./validate";

export interface ContentSummary {
  files: number;
  exams: number;
  topics: number;
  questions: number;
  questionsByTopic: Record<string, number>;
  /** Per topic: questions, of which graded by the evaluator, multiple response, with variants; and cards. */
  topicStats: Record<string, { order: number; questions: number; graded: number; multiple: number; withVariants: number; cards: number }>;
  questionsByMode: Record<QuestionMode, number>;
  multipleResponse: number;
  withVariants: number;
  variants: number;
  cards: number;
  traps: number;
  questionsPerTrap: Record<string, number>;
  questionsPerTask: Record<string, number>;
}

export interface CheckResult {
  problems: Problem[];
  summary: ContentSummary;
  /** Present only when there are no problems. */
  bundle?: PublicBundle;
  answers?: AnswerBundle;
}

export interface CheckOptions {
  /** Called after each file; the check of a large bank takes a while. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const collected = collectContent(contentDir);
  const problems: Problem[] = [...collected.problems];

  // Parse and validate every file first: the evaluator's catalogue is then loaded once, for
  // every service and condition key the whole bank mentions.
  const files = collected.files.map((source) => {
    const list = new ProblemList(source.file);
    const docs = validateSource(source, list);
    return { source, list, docs, clean: list.size === 0 };
  });
  const docs: ValidDoc[] = files.flatMap((f) => f.docs);
  const engine = await loadEngine(docs.flatMap(catalogueInputs));

  const compiledQuestions: CompiledQuestion[] = [];
  const exams: Exam[] = [];
  const topics: Topic[] = [];
  const cards: Card[] = [];
  const traps: Trap[] = [];
  files.forEach(({ source, list, docs: fileDocs, clean }, i) => {
    for (const doc of fileDocs) {
      if (doc.kind === "question") {
        const compiled = compileQuestion(doc, engine, list, !clean);
        if (compiled) compiledQuestions.push(compiled);
      } else if (doc.kind === "topic") {
        const topic = compileTopic(doc, engine, list);
        if (topic) topics.push(topic);
      } else if (clean && doc.kind === "exam") exams.push(compileExam(doc));
      else if (clean && doc.kind === "card") cards.push(compileCard(doc));
      else if (clean && doc.kind === "trap") traps.push(compileTrap(doc));
    }
    problems.push(...list.items);
    options.onProgress?.(i + 1, files.length, source.file);
  });

  problems.push(...crossCheck(docs));
  const summary = summarize(collected.files.length, docs);
  const sorted = sortProblems(problems);
  if (sorted.length > 0) return { problems: sorted, summary };

  const questions = compiledQuestions.map((c) => c.question);
  for (const topic of topics) topic.questionIds = questions.filter((q) => q.topic === topic.slug).map((q) => q.id);
  for (const trap of traps) trap.questionIds = questions.filter((q) => q.traps.includes(trap.id)).map((q) => q.id);
  topics.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return {
    problems: [],
    summary,
    bundle: { format: CONTENT_FORMAT_VERSION, exams, topics, questions, cards, traps },
    answers: { format: CONTENT_FORMAT_VERSION, answers: compiledQuestions.map((c) => c.answer) },
  };
}

/** What the catalogue must know about: every policy, request and change a document holds. */
function catalogueInputs(doc: ValidDoc): unknown[] {
  const sets = doc.kind === "question" ? [doc.fixtures] : doc.kind === "topic" ? doc.scenarios.map((s) => s.fixtures) : [];
  const fixtures = sets.flatMap((set) => [...set.policies.map((p) => p.document), ...set.requests.map((r) => r.fields)]);
  if (doc.kind !== "question") return fixtures;
  return [...fixtures, ...doc.options.map((o) => o.change), ...doc.variants.map((v) => v.ops)];
}

function crossCheck(docs: ValidDoc[]): Problem[] {
  const out: Problem[] = [];
  const add = (file: string, line: number, message: string) => out.push({ file, line, message });
  const of = <K extends ValidDoc["kind"]>(kind: K) => docs.filter((d): d is Extract<ValidDoc, { kind: K }> => d.kind === kind);
  const exams = of("exam") as ExamDoc[];
  const topics = of("topic") as TopicDoc[];
  const questions = of("question") as QuestionDoc[];
  const cards = of("card") as CardDoc[];
  const traps = of("trap") as TrapDoc[];
  const fmLine = (d: { fm: { lines: Map<string, number>; line: number } }, path: string) => lineOfPath(d.fm.lines, path) ?? d.fm.line;

  // Unique ids, each namespace on its own; questions and cards share one.
  const unique = (items: Array<{ id: string; file: string; line: number }>) => {
    const first = new Map<string, { file: string; line: number }>();
    for (const item of items) {
      const seen = first.get(item.id);
      if (seen) add(item.file, item.line, `duplicate id \`${item.id}\` (also in ${seen.file}:${seen.line})`);
      else first.set(item.id, item);
    }
  };
  unique([
    ...questions.map((q) => ({ id: q.data.id, file: q.file, line: fmLine(q, "id") })),
    ...cards.map((c) => ({ id: c.id, file: c.file, line: c.idLine })),
  ]);
  unique(traps.map((t) => ({ id: t.id, file: t.file, line: t.idLine })));
  unique(topics.map((t) => ({ id: t.data.slug, file: t.file, line: fmLine(t, "slug") })));
  unique(exams.map((e) => ({ id: e.data.id, file: e.file, line: fmLine(e, "id") })));

  const examIds = new Set(exams.map((e) => e.data.id));
  const taskIds = new Set(exams.flatMap((e) => e.data.domains.flatMap((d) => d.tasks.map((t) => `${e.data.id}:${t.id}`))));
  const topicIds = new Set(topics.map((t) => t.data.slug));
  const trapIds = new Set(traps.map((t) => t.id));
  const questionIds = new Set(questions.map((q) => q.data.id));

  const checkBlueprintRefs = (d: QuestionDoc | TopicDoc, examList: string[], tasks: string[]) => {
    examList.forEach((e, i) => {
      if (!examIds.has(e)) add(d.file, fmLine(d, `exams[${i}]`), `unknown exam \`${e}\``);
      else if (!tasks.some((t) => t.startsWith(`${e}:`))) add(d.file, fmLine(d, `exams[${i}]`), `exam \`${e}\` has no task statement in \`tasks\``);
    });
    tasks.forEach((t, i) => {
      const exam = t.split(":")[0] ?? "";
      if (!taskIds.has(t)) add(d.file, fmLine(d, `tasks[${i}]`), `unknown task statement \`${t}\``);
      else if (!examList.includes(exam)) add(d.file, fmLine(d, `tasks[${i}]`), `task statement \`${t}\` is for \`${exam}\`, which \`exams\` does not list`);
    });
  };

  for (const q of questions) {
    if (!topicIds.has(q.data.topic)) add(q.file, fmLine(q, "topic"), `unknown topic \`${q.data.topic}\``);
    q.data.traps.forEach((t, i) => {
      if (!trapIds.has(t)) add(q.file, fmLine(q, `traps[${i}]`), `unknown trap \`${t}\``);
    });
    checkBlueprintRefs(q, q.data.exams, q.data.tasks);
  }
  for (const t of topics) {
    checkBlueprintRefs(t, t.data.exams, t.data.tasks);
    t.data.selfCheck.forEach((id, i) => {
      if (!questionIds.has(id)) add(t.file, fmLine(t, `selfCheck[${i}]`), `unknown question \`${id}\` in \`selfCheck\``);
    });
  }
  for (const c of cards) if (!topicIds.has(c.topic)) add(c.file, c.topicLine, `unknown topic \`${c.topic}\``);
  return out;
}

function summarize(files: number, docs: ValidDoc[]): ContentSummary {
  const questions = docs.filter((d): d is QuestionDoc => d.kind === "question");
  // Start from every known trap and task statement, so the summary shows the gaps too.
  const count = (keys: string[], all: string[] = []) =>
    keys.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), Object.fromEntries(all.map((k) => [k, 0])));
  const trapIds = docs.filter((d): d is TrapDoc => d.kind === "trap").map((t) => t.id);
  const taskIds = docs
    .filter((d): d is ExamDoc => d.kind === "exam")
    .flatMap((e) => e.data.domains.flatMap((dom) => dom.tasks.map((t) => `${e.data.id}:${t.id}`)));
  const byMode: Record<QuestionMode, number> = { decision: 0, fix: 0, "allowed-requests": 0, keyed: 0 };
  for (const q of questions) byMode[q.data.mode]++;
  return {
    files,
    exams: docs.filter((d) => d.kind === "exam").length,
    topics: docs.filter((d) => d.kind === "topic").length,
    questions: questions.length,
    questionsByTopic: count(questions.map((q) => q.data.topic)),
    topicStats: Object.fromEntries(
      docs
        .filter((d): d is TopicDoc => d.kind === "topic")
        .map((t) => {
          const qs = questions.filter((q) => q.data.topic === t.data.slug);
          const cards = docs.filter((d): d is CardDoc => d.kind === "card" && d.topic === t.data.slug).length;
          return [
            t.data.slug,
            {
              order: t.data.order,
              questions: qs.length,
              graded: qs.filter((q) => q.data.mode !== "keyed").length,
              multiple: qs.filter((q) => q.data.response === "multiple").length,
              withVariants: qs.filter((q) => q.variants.length > 0).length,
              cards,
            },
          ];
        }),
    ),
    questionsByMode: byMode,
    multipleResponse: questions.filter((q) => q.data.response === "multiple").length,
    withVariants: questions.filter((q) => q.variants.length > 0).length,
    variants: questions.reduce((n, q) => n + q.variants.length, 0),
    cards: docs.filter((d) => d.kind === "card").length,
    traps: docs.filter((d) => d.kind === "trap").length,
    questionsPerTrap: count(questions.flatMap((q) => q.data.traps), trapIds),
    questionsPerTask: count(questions.flatMap((q) => q.data.tasks), taskIds),
  };
}

/** The summary as lines of text for the command line. */
export function formatSummary(s: ContentSummary): string[] {
  const table = (rows: Record<string, number>) => {
    const width = Math.max(0, ...Object.keys(rows).map((k) => k.length));
    return Object.entries(rows)
      .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
      .map(([k, n]) => `  ${k.padEnd(width)}  ${n}`);
  };
  return [
    `${s.files} files: ${s.exams} exams, ${s.topics} topics, ${s.questions} questions, ${s.cards} cards, ${s.traps} traps`,
    `questions by mode: ${Object.entries(s.questionsByMode).map(([m, n]) => `${m} ${n}`).join(", ")}`,
    `multiple response: ${s.multipleResponse}`,
    `with variants: ${s.withVariants} (${s.variants} variants in all)`,
    "questions by topic:",
    ...table(s.questionsByTopic),
    "by topic (order. slug: questions / graded by the evaluator / multiple response / with variants / cards):",
    ...Object.entries(s.topicStats)
      .sort(([, a], [, b]) => a.order - b.order)
      .map(([slug, t]) => `  ${String(t.order).padStart(2)}. ${slug.padEnd(24)} ${t.questions} / ${t.graded} / ${t.multiple} / ${t.withVariants} / ${t.cards}`),
    "questions per trap:",
    ...table(s.questionsPerTrap),
    "questions per task statement:",
    ...table(s.questionsPerTask),
  ];
}
