// Benchmark of the IAM policy evaluator (`npm run bench:iam`). Generates a seeded
// corpus of ≥10,000 scenarios across the rule families (identity pools, resource
// policies with direct/entity/account grants, cross-account, boundaries, session
// policies, SCP and RCP levels, KMS key policies, trust policies, conditions of every
// operator family, policy variables, NotAction/NotResource, wildcards) with 5–20
// statements per policy, parses them once, warms up, then measures steady-state
// evaluation in one process. Also times the pathological wildcard `a*a*…*b` against
// a 100,000-character subject. Prints figures; never fails.

import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { evaluate, explain, matchWildcard, parseScenario, type Scenario } from "../lib/iam/index";

const SCENARIOS = Number(process.env.BENCH_SCENARIOS ?? 12_000);
const MEASURE_MS = Number(process.env.BENCH_MS ?? 3_000);

// mulberry32: a small seeded PRNG, so every run measures the same corpus.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20260926);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
let sidCounter = 0;

const ME = "111122223333";
const OTHER = "444455556666";
const S3_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketPolicy", "s3:GetObjectTagging"];
const OTHER_ACTIONS = ["ec2:RunInstances", "ec2:DescribeInstances", "dynamodb:GetItem", "dynamodb:Query", "sqs:SendMessage", "lambda:InvokeFunction", "iam:ListUsers"];
const ACTION_PATTERNS = ["s3:Get*", "s3:*", "s3:*Object", "s3:Put*", "ec2:Describe*", "dynamodb:*", "sqs:Send*", "*", "iam:List*", "s3:?etObject", "kms:*", "sts:AssumeRole"];
const BUCKETS = ["reports", "logs-prod", "home", "data-lake", "assets"];

function principalOf(kind: string, account = ME): string {
  switch (kind) {
    case "user":
      return `arn:aws:iam::${account}:user/${pick(["Ann", "Bob", "Carol"])}`;
    case "session":
      return `arn:aws:sts::${account}:assumed-role/${pick(["App", "Ops", "ReadOnly"])}/s${int(1, 3)}`;
    case "federated":
      return `arn:aws:sts::${account}:federated-user/${pick(["fed1", "fed2"])}`;
    case "root":
      return `arn:aws:iam::${account}:root`;
    default:
      return pick(["sns.amazonaws.com", "lambda.amazonaws.com"]);
  }
}

function condition(): Record<string, Record<string, unknown>> {
  switch (int(0, 11)) {
    case 0:
      return { IpAddress: { "aws:SourceIp": pick(["10.0.0.0/8", "203.0.113.0/24", "192.0.2.0/24"]) } };
    case 1:
      return { Bool: { "aws:SecureTransport": "true" } };
    case 2:
      return { BoolIfExists: { "aws:MultiFactorAuthPresent": pick(["true", "false"]) } };
    case 3:
      return { StringEquals: { "aws:PrincipalTag/team": pick(["red", "blue"]) } };
    case 4:
      return { StringLike: { "s3:prefix": [pick(["home/*", "public/*"]), "shared/*"] } };
    case 5:
      return { "ForAnyValue:StringEquals": { "aws:TagKeys": ["Env", "Owner"] } };
    case 6:
      return { "ForAllValues:StringLike": { "aws:TagKeys": ["Env*", "Cost*"] } };
    case 7:
      return { Null: { "aws:TokenIssueTime": pick(["true", "false"]) } };
    case 8:
      return { DateLessThan: { "aws:CurrentTime": pick(["2030-01-01T00:00:00Z", "2020-01-01T00:00:00Z"]) } };
    case 9:
      return { NumericLessThanEquals: { "s3:max-keys": String(int(10, 1000)) } };
    case 10:
      return { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ME}:role/${pick(["App", "Ops*", "*"])}` } };
    default:
      return { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123" } };
  }
}

function resourcePattern(): string {
  const b = pick(BUCKETS);
  return pick([
    `arn:aws:s3:::${b}/*`,
    `arn:aws:s3:::${b}`,
    `arn:aws:s3:::${b}*`,
    "*",
    `arn:aws:s3:::home/\${aws:username}/*`,
    `arn:aws:dynamodb:us-east-1:${ME}:table/*`,
    `arn:aws:ec2:*:${ME}:instance/*`,
    `arn:aws:sqs:*`,
    `arn:aws:s3:::${b}/*/reports/*`,
  ]);
}

function statement(effect: "Allow" | "Deny", withPrincipal: boolean, principals: string[]): Record<string, unknown> {
  const st: Record<string, unknown> = { Effect: effect };
  if (chance(0.5)) st.Sid = `S${sidCounter++}`;
  const actions = Array.from({ length: int(1, 4) }, () => pick(ACTION_PATTERNS));
  if (chance(0.08)) st.NotAction = actions;
  else st.Action = actions.length === 1 ? actions[0] : actions;
  const resources = Array.from({ length: int(1, 3) }, resourcePattern);
  if (chance(0.06) && effect === "Deny") st.NotResource = resources;
  else st.Resource = resources.length === 1 ? resources[0] : resources;
  if (withPrincipal) st.Principal = chance(0.1) ? "*" : { AWS: Array.from({ length: int(1, 2) }, () => pick(principals)) };
  if (chance(0.45)) {
    const c: Record<string, unknown> = {};
    for (let i = int(1, 2); i > 0; i--) Object.assign(c, condition());
    st.Condition = c;
  }
  return st;
}

function policy(n: number, withPrincipal = false, principals: string[] = [], denyShare = 0.2): Record<string, unknown> {
  return {
    Version: chance(0.95) ? "2012-10-17" : "2008-10-17",
    Statement: Array.from({ length: n }, () => statement(chance(denyShare) ? "Deny" : "Allow", withPrincipal, principals)),
  };
}

export function generate(i: number): Record<string, unknown> {
  const family = i % 10;
  const callerKind = family === 9 ? "service" : pick(["user", "user", "session", "session", "federated", "root"]);
  const cross = family === 2 || (family === 7 && chance(0.5));
  const principal = principalOf(callerKind);
  const account = cross ? OTHER : ME;
  const bucket = pick(BUCKETS);
  const s: Record<string, unknown> = { id: `bench-${i}` };
  const request: Record<string, unknown> = { principal, action: pick([...S3_ACTIONS, ...OTHER_ACTIONS]), resource: `arn:aws:s3:::${bucket}/home/Ann/${int(1, 999)}.csv` };
  const principals = [
    `arn:aws:iam::${ME}:root`,
    ME,
    OTHER,
    `arn:aws:iam::${ME}:user/Ann`,
    `arn:aws:iam::${ME}:role/App`,
    `arn:aws:sts::${ME}:assumed-role/App/s1`,
  ];
  if (request.action && String(request.action).startsWith("s3:")) request.resourceAccount = account;
  else if (String(request.action).startsWith("dynamodb:")) request.resource = `arn:aws:dynamodb:us-east-1:${account}:table/Orders`;
  else if (String(request.action).startsWith("ec2:")) request.resource = `arn:aws:ec2:us-east-1:${account}:instance/i-0abc`;
  else if (String(request.action).startsWith("sqs:")) request.resource = `arn:aws:sqs:us-east-1:${account}:queue1`;
  else if (String(request.action).startsWith("lambda:")) request.resource = `arn:aws:lambda:us-east-1:${account}:function:fn`;
  else request.resource = "*";
  request.context = {
    "aws:SourceIp": pick(["10.1.2.3", "203.0.113.9", "198.51.100.7"]),
    "aws:SecureTransport": chance(0.8),
    "aws:CurrentTime": "2026-06-01T12:00:00Z",
    "s3:prefix": pick(["home/Ann/", "public/x", "shared/y"]),
    "aws:TagKeys": chance(0.5) ? ["Env"] : ["Env", "Owner", "CostCenter"],
    "s3:max-keys": int(1, 2000),
  };
  request.principalTags = { team: pick(["red", "blue", "green"]) };
  if (callerKind === "federated") request.federatedBy = `arn:aws:iam::${ME}:user/Ann`;

  if (family === 5) {
    // KMS key policy.
    request.action = pick(["kms:Decrypt", "kms:Encrypt", "kms:ScheduleKeyDeletion"]);
    request.resource = `arn:aws:kms:us-east-1:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    delete request.resourceAccount;
    s.resourcePolicy = policy(int(5, 12), true, principals, 0.1);
  } else if (family === 6 && callerKind !== "service") {
    // Role trust policy.
    request.action = "sts:AssumeRole";
    request.resource = `arn:aws:iam::${account}:role/Target`;
    delete request.resourceAccount;
    const trust = policy(int(5, 10), true, principals, 0.1) as { Statement: Record<string, unknown>[] };
    for (const st of trust.Statement) {
      delete st.Resource;
      delete st.NotResource;
      if (st.NotAction !== undefined) {
        delete st.NotAction;
      }
      st.Action = pick(["sts:AssumeRole", "sts:TagSession", ["sts:AssumeRole", "sts:TagSession"]]);
    }
    s.resourcePolicy = trust;
  } else if (family === 1 || family === 2 || family === 7 || family === 9 || chance(0.3)) {
    s.resourcePolicy = policy(int(5, 15), true, principals);
  }
  if (callerKind !== "service") s.identityPolicies = Array.from({ length: int(1, 3) }, () => policy(int(5, 20)));
  if ((family === 3 || chance(0.15)) && (callerKind === "user" || callerKind === "session")) s.permissionsBoundary = policy(int(5, 10), false, [], 0.1);
  if ((family === 4 && callerKind === "session") || callerKind === "federated") s.sessionPolicies = [policy(int(3, 6), false, [], 0.1)];
  if (family === 7 || family === 8) {
    s.scps = [[{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }], [policy(int(5, 10)) as never].map((p) => {
      const pol = p as { Statement: Record<string, unknown>[] };
      for (const st of pol.Statement) {
        const fix = (a: unknown) => (typeof a === "string" && /[*?]./.test(a.slice(a.indexOf(":") + 1)) ? "s3:Get*" : a);
        if (st.Action !== undefined) st.Action = Array.isArray(st.Action) ? st.Action.map(fix) : fix(st.Action);
        if (st.NotAction !== undefined) st.NotAction = Array.isArray(st.NotAction) ? st.NotAction.map(fix) : fix(st.NotAction);
      }
      return [pol];
    })[0]!];
    s.organization = { managementAccount: "999999999999" };
  }
  if (family === 8 || family === 9 || chance(0.1)) {
    s.rcps = [[{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }, {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: ["s3:*", "sqs:*", "kms:*", "sts:AssumeRole"],
          Resource: "*",
          Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123" }, BoolIfExists: { "aws:PrincipalIsAWSService": "false" } },
        },
      ],
    }]];
  }
  if (chance(0.05)) s.endpointPolicy = policy(int(2, 5), true, ["*"], 0.1);
  s.request = request;
  return s;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

function main(): void {
  console.log(`IAM evaluator benchmark — node ${process.version}, ${SCENARIOS} scenarios`);
  const [raw, genMs] = time(() => Array.from({ length: SCENARIOS }, (_, i) => generate(i)));
  const [parsedAll, parseMs] = time(() => raw.map((r) => parseScenario(r)));
  const scenarios: Scenario[] = [];
  const invalid: string[] = [];
  parsedAll.forEach((p, i) => (p.ok ? scenarios.push(p.value) : invalid.push(`${(raw[i] as { id: string }).id}: ${p.issues[0]!.path}: ${p.issues[0]!.message}`)));
  const statements = scenarios.reduce(
    (n, s) =>
      n +
      [...s.identityPolicies, ...(s.resourcePolicy ? [s.resourcePolicy] : []), ...(s.permissionsBoundary ? [s.permissionsBoundary] : []), ...s.sessionPolicies, ...s.scps.flat(), ...s.rcps.flat()].reduce(
        (m, p) => m + p.statements.length,
        0,
      ),
    0,
  );
  console.log(`generated in ${genMs.toFixed(0)} ms; parsed ${scenarios.length} valid (${invalid.length} invalid) in ${parseMs.toFixed(0)} ms = ${((parseMs * 1000) / raw.length).toFixed(1)} µs/scenario (parse once)`);
  if (invalid.length > 0) console.log(`  first invalid: ${invalid[0]}`);
  console.log(`average ${(statements / scenarios.length).toFixed(1)} statements per scenario`);

  const counts: Record<string, number> = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 };
  for (const s of scenarios) counts[evaluate(s).decision]!++;
  console.log(`decisions: Allow ${counts.Allow}, ExplicitDeny ${counts.ExplicitDeny}, ImplicitDeny ${counts.ImplicitDeny}`);

  // Warm-up: let the JIT settle.
  for (let round = 0; round < 5; round++) for (const s of scenarios) evaluate(s);

  // Wall-clock time is what a caller waits; CPU time of this process is what the
  // evaluator costs, and stays meaningful when other processes share the cores.
  let evaluations = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < MEASURE_MS) {
    for (const s of scenarios) evaluate(s);
    evaluations += scenarios.length;
    elapsed = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log(
    `evaluate (steady state, one process): ${fmt((evaluations / elapsed) * 1000)} scenarios/s, ${((elapsed * 1000) / evaluations).toFixed(2)} µs/scenario wall clock; ` +
      `${fmt((evaluations / cpuMs) * 1000)} scenarios/s, ${((cpuMs * 1000) / evaluations).toFixed(2)} µs/scenario CPU time; ${fmt(evaluations)} evaluations`,
  );

  const sample = scenarios.slice(0, 2000);
  for (const s of sample) explain(evaluate(s));
  const [, explainMs] = time(() => {
    for (const s of sample) explain(evaluate(s));
  });
  console.log(`evaluate + explain (trace sentences): ${((explainMs * 1000) / sample.length).toFixed(1)} µs/scenario`);

  // Pathological wildcard: a*a*…*b against 100,000 characters.
  const pattern = `${"a*".repeat(50)}b`;
  const subject = "a".repeat(100_000);
  const [miss, missMs] = time(() => matchWildcard(pattern, subject));
  const [hit, hitMs] = time(() => matchWildcard(pattern, `${subject}b`));
  const [mid, midMs] = time(() => matchWildcard(`*${"a*".repeat(50)}b*`, subject));
  console.log(`pathological wildcard ${JSON.stringify(pattern.slice(0, 12) + "…b")} (${pattern.length} chars) vs 100,000 chars: no match ${missMs.toFixed(3)} ms (${miss}), match ${hitMs.toFixed(3)} ms (${hit}), *…b* ${midMs.toFixed(3)} ms (${mid})`);
  const patho = parseScenario({
    id: "pathological",
    request: { principal: `arn:aws:iam::${ME}:user/Ann`, action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context: { "s3:prefix": subject } },
    identityPolicies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringLike: { "s3:prefix": pattern } } }] }],
  });
  if (patho.ok) {
    const [e, ms] = time(() => evaluate(patho.value));
    console.log(`pathological StringLike condition in a full evaluation: ${ms.toFixed(3)} ms (${e.decision})`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
