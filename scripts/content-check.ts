// `npm run content:check [-- --content DIR]`: validates every content file, computes every
// answer key with the evaluator, prints a summary with counts, and exits 1 listing every
// problem as `file:line: message` when there is any.

import path from "node:path";
import { checkContent, formatSummary } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/problems";
import { argValue, progressPrinter } from "@/lib/content/cli";

const contentDir = path.resolve(argValue("--content") ?? "content");
const started = Date.now();
const result = await checkContent(contentDir, { onProgress: progressPrinter() });

console.log(formatSummary(result.summary).join("\n"));
if (result.problems.length > 0) {
  console.error(`\n${result.problems.length} ${result.problems.length === 1 ? "problem" : "problems"}:`);
  for (const p of result.problems) console.error(formatProblem(p));
  process.exit(1);
}
console.log(`\ncontent is valid (${((Date.now() - started) / 1000).toFixed(1)} s)`);
