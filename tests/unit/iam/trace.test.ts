// The trace names what decided: the policy, statement and Sid of an explicit deny in
// each policy type, the stage of an implicit deny (with the closest statement), and
// the allowing statement and grant kind of an Allow (SEMANTICS §19).
import { describe, expect, it } from "vitest";
import { evaluate, explain, parseScenario, type Decision, type TraceStep } from "@/lib/iam";

const ME = "111122223333";
const OTHER = "444455556666";
const ANN = `arn:aws:iam::${ME}:user/Ann`;
const SESSION = `arn:aws:sts::${ME}:assumed-role/App/s1`;
const ROLE = `arn:aws:iam::${ME}:role/App`;
const OBJECT = "arn:aws:s3:::reports/q1.csv";

const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const allowGet = (Sid: string, extra: object = {}) => ({ Sid, Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*", ...extra });
const denyGet = (Sid: string, extra: object = {}) => ({ Sid, Effect: "Deny", Action: "s3:GetObject", Resource: "*", ...extra });
const FULL_SCP = doc({ Sid: "FullAWSAccess", Effect: "Allow", Action: "*", Resource: "*" });
const FULL_RCP = doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" });
const request = (principal: string, extra: object = {}) => ({ principal, action: "s3:GetObject", resource: OBJECT, ...extra });

function trace(input: object): { decision: Decision; steps: TraceStep[] } {
  const parsed = parseScenario({ id: "t", ...input });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  const e = evaluate(parsed.value);
  return { decision: e.decision, steps: explain(e) };
}

const last = (steps: TraceStep[]) => steps[steps.length - 1]!;

interface DenyCase {
  name: string;
  input: object;
  policy: string;
  statement: number;
  sid: string;
}

const explicitDenies: DenyCase[] = [
  {
    name: "identity policy",
    input: { request: request(ANN), identityPolicies: [doc(allowGet("Read")), doc(denyGet("NoReports"))] },
    policy: "identityPolicies[1]",
    statement: 0,
    sid: "NoReports",
  },
  {
    name: "resource-based policy",
    input: {
      request: request(ANN),
      identityPolicies: [doc(allowGet("Read"))],
      resourcePolicy: doc(allowGet("Share", { Principal: "*" }), denyGet("BlockAnn", { Principal: { AWS: ANN } })),
    },
    policy: "resourcePolicy",
    statement: 1,
    sid: "BlockAnn",
  },
  {
    name: "permissions boundary",
    input: { request: request(ANN), identityPolicies: [doc(allowGet("Read"))], permissionsBoundary: doc(allowGet("Cap"), denyGet("NoGet")) },
    policy: "permissionsBoundary",
    statement: 1,
    sid: "NoGet",
  },
  {
    name: "session policy",
    input: { request: request(SESSION), identityPolicies: [doc(allowGet("Read"))], sessionPolicies: [doc(denyGet("SessionDeny"))] },
    policy: "sessionPolicies[0]",
    statement: 0,
    sid: "SessionDeny",
  },
  {
    name: "SCP",
    input: { request: request(ANN), identityPolicies: [doc(allowGet("Read"))], scps: [[FULL_SCP], [FULL_SCP, doc(denyGet("OuDeny"))]] },
    policy: "scps[1][1]",
    statement: 0,
    sid: "OuDeny",
  },
  {
    name: "RCP",
    input: {
      request: request(ANN),
      identityPolicies: [doc(allowGet("Read"))],
      rcps: [[FULL_RCP, doc({ Sid: "OrgOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } } })]],
    },
    policy: "rcps[0][1]",
    statement: 0,
    sid: "OrgOnly",
  },
  {
    name: "VPC endpoint policy",
    input: { request: request(ANN), identityPolicies: [doc(allowGet("Read"))], endpointPolicy: doc(allowGet("Any", { Principal: "*" }), denyGet("NoReports", { Principal: "*" })) },
    policy: "endpointPolicy",
    statement: 1,
    sid: "NoReports",
  },
];

describe("trace of an explicit deny", () => {
  for (const c of explicitDenies) {
    it(`names the denying statement of the ${c.name}`, () => {
      const { decision, steps } = trace(c.input);
      expect(decision).toBe("ExplicitDeny");
      const deny = steps.find((s) => s.stage === "explicit-deny" && s.outcome === "deny");
      expect(deny).toMatchObject({ policy: c.policy, statement: c.statement, sid: c.sid, rule: "R1" });
      expect(last(steps)).toMatchObject({ stage: "decision", outcome: "deny", policy: c.policy, statement: c.statement, sid: c.sid });
      expect(last(steps).reason).toContain(`statement ${c.statement} (Sid ${c.sid}) of ${c.policy}`);
    });
  }

  it("says a Deny with NotPrincipal hit a boundary holder because of R18", () => {
    const { decision, steps } = trace({
      request: request(SESSION),
      identityPolicies: [doc(allowGet("Read"))],
      permissionsBoundary: doc({ Effect: "Allow", Action: "*", Resource: "*" }),
      resourcePolicy: doc({ Sid: "OnlyApp", Effect: "Deny", NotPrincipal: { AWS: [ROLE, SESSION, ME] }, Action: "s3:*", Resource: "*" }),
    });
    expect(decision).toBe("ExplicitDeny");
    expect(steps.find((s) => s.stage === "explicit-deny")).toMatchObject({ rule: "R18", sid: "OnlyApp" });
  });
});

interface ImplicitCase {
  name: string;
  input: object;
  stage: TraceStep["stage"];
  rule: string;
  /** The failing step names this policy (and, for a closest statement, this statement). */
  policy?: string;
  closest?: { policy: string; statement: number; sid: string };
}

const implicitDenies: ImplicitCase[] = [
  {
    name: "an RCP level without RCPFullAWSAccess",
    input: {
      request: request(ANN),
      identityPolicies: [doc(allowGet("Read"))],
      rcps: [[FULL_RCP], [doc({ Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: "*" })]],
    },
    stage: "rcp",
    rule: "R85",
    policy: "rcps[1]",
  },
  {
    name: "an SCP level",
    input: { request: request(ANN), identityPolicies: [doc(allowGet("Read"))], scps: [[FULL_SCP], [doc({ Sid: "Ec2Only", Effect: "Allow", Action: "ec2:*", Resource: "*" })]] },
    stage: "scp",
    rule: "R82",
    policy: "scps[1]",
    closest: { policy: "scps[1][0]", statement: 0, sid: "Ec2Only" },
  },
  {
    name: "the endpoint policy",
    input: { request: request(ANN), identityPolicies: [doc(allowGet("Read"))], endpointPolicy: doc({ Sid: "PutOnly", Effect: "Allow", Principal: "*", Action: "s3:PutObject", Resource: "*" }) },
    stage: "endpoint",
    rule: "R111",
    policy: "endpointPolicy",
    closest: { policy: "endpointPolicy", statement: 0, sid: "PutOnly" },
  },
  {
    name: "a role trust policy that names someone else",
    input: {
      request: { principal: ANN, action: "sts:AssumeRole", resource: `arn:aws:iam::${ME}:role/Target` },
      identityPolicies: [doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" })],
      resourcePolicy: doc({ Sid: "TrustOther", Effect: "Allow", Principal: { AWS: OTHER }, Action: "sts:AssumeRole" }),
    },
    stage: "resource",
    rule: "R94",
    policy: "resourcePolicy",
    closest: { policy: "resourcePolicy", statement: 0, sid: "TrustOther" },
  },
  {
    name: "a cross-account bucket without a grant",
    input: { request: request(ANN, { resourceAccount: OTHER }), identityPolicies: [doc(allowGet("Read"))] },
    stage: "resource",
    rule: "R20",
  },
  {
    name: "the identity pool",
    input: {
      request: request(ANN, { context: { "aws:SourceIp": "198.51.100.7" } }),
      identityPolicies: [doc({ Sid: "OfficeOnly", Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } })],
    },
    stage: "identity",
    rule: "R2",
    policy: "identityPolicies",
    closest: { policy: "identityPolicies[0]", statement: 0, sid: "OfficeOnly" },
  },
  {
    name: "the permissions boundary",
    input: { request: request(ANN), identityPolicies: [doc(allowGet("Read"))], permissionsBoundary: doc({ Sid: "Ec2Cap", Effect: "Allow", Action: "ec2:*", Resource: "*" }) },
    stage: "boundary",
    rule: "R75",
    policy: "permissionsBoundary",
    closest: { policy: "permissionsBoundary", statement: 0, sid: "Ec2Cap" },
  },
  {
    name: "the session policy",
    input: { request: request(SESSION), identityPolicies: [doc(allowGet("Read"))], sessionPolicies: [doc({ Sid: "PutOnly", Effect: "Allow", Action: "s3:PutObject", Resource: "*" })] },
    stage: "session",
    rule: "R77",
    policy: "sessionPolicies",
    closest: { policy: "sessionPolicies[0]", statement: 0, sid: "PutOnly" },
  },
  {
    name: "a federated user without a session policy",
    input: { request: request(`arn:aws:sts::${ME}:federated-user/fed`), identityPolicies: [doc(allowGet("Read"))] },
    stage: "session",
    rule: "R19",
  },
  {
    name: "the role's entity grant capped by the boundary (R14)",
    input: {
      request: request(SESSION),
      resourcePolicy: doc(allowGet("ReadForApp", { Principal: { AWS: ROLE } })),
      permissionsBoundary: doc({ Sid: "DynamoOnly", Effect: "Allow", Action: "dynamodb:*", Resource: "*" }),
    },
    stage: "boundary",
    rule: "R14",
    policy: "permissionsBoundary",
    closest: { policy: "permissionsBoundary", statement: 0, sid: "DynamoOnly" },
  },
  {
    name: "a service rule (role chaining over one hour)",
    input: {
      request: { principal: SESSION, action: "sts:AssumeRole", resource: `arn:aws:iam::${ME}:role/Deploy`, durationSeconds: 7200 },
      resourcePolicy: doc({ Effect: "Allow", Principal: { AWS: ROLE }, Action: "sts:AssumeRole" }),
    },
    stage: "service",
    rule: "R103",
  },
];

describe("trace of an implicit deny", () => {
  for (const c of implicitDenies) {
    it(`names ${c.name} as the stage that decided`, () => {
      const { decision, steps } = trace(c.input);
      expect(decision).toBe("ImplicitDeny");
      const failing = steps.find((s) => s.stage === c.stage && s.outcome === "fail");
      expect(failing, JSON.stringify(steps, null, 1)).toBeDefined();
      expect(failing!.rule).toBe(c.rule);
      if (c.policy !== undefined) expect(failing!.policy).toBe(c.policy);
      if (c.closest !== undefined) {
        const closest = steps.find((s) => s.stage === c.stage && s.reason.startsWith("Closest:"));
        expect(closest).toMatchObject(c.closest);
      }
      expect(last(steps)).toMatchObject({ stage: "decision", outcome: "deny", rule: c.rule });
      expect(last(steps).reason).toMatch(/^ImplicitDeny: .+\. .+/);
    });
  }

  it("says which condition key was missing and which operator rule applied", () => {
    const { steps } = trace({
      request: request(ANN),
      identityPolicies: [doc({ Sid: "TeamOnly", Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/team": "red" } } })],
    });
    const closest = steps.find((s) => s.reason.startsWith("Closest:"))!;
    expect(closest).toMatchObject({ stage: "identity", policy: "identityPolicies[0]", statement: 0, sid: "TeamOnly", rule: "R52" });
    expect(closest.reason).toContain("StringEquals on `aws:PrincipalTag/team` failed: the request has no `aws:PrincipalTag/team`");
  });

  it("warns when a date condition meets a scenario without a clock (R113)", () => {
    const { steps } = trace({
      request: request(ANN),
      identityPolicies: [doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } } })],
    });
    expect(steps.some((s) => s.stage === "context" && s.rule === "R113" && s.reason.startsWith("Warning"))).toBe(true);
  });
});

interface AllowCase {
  name: string;
  input: object;
  policy: string;
  statement: number;
  sid: string;
  grant?: string;
  rule: string;
  ambiguous?: boolean;
}

const allows: AllowCase[] = [
  { name: "an identity policy", input: { request: request(ANN), identityPolicies: [doc({ Sid: "Other", Effect: "Allow", Action: "ec2:*", Resource: "*" }), doc(allowGet("Read"))] }, policy: "identityPolicies[1]", statement: 0, sid: "Read", rule: "R11" },
  {
    name: "a direct grant to the user in the bucket policy",
    input: { request: request(ANN), permissionsBoundary: doc({ Effect: "Allow", Action: "ec2:*", Resource: "*" }), resourcePolicy: doc(allowGet("Ann", { Principal: { AWS: ANN } })) },
    policy: "resourcePolicy",
    statement: 0,
    sid: "Ann",
    grant: "direct grant",
    rule: "R13",
  },
  {
    name: "an entity grant to the role",
    input: { request: request(SESSION), resourcePolicy: doc(allowGet("App", { Principal: { AWS: ROLE } })) },
    policy: "resourcePolicy",
    statement: 0,
    sid: "App",
    grant: "entity grant",
    rule: "R12",
  },
  {
    name: "an account grant with an identity allow",
    input: { request: request(ANN), identityPolicies: [doc(allowGet("Read"))], resourcePolicy: doc({ Effect: "Deny", Principal: "*", Action: "s3:DeleteObject", Resource: "*" }, allowGet("Account", { Principal: { AWS: ME } })) },
    policy: "resourcePolicy",
    statement: 1,
    sid: "Account",
    grant: "account grant",
    rule: "R17",
    ambiguous: true,
  },
  {
    name: "a grant to \"*\" (R16)",
    input: { request: request(SESSION), permissionsBoundary: doc({ Effect: "Allow", Action: "ec2:*", Resource: "*" }), resourcePolicy: doc(allowGet("Everyone", { Principal: "*", Condition: { ArnLike: { "aws:PrincipalArn": ROLE } } })) },
    policy: "resourcePolicy",
    statement: 0,
    sid: "Everyone",
    grant: "direct grant",
    rule: "R16",
    ambiguous: true,
  },
  {
    name: "a cross-account grant with the caller's identity allow",
    input: { request: request(ANN, { resourceAccount: OTHER }), identityPolicies: [doc(allowGet("Read"))], resourcePolicy: doc(allowGet("Partner", { Principal: { AWS: ME } })) },
    policy: "resourcePolicy",
    statement: 0,
    sid: "Partner",
    rule: "R20",
  },
];

describe("trace of an Allow", () => {
  for (const c of allows) {
    it(`names ${c.name}`, () => {
      const { decision, steps } = trace(c.input);
      expect(decision).toBe("Allow");
      const d = last(steps);
      expect(d).toMatchObject({ stage: "decision", outcome: "allow", policy: c.policy, statement: c.statement, sid: c.sid, rule: c.rule });
      expect(d.ambiguous === true).toBe(c.ambiguous === true);
      expect(d.reason).toContain("A Deny statement matching this request");
      if (c.grant !== undefined) {
        const grant = steps.find((s) => s.stage === "resource" && s.outcome === "allow")!;
        expect(grant).toMatchObject({ policy: c.policy, statement: c.statement, sid: c.sid });
        expect(grant.reason).toContain(c.grant);
      }
    });
  }

  it("orders steps as the AWS flowchart does (§19)", () => {
    const { steps } = trace({
      request: request(SESSION, { resourceAccount: OTHER }),
      identityPolicies: [doc(allowGet("Read"))],
      permissionsBoundary: doc(allowGet("Cap")),
      sessionPolicies: [doc(allowGet("Sess"))],
      scps: [[FULL_SCP]],
      rcps: [[FULL_RCP]],
      resourcePolicy: doc(allowGet("Partner", { Principal: { AWS: ROLE } })),
    });
    const order: TraceStep["stage"][] = ["request", "context", "policies", "explicit-deny", "rcp", "scp", "endpoint", "service", "resource", "identity", "boundary", "session", "cross-account", "decision"];
    const seen = steps.map((s) => order.indexOf(s.stage));
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
    expect(new Set(steps.map((s) => s.stage))).toEqual(new Set(["request", "context", "policies", "explicit-deny", "rcp", "scp", "resource", "identity", "boundary", "session", "cross-account", "decision"]));
  });
});

describe("ambiguity marks", () => {
  it("marks a NotPrincipal decided by the strict layer reading (R49)", () => {
    const { decision, steps } = trace({
      request: request(ANN),
      identityPolicies: [doc(allowGet("Read"))],
      resourcePolicy: doc({ Sid: "OnlyAnn", Effect: "Deny", NotPrincipal: { AWS: ANN }, Action: "s3:*", Resource: "*" }),
    });
    expect(decision).toBe("ExplicitDeny");
    expect(steps.find((s) => s.stage === "explicit-deny")).toMatchObject({ sid: "OnlyAnn", ambiguous: true });
  });

  it("marks a plain operator on a multivalued key (R66)", () => {
    const { steps } = trace({
      request: request(ANN, { context: { "aws:TagKeys": ["Env"] } }),
      identityPolicies: [doc({ Sid: "Tags", Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:TagKeys": "Env" } } })],
    });
    expect(steps.find((s) => s.reason.startsWith("Closest:"))).toMatchObject({ rule: "R66", ambiguous: true });
  });
});

describe("grey-area marks", () => {
  const accountGrant = doc({ Sid: "AccountRead", Effect: "Allow", Principal: { AWS: ME }, Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" });

  it("marks a same-account account-principal delegation as a documented grey area (R17)", () => {
    const { decision, steps } = trace({ request: request(ANN, { resourceAccount: ME }), resourcePolicy: accountGrant });
    expect(decision).toBe("ImplicitDeny");
    const identity = steps.find((s) => s.stage === "identity" && s.rule === "R17");
    expect(identity?.ambiguous).toBe(true);
  });

  it("does not mark the documented cross-account rule as a grey area (R21)", () => {
    const { decision, steps } = trace({ request: request(ANN, { resourceAccount: OTHER }), resourcePolicy: accountGrant });
    expect(decision).toBe("ImplicitDeny");
    expect(steps.some((s) => s.rule === "R17")).toBe(false);
    expect(steps.find((s) => s.stage === "identity")?.rule).toBe("R21");
    expect(steps.filter((s) => s.stage === "identity").every((s) => !s.ambiguous)).toBe(true);
  });
});
