// Prisma's own schema engine, compiled to WebAssembly (`@prisma/schema-engine-wasm`,
// pinned exactly in package.json), driven through a driver adapter. The Prisma CLI
// cannot migrate on machines that cannot download its native engine (see
// ../shared/STACK.md), so `npm run db:migrate` and `npm run db:migrate:create` use this
// instead. It reads and writes the same `prisma/migrations` folders and the same
// `_prisma_migrations` table as `prisma migrate deploy`, so the CLI can take over anywhere
// it works. The engine API is internal to Prisma: keep the package version pinned.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");

let gluePromise;

/** The WASM module is instantiated once per process: its JS glue holds a single instance. */
function loadGlue() {
  gluePromise ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    return glue;
  })();
  return gluePromise;
}

/** A schema engine over `adapterFactory` (a Prisma SQL driver adapter factory). */
export async function createSchemaEngine(adapterFactory) {
  const glue = await loadGlue();
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  return glue.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

/** The committed migrations, in the shape the engine expects. */
export function readMigrationList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((d) => statSync(path.join(migrationsDir, d)).isDirectory())
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

export const noFilters = { externalTables: [], externalEnums: [] };
