// Every grading mode computes its key by running the evaluator; variants get their own
// engine-computed keys, and the check refuses a variant the options cannot answer.

import { describe, expect, it } from "vitest";
import { BOUNDARY, DOCS, IDENTITY, UPLOAD, check, decisionQuestion, lineOf } from "./helpers";

const keysOf = (result: Awaited<ReturnType<typeof check>>, id: string) =>
  Object.fromEntries((result.answers?.answers.find((a) => a.id === id)?.instances ?? []).map((i) => [i.id, i.key]));

function fixQuestion(options: string, extraFront = ""): string {
  return `---
id: fix-cross-account
exams: [DVA-C02]
tasks: ["DVA-C02:2.1"]
topic: evaluation
difficulty: medium
response: single
mode: fix${extraFront}
---

A role in 111122223333 must read reports in a bucket of 444455556666, and must not delete them.

\`\`\`json policy=ReaderPolicy role=identity
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:DeleteObject"], "Resource": "arn:aws:s3:::example-reports/*" }
  ]
}
\`\`\`

\`\`\`json policy=BucketPolicy role=resource
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Writer",
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::444455556666:role/Writer" },
      "Action": "s3:PutObject",
      "Resource": "arn:aws:s3:::example-reports/*"
    }
  ]
}
\`\`\`

\`\`\`yaml request=Read
principal: arn:aws:sts::111122223333:assumed-role/Reader/app
action: s3:GetObject
resource: arn:aws:s3:::example-reports/q1.csv
resourceAccount: "444455556666"
must: allow
\`\`\`

\`\`\`yaml request=Delete
principal: arn:aws:sts::111122223333:assumed-role/Reader/app
action: s3:DeleteObject
resource: arn:aws:s3:::example-reports/q1.csv
resourceAccount: "444455556666"
must: deny
\`\`\`

Which change fixes it?

## Options

${options}
## Explanation

Both accounts must allow.

${DOCS}`;
}

const FIX_OPTIONS = `### A. Let the role read objects in the bucket policy
change:
  add-statement: BucketPolicy
  statement: {Effect: Allow, Principal: {AWS: "arn:aws:iam::111122223333:role/Reader"}, Action: "s3:GetObject", Resource: "arn:aws:s3:::example-reports/*"}

The missing allow on the bucket's side.

### B. Let the whole account do anything in the bucket policy
change:
  add-statement: BucketPolicy
  statement: {Effect: Allow, Principal: {AWS: "111122223333"}, Action: "s3:*", Resource: "arn:aws:s3:::example-reports/*"}

Deletes would work too.

### C. Let the role read the bucket ARN
change:
  add-statement: BucketPolicy
  statement: {Effect: Allow, Principal: {AWS: "arn:aws:iam::111122223333:role/Reader"}, Action: "s3:GetObject", Resource: "arn:aws:s3:::example-reports"}

The bucket ARN matches no object.

### D. Remove the writer's statement
change:
  remove-statement: BucketPolicy
  sid: Writer

Unrelated to the reader.
`;

describe("grading modes", () => {
  it("decision: the option whose outcome matches the evaluator's decision and deciding stage", async () => {
    const result = await check({ "questions/evaluation/upload-with-boundary.md": decisionQuestion() });
    expect(result.messages).toEqual([]);
    expect(keysOf(result, "upload-with-boundary")).toEqual({ base: ["C"] });
    const evaluation = result.answers?.answers[0]?.instances[0]?.evaluations[0];
    expect(evaluation).toMatchObject({ request: "Upload", decision: "ImplicitDeny", stage: "boundary" });
    expect(evaluation?.trace.length).toBeGreaterThan(0);
  });

  it("decision: an explicit deny is matched to the policy that holds the Deny", async () => {
    const text = decisionQuestion({}).replace(
      '"Resource": "arn:aws:s3:::example-artifacts/*"\n    }',
      '"Resource": "arn:aws:s3:::example-artifacts/*"\n    },\n    { "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*" }',
    );
    const result = await check({ "questions/evaluation/upload-with-boundary.md": text });
    expect(result.messages).toEqual([]);
    expect(keysOf(result, "upload-with-boundary")).toEqual({ base: ["B"] });
  });

  it("fix: the options after which every request does what it must", async () => {
    const result = await check({ "questions/evaluation/fix-cross-account.md": fixQuestion(FIX_OPTIONS) });
    expect(result.messages).toEqual([]);
    expect(keysOf(result, "fix-cross-account")).toEqual({ base: ["A"] });
    const outcomes = result.answers?.answers[0]?.instances[0]?.optionOutcomes;
    expect(outcomes?.B).toEqual([
      { request: "Read", decision: "Allow", meets: true },
      { request: "Delete", decision: "Allow", meets: false },
    ]);
    expect(outcomes?.C?.[0]).toMatchObject({ request: "Read", meets: false });
  });

  it("fix: refuses fixtures that already do what they must", async () => {
    const text = fixQuestion(FIX_OPTIONS).replace(
      '"arn:aws:iam::444455556666:role/Writer" },\n      "Action": "s3:PutObject"',
      '"arn:aws:iam::111122223333:role/Reader" },\n      "Action": "s3:GetObject"',
    );
    const result = await check({ "questions/evaluation/fix-cross-account.md": text });
    expect(result.messages).toContain(
      `content/questions/evaluation/fix-cross-account.md:${lineOf(text, "mode: fix")}: the fixtures already meet every \`must\`; there is nothing to fix`,
    );
  });

  it("fix: reports an option whose change names a missing statement", async () => {
    const text = fixQuestion(FIX_OPTIONS.replace("sid: Writer", "sid: Nobody"));
    expect((await check({ "questions/evaluation/fix-cross-account.md": text })).messages).toEqual([
      `content/questions/evaluation/fix-cross-account.md:${lineOf(text, "### D.")}: option \`D\`: policy \`BucketPolicy\` has no statement with Sid \`Nobody\``,
    ]);
  });

  it("allowed-requests: the requests the evaluator allows", async () => {
    const text = `---
id: which-allowed
exams: [DVA-C02]
tasks: ["DVA-C02:2.1"]
topic: evaluation
difficulty: easy
response: single
mode: allowed-requests
---

Which request is allowed?

${IDENTITY}

${BOUNDARY}

${UPLOAD}

\`\`\`yaml request=Read
principal: arn:aws:iam::111122223333:user/Dev
action: s3:GetObject
resource: arn:aws:s3:::example-artifacts/build.zip
\`\`\`

## Options

### A. The upload
request: Upload

Capped by the boundary.

### B. The read
request: Read

Allowed by both.

## Explanation

The boundary allows reads only.

${DOCS}`;
    const result = await check({ "questions/evaluation/which-allowed.md": text });
    expect(result.messages).toEqual([]);
    expect(keysOf(result, "which-allowed")).toEqual({ base: ["B"] });
    expect(result.answers?.answers[0]?.instances[0]?.evaluations.map((e) => [e.request, e.decision])).toEqual([
      ["Upload", "ImplicitDeny"],
      ["Read", "Allow"],
    ]);
  });

  it("keyed: the author's key", async () => {
    const text = `---
id: keyed-one
exams: [DVA-C02]
tasks: ["DVA-C02:2.1"]
topic: evaluation
difficulty: easy
response: single
mode: keyed
key: B
---

Which prefix starts the access key ID of temporary credentials from AWS STS?

## Options

### A. AKIA

Long-term access keys.

### B. ASIA

Temporary credentials.

## Explanation

STS access key IDs start with ASIA.

## Docs

- [IAM identifiers](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html)
`;
    const result = await check({ "questions/evaluation/keyed-one.md": text });
    expect(result.messages).toEqual([]);
    expect(keysOf(result, "keyed-one")).toEqual({ base: ["B"] });
  });
});

describe("variants", () => {
  const VARIANTS = `
variants:
  - id: no-boundary
    change: {remove-policy: DevBoundary}
  - id: read
    change:
      set-request: Upload
      set: {action: s3:GetObject}
  - id: denied
    change:
      add-statement: DevPolicy
      statement: {Effect: Deny, Action: s3:PutObject, Resource: "*"}`;

  it("computes each variant's key with the evaluator", async () => {
    const result = await check({ "questions/evaluation/upload-with-boundary.md": decisionQuestion({}, VARIANTS) });
    expect(result.messages).toEqual([]);
    expect(keysOf(result, "upload-with-boundary")).toEqual({ base: ["C"], "no-boundary": ["A"], read: ["A"], denied: ["B"] });
    const instances = result.bundle?.questions[0]?.instances;
    expect(instances?.map((i) => [i.id, i.policies.map((p) => p.name)])).toEqual([
      ["base", ["DevPolicy", "DevBoundary"]],
      ["no-boundary", ["DevPolicy"]],
      ["read", ["DevPolicy", "DevBoundary"]],
      ["denied", ["DevPolicy", "DevBoundary"]],
    ]);
    expect(instances?.[2]?.requests[0]?.request.action).toBe("s3:GetObject");
    expect(instances?.[3]?.policies[0]?.text).toContain('"Effect": "Deny"');
  });

  it("reports a problem of the fixtures as written once, not once per variant", async () => {
    const text = decisionQuestion({}, VARIANTS).replace('"Sid": "ReadOnly",', '"Sid": "Read Only",');
    const result = await check({ "questions/evaluation/upload-with-boundary.md": text });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatch(new RegExp(`^content/questions/evaluation/upload-with-boundary\\.md:${lineOf(text, '"Sid": "Read Only"')}: policy \`DevBoundary\`: Statement\\[0\\]\\.Sid: `));
  });

  it("checks a variant's stated key against the evaluator", async () => {
    const text = decisionQuestion({}, `${VARIANTS}\n    key: A`);
    expect((await check({ "questions/evaluation/upload-with-boundary.md": text })).messages).toEqual([
      `content/questions/evaluation/upload-with-boundary.md:${lineOf(text, "    key: A")}: variant \`denied\`: author key \`A\` differs from the evaluator's key \`B\``,
    ]);
  });

  it("refuses a variant for which no option is correct", async () => {
    const text = decisionQuestion({}, `\nvariants:\n  - id: no-boundary\n    change: {remove-policy: DevBoundary}`).replace(
      "outcome: Allow",
      "outcome: ImplicitDeny because scp",
    );
    expect((await check({ "questions/evaluation/upload-with-boundary.md": text })).messages).toEqual([
      `content/questions/evaluation/upload-with-boundary.md:${lineOf(text, "- id: no-boundary")}: variant \`no-boundary\`: no option is correct: the evaluator decides \`Allow\``,
    ]);
  });

  it("refuses a variant whose options give the wrong count for \"choose N\"", async () => {
    const text = `---
id: two-allowed
exams: [DVA-C02]
tasks: ["DVA-C02:2.1"]
topic: evaluation
difficulty: medium
response: multiple
choose: 2
mode: allowed-requests
variants:
  - id: boundary-gone
    change: {remove-policy: DevBoundary}
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

\`\`\`yaml request=ReadOther
principal: arn:aws:iam::111122223333:user/Dev
action: s3:GetObject
resource: arn:aws:s3:::example-artifacts/old.zip
\`\`\`

## Options

### A. The upload
request: Upload

Depends on the boundary.

### B. The read
request: Read

Allowed.

### C. The other read
request: ReadOther

Allowed.

## Explanation

Reads are allowed; the upload depends on the boundary.

${DOCS}`;
    expect((await check({ "questions/evaluation/two-allowed.md": text })).messages).toEqual([
      `content/questions/evaluation/two-allowed.md:${lineOf(text, "- id: boundary-gone")}: variant \`boundary-gone\`: choose 2 but 3 options are correct (\`A\`, \`B\`, \`C\`)`,
    ]);
  });

  it("reports a variant whose change names a missing policy", async () => {
    const text = decisionQuestion({}, `\nvariants:\n  - id: broken\n    change: {remove-policy: Nope}`);
    expect((await check({ "questions/evaluation/upload-with-boundary.md": text })).messages).toEqual([
      `content/questions/evaluation/upload-with-boundary.md:${lineOf(text, "- id: broken")}: variant \`broken\`: no policy named \`Nope\``,
    ]);
  });

  it("reports a misspelt change with the operations it knows", async () => {
    const text = decisionQuestion({}, `\nvariants:\n  - id: typo\n    change: {remove-polcy: DevBoundary}`);
    expect((await check({ "questions/evaluation/upload-with-boundary.md": text })).messages).toEqual([
      `content/questions/evaluation/upload-with-boundary.md:${lineOf(text, "change: {remove-polcy")}: \`variants[0].change\`: no change named; use one of \`add-statement\`, \`replace-statement\`, \`remove-statement\`, \`set-condition\`, \`set-request\`, \`move-principal\`, \`remove-policy\`, \`add-policy\``,
    ]);
  });
});
