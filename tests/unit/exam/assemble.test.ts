import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AssembleInput, assembleExam, type CandidateQuestion } from "@/lib/exam/assemble";
import { DVA_C02, domainOf, makePool, SAA_C03 } from "./fixtures";

const now = new Date("2025-06-01T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

const bigDva = makePool({ exam: "DVA-C02", perDomain: { "1": 40, "2": 40, "3": 40, "4": 40 }, multipleEvery: 4 });
const full: AssembleInput = { blueprint: DVA_C02, form: { kind: "full" }, pool: bigDva, seed: "attempt-1", now, unscored: true };

function assemble(input: Partial<AssembleInput> = {}) {
  const result = assembleExam({ ...full, ...input });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const countBy = (ids: readonly string[], key: (id: string) => string) =>
  ids.reduce<Record<string, number>>((acc, id) => ({ ...acc, [key(id)]: (acc[key(id)] ?? 0) + 1 }), {});

const typeOf = (pool: readonly CandidateQuestion[]) => {
  const byId = new Map(pool.map((q) => [q.id, q.responseType]));
  return (id: string) => byId.get(id) ?? "missing";
};

describe("assembling a full exam on a big bank", () => {
  it("follows the domain weights exactly (largest remainder)", () => {
    const exam = assemble();
    expect(exam.perDomain).toEqual([
      { domain: "1", target: 21, got: 21 },
      { domain: "2", target: 17, got: 17 },
      { domain: "3", target: 15, got: 15 },
      { domain: "4", target: 12, got: 12 },
    ]);
    expect(countBy(exam.questionIds, domainOf)).toEqual({ "1": 21, "2": 17, "3": 15, "4": 12 });
    expect(exam.shortfalls).toEqual([]);
  });

  it("follows SAA-C03's weights too", () => {
    const pool = makePool({ exam: "SAA-C03", perDomain: { "1": 30, "2": 30, "3": 30, "4": 30 }, multipleEvery: 5 });
    const exam = assemble({ blueprint: SAA_C03, pool });
    expect(exam.perDomain.map((d) => [d.target, d.got])).toEqual([
      [19, 19],
      [17, 17],
      [16, 16],
      [13, 13],
    ]);
    expect(exam.questionIds).toHaveLength(65);
  });

  it("is the same exam for the same seed, whatever the order of the pool", () => {
    expect(assemble()).toEqual(assemble());
    expect(assemble({ pool: [...bigDva].reverse() })).toEqual(assemble());
  });

  it("is a different exam for a different seed", () => {
    const a = assemble({ seed: "attempt-1" });
    const b = assemble({ seed: "attempt-2" });
    expect(new Set(a.questionIds)).not.toEqual(new Set(b.questionIds));
    expect(a.questionIds).not.toEqual(b.questionIds);
  });

  it("interleaves domains in the exam order rather than grouping them", () => {
    const firstTen = assemble().questionIds.slice(0, 10).map(domainOf);
    expect(new Set(firstTen).size).toBeGreaterThan(1);
  });

  it("keeps the multiple-response share between 15% and 30%", () => {
    const exam = assemble();
    const multiples = exam.questionIds.filter((id) => typeOf(bigDva)(id) === "multiple").length;
    expect(multiples).toBeGreaterThanOrEqual(10);
    expect(multiples).toBeLessThanOrEqual(20);
  });
});

describe("unscored questions in the full form", () => {
  it("marks 15 of 65, spread over domains in proportion (5/4/3/3), in exam order", () => {
    const exam = assemble();
    expect(exam.unscoredIds).toHaveLength(15);
    expect(countBy(exam.unscoredIds, domainOf)).toEqual({ "1": 5, "2": 4, "3": 3, "4": 3 });
    expect(exam.unscoredIds).toEqual(exam.questionIds.filter((id) => exam.unscoredIds.includes(id)));
  });

  it("chooses them by seed", () => {
    const a = assemble({ seed: "attempt-1" });
    const b = assemble({ seed: "attempt-3" });
    expect(a.unscoredIds).not.toEqual(b.unscoredIds);
  });

  it("marks none when turned off, and leaves the questions and their order alone", () => {
    const on = assemble();
    const off = assemble({ unscored: false });
    expect(off.unscoredIds).toEqual([]);
    expect(off.questionIds).toEqual(on.questionIds);
  });

  it("marks none in a focused form", () => {
    expect(assemble({ form: { kind: "focused", count: 20, minutes: 40 } }).unscoredIds).toEqual([]);
  });
});

describe("a bank too small for the exam", () => {
  it("fills a thin domain's seats from the others and says so", () => {
    const pool = makePool({ exam: "DVA-C02", perDomain: { "1": 40, "2": 40, "3": 40, "4": 5 }, multipleEvery: 4 });
    const exam = assemble({ pool });
    expect(exam.perDomain).toEqual([
      { domain: "1", target: 21, got: 24 },
      { domain: "2", target: 17, got: 19 },
      { domain: "3", target: 15, got: 17 },
      { domain: "4", target: 12, got: 5 },
    ]);
    expect(exam.questionIds).toHaveLength(65);
    expect(exam.shortfalls).toEqual([
      "Troubleshooting and Optimization: the bank has 5 questions for this domain, 12 wanted. Other domains make up the difference.",
    ]);
  });

  it("makes a shorter exam when the whole bank is short, keeping scored questions first", () => {
    const pool = makePool({ exam: "DVA-C02", perDomain: { "1": 20, "2": 15, "3": 15, "4": 10 }, multipleEvery: 4 });
    const exam = assemble({ pool });
    expect(exam.questionIds).toHaveLength(60);
    expect(exam.unscoredIds).toHaveLength(10);
    expect(exam.shortfalls).toEqual([
      "Development with AWS Services: the bank has 20 questions for this domain, 21 wanted.",
      "Security: the bank has 15 questions for this domain, 17 wanted.",
      "Troubleshooting and Optimization: the bank has 10 questions for this domain, 12 wanted.",
      "The bank has 60 questions that fit, so this exam has 60 instead of 65.",
      "Only 10 of 15 questions are unscored, so that all 50 scored questions could be filled.",
    ]);
  });

  it("marks nothing unscored when there are 50 questions or fewer", () => {
    const pool = makePool({ exam: "DVA-C02", perDomain: { "1": 12, "2": 10, "3": 10, "4": 8 }, multipleEvery: 4 });
    const exam = assemble({ pool });
    expect(exam.questionIds).toHaveLength(40);
    expect(exam.unscoredIds).toEqual([]);
    expect(exam.shortfalls.at(-1)).toBe("No question is unscored: the exam has 40 questions, not more than the 50 that count on the real exam.");
  });

  it("says when too few multiple-response questions exist", () => {
    const pool = makePool({ exam: "DVA-C02", perDomain: { "1": 40, "2": 40, "3": 40, "4": 40 } }).map((q, i) =>
      i < 3 ? { ...q, responseType: "multiple" as const } : q,
    );
    const exam = assemble({ pool });
    expect(exam.questionIds.filter((id) => typeOf(pool)(id) === "multiple")).toHaveLength(3);
    expect(exam.shortfalls).toEqual(["Only 3 of 65 questions are multiple response (aim: at least 10); the bank has no more that fit."]);
  });

  it("refuses to assemble from an empty selection", () => {
    expect(assembleExam({ ...full, pool: [] })).toEqual({ ok: false, reason: "NO_QUESTIONS", message: "the question bank has no question for this exam" });
    const saaOnly = makePool({ exam: "SAA-C03", perDomain: { "1": 10 } });
    expect(assembleExam({ ...full, pool: saaOnly })).toMatchObject({ ok: false, reason: "NO_QUESTIONS" });
  });
});

describe("choosing among questions", () => {
  it("never repeats a question, even when the pool lists it twice", () => {
    const exam = assemble({ pool: [...bigDva, ...bigDva] });
    expect(new Set(exam.questionIds).size).toBe(exam.questionIds.length);
    expect(exam.questionIds).toHaveLength(65);
  });

  it("takes unseen questions first, then those seen longest ago", () => {
    // Domain 1: q000–q009 unseen (every 5th multiple), q010–q029 seen 1–20 days ago (q010 most recently).
    const pool = makePool({
      exam: "DVA-C02",
      perDomain: { "1": 30 },
      multipleEvery: 5,
      lastSeenAt: (_d, i) => (i < 10 ? null : daysAgo(i - 9)),
    }).map((q, i) => (i >= 10 ? { ...q, responseType: "single" as const } : q));
    const form = { kind: "focused" as const, count: 14, minutes: 30, domains: ["1"] };
    const exam = assemble({ pool, form });
    const chosen = [...exam.questionIds].sort();
    expect(chosen).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `DVA-C02-d1-q${String(i).padStart(3, "0")}`),
      "DVA-C02-d1-q026",
      "DVA-C02-d1-q027",
      "DVA-C02-d1-q028",
      "DVA-C02-d1-q029",
    ]);
    expect(exam.shortfalls).toEqual(["4 of the 14 questions were seen before: the bank has no unseen questions left for this form."]);
  });

  it("brings in multiple-response questions when preference alone would leave them out", () => {
    // Every multiple-response question was seen yesterday; every single one is unseen.
    const pool = makePool({ exam: "DVA-C02", perDomain: { "1": 40, "2": 40, "3": 40, "4": 40 }, multipleEvery: 4 }).map((q) =>
      q.responseType === "multiple" ? { ...q, lastSeenAt: daysAgo(1) } : q,
    );
    const exam = assemble({ pool });
    const multiples = exam.questionIds.filter((id) => typeOf(pool)(id) === "multiple");
    expect(multiples).toHaveLength(10);
    expect(exam.perDomain.map((d) => d.got)).toEqual([21, 17, 15, 12]);
    expect(exam.shortfalls).toEqual(["10 of the 65 questions were seen before: they keep the domain weights and the mix of response types."]);
  });

  it("swaps multiple-response questions out when the bank is full of them", () => {
    const pool = makePool({ exam: "DVA-C02", perDomain: { "1": 40, "2": 40, "3": 40, "4": 40 }, multipleEvery: 1 }).map((q, i) =>
      i % 10 === 0 ? { ...q, responseType: "single" as const } : q,
    );
    const exam = assemble({ pool });
    const multiples = exam.questionIds.filter((id) => typeOf(pool)(id) === "multiple").length;
    expect(multiples).toBe(49);
    expect(exam.shortfalls).toEqual(["49 of 65 questions are multiple response (aim: at most 20); the bank has too few multiple-choice questions that fit."]);
  });

  it("counts a question for the first of its domains in this exam, and only for this exam", () => {
    const shared: CandidateQuestion = {
      id: "shared-1",
      domains: { "DVA-C02": ["2", "1"], "SAA-C03": ["1"] },
      tasks: ["DVA-C02:2.1", "DVA-C02:1.2", "SAA-C03:1.1"],
      traps: [],
      responseType: "single",
      lastSeenAt: null,
      hasVariants: false,
    };
    const dva = assemble({ pool: [shared], form: { kind: "focused", count: 1, minutes: 5 } });
    expect(dva.perDomain.find((d) => d.got === 1)?.domain).toBe("2");
    const onlyOne = assemble({ pool: [shared], form: { kind: "focused", count: 1, minutes: 5, domains: ["1"] } });
    expect(onlyOne.questionIds).toEqual(["shared-1"]);
    expect(onlyOne.perDomain).toEqual([{ domain: "1", target: 1, got: 1 }]);
  });

  it("gives each question with variants a stable variant seed", () => {
    const pool = makePool({ exam: "DVA-C02", perDomain: { "1": 40, "2": 40, "3": 40, "4": 40 }, multipleEvery: 4, hasVariants: (_d, i) => i % 2 === 0 });
    const exam = assemble({ pool });
    const withVariants = exam.questionIds.filter((id) => pool.find((q) => q.id === id)?.hasVariants);
    expect(Object.keys(exam.variantSeeds).sort()).toEqual([...withVariants].sort());
    for (const seed of Object.values(exam.variantSeeds)) expect(seed).toMatch(/^[0-9a-f]{8}$/);
    expect(assemble({ pool }).variantSeeds).toEqual(exam.variantSeeds);
    const other = assemble({ pool, seed: "attempt-9" }).variantSeeds;
    const common = Object.keys(other).filter((id) => id in exam.variantSeeds);
    expect(common.some((id) => other[id] !== exam.variantSeeds[id])).toBe(true);
  });

  it("never repeats, stays in the pool and fills what it can, for any bank and seed (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 5 }),
        fc.string(),
        fc.boolean(),
        (sizes, every, seed, unscored) => {
          const pool = makePool({ exam: "DVA-C02", perDomain: { "1": sizes[0] ?? 0, "2": sizes[1] ?? 0, "3": sizes[2] ?? 0, "4": sizes[3] ?? 0 }, multipleEvery: every });
          const result = assembleExam({ ...full, pool, seed, unscored });
          if (pool.length === 0) return expect(result.ok).toBe(false);
          if (!result.ok) throw new Error(result.message);
          const exam = result.value;
          const ids = new Set(pool.map((q) => q.id));
          expect(new Set(exam.questionIds).size).toBe(exam.questionIds.length);
          expect(exam.questionIds.every((id) => ids.has(id))).toBe(true);
          expect(exam.questionIds).toHaveLength(Math.min(65, pool.length));
          expect(exam.unscoredIds.every((id) => exam.questionIds.includes(id))).toBe(true);
          expect(exam.questionIds.length - exam.unscoredIds.length).toBeGreaterThanOrEqual(Math.min(50, exam.questionIds.length));
          expect(exam.unscoredIds.length).toBeLessThanOrEqual(15);
          expect(exam.perDomain.reduce((s, d) => s + d.got, 0)).toBe(exam.questionIds.length);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe("focused forms", () => {
  const trapPool = makePool({
    exam: "DVA-C02",
    perDomain: { "1": 20, "2": 20, "3": 20, "4": 20 },
    multipleEvery: 4,
    traps: (d, i) => (i % 2 === 0 ? [`trap-${d}`] : ["trap-any"]),
  });

  it("draws only from the chosen domains, split by their weights", () => {
    const exam = assemble({ pool: trapPool, form: { kind: "focused", count: 10, minutes: 20, domains: ["2", "4"] } });
    expect(exam.perDomain).toEqual([
      { domain: "2", target: 6, got: 6 },
      { domain: "4", target: 4, got: 4 },
    ]);
    expect(new Set(exam.questionIds.map(domainOf))).toEqual(new Set(["2", "4"]));
  });

  it("draws only questions with one of the chosen traps, weighted over the domains they come from", () => {
    const exam = assemble({ pool: trapPool, form: { kind: "focused", count: 8, minutes: 20, traps: ["trap-3"] } });
    expect(exam.questionIds).toHaveLength(8);
    expect(exam.questionIds.every((id) => domainOf(id) === "3")).toBe(true);
    expect(exam.perDomain).toEqual([{ domain: "3", target: 8, got: 8 }]);
    // The trap-3 questions of this bank are all multiple choice (even indices).
    expect(exam.shortfalls).toEqual(["None of the 8 questions is multiple response (aim: at least 1); the bank has none that fit."]);
  });

  it("spreads a trap found in every domain by the domain weights", () => {
    const exam = assemble({ pool: trapPool, form: { kind: "focused", count: 10, minutes: 20, traps: ["trap-any"] } });
    expect(exam.perDomain.map((d) => d.got)).toEqual([3, 3, 2, 2]);
  });

  it("combines domains and traps", () => {
    const exam = assemble({ pool: trapPool, form: { kind: "focused", count: 30, minutes: 45, domains: ["1"], traps: ["trap-any"] } });
    expect(exam.questionIds).toHaveLength(10);
    expect(exam.shortfalls).toContain("The bank has 10 questions that fit, so this exam has 10 instead of 30.");
  });

  it("refuses unknown domains and impossible counts or times", () => {
    expect(assembleExam({ ...full, form: { kind: "focused", count: 10, minutes: 20, domains: ["7", "2"] } })).toEqual({
      ok: false,
      reason: "UNKNOWN_DOMAIN",
      message: "DVA-C02 has no domain `7`",
    });
    expect(assembleExam({ ...full, form: { kind: "focused", count: 0, minutes: 20 } })).toMatchObject({ ok: false, reason: "INVALID_FORM" });
    expect(assembleExam({ ...full, form: { kind: "focused", count: 2.5, minutes: 20 } })).toMatchObject({ ok: false, reason: "INVALID_FORM" });
    expect(assembleExam({ ...full, form: { kind: "focused", count: 10, minutes: 0 } })).toMatchObject({ ok: false, reason: "INVALID_FORM" });
    expect(assembleExam({ ...full, pool: trapPool, form: { kind: "focused", count: 5, minutes: 10, traps: ["no-such-trap"] } })).toEqual({
      ok: false,
      reason: "NO_QUESTIONS",
      message: "the question bank has no question for this selection of domains and traps",
    });
  });
});
