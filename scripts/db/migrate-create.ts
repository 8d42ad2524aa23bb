// Authors a new migration: replays every committed migration into an in-memory PGlite
// (no server needed), diffs that database against prisma/schema.prisma with Prisma's
// WASM schema engine, and writes prisma/migrations/<timestamp>_<name>/migration.sql.
// Usage: npm run db:migrate:create <name>
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
// @ts-expect-error plain ESM helper without types
import { createSchemaEngine, readMigrationList, migrationsDir, schemaPath, noFilters, root } from "./schema-engine.mjs";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migrate:create <name>   (lower case letters, digits and _ only)");
  process.exit(2);
}

const db = new PGlite();
const engine = await createSchemaEngine(new PrismaPGlite(db));
const list = readMigrationList();
await engine.applyMigrations({ migrationsList: list, filters: noFilters });
const schema = { path: schemaPath, content: readFileSync(schemaPath, "utf8") };
const diff = await engine.diff({
  from: { tag: "schemaDatasource", files: [schema], configDir: root },
  to: { tag: "schemaDatamodel", files: [schema] },
  script: true,
  exitCode: null,
  filters: noFilters,
});
const sql = (diff.stdout ?? "").trim();
if (!sql || /^-- This is an empty migration/.test(sql)) {
  console.log("No schema changes.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:TZ.]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
process.exit(0);
