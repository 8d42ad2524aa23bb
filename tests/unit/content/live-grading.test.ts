// Grading at answer time reruns the evaluator. For every question and every instance in the
// real bank, the key it computes must equal the key the compiler stored, and "why not mine?"
// must explain every option.

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkContent, type CheckResult } from "@/lib/content/check";
import { computeLiveKey, explainOption } from "@/lib/content/grading";
import { decisionQuestion, makeContent } from "./helpers";

const ROOT = path.resolve(__dirname, "../../..");

describe("live grading on the bank in content/", () => {
  let result: CheckResult;
  beforeAll(async () => {
    result = await checkContent(path.join(ROOT, "content"));
  }, 120_000);

  it("recomputes every stored key with the evaluator", () => {
    expect(result.problems).toEqual([]);
    const answers = result.answers!.answers;
    let instances = 0;
    for (const a of answers) {
      if (!a.spec) {
        expect(result.bundle!.questions.find((q) => q.id === a.id)?.mode).toBe("keyed");
        continue;
      }
      for (const inst of a.instances) {
        const live = computeLiveKey(a.id, a.spec, inst.id);
        expect({ id: `${a.id}/${inst.id}`, key: [...(live?.key ?? [])].sort() }).toEqual({ id: `${a.id}/${inst.id}`, key: [...inst.key].sort() });
        instances++;
      }
    }
    expect(instances).toBeGreaterThan(0);
  });

  it("explains every option of every fixture question", () => {
    for (const a of result.answers!.answers) {
      if (!a.spec) continue;
      const inst = a.instances[0]!;
      for (const o of a.spec.options) {
        const e = explainOption(a.id, a.spec, inst.id, o.id);
        expect(e, `${a.id} option ${o.id}`).toBeDefined();
        expect(e!.summary.length).toBeGreaterThan(10);
        expect(e!.evaluations.length).toBeGreaterThan(0);
        const correct = inst.key.includes(o.id);
        if (a.spec.mode === "fix") expect(e!.evaluations.every((x) => x.meets), `${a.id} option ${o.id}`).toBe(correct);
      }
    }
  });
});

describe("why not mine?", () => {
  it("says where a wrong decision option parts from the evaluator, with the trace", async () => {
    const res = await checkContent(makeContent({ "questions/evaluation/upload-with-boundary.md": decisionQuestion({ key: "C" }) }));
    expect(res.problems).toEqual([]);
    const a = res.answers!.answers[0]!;
    const mine = explainOption(a.id, a.spec!, "base", "A");
    expect(mine?.summary).toMatch(/^Option A says Allow, but the evaluator decides ImplicitDeny because boundary\./);
    expect(mine?.evaluations[0]?.trace.some((s) => s.stage === "boundary")).toBe(true);
    const right = explainOption(a.id, a.spec!, "base", "C");
    expect(right?.summary).toBe("The evaluator agrees with option C: ImplicitDeny because boundary.");
  });
});
