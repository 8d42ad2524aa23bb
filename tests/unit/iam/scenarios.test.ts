// Every contract scenario under tests/fixtures/iam/<family>/ (except invalid/) is one
// test named by its id: parsed with the iam-eval parser, its decision must equal
// `expected`, and its trace must end with that decision. Ids must be unique, and every
// scenario names its `expected` and `rule`.
import { describe, expect, it } from "vitest";
import { evaluate, explain } from "@/lib/iam";
import { loadScenarioFixtures } from "./fixtures";

const { entries, fileErrors } = loadScenarioFixtures();

describe("scenario fixtures", () => {
  it("every fixture file is valid JSON", () => {
    expect(fileErrors).toEqual([]);
  });

  it("there are scenario fixtures to run", () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it("no two scenarios share an id, and every scenario has an id", () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const { file, entry } of entries) {
      if (entry.id === undefined) {
        problems.push(`${file}[${entry.index}] has no id`);
        continue;
      }
      const other = seen.get(entry.id);
      if (other !== undefined) problems.push(`${entry.id} is in ${other} and ${file}`);
      else seen.set(entry.id, file);
    }
    expect(problems).toEqual([]);
  });

  it("every scenario states the decision it expects and the rule it tests", () => {
    const problems: string[] = [];
    for (const { file, entry } of entries) {
      const input = entry.result.ok ? entry.result.value.input : undefined;
      const raw = (input ?? {}) as Record<string, unknown>;
      if (entry.result.ok && raw.expected === undefined) problems.push(`${file}: ${entry.id} lacks "expected"`);
      if (entry.result.ok && (raw.rule === undefined || raw.rule === "")) problems.push(`${file}: ${entry.id} lacks "rule"`);
    }
    expect(problems).toEqual([]);
  });
});

const families = [...new Set(entries.map((e) => e.family))];
for (const family of families) {
  describe(family, () => {
    for (const { file, entry } of entries.filter((e) => e.family === family)) {
      const name = entry.id ?? `${file}[${entry.index}]`;
      it(name, () => {
        const r = entry.result;
        if (!r.ok) {
          expect.fail(`${file}: invalid scenario: ${r.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
        }
        expect(r.value.expected, `${file}: ${name} has no expected decision`).toBeDefined();
        const evaluation = evaluate(r.value);
        expect(evaluation.decision).toBe(r.value.expected);
        // The trace always ends with the decision it explains.
        const steps = explain(evaluation);
        expect(steps[steps.length - 1]).toMatchObject({ stage: "decision", outcome: evaluation.decision === "Allow" ? "allow" : "deny" });
      });
    }
  });
}
