import { expect, test } from "@playwright/test";
import { newLearner, signUp } from "./pages";

test("on a phone the navigation folds into a menu that opens", async ({ page }) => {
  await signUp(page, newLearner());
  await expect(page.getByRole("navigation", { name: "Main", exact: true })).toBeHidden();
  await page.getByText("Menu").click();
  const mobile = page.getByRole("navigation", { name: "Main (mobile)" });
  await mobile.getByRole("link", { name: "Review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
});
