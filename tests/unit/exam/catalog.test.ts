import { describe, expect, it } from "vitest";
import { assembleExam } from "@/lib/exam/assemble";
import { type BankQuestion, blueprintFromExam, buildCandidatePool, countedDomain, countPoolByDomain, type ExamFacts, parseTaskId } from "@/lib/exam/catalog";
import { DVA_C02, SAA_C03 } from "./fixtures";

// The exam guide as lib/content compiles it (the fields the adapter reads).
const dvaGuide: ExamFacts = {
  id: "DVA-C02",
  title: "AWS Certified Developer – Associate",
  questions: { total: 65, scored: 50 },
  minutes: 130,
  accommodationMinutes: 30,
  score: { min: 100, max: 1000, passing: 720 },
  domains: [
    { number: 1, title: "Development with AWS Services", weight: 32 },
    { number: 2, title: "Security", weight: 26 },
    { number: 3, title: "Deployment", weight: 24 },
    { number: 4, title: "Troubleshooting and Optimization", weight: 18 },
  ],
};

function question(id: string, tasks: string[], extra: Partial<BankQuestion> = {}): BankQuestion {
  return {
    id,
    exams: ["DVA-C02", "SAA-C03"],
    tasks,
    traps: [],
    response: { type: "single" },
    instances: [{ id: "base" }],
    ...extra,
  };
}

describe("the blueprint adapter", () => {
  it("turns a compiled exam guide into the blueprint the tests' fixture states", () => {
    const bp = blueprintFromExam(dvaGuide);
    expect(bp).toEqual({ ok: true, value: DVA_C02 });
  });

  it("fails with every problem when the guide's numbers do not add up", () => {
    const bp = blueprintFromExam({
      ...dvaGuide,
      questions: { total: 65, scored: 70 },
      domains: dvaGuide.domains.map((d, i) => (i === 0 ? { ...d, weight: 30 } : d)),
    });
    expect(bp.ok).toBe(false);
    if (bp.ok) return;
    expect(bp.reason).toBe("INVALID_BLUEPRINT");
    expect(bp.message).toContain("scoredCount");
    expect(bp.message).toContain("domain weights add up to 98, not 100");
  });
});

describe("task statement ids", () => {
  it.each([
    ["DVA-C02:2.1", { exam: "DVA-C02", domain: "2" }],
    ["SAA-C03:1.3", { exam: "SAA-C03", domain: "1" }],
    ["DVA-C02:10.2", { exam: "DVA-C02", domain: "10" }],
    ["DVA-C02", undefined],
    ["DVA-C02:2", undefined],
    ["", undefined],
  ])("%s → %j", (task, expected) => {
    expect(parseTaskId(task)).toEqual(expected);
  });
});

describe("the candidate pool", () => {
  const bank = [
    question("a", ["DVA-C02:2.1", "DVA-C02:3.4", "SAA-C03:1.1"]),
    question("b", ["DVA-C02:2.1", "SAA-C03:1.1"]),
    question("c", ["DVA-C02:2.2", "DVA-C02:1.1", "SAA-C03:1.2", "SAA-C03:2.1"], { response: { type: "multiple", choose: 2 }, instances: [{ id: "base" }, { id: "other" }] }),
    question("d", ["DVA-C02:2.3"], { exams: ["DVA-C02"], traps: ["t1"] }),
    // A task of an exam the question does not claim is ignored.
    question("e", ["DVA-C02:4.1", "SAA-C03:1.1"], { exams: ["DVA-C02"] }),
  ];

  it("derives each question's domains per exam from its task statements, the domain that needs it most first", () => {
    const pool = buildCandidatePool(bank, new Map(), [DVA_C02, SAA_C03]);
    const byId = new Map(pool.map((q) => [q.id, q]));
    // DVA: b and d (domain 2 only) and e (4 only) count first; then a goes to 3 rather than 2
    // (1/24 < 3/26), and c to 1 rather than 2 (1/32 < 3/26).
    expect(byId.get("a")?.domains).toEqual({ "DVA-C02": ["3", "2"], "SAA-C03": ["1"] });
    expect(byId.get("b")?.domains).toEqual({ "DVA-C02": ["2"], "SAA-C03": ["1"] });
    // SAA: a and b fill domain 1, so c goes to 2 (1/26 < 3/30).
    expect(byId.get("c")?.domains).toEqual({ "DVA-C02": ["1", "2"], "SAA-C03": ["2", "1"] });
    expect(byId.get("e")?.domains).toEqual({ "DVA-C02": ["4"] });
  });

  it("carries the response type, traps, variants and when the learner last saw each question", () => {
    const seen = new Date("2025-05-01T10:00:00Z");
    const pool = buildCandidatePool(bank, new Map([["b", seen]]));
    const byId = new Map(pool.map((q) => [q.id, q]));
    expect(byId.get("c")).toMatchObject({ responseType: "multiple", hasVariants: true, lastSeenAt: null });
    expect(byId.get("b")).toMatchObject({ responseType: "single", hasVariants: false, lastSeenAt: seen });
    expect(byId.get("d")?.traps).toEqual(["t1"]);
  });

  it("counts what each domain can draw on", () => {
    const pool = buildCandidatePool(bank);
    expect(countPoolByDomain(pool, DVA_C02)).toEqual({ "1": 1, "2": 2, "3": 1, "4": 1 });
    expect(countPoolByDomain(pool, SAA_C03)).toEqual({ "1": 2, "2": 1, "3": 0, "4": 0 });
  });

  it("lets a thin domain fill first, so assembly reaches the blueprint where a fixed order would not", () => {
    // 12 questions on domains 1 and 3 together, 40 on domain 1 alone: listed in task order,
    // domain 3 would get none.
    const multiple = { response: { type: "multiple" as const, choose: 2 } };
    const both = Array.from({ length: 12 }, (_, i) => question(`both-${i}`, ["DVA-C02:1.1", "DVA-C02:3.1"], i % 3 === 0 ? multiple : {}));
    const one = Array.from({ length: 40 }, (_, i) => question(`one-${i}`, ["DVA-C02:1.2"], i % 4 === 0 ? multiple : {}));
    const pool = buildCandidatePool([...both, ...one], new Map(), [DVA_C02]);
    const res = assembleExam({
      blueprint: DVA_C02,
      form: { kind: "focused", count: 20, minutes: 40, domains: ["1", "3"] },
      pool,
      seed: "s",
      now: new Date("2025-06-01T00:00:00Z"),
      unscored: false,
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.perDomain).toEqual([
      { domain: "1", target: 11, got: 11 },
      { domain: "3", target: 9, got: 9 },
    ]);
    expect(res.value.shortfalls).toEqual([]);
  });
});

describe("the domain a question counts toward", () => {
  const pool = buildCandidatePool([question("a", ["DVA-C02:2.1", "DVA-C02:3.4"]), question("z", ["DVA-C02:3.1"]), question("y", ["DVA-C02:2.2"]), question("x", ["DVA-C02:2.3"])]);
  const a = pool.find((q) => q.id === "a")!;

  it("is the first of its domains the form allows, as assembly counts it", () => {
    expect(a.domains["DVA-C02"]).toEqual(["3", "2"]);
    expect(countedDomain(a, DVA_C02, { kind: "full" })).toBe("3");
    expect(countedDomain(a, DVA_C02, { kind: "focused", count: 5, minutes: 10, domains: ["2"] })).toBe("2");
    expect(countedDomain(a, DVA_C02, { kind: "focused", count: 5, minutes: 10, traps: ["t"] })).toBe("3");
    expect(countedDomain(a, DVA_C02, { kind: "focused", count: 5, minutes: 10, domains: ["1"] })).toBeUndefined();
    expect(countedDomain(a, SAA_C03, { kind: "full" })).toBeUndefined();
  });

  it("spreads questions of several domains over all of them by weight", () => {
    // Every question tests two neighbouring domains; each domain appears in 30 questions.
    const bank = Array.from({ length: 60 }, (_, i) => question(`q${String(i).padStart(2, "0")}`, [`DVA-C02:${(i % 4) + 1}.1`, `DVA-C02:${((i + 1) % 4) + 1}.2`]));
    const counts = countPoolByDomain(buildCandidatePool(bank, new Map(), [DVA_C02]), DVA_C02);
    expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(60);
    // Each domain within one question of its share by weight (60 × weight: 19.2, 15.6, 14.4, 10.8).
    for (const d of DVA_C02.domains) expect(Math.abs((counts[d.id] ?? 0) - (60 * d.weight) / 100)).toBeLessThanOrEqual(1);
  });

  it("agrees with assembly's per-domain counts for every chosen question", () => {
    const bank = Array.from({ length: 60 }, (_, i) =>
      question(`q${i}`, [`DVA-C02:${(i % 4) + 1}.1`, `DVA-C02:${((i + 1) % 4) + 1}.2`], i % 5 === 0 ? { response: { type: "multiple", choose: 2 } } : {}),
    );
    const big = buildCandidatePool(bank, new Map(), [DVA_C02]);
    const res = assembleExam({ blueprint: DVA_C02, form: { kind: "full" }, pool: big, seed: "agree", now: new Date(0), unscored: true });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const byId = new Map(big.map((q) => [q.id, q]));
    const counts: Record<string, number> = {};
    for (const id of res.value.questionIds) {
      const d = countedDomain(byId.get(id)!, DVA_C02, { kind: "full" })!;
      counts[d] = (counts[d] ?? 0) + 1;
    }
    expect(counts).toEqual(Object.fromEntries(res.value.perDomain.filter((d) => d.got > 0).map((d) => [d.domain, d.got])));
    expect(Object.keys(counts)).toHaveLength(4);
  });
});
