import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without types
import { startEmbeddedPostgres } from "../../scripts/db/embedded-pg.mjs";
import { sql } from "./helpers";

// The embedded default keeps its data in a folder across restarts. Runs in every
// environment (also in CI next to the real server), on its own temporary cluster.
describe("embedded PostgreSQL", () => {
  const base = path.join(process.cwd(), ".data");
  mkdirSync(base, { recursive: true }); // a fresh clone tested against DATABASE_URL has no .data yet
  const dir = mkdtempSync(path.join(base, "pg-restart-"));
  chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "pg");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps data written before a restart", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      await sql(first.url, "CREATE TABLE notes (id int PRIMARY KEY, body text)");
      await sql(first.url, "INSERT INTO notes VALUES (1, 'survives a restart')");
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const res = await sql<{ body: string }>(second.url, "SELECT body FROM notes WHERE id = 1");
      expect(res.rows).toEqual([{ body: "survives a restart" }]);
    } finally {
      await second.stop();
    }
  });

  it("serves several connections at once correctly", async () => {
    const db = await startEmbeddedPostgres({ dataDir });
    try {
      await sql(db.url, "CREATE TABLE IF NOT EXISTS counter (k int PRIMARY KEY, n int)");
      await sql(db.url, "INSERT INTO counter VALUES (1, 0) ON CONFLICT (k) DO UPDATE SET n = 0");
      await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          for (let j = 0; j < 10; j++) await sql(db.url, "UPDATE counter SET n = n + 1 WHERE k = 1");
          const r = await sql<{ i: number }>(db.url, "SELECT $1::int AS i", [i]);
          expect(r.rows[0]?.i).toBe(i);
        }),
      );
      const res = await sql<{ n: number }>(db.url, "SELECT n FROM counter WHERE k = 1");
      expect(res.rows[0]?.n).toBe(80);
    } finally {
      await db.stop();
    }
  });
});
