// The compiled output (safe HTML, highlighted fixtures, no keys in the public bundle) and the
// reader the app uses (lib/content/index.ts): written once, read through typed accessors.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeContent } from "@/lib/content/write";
import * as content from "@/lib/content";
import { check, decisionQuestion } from "./helpers";

const VARIANTS = `
variants:
  - id: no-boundary
    change: {remove-policy: DevBoundary}
  - id: denied
    change:
      add-statement: DevPolicy
      statement: {Effect: Deny, Action: s3:PutObject, Resource: "*"}`;

const CARDS = `---
topic: evaluation
tags: [iam]
---

## What wins, an \`Allow\` or an explicit \`Deny\`?
id: card-deny-wins
tags: deny
doc: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

The explicit **Deny**.
`;

async function build() {
  const result = await check({ "questions/evaluation/upload-with-boundary.md": decisionQuestion({}, VARIANTS), "cards/basics.md": CARDS });
  expect(result.messages).toEqual([]);
  return result;
}

describe("compiled output", () => {
  it("keeps keys and explanations out of the public bundle", async () => {
    const { bundle, answers } = await build();
    const publicText = JSON.stringify(bundle);
    expect(publicText).not.toContain("The boundary caps the identity-based policy.");
    expect(publicText).not.toContain("The boundary does not allow the action.");
    expect(publicText).not.toMatch(/"key"|"explanation/);
    expect(answers?.answers[0]?.explanationHtml).toBe("<p>The boundary caps the identity-based policy.</p>");
    expect(answers?.answers[0]?.optionExplanations.C).toBe("<p>The boundary does not allow the action.</p>");
  });

  it("renders Markdown without passing raw HTML or unsafe links through", async () => {
    const text = decisionQuestion().replace(
      "The user Dev uploads a build.",
      'The user <script>alert(1)</script> uploads <img src="x" onerror="alert(2)"> a [build](javascript:alert(3)).',
    );
    const { bundle } = await check({ "questions/evaluation/upload-with-boundary.md": text });
    const stem = bundle?.questions[0]?.stem[0];
    expect(stem).toEqual({ kind: "html", html: "<p>The user alert(1) uploads  a <a>build</a>.</p>" });
  });

  it("keeps fixtures where the author placed them and highlights them", async () => {
    const { bundle } = await build();
    const q = bundle!.questions[0]!;
    expect(q.stem.map((s) => (s.kind === "html" ? "html" : `${s.ref.type}:${s.ref.name}`))).toEqual([
      "html",
      "policy:DevPolicy",
      "policy:DevBoundary",
      "request:Upload",
      "html",
    ]);
    const policy = q.instances[0]!.policies[0]!;
    expect(policy).toMatchObject({ name: "DevPolicy", role: "identity" });
    expect(policy.html).toMatch(/^<pre class="code code-json"><code class="language-json">/);
    expect(policy.html).toContain('<span class="tok-key">&quot;Effect&quot;</span>');
    expect(policy.html).toContain('<span class="tok-allow">&quot;Allow&quot;</span>');
    expect(q.instances[0]!.requests[0]!.html).toContain('<span class="tok-key">action</span>');
  });

  it("escapes whatever a fixture holds, and highlights YAML keys that contain colons", async () => {
    const text = decisionQuestion()
      .replace('"Resource": "arn:aws:s3:::example-artifacts/*"', '"Resource": "arn:aws:s3:::example-artifacts/*",\n      "Condition": { "StringEquals": { "aws:username": "<script>alert(1)</script>" } }')
      .replace("resource: arn:aws:s3:::example-artifacts/build.zip", "resource: arn:aws:s3:::example-artifacts/build.zip\ncontext:\n  aws:SourceIp: 203.0.113.7");
    const { bundle, messages } = await check({ "questions/evaluation/upload-with-boundary.md": text });
    expect(messages).toEqual([]);
    const inst = bundle!.questions[0]!.instances[0]!;
    expect(inst.policies[0]!.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(inst.policies[0]!.html).not.toContain("<script");
    expect(inst.requests[0]!.html).toContain('<span class="tok-key">aws:SourceIp</span>');
  });

  it("computes a topic's reading time from its words", async () => {
    const words = Array.from({ length: 450 }, (_, i) => `word${i}`).join(" ");
    const topic = `---\nslug: evaluation\ntitle: Evaluation\norder: 1\nexams: [DVA-C02]\ntasks: ["DVA-C02:2.1"]\n---\n\n${words}\n`;
    const { bundle } = await check({ "topics/evaluation.md": topic });
    expect(bundle?.topics[0]).toMatchObject({ words: 450, readingMinutes: 3 });
  });

  it("compiles cards and links traps to the questions that cite them", async () => {
    const { bundle } = await build();
    expect(bundle?.cards).toEqual([
      {
        id: "card-deny-wins",
        topic: "evaluation",
        tags: ["iam", "deny"],
        frontHtml: "What wins, an <code>Allow</code> or an explicit <code>Deny</code>?",
        frontText: "What wins, an Allow or an explicit Deny?",
        backHtml: "<p>The explicit <strong>Deny</strong>.</p>",
        docs: [{ url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html", title: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html" }],
        source: { file: "content/cards/basics.md", line: 6 },
      },
    ]);
    expect(bundle?.traps[0]).toMatchObject({ id: "boundary-grants", rule: "A boundary only caps identity-based policies.", questionIds: ["upload-with-boundary"] });
    expect(bundle?.topics[0]?.questionIds).toEqual(["upload-with-boundary"]);
  });
});

describe("the content reader", () => {
  let out: string;
  const previous = process.env.CONTENT_DIR;

  beforeAll(async () => {
    const { bundle, answers } = await build();
    out = mkdtempSync(path.join(tmpdir(), "content-out-"));
    writeContent(out, bundle!, answers!);
    process.env.CONTENT_DIR = out;
    content.resetContentCache();
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
    content.resetContentCache();
    rmSync(out, { recursive: true, force: true });
  });

  it("lists and filters what was compiled", async () => {
    expect(content.listExams().map((e) => e.id)).toEqual(["DVA-C02"]);
    expect(content.getExam("DVA-C02")?.domains.map((d) => d.weight)).toEqual([32, 26, 24, 18]);
    expect(content.getTaskStatement("DVA-C02:2.1")?.title).toBe("Implement authentication and/or authorization for applications and AWS services");
    expect(content.listTopics().map((t) => t.slug)).toEqual(["evaluation"]);
    expect(content.listQuestions({ trap: "boundary-grants" }).map((q) => q.id)).toEqual(["upload-with-boundary"]);
    expect(content.listQuestions({ mode: "fix" })).toEqual([]);
    expect(content.listCards({ tag: "deny" }).map((c) => c.id)).toEqual(["card-deny-wins"]);
    expect(content.getTrap("boundary-grants")?.title).toBe("A boundary grants nothing");
    expect(content.getQuestion("upload-with-boundary")).not.toHaveProperty("key");
  });

  it("draws the same instance for the same seed, and every instance for some seed", async () => {
    const first = content.drawVariant("upload-with-boundary", "attempt-1:7");
    expect(content.drawVariant("upload-with-boundary", "attempt-1:7")?.variant).toBe(first?.variant);
    const seen = new Set(Array.from({ length: 200 }, (_, i) => content.drawVariant("upload-with-boundary", i)?.variant));
    expect([...seen].sort()).toEqual(["base", "denied", "no-boundary"]);
  });

  it("puts an instance's own fixtures into the stem", async () => {
    const drawn = content.drawVariant("upload-with-boundary", 0, { variant: "no-boundary" })!;
    expect(drawn.stem.map((s) => (s.kind === "html" ? "html" : `${s.kind}:${s.fixture.name}`))).toEqual(["html", "policy:DevPolicy", "request:Upload", "html"]);
    const denied = content.drawVariant("upload-with-boundary", 0, { variant: "denied" })!;
    const policy = denied.stem.find((s) => s.kind === "policy");
    expect(policy?.kind === "policy" && policy.fixture.text).toContain('"Effect": "Deny"');
  });

  it("grades all-or-nothing against the instance's engine-computed key", async () => {
    expect(content.gradeAnswer("upload-with-boundary", "base", ["C"])).toMatchObject({ correct: true, key: ["C"], missed: [], wrong: [], keySource: "evaluator" });
    expect(content.gradeAnswer("upload-with-boundary", "no-boundary", ["C"])).toMatchObject({ correct: false, key: ["A"], missed: ["A"], wrong: ["C"] });
    // Graded by running the evaluator now: the instance's evaluation comes with the grade.
    expect(content.gradeAnswer("upload-with-boundary", "no-boundary", ["A"])?.evaluations[0]).toMatchObject({ request: "Upload", decision: "Allow" });
    expect(content.gradeAnswer("upload-with-boundary", "denied", ["B"])?.correct).toBe(true);
    expect(content.gradeAnswer("upload-with-boundary", "nope", ["B"])).toBeUndefined();
  });

  it("gives the review (key, explanations, the evaluator's reasons) only through the grading door", async () => {
    const review = content.getQuestionReview("upload-with-boundary", "denied");
    expect(review).toMatchObject({ key: ["B"], explanationHtml: "<p>The boundary caps the identity-based policy.</p>" });
    expect(review?.evaluations[0]).toMatchObject({ request: "Upload", decision: "ExplicitDeny", policy: "DevPolicy" });
    // The evaluator's reasons name the policies as the stem shows them, not by scenario path.
    const reasons = review!.evaluations[0]!.trace.map((t) => t.reason).join("\n");
    expect(reasons).toContain("DevPolicy");
    expect(reasons).not.toContain("identityPolicies[0]");
  });

  it("says how to build the content when it is missing", async () => {
    process.env.CONTENT_DIR = path.join(out, "missing");
    content.resetContentCache();
    expect(() => content.listQuestions()).toThrow(/run `npm run content:build`/);
    process.env.CONTENT_DIR = out;
    content.resetContentCache();
  });
});
