// Test-side access to the compiled answer keys (.content/answers.json), so journeys can answer
// right or wrong on purpose. The app never sends these to the browser before an answer.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

type Answers = { answers: Array<{ id: string; instances: Array<{ id: string; key: string[] }>; explanationHtml: string; optionExplanations: Record<string, string> }> };

let cache: Answers | undefined;
export function answers(): Answers {
  cache ??= JSON.parse(readFileSync(path.join(process.cwd(), process.env.CONTENT_DIR ?? ".content", "answers.json"), "utf8")) as Answers;
  return cache;
}

export function keyOf(questionId: string, variant: string): string[] {
  const inst = answers().answers.find((a) => a.id === questionId)?.instances.find((i) => i.id === variant);
  if (!inst) throw new Error(`no key for ${questionId}/${variant}`);
  return inst.key;
}

/** The question on screen: its id, variant and key. */
export async function currentQuestion(page: Page) {
  const article = page.locator("article[data-question-id]").first();
  const id = (await article.getAttribute("data-question-id"))!;
  const variant = (await article.getAttribute("data-variant"))!;
  return { article, id, variant, key: keyOf(id, variant) };
}

/** Picks the options and confidence by clicking, then submits. */
export async function answer(page: Page, options: string[], confidence: "Sure" | "Unsure" | "Guess" = "Sure") {
  const article = page.locator("article[data-question-id]").first();
  for (const o of options) await article.locator(`input[value="${o}"]`).check();
  await article.locator(`input[type=radio][value="${confidence.toLowerCase()}"]`).check({ force: true });
  await article.getByRole("button", { name: "Submit answer" }).click();
}
