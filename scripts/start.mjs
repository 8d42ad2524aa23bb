#!/usr/bin/env node
// `npm start`: builds the app when there is no build or the sources changed since the
// last one, then serves it on http://localhost:$PORT (3000) through scripts/with-db.mjs
// (the embedded PostgreSQL unless DATABASE_URL is set).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of readdirSync(p)) if (e !== "node_modules" && e !== "generated") m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

function needsBuild() {
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = ["app", "lib", "content", "package-lock.json", "next.config.js", "postcss.config.mjs"];
  return inputs.some((i) => newestMtime(path.join(root, i)) > built);
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (needsBuild()) {
  console.error("[start] building the app (first run or sources changed)…");
  const res = spawnSync("npm", ["run", "build"], { stdio: "inherit", cwd: root, env });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
const port = process.env.PORT ?? "3000";
console.error(`[start] serving on http://localhost:${port}  (Ctrl-C to stop)`);
const child = spawn("node", ["scripts/with-db.mjs", "next", "start", "-p", port], { stdio: "inherit", cwd: root, env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
