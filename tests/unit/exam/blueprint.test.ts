import { describe, expect, it } from "vitest";
import { type Blueprint, checkBlueprint, listBlueprintProblems, unscoredCount } from "@/lib/exam/blueprint";
import { DVA_C02, SAA_C03 } from "./fixtures";

describe("blueprints", () => {
  it("accepts both exams as the guides describe them", () => {
    for (const blueprint of [DVA_C02, SAA_C03]) {
      expect(checkBlueprint(blueprint)).toEqual({ ok: true, value: blueprint });
      expect(unscoredCount(blueprint)).toBe(15);
    }
  });

  it("lists every problem of a broken blueprint at once, each with its path", () => {
    const broken: Blueprint = {
      ...DVA_C02,
      scoredCount: 70,
      passingScore: 1000,
      eslExtraMinutes: -5,
      domains: [
        { id: "1", title: "Development", weight: 32 },
        { id: "1", title: "Security", weight: 26 },
        { id: "3", title: "Deployment", weight: 0 },
      ],
    };
    expect(listBlueprintProblems(broken)).toEqual([
      { path: "scoredCount", message: "the scored count must be a whole number from 1 to the question count, got `70`" },
      { path: "eslExtraMinutes", message: "the ESL extra time must be a whole number of minutes, got `-5`" },
      { path: "passingScore", message: "the passing score must lie strictly between the minimum and maximum score, got 100 < 1000 < 1000" },
      { path: "domains[1].id", message: "domain id `1` appears twice" },
      { path: "domains[2].weight", message: "a domain weight must be a positive percentage, got `0`" },
      { path: "domains", message: "domain weights add up to 58, not 100" },
    ]);
    const checked = checkBlueprint(broken);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.reason).toBe("INVALID_BLUEPRINT");
      expect(checked.message.split("; ")).toHaveLength(6);
    }
  });
});
