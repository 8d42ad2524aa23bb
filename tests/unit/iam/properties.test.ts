// Properties of the decision that hold for every scenario (fast-check): statement
// and policy order never matter (R4); adding a Deny never turns a deny into Allow
// (R1); adding an Allow never turns an Allow into a deny; a permissions boundary or
// session policy never grants (R75, R77).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, parseScenario, type Decision } from "@/lib/iam";

const ME = "111122223333";
const OTHER = "444455556666";
const ANN = `arn:aws:iam::${ME}:user/Ann`;
const SESSION = `arn:aws:sts::${ME}:assumed-role/App/s1`;
const FEDERATED = `arn:aws:sts::${ME}:federated-user/fed`;

type Json = Record<string, unknown>;

const callers = [ANN, SESSION, `arn:aws:iam::${ME}:root`, FEDERATED, `arn:aws:iam::${OTHER}:user/Bob`, "sns.amazonaws.com", "anonymous"];
const actionPatterns = ["s3:*", "s3:Get*", "s3:GetObject", "s3:PutObject", "s3:List*", "*", "ec2:*"];
const resourcePatterns = ["*", "arn:aws:s3:::b/*", "arn:aws:s3:::b", "arn:aws:s3:::other/*", "arn:aws:s3:::b*", "arn:aws:s3:::home/${aws:username}/*"];
const conditions: Json[] = [
  { StringEquals: { "aws:username": "Ann" } },
  { Bool: { "aws:SecureTransport": "true" } },
  { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
  { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
  { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ME}:role/App` } },
  { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } },
  { "ForAnyValue:StringEquals": { "aws:TagKeys": ["Env"] } },
  { Null: { "aws:TokenIssueTime": "true" } },
];
const principals: unknown[] = ["*", { AWS: ME }, { AWS: ANN }, { AWS: `arn:aws:iam::${ME}:role/App` }, { AWS: SESSION }, { AWS: OTHER }, { Service: "sns.amazonaws.com" }, { AWS: "*" }];

const statementArb = (effect: fc.Arbitrary<string>, resourceSide: boolean): fc.Arbitrary<Json> =>
  fc
    .record({
      effect,
      actions: fc.subarray(actionPatterns, { minLength: 1, maxLength: 3 }),
      notAction: fc.boolean(),
      resources: fc.subarray(resourcePatterns, { minLength: 1, maxLength: 2 }),
      notResource: fc.boolean(),
      condition: fc.option(fc.constantFrom(...conditions), { nil: undefined }),
      principal: fc.constantFrom(...principals),
      notPrincipal: fc.boolean(),
    })
    .map((r) => {
      const st: Json = { Effect: r.effect };
      st[r.notAction && r.effect === "Deny" ? "NotAction" : "Action"] = r.actions;
      st[r.notResource ? "NotResource" : "Resource"] = r.resources;
      if (r.condition !== undefined) st.Condition = r.condition;
      if (resourceSide) {
        const not = r.notPrincipal && r.effect === "Deny" && typeof r.principal === "object";
        st[not ? "NotPrincipal" : "Principal"] = r.principal;
      }
      return st;
    });

const effectArb = fc.constantFrom("Allow", "Allow", "Deny");
const policyArb = (resourceSide = false, effect: fc.Arbitrary<string> = effectArb) =>
  fc.array(statementArb(effect, resourceSide), { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: "2012-10-17", Statement }));
const scpArb = fc.array(
  fc.record({ effect: effectArb, action: fc.constantFrom("*", "s3:*", "s3:Get*", "ec2:*", "s3:PutObject") }).map((r) => ({ Effect: r.effect, Action: r.action, Resource: "*" })),
  { minLength: 1, maxLength: 3 },
);

const scenarioArb: fc.Arbitrary<Json> = fc
  .record({
    principal: fc.constantFrom(...callers),
    action: fc.constantFrom("s3:GetObject", "s3:PutObject", "s3:ListBucket"),
    resource: fc.constantFrom("arn:aws:s3:::b/k", "arn:aws:s3:::b", "arn:aws:s3:::other/k", "arn:aws:s3:::home/Ann/x"),
    crossAccount: fc.boolean(),
    context: fc.record({
      "aws:SourceIp": fc.constantFrom("10.1.2.3", "203.0.113.9"),
      "aws:SecureTransport": fc.boolean(),
      "aws:TagKeys": fc.constantFrom(["Env"], ["Owner"], []),
    }),
    identityPolicies: fc.array(policyArb(), { maxLength: 2 }),
    resourcePolicy: fc.option(policyArb(true), { nil: undefined }),
    permissionsBoundary: fc.option(policyArb(), { nil: undefined }),
    sessionPolicies: fc.option(fc.array(policyArb(), { minLength: 1, maxLength: 2 }), { nil: undefined }),
    scps: fc.option(fc.array(scpArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    rcpDeny: fc.option(policyArb(true, fc.constant("Deny")), { nil: undefined }),
  })
  .map((r) => {
    const s: Json = {
      id: "p",
      request: { principal: r.principal, action: r.action, resource: r.resource, context: r.context, ...(r.crossAccount ? { resourceAccount: OTHER } : {}) },
      identityPolicies: r.identityPolicies,
    };
    if (r.resourcePolicy !== undefined) s.resourcePolicy = r.resourcePolicy;
    if (r.permissionsBoundary !== undefined) s.permissionsBoundary = r.permissionsBoundary;
    if (r.sessionPolicies !== undefined) s.sessionPolicies = r.sessionPolicies;
    if (r.scps !== undefined) s.scps = r.scps.map((level) => [{ Version: "2012-10-17", Statement: level }]);
    if (r.rcpDeny !== undefined) {
      const deny = r.rcpDeny as { Statement: Json[] };
      for (const st of deny.Statement) {
        delete st.NotPrincipal;
        delete st.NotAction;
        st.Principal = "*";
        if (st.Action === undefined) st.Action = "s3:*";
      }
      s.rcps = [[{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }, deny]];
    }
    return s;
  });

function decide(input: Json): Decision {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`generated an invalid scenario: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return evaluate(parsed.value).decision;
}

const clone = <T>(v: T): T => structuredClone(v);

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every policy document of a scenario, with a label of where it sits. */
function policiesOf(s: Json): { where: string; policy: { Statement: Json[] } }[] {
  const out: { where: string; policy: { Statement: Json[] } }[] = [];
  const add = (where: string, p: unknown) => {
    if (p !== undefined) out.push({ where, policy: p as { Statement: Json[] } });
  };
  (s.identityPolicies as unknown[] | undefined)?.forEach((p) => add("identity", p));
  add("resource", s.resourcePolicy);
  add("boundary", s.permissionsBoundary);
  (s.sessionPolicies as unknown[] | undefined)?.forEach((p) => add("session", p));
  (s.scps as unknown[][] | undefined)?.forEach((level) => level.forEach((p) => add("scp", p)));
  (s.rcps as unknown[][] | undefined)?.forEach((level) => level.forEach((p) => add("rcp", p)));
  return out;
}

const RUNS = { numRuns: 400 };

describe("decision properties", () => {
  it("generates valid scenarios with all three decisions", () => {
    const seen = new Set<Decision>();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        seen.add(decide(s));
      }),
      RUNS,
    );
    expect([...seen].sort()).toEqual(["Allow", "ExplicitDeny", "ImplicitDeny"]);
  });

  it("an explicit deny is named by its first applicable Deny, and only Deny statements make one (R1)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const parsed = parseScenario(s);
        if (!parsed.ok) throw new Error("invalid scenario");
        const e = evaluate(parsed.value);
        expect(e.decision === "ExplicitDeny").toBe(e.denies.length > 0);
        if (e.decision === "ExplicitDeny") {
          expect(e.deciding.statement).toMatchObject({ policy: e.denies[0]!.policy, statement: e.denies[0]!.statement, effect: "Deny" });
        }
        expect(e.sets.every((o) => o.denies.every((d) => d.effect === "Deny"))).toBe(true);
      }),
      RUNS,
    );
  });

  it("statement and policy order never change a decision (R4)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        const shuffled = clone(s);
        for (const { policy } of policiesOf(shuffled)) policy.Statement = shuffle(policy.Statement, seed);
        shuffled.identityPolicies = shuffle(shuffled.identityPolicies as unknown[], seed + 1);
        if (shuffled.sessionPolicies !== undefined) shuffled.sessionPolicies = shuffle(shuffled.sessionPolicies as unknown[], seed + 2);
        if (shuffled.rcps !== undefined) shuffled.rcps = (shuffled.rcps as unknown[][]).map((level) => shuffle(level, seed + 3));
        expect(decide(shuffled)).toBe(decide(s));
      }),
      RUNS,
    );
  });

  it("adding a Deny never turns a deny into Allow, and never lifts an explicit deny (R1)", () => {
    fc.assert(
      fc.property(scenarioArb, statementArb(fc.constant("Deny"), true), fc.nat(), (s, deny, pick) => {
        const before = decide(s);
        const after = clone(s);
        const targets = policiesOf(after).filter((t) => t.where !== "rcp" && t.where !== "scp");
        if (targets.length === 0) return;
        const target = targets[pick % targets.length]!;
        const st = clone(deny);
        if (target.where !== "resource") {
          delete st.Principal;
          delete st.NotPrincipal;
        }
        target.policy.Statement.push(st);
        const result = decide(after);
        if (before !== "Allow") expect(result).not.toBe("Allow");
        if (before === "ExplicitDeny") expect(result).toBe("ExplicitDeny");
      }),
      RUNS,
    );
  });

  it("adding an Allow never turns an Allow into a deny", () => {
    fc.assert(
      fc.property(scenarioArb, statementArb(fc.constant("Allow"), true), fc.nat(), (s, allow, pick) => {
        const before = decide(s);
        const after = clone(s);
        const targets = policiesOf(after).filter((t) => t.where !== "rcp");
        const target = targets.length === 0 || pick % 3 === 0 ? undefined : targets[pick % targets.length]!;
        const st = clone(allow);
        if (target?.where !== "resource") {
          delete st.Principal;
          delete st.NotPrincipal;
        }
        if (target?.where === "scp") {
          st.Action = "s3:*";
          delete st.NotAction;
        }
        if (target === undefined) (after.identityPolicies as unknown[]).push({ Version: "2012-10-17", Statement: [st] });
        else target.policy.Statement.push(st);
        if (before === "Allow") expect(decide(after)).toBe("Allow");
      }),
      RUNS,
    );
  });

  it("a permissions boundary or session policy never grants (R75, R77)", () => {
    fc.assert(
      fc.property(scenarioArb, policyArb(), fc.boolean(), (s, cap, asSession) => {
        const before = decide(s);
        const after = clone(s);
        const principal = (s.request as Json).principal;
        if (asSession) {
          // R19: a federated user without a session policy has no identity permissions at all,
          // so for it a session policy is what lets identity policies count; exclude it here.
          if (principal === FEDERATED || after.sessionPolicies !== undefined) return;
          after.sessionPolicies = [cap];
        } else {
          if (after.permissionsBoundary !== undefined) return;
          after.permissionsBoundary = cap;
        }
        const result = decide(after);
        if (before !== "Allow") expect(result).not.toBe("Allow");
      }),
      RUNS,
    );
  });
});
