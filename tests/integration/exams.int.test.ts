// Mock exams against a real PostgreSQL: the orchestration the server actions and pages call
// (app/attempts/_lib: mutations.ts, data.ts) with the signed-in user's id and a fixed clock,
// on a small compiled question bank written to a temporary content folder (keyed questions,
// so grading needs no evaluator scenario).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getExamsOverview, getPlayerView, getResultView } from "@/app/attempts/_lib/data";
import { finalizeIfDue, saveAnswer, startAttempt, submitAttempt } from "@/app/attempts/_lib/mutations";
import { startInput, type StartInput } from "@/app/attempts/_lib/schema";
import { resetContentCache, type Exam, type PublicBundle, type PublicQuestion, type QuestionAnswer, type Trap } from "@/lib/content";
import { CONTENT_FORMAT_VERSION } from "@/lib/content/model";
import { writeContent } from "@/lib/content/write";
import { getAttempt } from "@/lib/db/attempts";
import { updateSettings } from "@/lib/db/users";
import { databaseUrl, makeUser, sql } from "./helpers";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

const EXAM: Exam = {
  id: "DVA-C02",
  title: "AWS Certified Developer – Associate",
  guideUrl: "https://docs.aws.amazon.com/aws-certification/latest/developer-associate-02/developer-associate-02.html",
  questions: { total: 65, scored: 50, unscored: 15 },
  minutes: 130,
  accommodationMinutes: 30,
  score: { min: 100, max: 1000, passing: 720 },
  responseTypes: ["multiple-choice", "multiple-response"],
  domains: [
    { number: 1, title: "Development with AWS Services", weight: 32, tasks: [{ id: "DVA-C02:1.1", exam: "DVA-C02", domain: 1, number: "1.1", title: "Develop code" }] },
    { number: 2, title: "Security", weight: 26, tasks: [{ id: "DVA-C02:2.1", exam: "DVA-C02", domain: 2, number: "2.1", title: "Authentication" }] },
    { number: 3, title: "Deployment", weight: 24, tasks: [{ id: "DVA-C02:3.1", exam: "DVA-C02", domain: 3, number: "3.1", title: "Prepare artifacts" }] },
    { number: 4, title: "Troubleshooting and Optimization", weight: 18, tasks: [{ id: "DVA-C02:4.1", exam: "DVA-C02", domain: 4, number: "4.1", title: "Root cause" }] },
  ],
  html: "",
  source: { file: "content/exams/dva-c02.md", line: 1 },
};

// Twelve keyed questions, three per domain; every third one multiple response (choose 2).
// The key is A (and C for multiple response). Explanations carry a marker, to prove they
// never reach the browser before the end.
const IDS = Array.from({ length: 12 }, (_, i) => `int-q${String(i).padStart(2, "0")}`);
const isMultiple = (i: number) => i % 3 === 2;
const keyOf = (id: string) => (isMultiple(IDS.indexOf(id)) ? ["A", "C"] : ["A"]);
const wrongOf = (id: string) => (isMultiple(IDS.indexOf(id)) ? ["B", "D"] : ["B"]);

function question(id: string, i: number): PublicQuestion {
  return {
    id,
    topic: "int-topic",
    exams: ["DVA-C02"],
    tasks: [`DVA-C02:${(i % 4) + 1}.1`],
    traps: i === 0 ? ["int-trap"] : [],
    difficulty: "medium",
    mode: "keyed",
    response: isMultiple(i) ? { type: "multiple", choose: 2 } : { type: "single" },
    stem: [{ kind: "html", html: `<p>Stem of question ${i}.</p>` }],
    options: ["A", "B", "C", "D"].map((o) => ({ id: o, html: `Option ${o} of question ${i}` })),
    instances: [{ id: "base", policies: [], requests: [] }],
    source: { file: `content/questions/int/${id}.md`, line: 1 },
  };
}

function answer(id: string): QuestionAnswer {
  return {
    id,
    instances: [{ id: "base", key: keyOf(id), evaluations: [] }],
    optionExplanations: { A: `<p>EXPLAIN-OPTION-${id}</p>` },
    explanationHtml: `<p>EXPLANATION-SECRET-${id}</p>`,
    docs: [],
  };
}

const TRAP: Trap = { id: "int-trap", title: "The integration trap", rule: "Read the question.", html: "", docs: [], questionIds: [IDS[0]!], source: { file: "content/traps.md", line: 1 } };

let contentDir: string;
let previousContentDir: string | undefined;

beforeAll(() => {
  contentDir = mkdtempSync(path.join(tmpdir(), "exams-content-"));
  const bundle: PublicBundle = { format: CONTENT_FORMAT_VERSION, exams: [EXAM], topics: [], questions: IDS.map(question), cards: [], traps: [TRAP] };
  writeContent(contentDir, bundle, { format: CONTENT_FORMAT_VERSION, answers: IDS.map(answer) });
  previousContentDir = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = contentDir;
  resetContentCache();
});

afterAll(() => {
  if (previousContentDir === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = previousContentDir;
  resetContentCache();
  rmSync(contentDir, { recursive: true, force: true });
});

const focused = (over: Partial<StartInput> = {}): StartInput => startInput.parse({ examId: "DVA-C02", form: "focused", count: 4, minutes: 10, ...over });

async function start(userId: string, now: Date, over: Partial<StartInput> = {}) {
  const res = await startAttempt(userId, focused(over), now);
  if (!res.ok) throw new Error(`could not start: ${res.message}`);
  const attempt = await getAttempt(userId, res.attemptId);
  if (!attempt) throw new Error("attempt not stored");
  return attempt;
}

async function examLogs(userId: string) {
  const { rows } = await sql<{ itemId: string; rating: number; correct: boolean | null; confidence: string | null; reviewedAt: Date }>(
    databaseUrl(),
    `SELECT "itemId", rating, correct, confidence, "reviewedAt" AT TIME ZONE 'UTC' AS "reviewedAt"
       FROM "ReviewLog" WHERE "userId" = $1 AND source = 'exam' ORDER BY "itemId"`,
    [userId],
  );
  return rows;
}

describe("starting an exam", () => {
  it("stores the assembled questions with their domains and variants, and the deadline from the form", async () => {
    const u = await makeUser("exam-start");
    const t0 = at("2030-04-01T09:00:00Z");
    const a = await start(u.id, t0);
    expect(a).toMatchObject({ examId: "DVA-C02", form: "focused", status: "in_progress", startedAt: t0, deadline: plus(t0, 10 * MINUTE), unscoredIds: [] });
    expect(a.questionIds).toHaveLength(4);
    expect(new Set(a.answers.map((x) => x.domain))).toEqual(new Set(["1", "2", "3", "4"]));
    expect(a.answers.map((x) => [x.position, x.variant, x.selected, x.flagged])).toEqual([0, 1, 2, 3].map((p) => [p, "base", [], false]));
  });

  it("adds the ESL time in proportion, and refuses a second exam while one runs", async () => {
    const u = await makeUser("exam-esl");
    await updateSettings(u.id, { eslAccommodation: true });
    const t0 = at("2030-04-01T09:00:00Z");
    const a = await start(u.id, t0, { minutes: 13 });
    expect(a.deadline).toEqual(plus(t0, 16 * MINUTE)); // 13 + ceil(13 × 30 / 130) = 13 + 3
    const again = await startAttempt(u.id, focused(), plus(t0, MINUTE));
    expect(again).toMatchObject({ ok: false, reason: "ATTEMPT_IN_PROGRESS", attemptId: a.id });
  });

  it("says before the start what the bank cannot fill, and still fills the full form from the rest", async () => {
    const u = await makeUser("exam-full");
    const t0 = at("2030-04-01T09:00:00Z");
    const res = await startAttempt(u.id, startInput.parse({ examId: "DVA-C02", form: "full" }), t0);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const a = (await getAttempt(u.id, res.attemptId))!;
    expect(a.questionIds).toHaveLength(12);
    expect(a.deadline).toEqual(plus(t0, 130 * MINUTE));
    const plan = a.plan as { shortfalls: string[] };
    expect(plan.shortfalls).toContain("The bank has 12 questions that fit, so this exam has 12 instead of 65.");
  });
});

describe("the server's clock", () => {
  it("refuses an answer after the deadline, and finalizes the attempt at its deadline", async () => {
    const u = await makeUser("exam-late");
    const t0 = at("2030-04-02T09:00:00Z");
    const a = await start(u.id, t0, { minutes: 1 });
    const q0 = a.answers[0]!.questionId;

    const inTime = await saveAnswer(u.id, { attemptId: a.id, position: 0, selected: keyOf(q0) }, plus(t0, 30 * SECOND));
    expect(inTime).toMatchObject({ ok: true, remainingMs: 30 * SECOND, answer: { selected: keyOf(q0), flagged: false } });

    const late = await saveAnswer(u.id, { attemptId: a.id, position: 1, selected: ["A"] }, plus(t0, MINUTE));
    expect(late).toMatchObject({ ok: false, reason: "ATTEMPT_EXPIRED", resultUrl: `/attempts/${a.id}/result` });
    const lateFlag = await saveAnswer(u.id, { attemptId: a.id, position: 0, flagged: true }, plus(t0, 2 * MINUTE));
    expect(lateFlag).toMatchObject({ ok: false, reason: "ATTEMPT_SUBMITTED" });

    const after = (await getAttempt(u.id, a.id))!;
    expect(after.answers[1]!.selected).toEqual([]);
    expect(after.answers[0]!.flagged).toBe(false);
    expect(after).toMatchObject({ status: "expired", submittedAt: plus(t0, MINUTE) });
  });

  it("resumes after a restart with the answers, the flag and the same deadline: the clock kept running", async () => {
    const u = await makeUser("exam-resume");
    const t0 = at("2030-04-03T09:00:00Z");
    const a = await start(u.id, t0);
    const q0 = a.answers[0]!.questionId;
    await saveAnswer(u.id, { attemptId: a.id, position: 0, selected: wrongOf(q0), spentMs: 40 * SECOND }, plus(t0, 40 * SECOND));
    await saveAnswer(u.id, { attemptId: a.id, position: 0, selected: keyOf(q0), confidence: "unsure" }, plus(t0, 50 * SECOND));
    await saveAnswer(u.id, { attemptId: a.id, position: 1, flagged: true, spentMs: 5 * SECOND }, plus(t0, 55 * SECOND));

    // A server restart: the process's database client is gone; the next request opens a new one.
    const g = globalThis as unknown as { __prisma?: { $disconnect(): Promise<void> } };
    await g.__prisma?.$disconnect();
    delete g.__prisma;

    const read = await getPlayerView(u.id, a.id, plus(t0, 3 * MINUTE));
    expect(read?.kind).toBe("running");
    if (read?.kind !== "running") return;
    const s = read.snapshot;
    expect(s.remainingMs).toBe(7 * MINUTE);
    expect(s.deadline).toBe(plus(t0, 10 * MINUTE).toISOString());
    expect(s.answers[0]).toEqual({ selected: keyOf(q0), flagged: false, confidence: "unsure" });
    expect(s.answers[1]).toEqual({ selected: [], flagged: true, confidence: null });
    expect(s.startAt).toBe(1); // the first question without a complete answer
    const reread = await getPlayerView(u.id, a.id, plus(t0, 3 * MINUTE), 3);
    expect(reread?.kind === "running" && reread.snapshot.startAt).toBe(3);

    const stored = (await getAttempt(u.id, a.id))!;
    expect(stored.answers[0]).toMatchObject({ firstSelected: wrongOf(q0), changes: 1, timeMs: 40 * SECOND });
  });

  it("sends the browser nothing of the keys or explanations while the attempt runs", async () => {
    const u = await makeUser("exam-leak");
    const t0 = at("2030-04-04T09:00:00Z");
    const a = await start(u.id, t0);
    const read = await getPlayerView(u.id, a.id, plus(t0, MINUTE));
    const save = await saveAnswer(u.id, { attemptId: a.id, position: 0, selected: ["B"] }, plus(t0, MINUTE));
    const early = await getResultView(u.id, a.id, plus(t0, MINUTE));
    expect(early).toEqual({ kind: "running" });
    const early2 = await submitAttempt(u.id, { attemptId: a.id, trigger: "timeout" }, plus(t0, MINUTE));
    expect(early2).toMatchObject({ ok: false, reason: "RUNNING", remainingMs: 9 * MINUTE });
    const sent = JSON.stringify([read, save, early2]);
    expect(sent).not.toMatch(/EXPLANATION-SECRET|EXPLAIN-OPTION/);
    expect(sent).not.toMatch(/"key"|"correct"|explanation/i);
    // Nor any question id, variant, topic or trap, which can hint at the answer.
    for (const id of a.questionIds) expect(sent).not.toContain(id);
    expect(sent).not.toMatch(/int-trap|int-topic|"variant"/);
  });
});

describe("access", () => {
  it("one learner can neither read nor write another learner's attempt", async () => {
    const owner = await makeUser("exam-owner");
    const other = await makeUser("exam-other");
    const t0 = at("2030-04-05T09:00:00Z");
    const a = await start(owner.id, t0);
    const now = plus(t0, MINUTE);

    expect(await getPlayerView(other.id, a.id, now)).toBeNull();
    expect(await getResultView(other.id, a.id, now)).toBeNull();
    expect(await getAttempt(other.id, a.id)).toBeNull();
    expect(await saveAnswer(other.id, { attemptId: a.id, position: 0, selected: ["A"] }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await saveAnswer(other.id, { attemptId: a.id, position: 0, flagged: true }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await submitAttempt(other.id, { attemptId: a.id, trigger: "learner" }, now)).toMatchObject({ ok: false, reason: "NOT_FOUND" });
    expect(await finalizeIfDue(other.id, a.id, "read", plus(t0, 60 * MINUTE))).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await getExamsOverview(other.id, plus(t0, 60 * MINUTE))).running).toBeNull();

    const untouched = (await getAttempt(owner.id, a.id))!;
    expect(untouched.status).toBe("in_progress");
    expect(untouched.answers.every((x) => x.selected.length === 0 && !x.flagged)).toBe(true);
  });
});

describe("finalization", () => {
  it("is idempotent: submitting twice, or at once from two tabs, scores and rates once", async () => {
    const u = await makeUser("exam-submit");
    const t0 = at("2030-04-06T09:00:00Z");
    const a = await start(u.id, t0);
    const [q0, q1, q2] = a.answers.map((x) => x.questionId);
    await saveAnswer(u.id, { attemptId: a.id, position: 0, selected: keyOf(q0!), confidence: "sure" }, plus(t0, MINUTE));
    await saveAnswer(u.id, { attemptId: a.id, position: 1, selected: wrongOf(q1!), flagged: true }, plus(t0, 2 * MINUTE));
    await saveAnswer(u.id, { attemptId: a.id, position: 2, selected: keyOf(q2!), confidence: "guess" }, plus(t0, 3 * MINUTE));

    const submitAt = plus(t0, 4 * MINUTE);
    const [first, second] = await Promise.all([
      submitAttempt(u.id, { attemptId: a.id, trigger: "learner" }, submitAt),
      submitAttempt(u.id, { attemptId: a.id, trigger: "learner" }, plus(submitAt, 10)),
    ]);
    expect(first).toMatchObject({ ok: true, status: "submitted" });
    expect(second).toMatchObject({ ok: true, status: "submitted" });
    const third = await submitAttempt(u.id, { attemptId: a.id, trigger: "learner" }, plus(t0, 5 * MINUTE));
    expect(third).toMatchObject({ ok: true, status: "submitted" });

    const done = (await getAttempt(u.id, a.id))!;
    expect(done.status).toBe("submitted");
    expect([submitAt.getTime(), submitAt.getTime() + 10]).toContain(done.submittedAt?.getTime());
    // 2 of 4 right (q0, q2); q3 unanswered. All four are scored in a focused form.
    expect(done).toMatchObject({ rawScore: 2, scaledScore: 100 + Math.floor((620 * 200) / 288), passed: false });

    const logs = await examLogs(u.id);
    expect(logs.map((l) => [l.itemId, l.rating, l.correct, l.confidence])).toEqual(
      [
        [q0, 3, true, "sure"],
        [q1, 1, false, null],
        [q2, 2, true, "guess"],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(logs.every((l) => l.reviewedAt.getTime() === done.submittedAt?.getTime())).toBe(true);

    const result = await getResultView(u.id, a.id, plus(t0, 6 * MINUTE));
    expect(result?.kind).toBe("finished");
    if (result?.kind !== "finished") return;
    const v = result.view;
    // Whichever of the two submits came first set the end.
    expect(v).toMatchObject({ status: "submitted", total: 4, answered: 3, flagged: 1, rated: 3, timeUsedMs: done.submittedAt!.getTime() - t0.getTime() });
    expect(v.score).toMatchObject({ rawCorrect: 2, scoredCount: 4 });
    expect(v.items.map((i) => i.correct)).toEqual([true, false, true, false]);
    expect(v.items[0]?.review?.explanationHtml).toBe(`<p>EXPLANATION-SECRET-${q0}</p>`);
    expect(v.items.find((i) => i.questionId === IDS[0])?.traps.map((t) => t.id) ?? ["int-trap"]).toEqual(["int-trap"]);
  });

  it("finalizes an attempt whose time ran out with the browser closed, once, at its deadline, whoever reads it", async () => {
    const u = await makeUser("exam-expire");
    const t0 = at("2030-04-07T09:00:00Z");
    const a = await start(u.id, t0);
    const q0 = a.answers[0]!.questionId;
    await saveAnswer(u.id, { attemptId: a.id, position: 0, selected: wrongOf(q0) }, plus(t0, MINUTE));

    // Nobody looks until the next day; then the exams page, the attempt, its result and a late
    // countdown all arrive together.
    const later = plus(t0, 24 * 60 * MINUTE);
    const reads = await Promise.all([
      getExamsOverview(u.id, later),
      getPlayerView(u.id, a.id, later),
      getResultView(u.id, a.id, plus(later, SECOND)),
      submitAttempt(u.id, { attemptId: a.id, trigger: "timeout" }, plus(later, 2 * SECOND)),
      finalizeIfDue(u.id, a.id, "read", plus(later, 3 * SECOND)),
    ]);
    expect(reads[1]).toEqual({ kind: "finished" });
    expect(reads[3]).toMatchObject({ ok: true, status: "expired" });

    const done = (await getAttempt(u.id, a.id))!;
    expect(done).toMatchObject({ status: "expired", submittedAt: plus(t0, 10 * MINUTE), rawScore: 0, passed: false });
    const logs = await examLogs(u.id);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ itemId: q0, rating: 1, correct: false });
    expect(logs[0]!.reviewedAt).toEqual(plus(t0, 10 * MINUTE));

    const again = await finalizeIfDue(u.id, a.id, "read", plus(later, MINUTE));
    expect(again).toEqual({ ok: true, status: "expired", finalizedNow: false });
    expect(await examLogs(u.id)).toHaveLength(1);

    const overview = await getExamsOverview(u.id, plus(later, MINUTE));
    expect(overview.running).toBeNull();
    expect(overview.history["DVA-C02"]?.map((h) => [h.id, h.status, h.scaledScore])).toEqual([[a.id, "expired", 100]]);
    // And a new exam may start.
    const next = await startAttempt(u.id, focused(), plus(later, 2 * MINUTE));
    expect(next.ok).toBe(true);
  });

  it("leaves a review made after the exam in place instead of rating older knowledge on top of it", async () => {
    const u = await makeUser("exam-newer");
    const t0 = at("2030-04-08T09:00:00Z");
    const a = await start(u.id, t0);
    const q0 = a.answers[0]!.questionId;
    await saveAnswer(u.id, { attemptId: a.id, position: 0, selected: keyOf(q0) }, plus(t0, MINUTE));
    await sql(
      databaseUrl(),
      `INSERT INTO "ReviewState" (id, "userId", "itemId", "itemKind", due, stability, difficulty, "elapsedDays", "scheduledDays", reps, lapses, state, "lastReview", version, "updatedAt")
       VALUES ($1, $2, $3, 'question', $4, 3, 5, 0, 3, 1, 0, 2, $5, 1, now())`,
      // ISO strings in UTC: the columns are timestamps without zone, holding UTC.
      [`rs-${a.id}`, u.id, q0, plus(t0, 3 * 24 * 60 * MINUTE).toISOString(), plus(t0, 20 * MINUTE).toISOString()],
    );
    const res = await finalizeIfDue(u.id, a.id, "read", plus(t0, 30 * MINUTE));
    expect(res).toMatchObject({ ok: true, status: "expired", finalizedNow: true });
    expect(await examLogs(u.id)).toHaveLength(0);
  });
});
