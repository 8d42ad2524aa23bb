// Throwaway content folders for the content spec tests: a minimal valid bank (one exam, one
// topic, one traps file) that each test extends with the files it is about.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { checkContent, type CheckResult } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/problems";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const EXAM = `---
id: DVA-C02
title: AWS Certified Developer – Associate
guide:
  version: "2.1"
  url: https://docs.aws.amazon.com/aws-certification/latest/developer-associate-02/developer-associate-02.html
questions: { total: 65, scored: 50, unscored: 15 }
minutes: 130
accommodationMinutes: 30
score: { min: 100, max: 1000, passing: 720 }
responseTypes: [multiple-choice, multiple-response]
domains:
  - number: 1
    title: Development with AWS Services
    weight: 32
    tasks: [{ id: "1.1", title: Develop code for applications hosted on AWS }]
  - number: 2
    title: Security
    weight: 26
    tasks: [{ id: "2.1", title: Implement authentication and/or authorization for applications and AWS services }]
  - number: 3
    title: Deployment
    weight: 24
    tasks: [{ id: "3.1", title: Prepare application artifacts to be deployed to AWS }]
  - number: 4
    title: Troubleshooting and Optimization
    weight: 18
    tasks: [{ id: "4.1", title: Assist in a root cause analysis }]
---

Blueprint.
`;

export const TOPIC = `---
slug: evaluation
title: Evaluation
order: 1
exams: [DVA-C02]
tasks: ["DVA-C02:2.1"]
---

Every request starts denied.
`;

export const TRAPS = `## A boundary grants nothing
id: boundary-grants
rule: A boundary only caps identity-based policies.
doc: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html

A boundary never grants.
`;

export const BASE: Record<string, string> = {
  "exams/dva-c02.md": EXAM,
  "topics/evaluation.md": TOPIC,
  "traps.md": TRAPS,
};

/** Writes `files` (paths relative to the content folder) on top of BASE; returns the content folder. */
export function makeContent(files: Record<string, string>, base: Record<string, string> = BASE): string {
  const root = mkdtempSync(path.join(tmpdir(), "content-spec-"));
  made.push(root);
  const dir = path.join(root, "content");
  for (const [rel, text] of Object.entries({ ...base, ...files })) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

export async function check(files: Record<string, string>, base?: Record<string, string>): Promise<CheckResult & { messages: string[] }> {
  const result = await checkContent(makeContent(files, base));
  return { ...result, messages: result.problems.map(formatProblem) };
}

/** 1-based line of the first line of `text` containing `needle` (fails loudly when absent). */
export function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  }
  throw new Error(`\`${needle}\` not found`);
}

// ---------- question building blocks ----------

export const IDENTITY = `\`\`\`json policy=DevPolicy role=identity
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ArtifactsReadWrite",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::example-artifacts/*"
    }
  ]
}
\`\`\``;

export const BOUNDARY = `\`\`\`json policy=DevBoundary role=boundary
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadOnly",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}
\`\`\``;

export const UPLOAD = `\`\`\`yaml request=Upload
principal: arn:aws:iam::111122223333:user/Dev
action: s3:PutObject
resource: arn:aws:s3:::example-artifacts/build.zip
\`\`\``;

export const DOCS = `## Docs

- [Permissions boundaries](https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html)
`;

export const DECISION_OPTIONS = `## Options

### A. Allowed
outcome: Allow

Allowed only if the boundary allows the action too.

### B. Explicitly denied by DevPolicy
outcome: ExplicitDeny by DevPolicy

Needs a matching Deny statement.

### C. Implicitly denied by the boundary
outcome: ImplicitDeny because boundary

The boundary does not allow the action.

### D. Implicitly denied: no identity-based allow
outcome: ImplicitDeny because identity

The identity-based policy would have to lack the action.
`;

/** A decision question as a file, with frontmatter lines replaced or added by `fm`. */
export function decisionQuestion(fm: Record<string, string> = {}, extra = ""): string {
  const fields: Record<string, string> = {
    id: "upload-with-boundary",
    exams: "[DVA-C02]",
    tasks: '["DVA-C02:2.1"]',
    topic: "evaluation",
    traps: "[boundary-grants]",
    difficulty: "medium",
    response: "single",
    mode: "decision",
    ...fm,
  };
  const front = Object.entries(fields)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return `---
${front}${extra}
---

The user Dev uploads a build.

${IDENTITY}

${BOUNDARY}

${UPLOAD}

What is the result?

${DECISION_OPTIONS}
## Explanation

The boundary caps the identity-based policy.

${DOCS}`;
}
