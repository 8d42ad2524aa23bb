// The content shipped in content/ passes the check, and the check command exits 1 listing every
// problem with file and line when there is one.

import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/problems";
import { decisionQuestion, lineOf, makeContent } from "./helpers";

const ROOT = path.resolve(__dirname, "../../..");

describe("the content in content/", () => {
  it("passes the check with every key computed by the evaluator", async () => {
    const result = await checkContent(path.join(ROOT, "content"));
    expect(result.problems.map(formatProblem)).toEqual([]);
    const modes = new Set(result.bundle?.questions.map((q) => q.mode));
    expect([...modes].sort()).toEqual(["allowed-requests", "decision", "fix", "keyed"]);
    expect(result.bundle?.questions.some((q) => q.response.type === "multiple")).toBe(true);
    expect(result.bundle?.questions.some((q) => q.instances.length > 1)).toBe(true);
    expect(result.bundle?.exams.map((e) => e.id).sort()).toEqual(["DVA-C02", "SAA-C03"]);
    expect(result.bundle?.cards.length).toBeGreaterThan(0);
    expect(result.bundle?.traps.length).toBeGreaterThan(0);
    expect(result.bundle?.topics.length).toBeGreaterThan(0);
  }, 120_000);
});

describe("npm run content:check", () => {
  const run = (contentDir: string) =>
    spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scripts/content-check.ts"), "--content", contentDir], {
      cwd: ROOT,
      encoding: "utf8",
    });

  it("exits 1 and lists each problem with file and line", () => {
    const text = decisionQuestion({ key: "A", traps: "[missing-trap]" });
    const result = run(makeContent({ "questions/evaluation/upload-with-boundary.md": text }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      [
        "2 problems:",
        `content/questions/evaluation/upload-with-boundary.md:${lineOf(text, "traps:")}: unknown trap \`missing-trap\``,
        `content/questions/evaluation/upload-with-boundary.md:${lineOf(text, "key: A")}: author key \`A\` differs from the evaluator's key \`C\``,
      ].join("\n"),
    );
    expect(result.stdout).toContain("questions by mode: decision 1, fix 0, allowed-requests 0, keyed 0");
  }, 30_000);

  it("exits 0 on valid content and prints the summary", () => {
    const result = run(makeContent({ "questions/evaluation/upload-with-boundary.md": decisionQuestion() }));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("4 files: 1 exams, 1 topics, 1 questions, 0 cards, 1 traps");
    expect(result.stdout).toContain("content is valid");
  }, 30_000);
});
