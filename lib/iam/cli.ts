// The `iam-eval` command of the contract (shared/contracts/iam-eval.md): reads
// scenario files (or `-` for standard input), prints one JSON line per valid
// scenario, reports each invalid one on standard error with file, scenario id, JSON
// path and message, and exits 0 (all evaluated), 1 (`--check` found a decision that
// differs from `expected`) or 2 (invalid input or usage). Catalogue warnings go to
// standard error and never change the exit status. The only file here that touches
// `node:*`.

import { readFile } from "node:fs/promises";
import { collectCatalogueNeeds, type CatalogueNeeds } from "./parse/catalogue";
import { loadCatalogue } from "./parse/catalogue-load";
import { evaluate } from "./evaluate/request";
import { explain } from "./explain/trace";
import { parseJsonText } from "./parse/json-text";
import { parseScenarioBatch } from "./scenario/parse";
import type { Issue } from "./issues";

const USAGE = `usage: iam-eval [--trace] [--check] [--no-warnings] FILE...
  FILE          a JSON file holding one scenario or an array of scenarios; "-" reads standard input
  --trace       add the learner-facing trace to each output line
  --check       exit 1 when a decision differs from the scenario's "expected"
  --no-warnings do not print catalogue warnings (unknown actions, condition keys)
exit status: 0 all evaluated, 1 --check mismatch, 2 invalid input or usage`;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly readFile: (path: string) => Promise<string>;
}

interface Options {
  trace: boolean;
  check: boolean;
  warnings: boolean;
  files: string[];
}

function parseArgs(argv: readonly string[]): Options | string {
  const o: Options = { trace: false, check: false, warnings: true, files: [] };
  let onlyFiles = false;
  for (const a of argv) {
    if (!onlyFiles && a === "--") onlyFiles = true;
    else if (!onlyFiles && a === "--trace") o.trace = true;
    else if (!onlyFiles && a === "--check") o.check = true;
    else if (!onlyFiles && a === "--no-warnings") o.warnings = false;
    else if (!onlyFiles && (a === "--help" || a === "-h")) return "help";
    else if (!onlyFiles && a.startsWith("-") && a !== "-") return `unknown option ${a}`;
    else o.files.push(a);
  }
  if (o.files.length === 0) return "no input file given";
  return o;
}

function describeScenario(file: string, index: number | null, id: string | undefined): string {
  const at = index === null ? "" : ` [${index}]`;
  return id !== undefined ? `scenario ${JSON.stringify(id)}${at}` : `scenario${at === "" ? "" : at}`;
}

function issueLine(file: string, where: string, i: Issue): string {
  return `${file}: ${where}: ${i.path === "" ? "" : `${i.path}: `}${i.message} [${i.code}]`;
}

/** Runs the command; returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (typeof opts === "string") {
    io.stderr(`iam-eval: ${opts}\n${USAGE}\n`);
    return 2;
  }
  let status = 0;
  const raise = (s: number) => {
    if (s > status) status = s;
  };
  const texts: { file: string; text: string }[] = [];
  let stdinUsed = false;
  for (const file of opts.files) {
    try {
      if (file === "-") {
        if (stdinUsed) {
          io.stderr(`iam-eval: "-" given twice; standard input can be read once\n`);
          raise(2);
          continue;
        }
        stdinUsed = true;
        texts.push({ file: "<stdin>", text: await io.readStdin() });
      } else texts.push({ file, text: await io.readFile(file) });
    } catch (e) {
      io.stderr(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}\n`);
      raise(2);
    }
  }

  const inputs = texts.map(({ file, text }) => ({ file, json: parseJsonText(text) }));
  let catalogue;
  if (opts.warnings) {
    const needs: CatalogueNeeds = { services: new Set(), conditionKeys: new Set() };
    for (const { json } of inputs) if (json.ok) collectCatalogueNeeds(json.value, needs);
    try {
      catalogue = await loadCatalogue(needs);
    } catch {
      catalogue = undefined; // warnings are optional; evaluation never depends on them
    }
  }

  const out: string[] = [];
  const err: string[] = [];
  for (const { file, json } of inputs) {
    const batch = parseScenarioBatch(json, catalogue !== undefined ? { catalogue } : {});
    if (!batch.ok) {
      for (const i of batch.issues) err.push(issueLine(file, "file", i));
      raise(2);
      continue;
    }
    for (const entry of batch.entries) {
      const where = describeScenario(file, entry.index, entry.id);
      if (!entry.result.ok) {
        for (const i of entry.result.issues) err.push(issueLine(file, where, i));
        raise(2);
        continue;
      }
      const scenario = entry.result.value;
      for (const w of entry.result.warnings) err.push(`warning: ${issueLine(file, where, w)}`);
      const evaluation = evaluate(scenario);
      const line: Record<string, unknown> = { id: scenario.id ?? (entry.index === null ? file : `${file}[${entry.index}]`), decision: evaluation.decision };
      if (opts.trace) line.trace = explain(evaluation);
      out.push(JSON.stringify(line));
      if (opts.check && scenario.expected !== undefined && scenario.expected !== evaluation.decision) {
        err.push(`${file}: ${where}: expected ${scenario.expected}, got ${evaluation.decision}`);
        raise(1);
      }
    }
  }
  if (out.length > 0) io.stdout(`${out.join("\n")}\n`);
  if (err.length > 0) io.stderr(`${err.join("\n")}\n`);
  return status;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** Entry point used by bin/iam-eval.mjs. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const status = await runCli(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => readAll(process.stdin),
    readFile: (p) => readFile(p, "utf8"),
  });
  process.exitCode = status;
}
