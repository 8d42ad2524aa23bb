import { describe, expect, it } from "vitest";
import { chooseVariant, type DrillHistory, pickDrill } from "@/lib/progress";
import { DAY, T0 } from "./helpers";

const h = (variants: string[], latestVariant: string, daysAgo: number): DrillHistory => ({ variants, latestVariant, lastAnsweredAt: new Date(T0.getTime() - daysAgo * DAY) });
const seed = () => "user:0";

describe("the instance of a drill question", () => {
  it("prefers a variant never answered, then one other than the last, and repeats only a single-instance question", () => {
    const q = { questionId: "q", variants: ["base", "v1", "v2"] };
    expect(chooseVariant(q, h(["base", "v1"], "v1", 1), "s")).toEqual({ variant: "v2", freshness: "new-variant" });
    const other = chooseVariant(q, h(["base", "v1", "v2"], "v1", 1), "s");
    expect(other.freshness).toBe("other-variant");
    expect(other.variant).not.toBe("v1");
    expect(chooseVariant({ questionId: "k", variants: ["base"] }, h(["base"], "base", 1), "s")).toEqual({ variant: "base", freshness: "repeat" });
  });

  it("never shows the last-answered variant again while another exists, whatever the seed", () => {
    const q = { questionId: "q", variants: ["base", "v1", "v2", "v3"] };
    for (let i = 0; i < 50; i++) expect(chooseVariant(q, h(["base", "v1", "v2", "v3"], "v2", 1), `seed-${i}`).variant).not.toBe("v2");
  });

  it("draws a never-answered question's instance from the seed, the same every time", () => {
    const q = { questionId: "q", variants: ["base", "v1", "v2"] };
    const a = chooseVariant(q, undefined, "user:3");
    expect(a.freshness).toBe("new-question");
    expect(chooseVariant(q, undefined, "user:3")).toEqual(a);
  });
});

describe("the next drill question", () => {
  const candidates = [
    { questionId: "keyed-seen", variants: ["base"] },
    { questionId: "fixture-seen-all", variants: ["base", "v1"] },
    { questionId: "fixture-seen-some", variants: ["base", "v1"] },
    { questionId: "never", variants: ["base", "v1"] },
  ];
  const history = new Map([
    ["keyed-seen", h(["base"], "base", 9)],
    ["fixture-seen-all", h(["base", "v1"], "base", 5)],
    ["fixture-seen-some", h(["base"], "base", 1)],
  ]);

  it("takes a never-answered question first", () => {
    expect(pickDrill(candidates, history, seed)).toMatchObject({ questionId: "never", freshness: "new-question" });
  });

  it("then a fresh variant, then another variant, then a repeat", () => {
    const seen = candidates.filter((c) => c.questionId !== "never");
    expect(pickDrill(seen, history, seed)).toEqual({ questionId: "fixture-seen-some", variant: "v1", freshness: "new-variant" });
    expect(pickDrill(seen.slice(0, 2), history, seed)).toEqual({ questionId: "fixture-seen-all", variant: "v1", freshness: "other-variant" });
    expect(pickDrill(seen.slice(0, 1), history, seed)).toEqual({ questionId: "keyed-seen", variant: "base", freshness: "repeat" });
  });

  it("does not show the question just answered twice in a row when another exists", () => {
    expect(pickDrill(candidates, history, seed, "never")?.questionId).toBe("fixture-seen-some");
    expect(pickDrill(candidates.slice(3), history, seed, "never")?.questionId).toBe("never");
  });

  it("among equally fresh questions takes the least recently answered", () => {
    const two = new Map([
      ["a", h(["base", "v1"], "base", 1)],
      ["b", h(["base", "v1"], "v1", 4)],
    ]);
    const pick = pickDrill(
      [
        { questionId: "a", variants: ["base", "v1"] },
        { questionId: "b", variants: ["base", "v1"] },
      ],
      two,
      seed,
    );
    expect(pick).toEqual({ questionId: "b", variant: "base", freshness: "other-variant" });
  });

  it("is null without candidates", () => {
    expect(pickDrill([], history, seed)).toBeNull();
  });
});
