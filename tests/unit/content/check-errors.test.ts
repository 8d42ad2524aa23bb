// The content check reports every problem at once, each as `file:line: message`. These specs
// build throwaway content folders and assert the exact problems.

import { describe, expect, it } from "vitest";
import { collectCatalogueNeeds, loadCatalogue, parsePolicy, parseScenario } from "@/lib/iam";
import { BASE, BOUNDARY, DOCS, IDENTITY, UPLOAD, check, decisionQuestion, lineOf } from "./helpers";

const Q = "questions/evaluation/upload-with-boundary.md";
const SHOWN = `content/${Q}`;

describe("content check", () => {
  it("accepts a valid question and computes its key", async () => {
    const result = await check({ [Q]: decisionQuestion() });
    expect(result.messages).toEqual([]);
    expect(result.answers?.answers[0]?.instances[0]?.key).toEqual(["C"]);
  });

  it("rejects an author key that differs from the evaluator's, naming file, line and both answers", async () => {
    const text = decisionQuestion({ key: "A" });
    const result = await check({ [Q]: text });
    expect(result.messages).toEqual([`${SHOWN}:${lineOf(text, "key: A")}: author key \`A\` differs from the evaluator's key \`C\``]);
    expect(result.bundle).toBeUndefined();
  });

  it("reports an invalid policy with its path and the evaluator's own message, on the offending line", async () => {
    const text = decisionQuestion().replace('"Resource": "arn:aws:s3:::example-artifacts/*"', '"Resource": "arn:aws:s3:::example-artifacts/*",\n      "Condition": { "StringLikee": { "aws:username": "Dev" } }');
    // The evaluator's message for the same policy, so the spec follows its wording exactly.
    const identity = JSON.parse(text.split("```json policy=DevPolicy role=identity\n")[1]!.split("```")[0]!);
    const parsed = parseScenario({
      request: { principal: "arn:aws:iam::111122223333:user/Dev", action: "s3:PutObject", resource: "arn:aws:s3:::example-artifacts/build.zip" },
      identityPolicies: [identity],
    });
    expect(parsed.ok).toBe(false);
    const issue = !parsed.ok ? parsed.issues.find((i) => i.path.includes("StringLikee")) : undefined;
    expect(issue?.path).toBe("identityPolicies[0].Statement[0].Condition.StringLikee");

    const result = await check({ [Q]: text });
    expect(result.messages).toEqual([
      `${SHOWN}:${lineOf(text, '"StringLikee"')}: policy \`DevPolicy\`: Statement[0].Condition.StringLikee: ${issue!.message}`,
    ]);
  });

  it("reports a policy that is not valid JSON on the line of the mistake", async () => {
    const text = decisionQuestion().replace('"Sid": "ReadOnly",', '"Sid": "ReadOnly"');
    expect((await check({ [Q]: text })).messages).toEqual([
      `${SHOWN}:${lineOf(text, '"Effect": "Allow"', 2)}: policy \`DevBoundary\`: invalid JSON: expected \`,\` or \`}\`, found \`"\``,
    ]);
  });

  it("reports a duplicate key in a policy", async () => {
    const text = decisionQuestion().replace('"Sid": "ReadOnly",', '"Sid": "ReadOnly",\n      "Sid": "Again",');
    expect((await check({ [Q]: text })).messages).toEqual([`${SHOWN}:${lineOf(text, '"Sid": "Again"')}: policy \`DevBoundary\`: duplicate key \`Statement[0].Sid\``]);
  });

  it("treats the evaluator's catalogue warnings as problems unless the question allows them", async () => {
    const text = decisionQuestion().replace('"Action": ["s3:GetObject", "s3:PutObject"]', '"Action": ["s3:GetObject", "s3:PutObjet"]');
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObjet"], Resource: "*" }] };
    const parsed = parsePolicy(policy, "identity", "", { catalogue: await loadCatalogue(collectCatalogueNeeds(policy)) });
    const warning = parsed.ok ? parsed.warnings.find((w) => w.code === "UNKNOWN_ACTION") : undefined;
    expect(warning?.path).toBe("Statement[0].Action[1]");
    expect((await check({ [Q]: text })).messages).toEqual([
      `${SHOWN}:${lineOf(text, "s3:PutObjet")}: policy \`DevPolicy\`: Statement[0].Action[1]: ${warning!.message} (warning \`UNKNOWN_ACTION\`; if it is intended, list it in \`allowWarnings\`)`,
    ]);
    const allowed = decisionQuestion({ allowWarnings: "[UNKNOWN_ACTION]", key: "D" }).replace('"Action": ["s3:GetObject", "s3:PutObject"]', '"Action": ["s3:GetObject", "s3:PutObjet"]');
    expect((await check({ [Q]: allowed })).messages).toEqual([]);
  });

  it("reports a request field the evaluator does not know on the request's line", async () => {
    const text = decisionQuestion().replace("resource: arn:aws:s3:::example-artifacts/build.zip", "resource: arn:aws:s3:::example-artifacts/build.zip\ncontxt:\n  aws:SourceIp: 203.0.113.7");
    const [message] = (await check({ [Q]: text })).messages;
    expect(message).toMatch(new RegExp(`^${SHOWN.replace(/[.]/g, "\\.")}:${lineOf(text, "contxt:")}: request \`Upload\`: contxt: `));
  });

  it("reports a referenced trap that does not exist", async () => {
    const text = decisionQuestion({ traps: "[boundary-grants, no-such-trap]" });
    expect((await check({ [Q]: text })).messages).toEqual([`${SHOWN}:${lineOf(text, "traps:")}: unknown trap \`no-such-trap\``]);
  });

  it("reports unknown topics, exams and task statements", async () => {
    const text = decisionQuestion({ topic: "nowhere", exams: "[DVA-C02, XYZ-C01]", tasks: '["DVA-C02:2.1", "DVA-C02:9.9"]' });
    expect((await check({ "questions/nowhere/upload-with-boundary.md": text })).messages).toEqual([
      `content/questions/nowhere/upload-with-boundary.md:${lineOf(text, "exams:")}: unknown exam \`XYZ-C01\``,
      `content/questions/nowhere/upload-with-boundary.md:${lineOf(text, "tasks:")}: unknown task statement \`DVA-C02:9.9\``,
      `content/questions/nowhere/upload-with-boundary.md:${lineOf(text, "topic:")}: unknown topic \`nowhere\``,
    ]);
  });

  it("reports a question filed under another topic's folder", async () => {
    const text = decisionQuestion();
    expect((await check({ "questions/elsewhere/upload-with-boundary.md": text })).messages).toEqual([
      `content/questions/elsewhere/upload-with-boundary.md:${lineOf(text, "topic:")}: topic \`evaluation\` does not match the folder \`questions/elsewhere/\``,
    ]);
  });

  it("requires a multiple-response question to say how many to choose", async () => {
    const text = decisionQuestion({ response: "multiple" });
    expect((await check({ [Q]: text })).messages).toEqual([
      `${SHOWN}:${lineOf(text, "response:")}: \`response\`: a multiple-response question says how many to choose: add \`choose: N\``,
    ]);
  });

  it("rejects a \"choose N\" that does not match the number of correct options", async () => {
    const text = `---
id: two-of-three
exams: [DVA-C02]
tasks: ["DVA-C02:2.1"]
topic: evaluation
difficulty: easy
response: multiple
choose: 2
mode: allowed-requests
---

Which requests are allowed?

${IDENTITY}

${BOUNDARY}

${UPLOAD}

\`\`\`yaml request=Read
principal: arn:aws:iam::111122223333:user/Dev
action: s3:GetObject
resource: arn:aws:s3:::example-artifacts/build.zip
\`\`\`

\`\`\`yaml request=Delete
principal: arn:aws:iam::111122223333:user/Dev
action: s3:DeleteObject
resource: arn:aws:s3:::example-artifacts/build.zip
\`\`\`

## Options

### A. The upload
request: Upload

Capped by the boundary.

### B. The read
request: Read

Allowed by both.

### C. The delete
request: Delete

Nothing allows it.

## Explanation

Only the read is allowed.

${DOCS}`;
    expect((await check({ "questions/evaluation/two-of-three.md": text })).messages).toEqual([
      `content/questions/evaluation/two-of-three.md:${lineOf(text, "choose: 2")}: choose 2 but 1 option is correct (\`B\`)`,
    ]);
  });

  it("rejects a keyed question whose key has the wrong size", async () => {
    const text = `---
id: keyed-wrong-size
exams: [DVA-C02]
tasks: ["DVA-C02:2.1"]
topic: evaluation
difficulty: easy
response: multiple
choose: 2
mode: keyed
key: B
---

Which policy types can grant permissions?

## Options

### A. Permissions boundaries

They only limit.

### B. Identity-based policies

They grant.

### C. Session policies

They only limit.

## Explanation

Identity-based and resource-based policies grant.

${DOCS}`;
    expect((await check({ "questions/evaluation/keyed-wrong-size.md": text })).messages).toEqual([
      `content/questions/evaluation/keyed-wrong-size.md:${lineOf(text, "choose: 2")}: choose 2 but the key has 1 option (\`B\`)`,
    ]);
  });

  it("rejects duplicate ids, and questions and cards share one id space", async () => {
    const first = decisionQuestion();
    const second = decisionQuestion();
    const cards = `---
topic: evaluation
---

## What wins, an Allow or an explicit Deny?
id: upload-with-boundary
doc: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

The explicit Deny.
`;
    expect((await check({ [Q]: first, "questions/evaluation/copy.md": second, "cards/basics.md": cards })).messages).toEqual([
      `content/cards/basics.md:${lineOf(cards, "id: upload")}: duplicate id \`upload-with-boundary\` (also in content/questions/evaluation/copy.md:2)`,
      `${SHOWN}:2: duplicate id \`upload-with-boundary\` (also in content/questions/evaluation/copy.md:2)`,
    ]);
  });

  it("requires a link to the AWS documentation", async () => {
    const text = decisionQuestion().replace("https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html", "https://example.com/boundaries");
    expect((await check({ [Q]: text })).messages).toEqual([
      `${SHOWN}:${lineOf(text, "## Docs")}: no AWS documentation link: add an https://docs.aws.amazon.com/ link under \`## Docs\``,
    ]);
  });

  it("requires an explanation and an explanation for each option", async () => {
    const text = decisionQuestion()
      .replace("## Explanation\n\nThe boundary caps the identity-based policy.\n\n", "")
      .replace("Needs a matching Deny statement.\n\n", "");
    expect((await check({ [Q]: text })).messages).toEqual([
      `${SHOWN}:2: missing \`## Explanation\` section`,
      `${SHOWN}:${lineOf(text, "### B.")}: option \`B\` has no explanation: say why it is right or wrong under its heading`,
    ]);
  });

  it("rejects duplicate options", async () => {
    const text = decisionQuestion().replace("outcome: ImplicitDeny because identity", "outcome: ImplicitDeny because boundary");
    expect((await check({ [Q]: text })).messages).toEqual([`${SHOWN}:${lineOf(text, "### D.")}: option \`D\` duplicates option \`C\``]);
  });

  it("reports frontmatter mistakes on their lines, all at once", async () => {
    const text = decisionQuestion({ difficulty: "easyish", mode: "decision", colour: "blue" });
    expect((await check({ [Q]: text })).messages).toEqual([
      `${SHOWN}:${lineOf(text, "difficulty:")}: \`difficulty\`: expected one of \`easy\`, \`medium\`, \`hard\``,
      `${SHOWN}:${lineOf(text, "colour:")}: frontmatter: unknown field \`colour\``,
    ]);
  });

  it("reports problems of several files in one run", async () => {
    const a = decisionQuestion({ key: "A" });
    const b = decisionQuestion({ id: "second", traps: "[gone]" });
    expect((await check({ [Q]: a, "questions/evaluation/second.md": b })).messages).toEqual([
      `content/questions/evaluation/second.md:${lineOf(b, "traps:")}: unknown trap \`gone\``,
      `${SHOWN}:${lineOf(a, "key: A")}: author key \`A\` differs from the evaluator's key \`C\``,
    ]);
  });

  it("rejects options that name unknown policies, requests or stages", async () => {
    const text = decisionQuestion().replace("outcome: ExplicitDeny by DevPolicy", "outcome: ExplicitDeny by Nobody").replace("because identity", "because moon");
    expect((await check({ [Q]: text })).messages).toEqual([
      `${SHOWN}:${lineOf(text, "by Nobody")}: option \`B\`: no policy named \`Nobody\``,
      `${SHOWN}:${lineOf(text, "because moon")}: option \`D\`: unknown stage \`moon\`; use one of \`rcp\`, \`scp\`, \`endpoint\`, \`service\`, \`resource\`, \`identity\`, \`boundary\`, \`session\`, \`cross-account\``,
    ]);
  });

  it("reports a misplaced content file", async () => {
    expect((await check({ "notes/loose.md": "# Loose\n" })).messages).toEqual([
      "content/notes/loose.md:1: not a content file: put it under `exams/`, `topics/`, `questions/<topic>/`, `cards/` or `traps/`",
    ]);
  });

  it("checks the expected decision of a topic's runnable scenario", async () => {
    const topic = `${BASE["topics/evaluation.md"]}
${IDENTITY}

${BOUNDARY}

\`\`\`yaml request=Upload
principal: arn:aws:iam::111122223333:user/Dev
action: s3:PutObject
resource: arn:aws:s3:::example-artifacts/build.zip
expect: Allow
\`\`\`
`;
    expect((await check({ "topics/evaluation.md": topic })).messages).toEqual([
      `content/topics/evaluation.md:${lineOf(topic, "request=Upload")}: request \`Upload\`: expected \`Allow\` but the evaluator decides \`ImplicitDeny because boundary\``,
    ]);
  });

  it("requires every card to cite the AWS documentation and to have a topic", async () => {
    const cards = `## Front
id: some-card
doc: https://example.com/page

Back.
`;
    expect((await check({ "cards/c.md": cards })).messages).toEqual([
      `content/cards/c.md:${lineOf(cards, "id:")}: the card has no topic: add \`topic:\` to the card or to the file's frontmatter`,
      `content/cards/c.md:${lineOf(cards, "doc:")}: no AWS documentation link: add an https://docs.aws.amazon.com/ link to \`doc\``,
    ]);
  });
});
