// Stage 1 of the content pipeline: finds the Markdown files of a content folder and says what
// kind each one is, from where it sits:
//   exams/*.md                 exam blueprints
//   topics/*.md                study notes
//   questions/<topic>/*.md     one question a file
//   cards/*.md                 flashcards, many a file
//   traps.md, traps/*.md       the traps catalogue
// README.md at the top is documentation for authors and is not content.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "./problems";

export type ContentKind = "exam" | "topic" | "question" | "cards" | "traps";

export interface SourceFile {
  /** Path shown in problems: relative to the content folder's parent (`content/questions/x/y.md`). */
  file: string;
  kind: ContentKind;
  text: string;
  /** questions: the `<topic>` folder the file sits in. */
  folder?: string;
}

export function collectContent(contentDir: string): { files: SourceFile[]; problems: Problem[] } {
  const root = path.resolve(contentDir);
  const shownBase = path.dirname(root);
  const files: SourceFile[] = [];
  const problems: Problem[] = [];

  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        if (name.startsWith(".")) return [];
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? walk(full) : name.endsWith(".md") ? [full] : [];
      });

  for (const full of walk(root)) {
    const rel = path.relative(root, full).split(path.sep);
    const shown = path.relative(shownBase, full).split(path.sep).join("/");
    const kind = kindOf(rel);
    if (kind === "ignore") continue;
    if (kind === undefined) {
      problems.push({
        file: shown,
        line: 1,
        message: "not a content file: put it under `exams/`, `topics/`, `questions/<topic>/`, `cards/` or `traps/`",
      });
      continue;
    }
    files.push({ file: shown, kind, text: readFileSync(full, "utf8"), folder: kind === "question" ? rel[1] : undefined });
  }
  return { files, problems };
}

function kindOf(rel: string[]): ContentKind | "ignore" | undefined {
  const [top, second, third] = rel;
  if (rel.length === 1) return top === "README.md" ? "ignore" : top === "traps.md" ? "traps" : undefined;
  if (rel.length === 2) {
    if (top === "exams") return "exam";
    if (top === "topics") return "topic";
    if (top === "cards") return "cards";
    if (top === "traps") return "traps";
    return undefined;
  }
  if (rel.length === 3 && top === "questions" && second && third) return "question";
  return undefined;
}
