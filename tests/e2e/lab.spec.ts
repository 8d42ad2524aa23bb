// The policy lab, as a learner uses it: start from a template, edit policies and watch the
// decision change in the page, misspell an operator, share and reload the link, open a
// question's fixtures, and the whole page passes an accessibility check.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { getTemplate, templateText } from "../../app/lab/templates";

type Json = Record<string, unknown>;

function scenarioOf(id: string): Json {
  const t = getTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return structuredClone(t.scenario);
}

const editor = (page: Page) => page.locator(".cm-content");
const decision = (page: Page) => page.getByTestId("decision");

/** Replaces the editor's text the way a person would: focus, select all, type (one insertion). */
async function setEditorText(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

async function setScenario(page: Page, scenario: Json) {
  await setEditorText(page, JSON.stringify(scenario, null, 2));
}

async function openLab(page: Page, query = "") {
  await page.goto(`/lab${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Policy lab" })).toBeVisible();
  await expect(editor(page)).toBeVisible();
}

test("a template shows the decision its description claims, and another one can be loaded", async ({ page }) => {
  await openLab(page, "?template=scp-region-deny-exemptions");
  await expect(decision(page)).toHaveText("Explicit deny");
  await expect(page.getByTestId("deciding-statement")).toContainText("statement 0 (Sid DenyOutsideEuWest1) of scps[0][1]");
  await expect(page.getByTestId("flowchart").locator('[data-stage="explicit-deny"]')).toHaveAttribute("data-status", "failed");
  await expect(page.getByTestId("flowchart").locator('[data-stage="identity"]')).toHaveAttribute("data-status", "not-reached");

  await page.getByLabel("Start from a template").selectOption("session-policy-cap");
  await expect(page.getByTestId("template-description")).toContainText("session policy passed at AssumeRole");
  await page.getByRole("button", { name: "Load template" }).click();
  await expect(decision(page)).toHaveText("Implicit deny");
  await expect(page.getByTestId("flowchart").locator('[data-stage="session"]')).toHaveAttribute("data-status", "failed");
  await expect(page).toHaveURL(/\/lab\?template=session-policy-cap$/);
  const trace = page.getByTestId("trace");
  await expect(trace.getByText(/^Session policy does not allow/)).toBeVisible();
  await expect(trace.getByText("R77").first()).toBeVisible();
});

test("editing a policy flips the decision live, without loading a page", async ({ page }) => {
  await openLab(page);
  await expect(decision(page)).toHaveText("Allow");
  await page.evaluate(() => ((window as unknown as { labMarker: number }).labMarker = 42));

  // Add a Deny statement to the identity policy: explicit deny.
  const withDeny = scenarioOf("cross-account-s3-read");
  const identity = (withDeny.identityPolicies as Json[])[0]!;
  (identity.Statement as Json[]).push({ Sid: "NoReports", Effect: "Deny", Action: "s3:GetObject", Resource: "arn:aws:s3:::partner-reports/2026/*" });
  await setScenario(page, withDeny);
  await expect(decision(page)).toHaveText("Explicit deny");
  await expect(page.getByTestId("deciding-statement")).toContainText("statement 1 (Sid NoReports) of identityPolicies[0]");

  // Change the Allow's action instead: nothing grants GetObject any more, implicit deny.
  const otherAction = scenarioOf("cross-account-s3-read");
  ((otherAction.identityPolicies as Json[])[0]!.Statement as Json[])[0]!.Action = "s3:PutObject";
  await setScenario(page, otherAction);
  await expect(decision(page)).toHaveText("Implicit deny");

  // Undo brings the Deny version back.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(decision(page)).toHaveText("Explicit deny");

  expect(await page.evaluate(() => (window as unknown as { labMarker?: number }).labMarker)).toBe(42);
});

test("a misspelt condition operator is shown in the editor and listed with its path and a suggestion", async ({ page }) => {
  await openLab(page);
  const s = scenarioOf("cross-account-s3-read");
  ((s.identityPolicies as Json[])[0]!.Statement as Json[])[0]!.Condition = { StringLikee: { "aws:PrincipalTag/team": "analytics" } };
  await setScenario(page, s);

  const problems = page.getByTestId("problems");
  await expect(problems).toContainText("identityPolicies[0].Statement[0].Condition.StringLikee");
  await expect(problems).toContainText('unknown condition operator "StringLikee" (did you mean "StringLike"?)');
  await expect(decision(page)).toHaveText("No decision yet");
  await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();
  await expect(page.locator(".cm-lintRange-error").first()).toHaveText('"StringLikee"');

  // Following the message selects the key in the editor; fixing it by typing brings the decision back.
  await problems.getByRole("button", { name: /StringLikee/ }).click();
  await page.keyboard.press("Backspace");
  await page.keyboard.type('"StringLike"');
  await expect(problems).toHaveCount(0);
  await expect(decision(page)).toHaveText("Implicit deny");
});

test("a misspelt action gets a did-you-mean warning from the AWS catalogue, and the decision still shows", async ({ page }) => {
  await openLab(page);
  const s = scenarioOf("cross-account-s3-read");
  ((s.identityPolicies as Json[])[0]!.Statement as Json[])[0]!.Action = "s3:GetObjekt";
  await setScenario(page, s);
  await expect(decision(page)).toHaveText("Implicit deny");
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText("identityPolicies[0].Statement[0].Action");
  await expect(problems).toContainText('did you mean "s3:GetObject"?');
});

test("the scenario lives in the link: reloading brings back the edited scenario", async ({ page }) => {
  await openLab(page);
  const s = scenarioOf("cross-account-s3-read");
  ((s.identityPolicies as Json[])[0]!.Statement as Json[])[0]!.Action = "s3:PutObject";
  await setScenario(page, s);
  await expect(decision(page)).toHaveText("Implicit deny");
  await expect(page).toHaveURL(/\/lab\?s=[A-Za-z0-9_-]+$/);

  await page.reload();
  await expect(decision(page)).toHaveText("Implicit deny");
  await expect(editor(page)).toContainText('"Action": "s3:PutObject"');

  // YAML too, with its format kept in the link.
  await page.getByRole("button", { name: "YAML", exact: true }).click();
  await expect(page.getByRole("button", { name: "YAML", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(editor(page)).toContainText("Action: s3:PutObject");
  await expect(page).toHaveURL(/[?&]fmt=yaml/);
  await page.reload();
  await expect(page.getByRole("button", { name: "YAML", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(decision(page)).toHaveText("Implicit deny");
});

test("a scenario too large for a link says so and offers its JSON to copy", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openLab(page);
  const s = scenarioOf("cross-account-s3-read");
  // Text deflate cannot shrink: pseudo-random letters.
  let x = 1;
  s.description = Array.from({ length: 12_000 }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return String.fromCharCode(97 + ((x >>> 16) % 26));
  }).join("");
  await setScenario(page, s);
  const alert = page.getByRole("alert").filter({ hasText: "too large to share by link" });
  await expect(alert).toContainText("This scenario is too large to share by link");
  await expect(alert).toContainText("copy the JSON instead");
  await alert.getByRole("button", { name: "Copy JSON" }).click();
  await expect(page.getByTestId("lab-status")).toHaveText("Copied the scenario JSON.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toEqual(s);
});

test("“Open in lab” from a question seeds the editor with its fixtures", async ({ page }) => {
  await openLab(page, "?question=cross-account-bucket-read&variant=base");
  await expect(page.getByTestId("question-source")).toContainText("Started from the fixtures of question cross-account-bucket-read (variant base), request ReadReport");
  await expect(editor(page)).toContainText("arn:aws:sts::111122223333:assumed-role/ReportReader/app");
  await expect(editor(page)).toContainText('"resourcePolicy"');
  await expect(decision(page)).toHaveText(/Allow|Explicit deny|Implicit deny/);
  await expect(page.getByRole("link", { name: "DeleteReport" })).toBeVisible();

  // Only fixtures reach the page, never the answer key.
  const html = await page.content();
  expect(html).not.toContain("optionExplanations");
  expect(html).not.toContain("explanationHtml");

  await openLab(page, "?question=no-such-question");
  await expect(page.getByRole("status").filter({ hasText: "Could not open the question" })).toContainText("there is no question no-such-question");
  await expect(decision(page)).toHaveText("Allow");
});

test("the outline adds and removes policies and jumps to them", async ({ page }) => {
  await openLab(page, "?template=session-policy-cap");
  await expect(decision(page)).toHaveText("Implicit deny");
  await page.getByRole("button", { name: "Remove Session policy 1" }).click();
  await expect(decision(page)).toHaveText("Allow");
  await page.getByLabel("Add a policy").selectOption("boundary");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("button", { name: "Go to Permissions boundary" })).toBeVisible();
  await expect(page.getByTestId("lab-status")).toHaveText("Added a permissions boundary at permissionsBoundary.");
  // The starter boundary allows the request's action, so the boundary stage now passes.
  await expect(page.getByTestId("flowchart").locator('[data-stage="boundary"]')).toHaveAttribute("data-status", "passed");
  await expect(decision(page)).toHaveText("Allow");
  // The new policy is selected in the editor (its key): deleting it breaks the JSON, undo restores it.
  await page.keyboard.press("Backspace");
  await expect(decision(page)).toHaveText("No decision yet");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(decision(page)).toHaveText("Allow");
});

test("the lab has no serious accessibility violations, in light and dark mode", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await openLab(page, "?template=mfa-bool-if-exists");
    await expect(decision(page)).toHaveText("Explicit deny");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the editor is full width and the result sits below it", async ({ page }) => {
    await openLab(page);
    await expect(decision(page)).toHaveText("Allow");
    const editorBox = await page.getByTestId("scenario-editor").boundingBox();
    const resultBox = await page.getByRole("heading", { level: 2, name: "Result" }).boundingBox();
    if (!editorBox || !resultBox) throw new Error("layout not measured");
    expect(editorBox.width).toBeGreaterThan(330);
    expect(resultBox.y).toBeGreaterThan(editorBox.y + editorBox.height);
  });
});

test("the template text in the editor is the template's JSON", async ({ page }) => {
  // Guards the test helpers above: what the lab shows is exactly templateText().
  await openLab(page, "?template=kms-key-policy-iam-delegation");
  await expect(editor(page)).toContainText(templateText(getTemplate("kms-key-policy-iam-delegation")!).split("\n")[1]!.trim());
});
