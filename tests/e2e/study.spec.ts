import { expect, test } from "@playwright/test";
import { answer, answers, currentQuestion } from "./content-keys";
import { newLearner, signUp } from "./pages";

test("read a topic, run its worked scenario, and pass its self-check", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/learn");
  await expect(page.getByText("Suggested next:")).toBeVisible();
  await page.getByText("Suggested next:").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const topicUrl = page.url();

  const run = page.getByRole("button", { name: "Run this scenario" }).first();
  if (await run.count()) {
    await run.click();
    await expect(page.getByRole("list", { name: "Evaluation steps" }).first()).toBeVisible();
  }

  const heading = page.getByRole("heading", { name: "Self-check: do you actually know this?" });
  await heading.scrollIntoViewIfNeeded();
  for (;;) {
    const q = await currentQuestion(page);
    await answer(page, q.key);
    await expect(q.article.getByText("Correct.")).toBeVisible();
    const next = q.article.getByRole("button", { name: /Next question/ });
    if (await next.count()) await next.click();
    else break;
  }
  await expect(page.getByText(/Topic passed\./)).toBeVisible();
  await page.goto(topicUrl);
  await expect(page.getByText("Self-check passed").first()).toBeVisible();
  await page.goto("/learn");
  await expect(page.getByText("Self-check passed").first()).toBeVisible();
});

test("a wrong answer to a fixture question shows the trace and 'why not mine?'", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/practice/session?topic=policy-evaluation");
  const q = await currentQuestion(page);
  const fixtureModes = answers().answers.find((a) => a.id === q.id);
  expect(fixtureModes).toBeDefined();
  const options = await q.article.locator("input[type=radio][name^='q-'], input[type=checkbox][name^='q-']").evaluateAll((els) =>
    els.map((e) => (e as HTMLInputElement).value).filter((v) => /^[A-Z]$/.test(v)),
  );
  const wrong = options.filter((o) => !q.key.includes(o));
  const choice = q.key.length > 1 ? [wrong[0]!, ...q.key.slice(1)] : [wrong[0]!];
  await answer(page, choice, "Unsure");
  await expect(q.article.getByText("Not quite.")).toBeVisible();
  await expect(q.article.getByRole("heading", { name: "What the evaluator did" })).toBeVisible();
  await expect(q.article.getByRole("list", { name: "Evaluation flowchart, path taken" }).first()).toBeVisible();
  await q.article.getByRole("button", { name: new RegExp(`Why not mine\\? Run option ${wrong[0]}`) }).click();
  await expect(q.article.getByText(new RegExp(`(Option ${wrong[0]} says|With option ${wrong[0]} applied|Request .* is)`)).first()).toBeVisible();
});

test("a question can be answered with the keyboard alone", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/practice/session?topic=policy-documents");
  const q = await currentQuestion(page);
  await page.locator("body").press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  for (const k of q.key) await page.keyboard.press(k.toLowerCase());
  await page.keyboard.press("s");
  await page.keyboard.press("Enter");
  await expect(q.article.getByText("Correct.")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("article[data-question-id]").first()).not.toHaveAttribute("data-question-id", q.id);
});

test("the page sent before an answer holds no key and no explanation", async ({ page }) => {
  await signUp(page, newLearner());
  const res = await page.goto("/practice/session?topic=cross-account-access");
  const html = (await res!.text()) + (await page.content());
  const q = await currentQuestion(page);
  const a = answers().answers.find((x) => x.id === q.id)!;
  const explanationText = a.explanationHtml.replace(/<[^>]+>/g, "").slice(0, 80);
  expect(explanationText.length).toBeGreaterThan(20);
  expect(html).not.toContain(explanationText);
  for (const opt of Object.values(a.optionExplanations)) {
    const t = opt.replace(/<[^>]+>/g, "").slice(0, 60);
    if (t.length > 20) expect(html).not.toContain(t);
  }
  expect(html).not.toMatch(/"key":\s*\[/);
});

test("a study note's worked scenario opens in the lab with its policies", async ({ page }) => {
  await page.goto("/learn/policy-evaluation");
  const open = page.getByRole("link", { name: "Open in the lab" }).first();
  await expect(open).toBeVisible();
  await open.click();
  await expect(page).toHaveURL(/\/lab\?topic=policy-evaluation&scenario=/);
  await expect(page.getByText(/Opened the worked scenario/)).toBeVisible();
});
