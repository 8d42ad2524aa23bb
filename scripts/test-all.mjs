#!/usr/bin/env node
// `npm test`: every check and every suite, in order: lint, typecheck, content check,
// unit tests, integration tests (real PostgreSQL), browser tests (real Chromium).
// A suite that skips a test, or runs none, fails the run: nothing is allowed to pass by
// not running. Ends with one line `total: N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(label, cmd, args) {
  const t0 = Date.now();
  console.log(`\n=== ${label}: ${cmd} ${args.join(" ")}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  return { code: res.status ?? 1, secs };
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    total: r.numTotalTests,
  };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const s = JSON.parse(readFileSync(file, "utf8")).stats ?? {};
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  const failed = s.unexpected ?? 0;
  const skipped = s.skipped ?? 0;
  return { passed, failed, skipped, total: passed + failed + skipped };
}

const steps = [
  { label: "lint", cmd: "npx", args: ["eslint", "."] },
  { label: "typecheck", cmd: "npx", args: ["tsc", "--noEmit"] },
  { label: "content check", cmd: "npm", args: ["run", "--silent", "content:check"] },
  {
    label: "unit tests",
    cmd: "npx",
    args: ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${path.join(results, "unit.json")}`],
    counts: () => vitestCounts(path.join(results, "unit.json")),
  },
  {
    label: "integration tests",
    cmd: "node",
    args: [
      "scripts/with-db.mjs",
      "--test",
      "vitest",
      "run",
      "-c",
      "vitest.integration.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${path.join(results, "integration.json")}`,
    ],
    counts: () => vitestCounts(path.join(results, "integration.json")),
  },
  { label: "browser tests", cmd: "node", args: ["scripts/e2e.mjs"], counts: () => playwrightCounts(path.join(results, "e2e-results.json")) },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  const { code, secs } = run(step.label, step.cmd, step.args);
  let line = `${step.label}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${secs} s`;
  let bad = code !== 0;
  if (step.counts) {
    const c = step.counts();
    if (!c) {
      bad = true;
      line += "; no results were written";
    } else {
      passed += c.passed;
      failed += c.failed;
      line += `; ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
      if (c.skipped > 0) {
        bad = true;
        line += " (skipped tests are not allowed)";
      }
      if (c.total === 0) {
        bad = true;
        line += " (the suite ran no test)";
      }
    }
  }
  // A failed step that reported no failing test (lint, a suite that did not load, a skipped
  // test) still counts as one failure, so the closing line never reads "0 failed" on a red run.
  if (bad && !(step.counts && (step.counts()?.failed ?? 0) > 0)) failed += 1;
  summary.push((bad ? "✗ " : "✓ ") + line);
}

console.log("\n=== summary");
for (const l of summary) console.log(l);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && summary.every((l) => l.startsWith("✓")) ? 0 : 1);
