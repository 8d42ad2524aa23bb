import AxeBuilder from "@axe-core/playwright";
import { expect, request, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { answer, currentQuestion, keyOf } from "./content-keys";
import { newLearner, signUp } from "./pages";

// Missed traps, retakes, the progress dashboard and the CSV export, as a learner meets them.

type Bundle = {
  traps: Array<{ id: string; title: string; questionIds: string[] }>;
  questions: Array<{ id: string; exams: string[]; traps: string[]; response: { type: string }; options: Array<{ id: string }>; instances: Array<{ id: string }> }>;
};
const bundle = JSON.parse(readFileSync(path.join(process.cwd(), process.env.CONTENT_DIR ?? ".content", "content.json"), "utf8")) as Bundle;

/** A trap with several questions whose first question (the one a fresh drill shows) has variants. */
function trapWithVariants() {
  for (const trap of bundle.traps) {
    const questions = bundle.questions.filter((q) => q.traps.includes(trap.id));
    if (questions.length >= 3 && questions.every((q) => q.instances.length >= 2)) return trap;
  }
  throw new Error("no trap whose questions all have variants");
}

async function expectNoSeriousViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility violations on ${label}`,
  ).toEqual([]);
}

/** Answers the question on screen wrong on purpose. */
async function answerWrong(page: Page, confidence: "Sure" | "Unsure" | "Guess" = "Sure") {
  const q = await currentQuestion(page);
  const options = await q.article.locator("input[type=radio][name^='q-'], input[type=checkbox][name^='q-']").evaluateAll((els) =>
    els.map((e) => (e as HTMLInputElement).value).filter((v) => /^[A-Z]$/.test(v)),
  );
  const wrong = options.filter((o) => !q.key.includes(o));
  await answer(page, q.key.length > 1 ? [wrong[0]!, ...q.key.slice(1)] : [wrong[0]!], confidence);
  await expect(q.article.getByText("Not quite.")).toBeVisible();
  return q;
}

test("a new learner's dashboard and traps page are honest about having no data, and accessible", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Nothing studied yet" })).toBeVisible();
  await expect(page.getByTestId("heatmap-summary")).toHaveText("No reviews in the last 26 weeks.");
  for (const id of ["retention", "forecast", "states", "calibration"]) await expect(page.getByTestId(`chart-${id}-empty`)).toBeVisible();
  await expect(page.getByTestId("readiness-DVA-C02").getByTestId("readiness-insufficient")).toHaveText("Too little data for an estimate yet");
  await expect(page.getByTestId("readiness-SAA-C03").getByTestId("readiness-insufficient")).toBeVisible();
  await expect(page.getByTestId("readiness-band")).toHaveCount(0);
  await expect(page.getByTestId("today-streak")).toHaveText("0 days");
  await expect(page.getByTestId("exam-date").getByRole("link", { name: "Set your exam date in settings" })).toHaveAttribute("href", "/settings");
  await expectNoSeriousViolations(page, "/dashboard (empty)");

  await page.goto("/traps");
  await expect(page.getByText(/No missed traps yet/)).toBeVisible();
  await expect(page.locator("tr[data-trap-id]")).toHaveCount(bundle.traps.length);
  await expect(page.locator("tr[data-status=unseen]")).toHaveCount(bundle.traps.length);
  await expectNoSeriousViolations(page, "/traps (empty)");
});

test("miss a trap, see it on the Traps page, drill it with fresh material, retake it, and see it on the dashboard", async ({ page, baseURL }) => {
  await signUp(page, newLearner());
  const trap = trapWithVariants();

  // Miss a question of the trap on purpose, while sure.
  await page.goto(`/practice/session?trap=${trap.id}`);
  const missed = await answerWrong(page, "Sure");

  // The Traps page lists it first: weak, seen once, missed once, confident miss called out.
  await page.goto("/traps");
  const row = page.locator(`tr[data-trap-id="${trap.id}"]`);
  await expect(page.locator("tr[data-trap-id]").first()).toHaveAttribute("data-trap-id", trap.id);
  await expect(row).toHaveAttribute("data-status", "weak");
  await expect(row.getByTestId("seen")).toHaveText("1");
  await expect(row.getByTestId("missed")).toHaveText("1");
  await expect(row.getByTestId("last-missed")).not.toHaveText("—");
  await expect(row.getByText("Answered wrong while sure on 1 question")).toBeVisible();
  await expectNoSeriousViolations(page, "/traps (with a miss)");

  // Drill: a question of the trap not answered yet (or, failing that, a fresh variant).
  await row.getByRole("link", { name: `Drill ${trap.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/practice/session\\?trap=${trap.id}&mode=drill`));
  const drilled = await currentQuestion(page);
  expect(trap.questionIds).toContain(drilled.id);
  expect(drilled.id !== missed.id || drilled.variant !== missed.variant).toBe(true);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-freshness", "new-question");

  // Retake what I got wrong: the missed question again, in a different variant.
  await page.goto("/practice");
  await page.getByRole("link", { name: /Retake only what I got wrong/ }).click();
  await expect(page.getByTestId("retake-progress")).toContainText("1 question to put right");
  const retake = await currentQuestion(page);
  expect(retake.id).toBe(missed.id);
  expect(retake.variant).not.toBe(missed.variant);
  await expect(page.getByTestId("freshness")).toHaveAttribute("data-freshness", /new-variant|other-variant/);
  await answer(page, retake.key, "Unsure");
  await expect(retake.article.getByText("Correct.")).toBeVisible();
  await retake.article.getByRole("button", { name: /Next question/ }).click();
  await expect(page.getByRole("heading", { name: "Nothing to retake" })).toBeVisible();

  // Another learner's (or an unknown) mock exam is refused.
  await page.goto("/practice/session?wrong=attempt:not-mine");
  await expect(page.getByRole("heading", { name: "Mock exam not found" })).toBeVisible();

  // The dashboard now draws its charts, each with a text alternative.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Nothing studied yet" })).toHaveCount(0);
  await expect(page.getByTestId("today-done")).toHaveText("2");
  await expect(page.getByTestId("today-streak")).toHaveText("1 day");
  await expect(page.getByTestId("heatmap-summary")).toContainText("2 reviews on 1 day in the last 26 weeks");
  await expect(page.locator("[data-testid=heatmap] [data-count='2']")).toHaveCount(1);
  for (const id of ["forecast", "states", "calibration"]) {
    const figure = page.getByTestId(`chart-${id}`);
    await expect(figure).toBeVisible();
    await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(figure.locator("table.sr-only tbody tr").first()).toBeAttached();
  }
  await expect(page.getByTestId("chart-calibration-summary")).toContainText("Sure: 0 of 1 right (0%); Unsure: 1 of 1 right (100%)");
  await expect(page.getByTestId("chart-retention-empty")).toBeVisible();
  await expect(page.getByTestId("readiness-DVA-C02").getByTestId("readiness-insufficient")).toBeVisible();
  await expectNoSeriousViolations(page, "/dashboard (with data)");

  // CSV export: a download with the header and the missed answer in it; only for the signed-in learner.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download practice answers (CSV)" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^iam-exam-prep-answers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("answered_at,study_day,question_id,variant,selected,correct,confidence,source,duration_ms");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[^,]+Z,\\d{4}-\\d{2}-\\d{2},${missed.id},${missed.variant},[A-Z ]+,false,sure,drill,\\d*$`));

  const reviews = await page.request.get("/api/export/reviews");
  expect(reviews.status()).toBe(200);
  expect(reviews.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(reviews.headers()["content-disposition"]).toMatch(/^attachment; filename="iam-exam-prep-reviews-\d{4}-\d{2}-\d{2}\.csv"$/);
  const reviewLines = (await reviews.text()).trimEnd().split("\r\n");
  expect(reviewLines[0]!.startsWith("reviewed_at,study_day,item_id,item_kind,source,rating,rating_name,correct")).toBe(true);
  expect(reviewLines.some((l) => l.includes(`,${missed.id},question,drill,1,again,false,sure,`))).toBe(true);

  const attempts = await page.request.get("/api/export/attempts");
  expect((await attempts.text()).trimEnd()).toBe("attempt_id,exam,form,status,started_at,deadline,submitted_at,questions,unscored,answered,raw_score,scaled_score_estimate,passed");

  const anonymous = await request.newContext({ baseURL });
  const refused = await anonymous.get("/api/export/reviews");
  expect(refused.status()).toBe(401);
  expect(await refused.text()).not.toContain(missed.id);
  await anonymous.dispose();
});

/** Runs SQL on the test database (scripts/with-db.mjs gives Playwright its DATABASE_URL). */
async function sql(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** A finished mock exam of `userId`, stored as the exam engine stores one; answers by question id. */
async function insertFinishedAttempt(userId: string, answers: Array<{ questionId: string; selected: string[]; confidence: string | null }>) {
  const id = `e2e-${randomBytes(6).toString("hex")}`;
  const ended = new Date(Date.now() - 3_600_000);
  const at = (d: Date) => d.toISOString();
  await sql(
    `INSERT INTO "ExamAttempt" (id, "userId", "examId", form, seed, "questionIds", "unscoredIds", "startedAt", deadline, "submittedAt", status)
     VALUES ($1, $2, 'DVA-C02', 'focused', 'e2e', $3, '{}', ($4::timestamptz AT TIME ZONE 'UTC'), ($5::timestamptz AT TIME ZONE 'UTC'), ($6::timestamptz AT TIME ZONE 'UTC'), 'submitted')`,
    [id, userId, answers.map((a) => a.questionId), at(new Date(ended.getTime() - 600_000)), at(new Date(ended.getTime() + 600_000)), at(ended)],
  );
  for (const [position, a] of answers.entries()) {
    await sql(
      `INSERT INTO "ExamAnswer" ("attemptId", "questionId", position, selected, "firstSelected", "answeredAt", variant, confidence, "updatedAt")
       VALUES ($1, $2, $3, $4, $4, ${a.selected.length ? "($5::timestamptz AT TIME ZONE 'UTC')" : "NULL"}, 'base', $6, ($5::timestamptz AT TIME ZONE 'UTC'))`,
      [id, a.questionId, position, a.selected, at(new Date(ended.getTime() - 60_000)), a.confidence],
    );
  }
  return id;
}

test("retake what I got wrong in a mock exam: confident misses first, then unanswered ones, never another learner's exam", async ({ page }) => {
  const me = newLearner();
  await signUp(page, me);
  const { rows } = await sql(`SELECT id FROM "User" WHERE email = $1`, [me.email]);
  const userId = rows[0].id as string;

  const candidates = bundle.questions.filter((q) => q.exams.includes("DVA-C02") && q.response.type === "single" && q.instances.length >= 2);
  const [wrongGuess, wrongSure, right, blank] = candidates;
  const wrongOption = (id: string) => bundle.questions.find((q) => q.id === id)!.options.map((o) => o.id).find((o) => !keyOf(id, "base").includes(o))!;
  const attemptId = await insertFinishedAttempt(userId, [
    { questionId: wrongGuess!.id, selected: [wrongOption(wrongGuess!.id)], confidence: "guess" },
    { questionId: wrongSure!.id, selected: [wrongOption(wrongSure!.id)], confidence: "sure" },
    { questionId: right!.id, selected: keyOf(right!.id, "base"), confidence: "unsure" },
    { questionId: blank!.id, selected: [], confidence: null },
  ]);

  await page.goto("/traps");
  await expect(page.getByRole("link", { name: /From your last mock exam \(DVA-C02/ })).toHaveAttribute("href", `/practice/session?wrong=attempt:${attemptId}`);

  await page.goto(`/practice/session?wrong=attempt:${attemptId}`);
  const order: string[] = [];
  for (const expected of ["0 of 3 retaken", "1 of 3 retaken", "2 of 3 retaken"]) {
    await expect(page.getByTestId("retake-progress")).toContainText(expected);
    const q = await currentQuestion(page);
    expect(q.variant, "a retake shows another variant than the exam did").not.toBe("base");
    order.push(q.id);
    await answer(page, q.key, "Sure");
    await expect(q.article.getByText("Correct.")).toBeVisible();
    await q.article.getByRole("button", { name: /Next question/ }).click();
  }
  expect(order).toEqual([wrongSure!.id, wrongGuess!.id, blank!.id]);
  await expect(page.getByRole("heading", { name: "You retook every question you missed" })).toBeVisible();
  await expect(page.getByText("3 of them right this time")).toBeVisible();

  // Someone else's exam reads as not found, exactly like one that does not exist.
  const otherId = `e2e-other-${randomBytes(4).toString("hex")}`;
  await sql(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [otherId, `${otherId}@example.test`]);
  const theirs = await insertFinishedAttempt(otherId, [{ questionId: wrongSure!.id, selected: [wrongOption(wrongSure!.id)], confidence: "sure" }]);
  await page.goto(`/practice/session?wrong=attempt:${theirs}`);
  await expect(page.getByRole("heading", { name: "Mock exam not found" })).toBeVisible();
  await expect(page.locator("article[data-question-id]")).toHaveCount(0);
});
