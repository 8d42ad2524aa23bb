// `npm run content:build [-- --content DIR --out DIR]`: checks the content (see content-check.ts)
// and, only when there is no problem, writes the compiled bundles to `.content/` (git-ignored),
// which lib/content/index.ts reads. Exits 1 and writes nothing on any problem.

import path from "node:path";
import { checkContent } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/problems";
import { writeContent } from "@/lib/content/write";
import { argValue, progressPrinter } from "@/lib/content/cli";

const contentDir = path.resolve(argValue("--content") ?? "content");
const outDir = path.resolve(argValue("--out") ?? ".content");
const result = await checkContent(contentDir, { onProgress: progressPrinter() });

if (!result.bundle || !result.answers) {
  console.error(`content build failed: ${result.problems.length} ${result.problems.length === 1 ? "problem" : "problems"}:`);
  for (const p of result.problems) console.error(formatProblem(p));
  process.exit(1);
}
writeContent(outDir, result.bundle, result.answers);
const s = result.summary;
console.log(
  `compiled ${s.questions} questions (+${s.variants} variants), ${s.topics} topics, ${s.cards} cards, ${s.traps} traps, ${s.exams} exams → ${path.relative(process.cwd(), outDir) || outDir}`,
);
