// Applies the committed migrations in prisma/migrations to DATABASE_URL (the same
// work as `prisma migrate deploy`). Idempotent: a second run applies nothing.
import { PrismaPg } from "@prisma/adapter-pg";
import { createSchemaEngine, readMigrationList, noFilters } from "./schema-engine.mjs";

/** Applies pending migrations to `url`; returns the names applied. */
export async function applyMigrations(url) {
  const engine = await createSchemaEngine(new PrismaPg({ connectionString: url }));
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: noFilters });
    return out.appliedMigrationNames;
  } finally {
    engine.free?.();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. Use `npm run db:migrate`, which starts the embedded database when it is unset.");
    process.exit(2);
  }
  try {
    const names = await applyMigrations(url);
    console.log(names.length ? `applied ${names.length} migration(s): ${names.join(", ")}` : "database is up to date");
    process.exit(0);
  } catch (err) {
    console.error(`migration failed: ${err?.message ?? err}`);
    process.exit(1);
  }
}
