// Shared helpers for integration tests: unique users per test, raw SQL access.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createUser } from "@/lib/db/users";
import { hashPassword } from "@/lib/auth/password";

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("integration tests run under scripts/with-db.mjs --test, which sets DATABASE_URL");
  return url;
}

export function uniqueEmail(tag: string): string {
  return `${tag}-${randomBytes(5).toString("hex")}@example.test`;
}

export async function makeUser(tag: string, password = "correct horse battery") {
  const email = uniqueEmail(tag);
  const res = await createUser({ email, name: tag, passwordHash: await hashPassword(password) });
  if (!res.ok) throw new Error(`could not create ${email}`);
  return { ...res.user, password };
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query<T>(text, params);
  } finally {
    await c.end();
  }
}
