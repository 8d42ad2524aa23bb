import { describe, expect, it } from "vitest";
import { rankWrongInAttempt, rankWrongPractice } from "@/lib/progress";
import { DAY, missed, summary, T0 } from "./helpers";

const ago = (d: number) => new Date(T0.getTime() - d * DAY);

describe("retake what I got wrong in practice", () => {
  it("holds only questions whose latest answer is wrong: sure first, then unsure, then guess, older misses first", () => {
    const ranked = rankWrongPractice([
      summary("right-now", { misses: 3 }),
      missed("guess-old", "guess", ago(9)),
      missed("unsure", "unsure", ago(2)),
      missed("sure-new", "sure", ago(1)),
      missed("sure-old", "sure", ago(5)),
    ]);
    expect(ranked.map((s) => s.questionId)).toEqual(["sure-old", "sure-new", "unsure", "guess-old"]);
  });
});

describe("retake what I got wrong in a mock exam", () => {
  it("holds wrong and unanswered questions: confident misses first, unanswered last, each group in exam order", () => {
    const ranked = rankWrongInAttempt([
      { questionId: "right", position: 0, answered: true, correct: true, confidence: "sure" },
      { questionId: "blank", position: 1, answered: false, correct: false, confidence: null },
      { questionId: "guess", position: 2, answered: true, correct: false, confidence: "guess" },
      { questionId: "sure-late", position: 5, answered: true, correct: false, confidence: "sure" },
      { questionId: "unmarked", position: 3, answered: true, correct: false, confidence: null },
      { questionId: "sure-early", position: 4, answered: true, correct: false, confidence: "sure" },
      { questionId: "gone-from-bank", position: 6, answered: false, correct: null, confidence: null },
    ]);
    expect(ranked.map((i) => i.questionId)).toEqual(["sure-early", "sure-late", "guess", "unmarked", "blank"]);
  });
});
