import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Response } from "@playwright/test";
import pg from "pg";
import { answers, keyOf } from "./content-keys";
import { newLearner, signUp } from "./pages";

// Mock exams as a learner takes them. The tests look into the database (the throwaway one
// scripts/e2e.mjs gives the server) for what the browser must not know: which questions an
// attempt holds, to answer right or wrong on purpose and to prove nothing of their keys or
// explanations reached the browser before the end. Moving a deadline into the past is done
// here, in the database: the app has no way to do it.

// Every question that tests this trap on DVA-C02 runs a scenario, so the review has traces.
const FIXTURE_TRAP = "cond-negated-missing-key";

async function query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("the browser tests run under scripts/with-db.mjs --test, which sets DATABASE_URL");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function attemptQuestions(attemptId: string) {
  return query<{ questionId: string; variant: string; position: number }>(
    `SELECT "questionId", variant, position FROM "ExamAnswer" WHERE "attemptId" = $1 ORDER BY position`,
    [attemptId],
  );
}

/** Moves the attempt's deadline a second into the past (and its start with it). */
async function expireInDatabase(attemptId: string) {
  await query(
    `UPDATE "ExamAttempt" SET deadline = (now() AT TIME ZONE 'UTC') - interval '1 second',
            "startedAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' - interval '1 minute'
      WHERE id = $1`,
    [attemptId],
  );
}

async function expectNoSeriousViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility violations on ${label}`,
  ).toEqual([]);
}

// What a learner sees of the exam, in the words on the screen.
const exam = (page: Page) => ({
  question: page.getByTestId("exam-question"),
  heading: page.getByTestId("exam-question").getByRole("heading", { level: 2 }),
  timer: page.getByRole("timer", { name: "Time left" }),
  grid: page.getByTestId("review-grid"),
  gridButton: (n: number) => page.getByTestId("review-grid").getByRole("button", { name: new RegExp(`^Question ${n}:`) }),
  option: (id: string) => page.getByTestId("exam-question").locator(`input[name$="-option"][value="${id}"]`),
  saved: page.getByTestId("save-status"),
  flag: page.getByRole("button", { name: /^Flag for review/ }),
  next: page.getByRole("button", { name: "Next (N)" }),
  reviewAndSubmit: page.getByRole("button", { name: "Review and submit" }).first(),
});

function seconds(clock: string): number {
  const parts = clock.trim().split(":").map(Number);
  return parts.reduce((s, n) => s * 60 + n, 0);
}

async function startFocusedExam(page: Page, opts: { count: number; minutes: number; trap?: string }) {
  await page.goto("/exams");
  await expect(page.getByRole("heading", { level: 1, name: "Mock exams" })).toBeVisible();
  await page.getByRole("radio", { name: /DVA-C02/ }).check();
  await page.getByRole("radio", { name: /Focused exam/ }).check();
  await page.getByLabel("Questions", { exact: true }).fill(String(opts.count));
  await page.getByLabel("Minutes", { exact: true }).fill(String(opts.minutes));
  if (opts.trap) {
    await page.getByText("Traps (optional", { exact: false }).click();
    await page.locator(`input[name="trap"][value="${opts.trap}"]`).check();
  }
  await page.getByRole("button", { name: "Check what this exam holds" }).click();
  const preview = page.getByTestId("exam-preview");
  await expect(preview.getByRole("heading", { name: /Before you start: DVA-C02 focused exam/ })).toBeVisible();
  await expect(preview.getByText(`${opts.count} questions`, { exact: false }).first()).toBeVisible();
  await expect(preview.getByTestId("shortfalls")).toBeVisible();
  await preview.getByRole("button", { name: new RegExp(`^Start the ${opts.minutes}-minute exam`) }).click();
  await page.waitForURL(/\/attempts\/[a-z0-9]+(\?.*)?$/);
  const attemptId = new URL(page.url()).pathname.split("/")[2]!;
  await expect(exam(page).heading).toHaveText(`Question 1 of ${opts.count}`);
  return attemptId;
}

/** Nothing the browser received says which option is right or why. */
function expectNoAnswerData(text: string, questions: Array<{ questionId: string; variant: string }>, label: string) {
  expect(text, `${label}: answer-bundle fields`).not.toMatch(/"(explanationHtml|optionExplanations|evaluations|optionOutcomes|keySource)"/);
  expect(text, `${label}: a key`).not.toMatch(/"key"\s*:\s*\[/);
  for (const q of questions) {
    const a = answers().answers.find((x) => x.id === q.questionId)!;
    const secrets = [a.explanationHtml, ...Object.values(a.optionExplanations)];
    for (const s of secrets) {
      const probe = s.replace(/<[^>]+>/g, "").trim().slice(0, 60);
      if (probe.length < 30) continue;
      expect(text.includes(probe) || text.includes(JSON.stringify(probe).slice(1, -1)), `${label}: explanation of ${q.questionId}`).toBe(false);
    }
    expect(text, `${label}: question id ${q.questionId}`).not.toContain(q.questionId);
  }
}

test("a focused exam: answer, flag, reload and resume, submit with unanswered listed, see the result and review with the trace", async ({ page }) => {
  await signUp(page, newLearner());
  const actionBodies: string[] = [];
  const collect = async (res: Response) => {
    if (res.request().method() === "POST" && res.request().headers()["next-action"]) actionBodies.push(await res.text().catch(() => ""));
  };
  page.on("response", (res) => void collect(res));

  const attemptId = await startFocusedExam(page, { count: 5, minutes: 20, trap: FIXTURE_TRAP });
  const questions = await attemptQuestions(attemptId);
  expect(questions).toHaveLength(5);
  const e = exam(page);
  await expect(e.timer).toHaveText(/^(19|20):\d\d$/);

  // Question 1: right, with the mouse.
  for (const o of keyOf(questions[0]!.questionId, questions[0]!.variant)) await e.option(o).check();
  await expect(e.saved).toHaveText("All changes saved");
  await e.next.click();

  // Question 2: wrong, then flagged with the keyboard (F).
  await expect(e.heading).toHaveText("Question 2 of 5");
  const key2 = keyOf(questions[1]!.questionId, questions[1]!.variant);
  const choose2 = key2.length;
  const wrong2 = ["A", "B", "C", "D", "E", "F"].filter((o) => !key2.includes(o)).slice(0, choose2);
  for (const o of wrong2) await e.option(o).check();
  await page.locator("body").press("f");
  await expect(e.flag).toHaveAttribute("aria-pressed", "true");
  await expect(e.saved).toHaveText("All changes saved");

  // Question 3: answered with the number keys (N goes to the next question).
  await page.locator("body").press("n");
  await expect(e.heading).toHaveText("Question 3 of 5");
  const key3 = keyOf(questions[2]!.questionId, questions[2]!.variant);
  for (const o of key3) await page.locator("body").press(String("ABCDEF".indexOf(o) + 1));
  for (const o of key3) await expect(e.option(o)).toBeChecked();
  await expect(e.saved).toHaveText("All changes saved");
  await expect(e.gridButton(2)).toHaveAccessibleName("Question 2: answered, flagged");
  await expect(e.gridButton(4)).toHaveAccessibleName("Question 4: unanswered");

  // Before submission, neither the page nor any action response carries a key or an explanation.
  const html = await (await page.request.get(page.url())).text();
  expectNoAnswerData(html, questions, "attempt page HTML");
  expectNoAnswerData(await page.content(), questions, "attempt page DOM");
  expect(actionBodies.length).toBeGreaterThan(0);
  for (const body of actionBodies) expectNoAnswerData(body, questions, "server action response");

  await expectNoSeriousViolations(page, "the exam page");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectNoSeriousViolations(page, "the exam page in dark mode");
  await page.emulateMedia({ colorScheme: "light" });
  // On a phone the page fits the screen: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Reload: the same question, answers and flag; the clock kept running on the server.
  const before = seconds(await e.timer.innerText());
  await page.waitForTimeout(2_100);
  await page.reload();
  await expect(e.heading).toHaveText("Question 3 of 5");
  for (const o of key3) await expect(e.option(o)).toBeChecked();
  const after = seconds(await e.timer.innerText());
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThan(before - 30);
  await expect(e.gridButton(1)).toHaveAccessibleName("Question 1: answered");
  await expect(e.gridButton(2)).toHaveAccessibleName("Question 2: answered, flagged");
  await e.gridButton(2).click();
  await expect(e.heading).toHaveText("Question 2 of 5");
  await expect(page.getByTestId("flag-badge")).toBeVisible();
  for (const o of wrong2) await expect(e.option(o)).toBeChecked();

  // Submit: the dialog lists what is unanswered and flagged.
  await e.reviewAndSubmit.click();
  const dialog = page.getByRole("dialog", { name: "Submit your exam?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("unanswered-list").getByRole("button")).toHaveText(["Question 4", "Question 5"]);
  await expect(dialog.getByTestId("flagged-list").getByRole("button")).toHaveText(["Question 2"]);
  await dialog.getByRole("button", { name: "Submit exam now" }).click();

  // The result: estimated scaled score, pass or fail, domain bars, time, the method.
  await page.waitForURL(new RegExp(`/attempts/${attemptId}/result$`));
  await expect(page.getByRole("heading", { level: 1, name: "DVA-C02 focused exam: result" })).toBeVisible();
  // 2 of 5 right = 40%: 100 + floor(620 × 40 / 72) = 444.
  await expect(page.getByTestId("scaled-score")).toHaveText("444 / 1000");
  await expect(page.getByTestId("verdict")).toContainText("Fail");
  await expect(page.getByTestId("score-method")).toContainText("This scaled score is an estimate");
  expect(await page.getByTestId("domain-bar").count()).toBeGreaterThan(0);
  await expect(page.getByTestId("domain-bar").first()).toContainText(/\d+ of \d+ right \(\d+%\)/);
  await expect(page.getByText("Time used")).toBeVisible();
  await expect(page.getByText("Time per question")).toBeVisible();
  await expect(page.getByText("3 of 5", { exact: true })).toBeVisible();

  // Review: all five, then only the wrong one, with its explanation and the evaluator's trace.
  await expect(page.getByTestId("review-item")).toHaveCount(5);
  await page.getByRole("navigation", { name: "Filter questions" }).getByRole("link", { name: "Wrong (1)" }).click();
  await expect(page.getByTestId("review-item")).toHaveCount(1);
  const wrongItem = page.getByTestId("review-item").first();
  await expect(wrongItem.getByRole("heading", { name: "Question 2" })).toBeVisible();
  await expect(wrongItem.getByText("Flagged", { exact: true })).toBeVisible();
  await expect(wrongItem.getByRole("region", { name: "Explanation" })).toBeVisible();
  await expect(wrongItem.getByTestId("evaluation-trace").getByRole("heading", { name: "What the evaluator did" })).toBeVisible();
  await expect(wrongItem.getByRole("list", { name: "Evaluation steps" }).first()).toBeVisible();
  await expect(wrongItem.getByText(/✓ Correct answer/).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Filter questions" }).getByRole("link", { name: "Unanswered (2)" }).click();
  await expect(page.getByTestId("review-item")).toHaveCount(2);
  await page.getByRole("navigation", { name: "Filter questions" }).getByRole("link", { name: "Flagged (1)" }).click();
  await expect(page.getByTestId("review-item")).toHaveCount(1);
  await expectNoSeriousViolations(page, "the result page");

  // Answered questions feed spaced repetition; the missed trap is offered as a drill.
  const logs = await query<{ n: string }>(`SELECT count(*) AS n FROM "ReviewLog" r JOIN "ExamAttempt" a ON a."userId" = r."userId" WHERE a.id = $1 AND r.source = 'exam'`, [attemptId]);
  expect(Number(logs[0]!.n)).toBe(3);
  await expect(page.getByRole("heading", { name: "Traps that caught you" })).toBeVisible();

  // The history lists the attempt with its score and a trend.
  await page.goto("/exams");
  await expect(page.getByTestId("history-DVA-C02")).toContainText("444");
  await expect(page.getByTestId("trend-DVA-C02")).toHaveAttribute("aria-label", /DVA-C02 estimated scaled scores over 1 attempt/);
  await expectNoSeriousViolations(page, "the exams page");
});

test("when the time runs out the exam is submitted automatically, once the server's clock agrees", async ({ page }) => {
  await page.clock.install();
  await signUp(page, newLearner());
  const attemptId = await startFocusedExam(page, { count: 2, minutes: 1 });
  const questions = await attemptQuestions(attemptId);
  const e = exam(page);
  for (const o of keyOf(questions[0]!.questionId, questions[0]!.variant)) await e.option(o).check();
  await expect(e.saved).toHaveText("All changes saved");

  // Only the browser's clock runs out: the server still has time, so the exam goes on.
  await page.clock.fastForward("01:05");
  await expect(e.timer).not.toHaveText("00:00");
  await expect(e.heading).toBeVisible();
  const stillRunning = await query<{ status: string }>(`SELECT status FROM "ExamAttempt" WHERE id = $1`, [attemptId]);
  expect(stillRunning[0]!.status).toBe("in_progress");

  // Now the server's deadline passes too: at zero the exam is submitted automatically.
  await expireInDatabase(attemptId);
  await page.clock.fastForward("01:05");
  await page.waitForURL(new RegExp(`/attempts/${attemptId}/result$`));
  await expect(page.getByText(/Time ran out: the exam was submitted automatically/)).toBeVisible();
  const done = await query<{ status: string; submitted: boolean }>(`SELECT status, "submittedAt" = deadline AS submitted FROM "ExamAttempt" WHERE id = $1`, [attemptId]);
  expect(done[0]).toEqual({ status: "expired", submitted: true });
  // Scored as it stood: one of two right.
  await expect(page.getByTestId("scaled-score")).toHaveText(`${100 + Math.floor((620 * 50) / 72)} / 1000`);
});

test("an exam left open in a closed browser is finished at its deadline the next time the learner looks", async ({ page }) => {
  await signUp(page, newLearner());
  const attemptId = await startFocusedExam(page, { count: 2, minutes: 5 });
  await page.goto("/exams");
  await expect(page.getByRole("heading", { name: "You have an exam in progress" })).toBeVisible();
  await page.goto("/dashboard");

  await expireInDatabase(attemptId);
  await page.goto("/exams");
  await expect(page.getByRole("heading", { name: "You have an exam in progress" })).toHaveCount(0);
  await expect(page.getByTestId("history-DVA-C02")).toContainText("(time ran out)");
  // The attempt itself now opens on its result: nothing can be answered any more.
  await page.goto(`/attempts/${attemptId}`);
  await page.waitForURL(new RegExp(`/attempts/${attemptId}/result$`));
  await expect(page.getByTestId("scaled-score")).toHaveText("100 / 1000");
});
