import { describe, expect, it } from "vitest";
import {
  type AnswerState,
  applySelection,
  buildAttemptReport,
  checkWritable,
  decideFinalization,
  describeAnswerChanges,
  isCompleteSelection,
  normaliseSelection,
  type ReportItemInput,
} from "@/lib/exam/attempt";
import { DVA_C02 } from "./fixtures";

const startedAt = new Date("2025-06-01T09:00:00Z");
const deadline = new Date("2025-06-01T09:40:00Z");
const MIN = 60_000;
const at = (minutes: number) => new Date(startedAt.getTime() + minutes * MIN);
const blank: AnswerState = { selected: [], firstSelected: [], changes: 0, answeredAt: null };

describe("selections", () => {
  it("are stored sorted and without repeats", () => {
    expect(normaliseSelection(["C", "A", "C"])).toEqual(["A", "C"]);
  });

  it("are complete with exactly as many distinct options as the question asks for", () => {
    expect(isCompleteSelection(["A"], 1)).toBe(true);
    expect(isCompleteSelection([], 1)).toBe(false);
    expect(isCompleteSelection(["A"], 2)).toBe(false);
    expect(isCompleteSelection(["A", "A"], 2)).toBe(false);
    expect(isCompleteSelection(["B", "A"], 2)).toBe(true);
  });
});

describe("answering a multiple-choice question", () => {
  it("keeps the first answer and counts each change of it", () => {
    const one = applySelection(blank, ["B"], 1, at(1));
    expect(one).toEqual({ selected: ["B"], firstSelected: ["B"], changes: 0, answeredAt: at(1) });
    const two = applySelection(one, ["C"], 1, at(2));
    expect(two).toEqual({ selected: ["C"], firstSelected: ["B"], changes: 1, answeredAt: at(2) });
    const three = applySelection(two, ["B"], 1, at(3));
    expect(three).toMatchObject({ selected: ["B"], firstSelected: ["B"], changes: 2 });
  });

  it("changes nothing when the same option is saved again (a double click, a retry)", () => {
    const one = applySelection(blank, ["B"], 1, at(1));
    expect(applySelection(one, ["B"], 1, at(5))).toBe(one);
  });
});

describe("answering a multiple-response question", () => {
  it("has no first answer until the selection is complete", () => {
    const partial = applySelection(blank, ["A"], 2, at(1));
    expect(partial).toMatchObject({ selected: ["A"], firstSelected: [], changes: 0 });
    const full = applySelection(partial, ["D", "A"], 2, at(2));
    expect(full).toMatchObject({ selected: ["A", "D"], firstSelected: ["A", "D"], changes: 0 });
  });

  it("counts leaving a complete answer as one change, however many ticks it takes", () => {
    let s = applySelection(blank, ["A", "D"], 2, at(1));
    s = applySelection(s, ["A"], 2, at(2)); // untick D: leaves the complete answer
    s = applySelection(s, ["A", "C"], 2, at(3)); // tick C: completes it again
    expect(s).toMatchObject({ selected: ["A", "C"], firstSelected: ["A", "D"], changes: 1 });
  });
});

describe("writes to an attempt", () => {
  it("are allowed before the deadline, with the time left", () => {
    expect(checkWritable({ status: "in_progress", deadline }, at(39))).toEqual({ ok: true, value: { remainingMs: MIN } });
  });

  it("are refused at the deadline and after it", () => {
    expect(checkWritable({ status: "in_progress", deadline }, deadline)).toMatchObject({ ok: false, reason: "ATTEMPT_EXPIRED" });
    expect(checkWritable({ status: "in_progress", deadline }, at(41))).toMatchObject({ ok: false, reason: "ATTEMPT_EXPIRED" });
  });

  it("are refused once the attempt is submitted, even with time left", () => {
    expect(checkWritable({ status: "submitted", deadline }, at(10))).toMatchObject({ ok: false, reason: "ATTEMPT_SUBMITTED" });
    expect(checkWritable({ status: "expired", deadline }, at(10))).toMatchObject({ ok: false, reason: "ATTEMPT_SUBMITTED" });
  });
});

describe("finalization", () => {
  const running = { status: "in_progress" as const, deadline };

  it("submits at once when the learner asks before the deadline", () => {
    expect(decideFinalization(running, "learner", at(12))).toEqual({ kind: "finalize", status: "submitted", submittedAt: at(12) });
  });

  it("leaves a running attempt alone on a read or an early countdown, and says how long is left", () => {
    expect(decideFinalization(running, "read", at(30))).toEqual({ kind: "running", remainingMs: 10 * MIN });
    expect(decideFinalization(running, "timeout", at(39.5))).toEqual({ kind: "running", remainingMs: 30_000 });
  });

  it("expires the attempt at its deadline, whoever notices, however late", () => {
    for (const trigger of ["learner", "timeout", "read"] as const) {
      for (const when of [deadline, at(41), at(60 * 24 * 3)]) {
        expect(decideFinalization(running, trigger, when)).toEqual({ kind: "finalize", status: "expired", submittedAt: deadline });
      }
    }
  });

  it("never finalizes twice", () => {
    expect(decideFinalization({ status: "submitted", deadline }, "learner", at(5))).toEqual({ kind: "already", status: "submitted" });
    expect(decideFinalization({ status: "expired", deadline }, "read", at(90))).toEqual({ kind: "already", status: "expired" });
  });
});

describe("the attempt report", () => {
  const item = (position: number, over: Partial<ReportItemInput>): ReportItemInput => ({
    questionId: `q${position}`,
    position,
    domain: "1",
    scored: true,
    key: ["A"],
    required: 1,
    selected: ["A"],
    firstSelected: ["A"],
    flagged: false,
    confidence: null,
    timeMs: 60_000,
    changes: 0,
    ...over,
  });

  const items: ReportItemInput[] = [
    item(0, {}),
    item(1, { domain: "2", selected: ["B"], firstSelected: ["A"], changes: 1, flagged: true }), // right → wrong
    item(2, { domain: "2", selected: ["A"], firstSelected: ["C"], changes: 1, confidence: "guess" }), // wrong → right
    item(3, { domain: "3", key: ["A", "C"], required: 2, selected: ["A"], firstSelected: [] }), // incomplete: unanswered
    item(4, { scored: false, selected: [], firstSelected: [] }), // unscored, unanswered
    item(5, { key: null }), // no longer in the bank
  ];

  const report = buildAttemptReport({ blueprint: DVA_C02, items: [...items].reverse(), startedAt, deadline, submittedAt: at(25), status: "submitted" });

  it("scores only scored, gradable questions, an incomplete selection as wrong", () => {
    expect(report.score).toMatchObject({ rawCorrect: 2, scoredCount: 4, rawPercent: 50, passed: false, estimate: true });
    expect(report.score?.perDomain.filter((d) => d.total > 0)).toEqual([
      { domain: "1", title: "Development with AWS Services", correct: 1, total: 1, percent: 100 },
      { domain: "2", title: "Security", correct: 1, total: 2, percent: 50 },
      { domain: "3", title: "Deployment", correct: 0, total: 1, percent: 0 },
    ]);
  });

  it("lists every question in exam order with what the learner did", () => {
    expect(report.items.map((i) => [i.position, i.answered, i.correct, i.scored, i.changed])).toEqual([
      [0, true, true, true, false],
      [1, true, false, true, true],
      [2, true, true, true, true],
      [3, false, false, true, false],
      [4, false, false, false, false],
      [5, true, null, false, false],
    ]);
    expect(report.items[2]?.confidence).toBe("guess");
    expect(report).toMatchObject({ total: 6, answered: 4, flagged: 1, endedBy: "learner" });
  });

  it("says whether changing answers helped", () => {
    expect(report.changes).toEqual({ changed: 2, wrongToRight: 1, rightToWrong: 1, wrongToWrong: 0 });
    expect(describeAnswerChanges(report.changes)).toBe(
      "You changed 2 answers: 1 from wrong to right, 1 from right to wrong, 0 from wrong to another wrong. Changing evened out: as many gained as lost.",
    );
    expect(describeAnswerChanges({ changed: 0, wrongToRight: 0, rightToWrong: 0, wrongToWrong: 0 })).toBe("You did not change any answer.");
    expect(describeAnswerChanges({ changed: 3, wrongToRight: 2, rightToWrong: 0, wrongToWrong: 1 })).toMatch(/Changing helped: 2 more right than before\.$/);
    expect(describeAnswerChanges({ changed: 1, wrongToRight: 0, rightToWrong: 1, wrongToWrong: 0 })).toMatch(/Changing cost you: 1 fewer right than before\.$/);
  });

  it("measures the time used, never more than the time allowed", () => {
    expect(report).toMatchObject({ timeUsedMs: 25 * MIN, timeAllowedMs: 40 * MIN, msPerQuestion: Math.round((25 * MIN) / 6) });
    const late = buildAttemptReport({ blueprint: DVA_C02, items, startedAt, deadline, submittedAt: deadline, status: "expired" });
    expect(late).toMatchObject({ timeUsedMs: 40 * MIN, endedBy: "time" });
  });

  it("has no score when nothing could be scored", () => {
    const none = buildAttemptReport({ blueprint: DVA_C02, items: [item(0, { key: null })], startedAt, deadline, submittedAt: at(1), status: "submitted" });
    expect(none.score).toBeNull();
  });

  it("survives a round trip through JSON (it is stored as JSON)", () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
