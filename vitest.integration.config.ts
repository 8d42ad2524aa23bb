import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests: real PostgreSQL (DATABASE_URL from scripts/with-db.mjs --test, a
// throwaway database migrated fresh). Files run one at a time; each test makes its own users.
process.env.TZ = "Europe/Berlin";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/integration/**/*.int.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    allowOnly: false,
  },
});
