// Page objects for the journeys: what a person does, in the words on the screen.
import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export function newLearner() {
  return { name: "Pat Learner", email: `pat-${randomBytes(4).toString("hex")}@example.test`, password: "iam-policy-rules-42" };
}

export async function signUp(page: Page, who: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Name (optional)").fill(who.name);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();
}

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
}
