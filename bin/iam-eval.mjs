#!/usr/bin/env node
// The `iam-eval` command (shared/contracts/iam-eval.md). The evaluator is written in
// TypeScript; tsx compiles it on load, so the command works straight after
// `npm install` without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/iam/cli.ts");
await main(process.argv.slice(2));
