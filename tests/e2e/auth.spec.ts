import { expect, test } from "@playwright/test";
import { newLearner, signIn, signOut, signUp } from "./pages";

test("sign up, see the signed-in shell, sign out and sign in again", async ({ page }) => {
  const pat = newLearner();
  await signUp(page, pat);
  await expect(page.getByTestId("signed-in-as")).toHaveText(pat.email);
  const nav = page.getByRole("navigation", { name: "Main", exact: true });
  for (const label of ["Dashboard", "Learn", "Practice", "Review", "Exams", "Traps", "Lab"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Nothing studied yet")).toBeVisible();

  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);

  await signIn(page, pat);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Pat Learner" })).toBeVisible();
});

test("a wrong password shows an error and keeps the visitor signed out", async ({ page }) => {
  const pat = newLearner();
  await signUp(page, pat);
  await signOut(page);
  await signIn(page, { email: pat.email, password: "not-my-password" });
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-out visitor to a progress page is sent to sign-in and brought back", async ({ page }) => {
  const pat = newLearner();
  await signUp(page, pat);
  await signOut(page);
  for (const path of ["/dashboard", "/practice", "/review", "/exams", "/traps"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(path)}$`));
  }
  await expect(page.getByText("Sign in to see that page.")).toBeVisible();
  await page.getByLabel("Email").fill(pat.email);
  await page.getByLabel("Password").fill(pat.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/traps$/);
  await expect(page.getByRole("heading", { level: 1, name: "Traps" })).toBeVisible();
});

test("signing in works with the keyboard alone", async ({ page }) => {
  const pat = newLearner();
  await signUp(page, pat);
  await signOut(page);
  await page.goto("/login");
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  // Tab from the top of the page until the email field has focus, as a keyboard user would.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    if (await page.getByLabel("Email").evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(pat.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(pat.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("signing up twice with one email is refused with a clear message", async ({ page, browser }) => {
  const pat = newLearner();
  await signUp(page, pat);
  const other = await browser.newPage();
  await other.goto("/signup");
  await other.getByLabel("Email").fill(pat.email.toUpperCase());
  await other.getByLabel("Password").fill("another-password-1");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.getByText("An account with this email already exists. Sign in instead.").first()).toBeVisible();
  await expect(other.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await other.close();
});

test("a too-short password is refused before an account is made", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(newLearner().email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test("dark mode follows the system and can be switched", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: /Theme: System theme/ }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: /Theme: Light theme/ }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});
