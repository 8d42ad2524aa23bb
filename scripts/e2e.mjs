#!/usr/bin/env node
// Browser tests: finds a Chromium (Playwright's own if installed, else Debian's
// /usr/bin/chromium, else installs Debian's package when running as root, since
// Playwright's browser download is not reachable everywhere), builds the app, and runs
// Playwright against `next start` on a throwaway database.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (m) => console.error(`[e2e] ${m}`);

async function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return "";
  } catch {
    // no Playwright browser installed
  }
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  if (userInfo().uid === 0 && existsSync("/usr/bin/apt-get")) {
    say("no Chromium found: installing Debian's chromium package");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-q"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-q", "chromium"], { stdio: "inherit", env });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  throw new Error(
    "no Chromium for the browser tests: run `npx playwright install chromium`, or install your distribution's chromium package, or set CHROMIUM_PATH",
  );
}

function run(cmd, args, env = process.env) {
  const res = spawnSync(cmd, args, { stdio: "inherit", cwd: root, env });
  return res.status ?? 1;
}

const chromiumPath = await findChromium();
say(chromiumPath ? `using ${chromiumPath}` : "using Playwright's own Chromium");
if (process.env.E2E_SKIP_BUILD !== "1") {
  const code = run("npm", ["run", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (code !== 0) process.exit(code);
}
process.exit(
  run("node", ["scripts/with-db.mjs", "--test", "playwright", "test", ...process.argv.slice(2)], {
    ...process.env,
    CHROMIUM_PATH: chromiumPath,
    NEXT_TELEMETRY_DISABLED: "1",
  }),
);
