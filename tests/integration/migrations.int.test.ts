import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { applyMigrations } from "../../scripts/db/migrate.mjs";
import { databaseUrl, sql } from "./helpers";

// Runs against whichever server the suite was given: the embedded PostgreSQL locally,
// Debian's PostgreSQL in CI (DATABASE_URL), so both paths are proven.
describe("migrations", () => {
  const name = `mig_${randomBytes(4).toString("hex")}`;
  const server = databaseUrl();
  const target = (() => {
    const u = new URL(server);
    u.pathname = `/${name}`;
    return u.toString();
  })();

  afterAll(async () => {
    await sql(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("apply to an empty database, create every table and index, and are idempotent", async () => {
    await sql(server, `CREATE DATABASE "${name}"`);
    const applied: string[] = await applyMigrations(target);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied[0]).toMatch(/_init$/);

    const tables = await sql<{ table_name: string }>(
      target,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "Account",
        "AuthThrottle",
        "ExamAnswer",
        "ExamAttempt",
        "ReviewLog",
        "ReviewState",
        "Session",
        "User",
        "UserSettings",
        "VerificationToken",
        "_prisma_migrations",
      ]),
    );
    const idx = await sql<{ indexname: string }>(target, "SELECT indexname FROM pg_indexes WHERE tablename = 'ReviewState'");
    expect(idx.rows.map((r) => r.indexname)).toContain("ReviewState_userId_due_idx");

    const again: string[] = await applyMigrations(target);
    expect(again).toEqual([]);
    const count = await sql<{ n: string }>(target, 'SELECT count(*)::text AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL');
    expect(Number(count.rows[0]?.n)).toBe(applied.length);
  });
});
