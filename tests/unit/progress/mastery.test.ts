import { describe, expect, it } from "vitest";
import { buildMastery, masteredShare, questionLevel } from "@/lib/progress";
import { memory, missed, summary, T0 } from "./helpers";

describe("the mastery level of a question", () => {
  it("follows answers and memory", () => {
    expect(questionLevel(undefined, undefined)).toBe("untested");
    expect(questionLevel(undefined, memory(0, null))).toBe("untested");
    expect(questionLevel(missed("q", "sure", T0), memory(2, 0.99))).toBe("weak");
    expect(questionLevel(summary("q"), memory(2, 0.5))).toBe("weak");
    expect(questionLevel(summary("q"), memory(1, 0.99))).toBe("learning");
    expect(questionLevel(summary("q"), memory(2, 0.8))).toBe("learning");
    expect(questionLevel(summary("q"), memory(2, 0.9))).toBe("mastered");
    expect(questionLevel(undefined, memory(2, 0.95))).toBe("mastered");
  });
});

describe("mastery by domain and task statement", () => {
  const exam = {
    id: "DVA-C02",
    domains: [
      {
        number: 2,
        title: "Security",
        weight: 26,
        tasks: [
          { id: "DVA-C02:2.1", number: "2.1", title: "AuthN/AuthZ" },
          { id: "DVA-C02:2.2", number: "2.2", title: "Encryption" },
        ],
      },
      { number: 3, title: "Deployment", weight: 24, tasks: [{ id: "DVA-C02:3.1", number: "3.1", title: "Artifacts" }] },
    ],
  };

  it("counts each question once per task and once per domain, including 'not yet tested'", () => {
    const questions = [
      { id: "a", tasks: ["DVA-C02:2.1", "DVA-C02:2.2"] },
      { id: "b", tasks: ["DVA-C02:2.1"] },
      { id: "c", tasks: ["DVA-C02:2.2", "SAA-C03:1.1"] },
    ];
    const [m] = buildMastery([exam], questions, new Map([["a", summary("a")], ["b", missed("b", "unsure", T0)]]), new Map([["a", memory(2, 0.95)]]));
    const security = m!.domains[0]!;
    expect(security.total).toBe(3);
    expect(security.counts).toEqual({ mastered: 1, learning: 0, weak: 1, untested: 1 });
    expect(security.tasks.map((t) => [t.label, t.total, t.counts])).toEqual([
      ["2.1", 2, { mastered: 1, learning: 0, weak: 1, untested: 0 }],
      ["2.2", 2, { mastered: 1, learning: 0, weak: 0, untested: 1 }],
    ]);
    expect(masteredShare(security)).toBeCloseTo(1 / 3, 12);
    expect(m!.domains[1]).toMatchObject({ total: 0, counts: { mastered: 0, learning: 0, weak: 0, untested: 0 } });
    expect(masteredShare(m!.domains[1]!)).toBeNull();
  });
});
