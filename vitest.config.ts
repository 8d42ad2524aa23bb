import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests: pure code only (no database, no browser). A non-UTC time zone makes
// time-zone bugs visible instead of passing by luck on a UTC machine.
process.env.TZ = "America/Los_Angeles";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    pool: "threads",
    // Generous: a loaded CI machine must not fail a correct test. Speed goals live in `npm run bench`.
    testTimeout: 30_000,
    allowOnly: false,
  },
});
