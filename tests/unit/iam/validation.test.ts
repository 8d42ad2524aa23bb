// Validation: every invalid fixture (tests/fixtures/iam/invalid/*.json, entries
// `{ id, rule, input, issues: [{ code, path }] }`) must be rejected with exactly the
// listed issues, each with a readable message; every error code must be covered;
// and warnings (catalogue, size) leave a scenario valid.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  collectCatalogueNeeds,
  loadCatalogue,
  parsePolicy,
  parseScenario,
  parseScenarioText,
  type ErrorCode,
  type Issue,
} from "@/lib/iam";
import { FIXTURE_ROOT } from "./fixtures";

interface InvalidFixture {
  id: string;
  rule: string;
  input: unknown;
  issues: { code: string; path: string }[];
}

const dir = join(FIXTURE_ROOT, "invalid");
const fixtures: { file: string; fixture: InvalidFixture }[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .flatMap((file) => (JSON.parse(readFileSync(join(dir, file), "utf8")) as InvalidFixture[]).map((fixture) => ({ file, fixture })));

/**
 * Error text is product (ARCHITECTURE): a lower-case sentence, or one that opens with
 * the policy element or operator it is about, quoting user input, without a final
 * period.
 */
const ELEMENT = /^(?:Version|Id|Statement|Sid|Effect|Principal|NotPrincipal|Action|NotAction|Resource|NotResource|Condition|(?:ForAnyValue:|ForAllValues:)?(?:String|Numeric|Date|Bool|Binary|IpAddress|NotIpAddress|Arn|Null)\w*)\b/;
function expectReadable(i: Issue): void {
  expect(i.message.length).toBeGreaterThan(10);
  expect(i.message.endsWith(".")).toBe(false);
  const first = i.message[0]!;
  if (first !== first.toLowerCase() && first !== '"') expect(i.message).toMatch(ELEMENT);
}

function parseInput(input: unknown) {
  return typeof input === "string" ? parseScenarioText(input) : parseScenario(input);
}

const ALL_ERROR_CODES: readonly ErrorCode[] = [
  "INVALID_JSON",
  "DUPLICATE_KEY",
  "UNKNOWN_FIELD",
  "MISSING_FIELD",
  "INVALID_TYPE",
  "INVALID_VERSION",
  "INVALID_EFFECT",
  "INVALID_SID",
  "DUPLICATE_SID",
  "ACTION_REQUIRED",
  "RESOURCE_REQUIRED",
  "RESOURCE_NOT_ALLOWED",
  "PRINCIPAL_REQUIRED",
  "PRINCIPAL_NOT_ALLOWED",
  "NOT_PRINCIPAL_NOT_ALLOWED",
  "INVALID_PRINCIPAL",
  "INVALID_ACTION",
  "INVALID_RESOURCE",
  "UNKNOWN_CONDITION_OPERATOR",
  "INVALID_CONDITION_KEY",
  "INVALID_CONDITION_VALUE",
  "VARIABLE_NOT_ALLOWED",
  "SCP_INVALID",
  "RCP_INVALID",
  "POLICY_TOO_LARGE",
  "INVALID_REQUEST",
];

describe("invalid fixtures", () => {
  it("ids are unique", () => {
    const ids = fixtures.map((f) => f.fixture.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("every error code is exercised by some fixture", () => {
    const used = new Set(fixtures.flatMap((f) => f.fixture.issues.map((i) => i.code)));
    expect(ALL_ERROR_CODES.filter((c) => !used.has(c))).toEqual([]);
  });

  for (const { file, fixture } of fixtures) {
    it(`${fixture.id} (${file}, ${fixture.rule})`, () => {
      const r = parseInput(fixture.input);
      expect(r.ok, `${fixture.id} should be invalid`).toBe(false);
      if (r.ok) return;
      const actual = r.issues.map((i) => ({ code: i.code, path: i.path }));
      expect(actual).toEqual(fixture.issues);
      for (const i of r.issues) expectReadable(i);
    });
  }
});

describe("issue messages", () => {
  const base = {
    id: "m",
    request: { principal: "arn:aws:iam::111122223333:user/Ann", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
  };
  const first = (input: unknown): Issue => {
    const r = parseScenario(input);
    if (r.ok) throw new Error("expected invalid input");
    return r.issues[0]!;
  };

  it("suggests the operator an author probably meant", () => {
    const i = first({
      ...base,
      identityPolicies: [
        { Version: "2012-10-17", Statement: [{}, { Effect: "Allow", Action: "s3:*", Resource: "*", Condition: { StringLikee: { "s3:prefix": "a*" } } }] },
      ],
    });
    expect(`${i.path}: ${i.message}`).toBe(
      'identityPolicies[0].Statement[0].Effect: a statement needs an Effect, "Allow" or "Deny" (R25)',
    );
    const r = parseScenario({
      ...base,
      identityPolicies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Effect: "Allow", Action: "s3:*", Resource: "*", Condition: { StringLikee: { "s3:prefix": "a*" } } }] }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(`${r.issues[0]!.path}: ${r.issues[0]!.message}`).toBe(
        'identityPolicies[0].Statement[1].Condition.StringLikee: unknown condition operator "StringLikee" (did you mean "StringLike"?) (R29)',
      );
    }
  });

  it("names the quota of an oversized boundary", () => {
    const statements = Array.from({ length: 100 }, (_, n) => ({ Sid: `S${n}`, Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::bucket-number-${n}/prefix/*` }));
    const i = first({ ...base, permissionsBoundary: { Version: "2012-10-17", Statement: statements } });
    expect(i.code).toBe("POLICY_TOO_LARGE");
    expect(i.message).toMatch(/^permissions boundary is \d+ characters; a managed policy holds at most 6,144 \(R29a\)$/);
  });

  it("reports a JSON syntax error with line and column", () => {
    const r = parseScenarioText('{\n  "id": "x",\n  "request": {,}\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toBe('invalid JSON at line 3, column 15: unexpected character ",": expected a quoted key');
  });

  it("reports a duplicate key with its position", () => {
    const r = parseScenarioText('{"id":"x",\n"id":"y"}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toEqual({ code: "DUPLICATE_KEY", path: "id", message: 'duplicate key "id" at line 2, column 1; IAM rejects documents that repeat a key (R26)' });
  });

  it("reports every problem of a scenario at once", () => {
    const r = parseScenario({
      ...base,
      expected: "Allowed",
      identityPolicies: [{ Version: "2012-10-18", Statement: [{ Effect: "allow", Action: "s3*:Get", Resource: "arn:aws:s3*:::b" }] }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code).sort()).toEqual(["INVALID_ACTION", "INVALID_EFFECT", "INVALID_RESOURCE", "INVALID_TYPE", "INVALID_VERSION"]);
  });
});

describe("warnings", () => {
  it("warns, without failing, when an identity policy exceeds the managed-policy quota", () => {
    const statements = Array.from({ length: 80 }, (_, n) => ({ Sid: `S${n}`, Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::bucket-number-${n}/prefix/*` }));
    const r = parsePolicy({ Version: "2012-10-17", Statement: statements }, "identity", "identityPolicies[0]");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => [w.code, w.path])).toEqual([["POLICY_NEAR_LIMIT", "identityPolicies[0]"]]);
  });

  it("flags unknown services, actions and condition keys from the AWS catalogue", async () => {
    const input = {
      id: "w",
      request: { principal: "arn:aws:iam::111122223333:user/Ann", action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
      identityPolicies: [
        {
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: ["s3:GetObjekt", "s4:GetObject", "s3:Get*", "s3:Zap*"], Resource: "*", Condition: { StringEquals: { "aws:SourceIpp": "x", "s3:prefix": "a" } } },
          ],
        },
      ],
    };
    const catalogue = await loadCatalogue(collectCatalogueNeeds(input));
    const r = parseScenario(input, { catalogue });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => `${w.code} ${w.path}: ${w.message}`)).toEqual([
      'UNKNOWN_ACTION identityPolicies[0].Statement[0].Action[0]: unknown action "s3:GetObjekt" (did you mean "s3:GetObject"?)',
      'UNKNOWN_SERVICE identityPolicies[0].Statement[0].Action[1]: unknown service prefix "s4" (did you mean "s3"?)',
      'UNKNOWN_ACTION identityPolicies[0].Statement[0].Action[3]: "s3:Zap*" matches no known action of s3',
      'UNKNOWN_CONDITION_KEY identityPolicies[0].Statement[0].Condition.StringEquals.aws:SourceIpp: unknown condition key "aws:SourceIpp" (did you mean "aws:SourceIp"?)',
    ]);
  });
});
