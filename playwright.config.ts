import { defineConfig, devices } from "@playwright/test";

// Browser journeys against `next start` on a throwaway database (scripts/e2e.mjs runs
// this under scripts/with-db.mjs --test, which provides DATABASE_URL). Chromium: the
// one scripts/e2e.mjs found (Playwright's own, else Debian's /usr/bin/chromium).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Separate output folders let several runs go side by side (PW_OUTPUT_DIR).
const out = process.env.PW_OUTPUT_DIR ?? "test-results";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: `${out}/e2e`,
  reporter: [["list"], ["json", { outputFile: `${out}/e2e-results.json` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /.*\.mobile\.spec\.ts/ },
    { name: "mobile", use: { ...devices["Pixel 7"] }, testMatch: /.*\.mobile\.spec\.ts/ },
  ],
  webServer: {
    command: `next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { NEXTAUTH_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
