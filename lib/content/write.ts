// Stage 5 of the content pipeline: writes the compiled bundles to the output folder
// (`.content/`, git-ignored). Two files on purpose: `content.json` is what may reach a browser;
// `answers.json` (keys, explanations, traces) is read only by the grading accessors. Each file is
// written to a temporary name and renamed, so a running server never reads half a file.

import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AnswerBundle, PublicBundle } from "./model";

import { ANSWERS_FILE, PUBLIC_FILE } from "./files";

export { ANSWERS_FILE, PUBLIC_FILE };

export function writeContent(outDir: string, bundle: PublicBundle, answers: AnswerBundle): void {
  mkdirSync(outDir, { recursive: true });
  for (const [name, data] of [
    [PUBLIC_FILE, bundle],
    [ANSWERS_FILE, answers],
  ] as const) {
    const target = path.join(outDir, name);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, target);
  }
}
