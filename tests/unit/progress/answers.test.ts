import { describe, expect, it } from "vitest";
import { examEvents, gradeExamAnswers, mergeSummaries, summariseEvents } from "@/lib/progress";
import { DAY, missed, summary, T0 } from "./helpers";

const ago = (d: number) => new Date(T0.getTime() - d * DAY);

describe("grading mock-exam answers", () => {
  const keys: Record<string, { key: string[]; required: number }> = {
    "single/base": { key: ["B"], required: 1 },
    "multi/v1": { key: ["A", "C"], required: 2 },
  };
  const lookup = (q: string, v: string) => keys[`${q}/${v}`];
  const row = (questionId: string, variant: string, selected: string[], confidence: string | null = "sure") => ({
    attemptId: "a1",
    questionId,
    variant,
    selected,
    confidence,
    answeredAt: selected.length ? ago(1) : null,
    submittedAt: T0,
  });

  it("is all-or-nothing, treats an incomplete selection as unanswered, and cannot grade a question gone from the bank", () => {
    const graded = gradeExamAnswers(
      [row("single", "base", ["B"]), row("single", "base", ["A"], "guess"), row("multi", "v1", ["C", "A"]), row("multi", "v1", ["A"]), row("single", "base", [], null), row("gone", "base", ["A"])],
      lookup,
    );
    expect(graded.map((g) => [g.answered, g.correct])).toEqual([
      [true, true],
      [true, false],
      [true, true],
      [false, false],
      [false, false],
      [false, null],
    ]);
    expect(graded[4]!.at).toEqual(T0);
  });

  it("turns answered, gradable answers into events", () => {
    const events = examEvents(gradeExamAnswers([row("single", "base", ["A"], "bogus"), row("single", "base", [])], lookup));
    expect(events).toEqual([{ questionId: "single", variant: "base", correct: false, confidence: null, at: ago(1) }]);
  });
});

describe("answer summaries", () => {
  it("sum events per question, keeping the latest answer and every variant", () => {
    const [s] = summariseEvents(
      [
        { questionId: "q", variant: "v1", correct: true, confidence: "sure", at: ago(1) },
        { questionId: "q", variant: "base", correct: false, confidence: "sure", at: ago(20) },
        { questionId: "q", variant: "base", correct: false, confidence: "guess", at: ago(3) },
      ],
      ago(14),
    );
    expect(s).toEqual({
      questionId: "q",
      answers: 3,
      misses: 2,
      sureMisses: 1,
      recentMisses: 1,
      lastMissedAt: ago(3),
      lastAnsweredAt: ago(1),
      latestCorrect: true,
      latestConfidence: "sure",
      latestVariant: "v1",
      variants: ["base", "v1"],
    });
  });

  it("merge practice and exam summaries: counts add up and the later latest answer wins", () => {
    const merged = mergeSummaries(
      [summary("q", { answers: 2, lastAnsweredAt: ago(5), variants: ["base"] }), summary("only-practice")],
      [missed("q", "sure", ago(1), { variants: ["v2"], latestVariant: "v2" }), missed("only-exam", "guess", ago(2))],
    );
    expect(merged.get("q")).toMatchObject({ answers: 3, misses: 1, sureMisses: 1, latestCorrect: false, latestVariant: "v2", variants: ["base", "v2"], lastMissedAt: ago(1) });
    expect([...merged.keys()].sort()).toEqual(["only-exam", "only-practice", "q"]);
  });
});
