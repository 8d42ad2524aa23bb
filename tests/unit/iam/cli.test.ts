// `iam-eval` end to end: the real command (node bin/iam-eval.mjs) on real files in a
// temporary directory — batch files, standard input, --trace, --check, and invalid
// input reported with file, scenario id and JSON path while the valid scenarios of
// the batch are still printed (shared/contracts/iam-eval.md).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BIN = join(ROOT, "bin/iam-eval.mjs");
const dir = mkdtempSync(join(tmpdir(), "iam-eval-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANN = "arn:aws:iam::111122223333:user/Ann";
const allowGet = { Version: "2012-10-17", Statement: [{ Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] };
const scenario = (id: string, extra: object = {}) => ({
  id,
  request: { principal: ANN, action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
  identityPolicies: [allowGet],
  ...extra,
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, "--no-warnings", ...args], { cwd: ROOT, input, encoding: "utf8", timeout: 60_000 });
  const lines = r.stdout.split("\n").filter((l) => l !== "");
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("iam-eval", () => {
  it("prints one JSON line per scenario of a batch file and exits 0", () => {
    const batch = file("batch.json", [
      scenario("allowed"),
      scenario("denied", { identityPolicies: [allowGet, { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*" }] }] }),
      scenario("nothing", { identityPolicies: [] }),
    ]);
    const single = file("single.json", scenario("one-object"));
    const r = run([batch, single]);
    expect(r.status).toBe(0);
    expect(r.json).toEqual([
      { id: "allowed", decision: "Allow" },
      { id: "denied", decision: "ExplicitDeny" },
      { id: "nothing", decision: "ImplicitDeny" },
      { id: "one-object", decision: "Allow" },
    ]);
  });

  it("reads standard input for -", () => {
    const r = run(["-"], JSON.stringify([scenario("from-stdin")]));
    expect(r.status).toBe(0);
    expect(r.json).toEqual([{ id: "from-stdin", decision: "Allow" }]);
  });

  it("adds the learner-facing trace with --trace", () => {
    const r = run(["--trace", file("trace.json", scenario("traced"))]);
    expect(r.status).toBe(0);
    const trace = r.json[0]!.trace as { stage: string; policy?: string; sid?: string; reason: string }[];
    expect(trace[0]!.stage).toBe("request");
    expect(trace[trace.length - 1]).toMatchObject({ stage: "decision", policy: "identityPolicies[0]", sid: "Read" });
    expect(trace.every((s) => typeof s.reason === "string" && s.reason.length > 0)).toBe(true);
  });

  it("exits 1 under --check when a decision differs from expected, and 0 when all agree", () => {
    const path = file("check.json", [scenario("right", { expected: "Allow" }), scenario("wrong", { expected: "ImplicitDeny" })]);
    const r = run(["--check", path]);
    expect(r.status).toBe(1);
    expect(r.json.map((l) => l.id)).toEqual(["right", "wrong"]);
    expect(r.stderr).toContain(`${path}: scenario "wrong" [1]: expected ImplicitDeny, got Allow`);
    expect(run(["--check", file("ok.json", [scenario("fine", { expected: "Allow" })])]).status).toBe(0);
    expect(run([path]).status).toBe(0);
  });

  it("exits 2 naming file, scenario id and JSON path for invalid input, and still prints the valid ones", () => {
    const path = file("mixed.json", [
      scenario("good"),
      scenario("typo", { identityPolicies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringLikee: { "s3:prefix": "a*" } } }] }] }),
      scenario("also-good", { expected: "ImplicitDeny" }),
    ]);
    const r = run(["--check", path]);
    expect(r.status).toBe(2);
    expect(r.json).toEqual([
      { id: "good", decision: "Allow" },
      { id: "also-good", decision: "Allow" },
    ]);
    expect(r.stderr).toContain(
      `${path}: scenario "typo" [1]: identityPolicies[0].Statement[0].Condition.StringLikee: unknown condition operator "StringLikee" (did you mean "StringLike"?) (R29) [UNKNOWN_CONDITION_OPERATOR]`,
    );
    expect(r.stderr).toContain(`${path}: scenario "also-good" [2]: expected ImplicitDeny, got Allow`);
  });

  it("reports invalid JSON with line and column and exits 2", () => {
    const bad = file("bad.json", '[\n  {"id": "x",}\n]');
    const good = file("good.json", scenario("still-evaluated"));
    const r = run([bad, good]);
    expect(r.status).toBe(2);
    expect(r.json).toEqual([{ id: "still-evaluated", decision: "Allow" }]);
    expect(r.stderr).toContain(`${bad}: file: invalid JSON at line 2, column 14: unexpected character "}": expected a quoted key [INVALID_JSON]`);
  });

  it("reports duplicate keys as invalid input", () => {
    const path = file("dupe.json", '{"id":"d","request":{"principal":"arn:aws:iam::111122223333:user/Ann","action":"s3:GetObject","resource":"*","action":"s3:PutObject"}}');
    const r = run([path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${path}: scenario "d": request.action: duplicate key "action" at line 1`);
  });

  it("exits 2 with usage for a missing file argument or an unknown option", () => {
    expect(run([]).status).toBe(2);
    const r = run(["--verbose", "x.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option --verbose");
    const missing = run([join(dir, "does-not-exist.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read");
  });

  it("evaluates a large batch in one process", () => {
    const many = Array.from({ length: 2000 }, (_, i) => scenario(`bulk-${i}`, i % 2 === 0 ? {} : { identityPolicies: [] }));
    const r = run([file("bulk.json", many)]);
    expect(r.status).toBe(0);
    expect(r.json).toHaveLength(2000);
    expect(r.json[1999]).toEqual({ id: "bulk-1999", decision: "ImplicitDeny" });
  });

  it("prints catalogue warnings on standard error without changing the exit status", () => {
    const path = file("warn.json", scenario("warned", { identityPolicies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObjekt", Resource: "*" }] }] }));
    const r = spawnSync(process.execPath, [BIN, path], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: ' + path + ': scenario "warned": identityPolicies[0].Statement[0].Action: unknown action "s3:GetObjekt" (did you mean "s3:GetObject"?) [UNKNOWN_ACTION]');
  });
});
