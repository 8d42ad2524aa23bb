import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newLearner, signUp } from "./pages";

// What a learner sees of the review session, in the words on the screen.
const review = (page: Page) => ({
  front: page.getByTestId("card-front"),
  back: page.getByTestId("card-back"),
  position: page.getByTestId("session-position"),
  progress: page.getByRole("progressbar", { name: "Session progress" }),
  counts: { due: page.getByTestId("count-due"), new: page.getByTestId("count-new"), done: page.getByTestId("count-done") },
  showAnswer: page.getByRole("button", { name: "Show answer" }),
  rating: (name: "Again" | "Hard" | "Good" | "Easy") => page.getByRole("button", { name: new RegExp(`^${name} ?, next review in `) }),
  undo: page.getByRole("button", { name: /^Undo last rating/ }),
});

async function expectCounts(page: Page, due: number, fresh: number, done: number) {
  const r = review(page);
  await expect(r.counts.due).toHaveText(String(due));
  await expect(r.counts.new).toHaveText(String(fresh));
  await expect(r.counts.done).toHaveText(String(done));
}

async function expectNoSeriousViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility violations on ${label}`,
  ).toEqual([]);
}

test("review three cards with the keyboard; after a reload they are scheduled, and undo brings the last one back", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/review");
  const r = review(page);
  await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
  await expectCounts(page, 0, 20, 0);
  await expect(r.position).toHaveText("1 of 20");
  await expect(r.progress).toHaveAttribute("aria-valuetext", "Card 1 of 20");

  const rated: string[] = [];
  for (let i = 0; i < 3; i++) {
    const front = (await r.front.textContent()) ?? "";
    expect(front).not.toBe("");
    rated.push(front);
    await expect(r.back).toHaveCount(0);
    await page.keyboard.press("Space");
    await expect(r.back).toBeVisible();
    await expect(page.getByRole("article", { name: "Flashcard" }).getByRole("link", { name: /AWS docs|documentation/ }).first()).toBeVisible();
    await expect(r.rating("Good")).toHaveAccessibleName(/^Good ?, next review in 10m$/);
    await page.keyboard.press("3");
    await expect(r.front).not.toHaveText(front);
    await expect(r.position).toHaveText(`${i + 2} of 20`);
  }
  await expectCounts(page, 0, 17, 3);

  // Every rating was saved as it was made: after a reload the three cards wait for their next
  // learning step (10 minutes), so the queue starts with a fourth card.
  await page.reload();
  await expectCounts(page, 0, 17, 3);
  await expect(r.position).toHaveText("1 of 17");
  const afterReload = (await r.front.textContent()) ?? "";
  expect(rated).not.toContain(afterReload);

  // Undo (the `u` key) puts the last card back exactly as it was: new, and shown first.
  await page.keyboard.press("u");
  await expect(r.front).toHaveText(rated[2]!);
  await expectCounts(page, 0, 18, 2);
  await page.reload();
  await expect(r.front).toHaveText(rated[2]!);
  await expectCounts(page, 0, 18, 2);

  // The undo button does the same for the next rating back.
  await r.undo.click();
  await expect(r.front).toHaveText(rated[1]!);
  await expectCounts(page, 0, 19, 1);

  // The buttons work too, and show when the card comes back.
  await r.showAnswer.click();
  await expect(r.rating("Again")).toHaveAccessibleName(/^Again ?, next review in 1m$/);
  await r.rating("Easy").click();
  await expect(r.front).toHaveText(rated[2]!);
  await expectCounts(page, 0, 18, 2);
});

test("keys do nothing while typing or while the shortcuts dialog is open; the dialog is accessible", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/review");
  const r = review(page);
  const front = (await r.front.textContent()) ?? "";

  // "?" opens the shortcuts: a dialog with focus inside it.
  await page.keyboard.press("Shift+?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Space"); // activates Close: the focused button owns Space
  await expect(dialog).toBeHidden();
  await expect(r.back).toHaveCount(0);

  await page.getByRole("button", { name: /^Keyboard shortcuts/ }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: /^Keyboard shortcuts/ })).toBeFocused();

  // With the answer showing, "3" pressed in a form field belongs to the field, not to the card.
  await r.showAnswer.click();
  await expect(r.back).toBeVisible();
  await page.getByLabel("Topic").focus();
  await page.keyboard.press("3");
  await expect(r.back).toBeVisible();
  await expect(r.front).toHaveText(front);
  await expectCounts(page, 0, 20, 0);
  // Outside the field it rates.
  await page.getByRole("heading", { level: 1, name: "Review" }).click();
  await page.keyboard.press("3");
  await expect(r.front).not.toHaveText(front);
  await expectCounts(page, 0, 19, 1);
});

test("a card already rated in another tab is not rated twice; the queue reloads and says so", async ({ page, context }) => {
  await signUp(page, newLearner());
  await page.goto("/review");
  const other = await context.newPage();
  await other.goto("/review");
  const a = review(page);
  const b = review(other);
  const front = (await a.front.textContent()) ?? "";
  await expect(b.front).toHaveText(front);

  await a.showAnswer.click();
  await a.rating("Good").click();
  await expect(a.front).not.toHaveText(front);

  await b.showAnswer.click();
  await b.rating("Again").click();
  await expect(other.locator("#main").getByRole("alert")).toContainText("already rated in another tab or window");
  await expect(b.front).not.toHaveText(front);
  await expectCounts(other, 0, 19, 1);
  await expect(b.undo).toBeEnabled();
});

test("the review page passes an accessibility check, light and dark, and fits a phone", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/review");
  const r = review(page);
  await expect(r.front).toBeVisible();
  await expectNoSeriousViolations(page, "review (question)");
  await page.keyboard.press("Space");
  await expect(r.back).toBeVisible();
  await expectNoSeriousViolations(page, "review (answer)");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await expectNoSeriousViolations(page, "review (shortcuts dialog)");
  await page.keyboard.press("Escape");

  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(r.front).toBeVisible();
  await expectNoSeriousViolations(page, "review (dark)");
  await page.keyboard.press("Space");
  await expectNoSeriousViolations(page, "review (answer, dark)");

  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await r.showAnswer.click();
  await expect(r.rating("Easy")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.goto("/review?topic=no-such-topic");
  await expect(page.getByRole("heading", { name: "No flashcards in this topic" })).toBeVisible();
});

test.describe("settings", () => {
  test.use({ timezoneId: "America/New_York" });

  test("settings start from the browser's time zone, show field errors, save and survive a reload", async ({ page }) => {
    await signUp(page, newLearner());
    await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    const zone = page.getByLabel("Time zone");
    await expect(zone).toHaveValue("America/New_York");
    await expect(page.getByText("Set from your browser (America/New_York). Save to keep it.")).toBeVisible();
    await expectNoSeriousViolations(page, "settings");

    await page.getByLabel("New day starts at").selectOption("3");
    const retention = page.getByLabel("Desired retention");
    await retention.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
    await expect(page.getByTestId("retention-value")).toHaveText("0.85");
    await page.getByLabel("New cards per day").fill("9999");
    await page.getByLabel("Target exam").selectOption("SAA-C03");
    await page.getByLabel("Exam date").fill("2031-05-20");
    await page.getByLabel("ESL +30 minutes").check();
    await page.getByRole("button", { name: "Save settings" }).click();

    const perDay = page.getByLabel("New cards per day");
    await expect(page.getByText("Enter a whole number of new cards from 0 to 500.")).toBeVisible();
    await expect(perDay).toHaveAttribute("aria-invalid", "true");
    await expect(perDay).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "nothing was saved" })).toBeVisible();

    await perDay.fill("7");
    await expect(page.getByText("Enter a whole number of new cards from 0 to 500.")).toBeHidden();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

    await page.reload();
    await expect(zone).toHaveValue("America/New_York");
    await expect(page.getByText(/Set from your browser/)).toBeHidden();
    await expect(page.getByLabel("New day starts at")).toHaveValue("3");
    await expect(page.getByTestId("retention-value")).toHaveText("0.85");
    await expect(page.getByLabel("New cards per day")).toHaveValue("7");
    await expect(page.getByLabel("Target exam")).toHaveValue("SAA-C03");
    await expect(page.getByLabel("Exam date")).toHaveValue("2031-05-20");
    await expect(page.getByLabel("ESL +30 minutes")).toBeChecked();

    // The review queue follows the new daily limit.
    await page.goto("/review");
    await expect(page.getByTestId("count-new")).toHaveText("7");
  });
});
