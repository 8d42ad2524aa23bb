#!/usr/bin/env node
// The one launcher for everything that needs a database: `npm start`, `npm run dev`,
// `npm run db:migrate`, the integration tests and the browser tests.
//
//   node scripts/with-db.mjs [--migrate-only] [--test] [--no-seed] -- COMMAND [ARGS...]
//
// With DATABASE_URL set it uses that PostgreSQL (the production path); without it, it
// starts the embedded PostgreSQL with its data in .data/pg (kept across restarts).
// Either way it applies pending migrations, seeds the demo user (not in --test), then
// runs COMMAND with DATABASE_URL (and next-auth defaults) in its environment, forwards
// Ctrl-C / SIGTERM to it and stops the embedded database when it exits.
//
// --test gives COMMAND a throwaway database, migrated fresh: a new embedded cluster in
// .data/pg-test-<pid>, or with DATABASE_URL a new database `<name>_t<random>` on that
// server (dropped afterwards; needs CREATEDB, as the CI role has).
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import bcrypt from "bcryptjs";
import { startEmbeddedPostgres } from "./db/embedded-pg.mjs";
import { applyMigrations } from "./db/migrate.mjs";
import { root } from "./db/schema-engine.mjs";

// Settings from .env (see .env.example); variables already set in the shell win.
for (const f of [".env.local", ".env"]) if (existsSync(path.join(root, f))) process.loadEnvFile(path.join(root, f));

const argv = process.argv.slice(2);
const flags = new Set();
while (argv[0]?.startsWith("--")) {
  const f = argv.shift();
  if (f === "--") break;
  flags.add(f);
}
const migrateOnly = flags.has("--migrate-only");
const testMode = flags.has("--test");
const seed = !testMode && !flags.has("--no-seed") && process.env.SEED !== "0";
if (!migrateOnly && argv.length === 0) {
  console.error("usage: node scripts/with-db.mjs [--migrate-only] [--test] [--no-seed] -- COMMAND [ARGS...]");
  process.exit(2);
}

const say = (m) => console.error(`[db] ${m}`);
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (err) {
      say(`cleanup: ${err?.message ?? err}`);
    }
  }
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function query(url, sql, params = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
}

async function ensureDatabase(serverUrl, name) {
  const { rowCount } = await query(serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (!rowCount) await query(serverUrl, `CREATE DATABASE "${name}"`);
}

async function seedDemoUser(url) {
  const email = "demo@example.com";
  const hash = await bcrypt.hash("demo-password", 10);
  const res = await query(
    url,
    `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
     VALUES ($1, $2, 'Demo learner', $3, now(), now()) ON CONFLICT (email) DO NOTHING`,
    [randomUUID(), email, hash],
  );
  if (res.rowCount) say(`seeded demo user ${email} / demo-password`);
}

/** A stable secret for signing session cookies on this machine, unless one is configured. */
function localSecret() {
  const file = path.join(root, ".data", "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const s = randomBytes(32).toString("base64url");
  writeFileSync(file, s + "\n", { mode: 0o600 });
  return s;
}

async function main() {
  let url = process.env.DATABASE_URL;
  if (url) {
    if (testMode) {
      const name = `${new URL(url).pathname.slice(1) || "app"}_t${randomBytes(4).toString("hex")}`;
      await query(url, `CREATE DATABASE "${name}"`);
      const serverUrl = url;
      cleanups.push(async () => {
        if (process.env.KEEP_TEST_DB) return say(`kept test database ${name}`);
        await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
      url = withDatabase(url, name);
      say(`using throwaway database ${name} on the server from DATABASE_URL`);
    } else {
      say("using the PostgreSQL server from DATABASE_URL");
    }
  } else {
    const dataDir = testMode
      ? path.join(root, ".data", `pg-test-${process.pid}`)
      : (process.env.PG_DIR ?? path.join(root, ".data", "pg"));
    const port = process.env.PG_PORT ? Number(process.env.PG_PORT) : undefined;
    const t0 = Date.now();
    const db = await startEmbeddedPostgres({ dataDir, port, fresh: testMode });
    cleanups.push(async () => {
      await db.stop();
      if (testMode) rmSync(dataDir, { recursive: true, force: true });
    });
    await ensureDatabase(db.url, "app");
    url = withDatabase(db.url, "app");
    say(`embedded PostgreSQL on 127.0.0.1:${db.port} (${path.relative(root, dataDir)}) ready in ${Date.now() - t0} ms`);
  }

  const applied = await applyMigrations(url);
  say(applied.length ? `applied migrations: ${applied.join(", ")}` : "migrations up to date");
  if (seed) await seedDemoUser(url);
  if (migrateOnly) return 0;

  const port = process.env.PORT ?? "3000";
  const env = {
    ...process.env,
    // So `next`, `vitest` and `playwright` resolve as they do inside npm scripts.
    PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    DATABASE_URL: url,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (testMode ? randomBytes(32).toString("base64url") : localSecret()),
  };
  const child = spawn(argv[0], argv.slice(1), { stdio: "inherit", env, shell: process.platform === "win32" });
  const forward = (sig) => () => child.kill(sig);
  process.on("SIGINT", forward("SIGINT"));
  process.on("SIGTERM", forward("SIGTERM"));
  return await new Promise((resolve) => {
    child.on("error", (err) => {
      say(`could not run ${argv[0]}: ${err.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

let code;
try {
  code = await main();
} catch (err) {
  say(err?.stack ?? String(err));
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
