import { describe, expect, it } from "vitest";
import { authenticate, WRONG_CREDENTIALS } from "@/lib/auth/credentials";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from "@/lib/auth/throttle";
import { createUser, getUserByEmail } from "@/lib/db/users";
import { makeUser, uniqueEmail } from "./helpers";

describe("accounts", () => {
  it("creates a user whose password is stored only as a bcrypt hash, and signs them in", async () => {
    const u = await makeUser("signin");
    const stored = await getUserByEmail(u.email);
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(stored?.passwordHash).not.toContain(u.password);

    const res = await authenticate({ email: u.email.toUpperCase(), password: u.password }, "198.51.100.1", new Date());
    expect(res).toEqual({ ok: true, user: { id: u.id, email: u.email, name: "signin" } });
  });

  it("refuses a duplicate email, whatever its case", async () => {
    const u = await makeUser("dup");
    const again = await createUser({ email: u.email.toUpperCase(), passwordHash: null });
    expect(again).toEqual({ ok: false, reason: "EMAIL_TAKEN" });
  });

  it("says the same thing for a wrong password and an unknown email", async () => {
    const u = await makeUser("wrong");
    const now = new Date();
    const a = await authenticate({ email: u.email, password: "not the password" }, "198.51.100.2", now);
    const b = await authenticate({ email: uniqueEmail("nobody"), password: "whatever123" }, "198.51.100.2", now);
    expect(a).toEqual({ ok: false, reason: "WRONG_CREDENTIALS", message: WRONG_CREDENTIALS });
    expect(b).toEqual(a);
  });

  it("locks an account after repeated failures, even for the right password, and says for how long", async () => {
    const u = await makeUser("lock");
    const t0 = new Date("2030-01-01T10:00:00Z");
    const results = [];
    for (let i = 0; i < ACCOUNT_LIMIT.max; i++) {
      // Different client addresses: the per-account limit must hold on its own.
      results.push(await authenticate({ email: u.email, password: "bad-password" }, `203.0.113.${i}`, t0));
    }
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "WRONG_CREDENTIALS")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "LOCKED", message: "Too many failed sign-in attempts. Try again in 15 minutes." });

    const right = await authenticate({ email: u.email, password: u.password }, "203.0.113.99", new Date(t0.getTime() + 60_000));
    expect(right).toMatchObject({ ok: false, reason: "LOCKED", message: "Too many failed sign-in attempts. Try again in 14 minutes." });

    const later = await authenticate({ email: u.email, password: u.password }, "203.0.113.99", new Date(t0.getTime() + 16 * 60_000));
    expect(later.ok).toBe(true);
  });

  it("locks a client address that tries many accounts", async () => {
    const t0 = new Date("2030-02-01T10:00:00Z");
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}-${Date.now()}`;
    let last;
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
      last = await authenticate({ email: uniqueEmail("spray"), password: "guess-guess" }, ip, t0);
    }
    expect(last).toMatchObject({ ok: false, reason: "LOCKED" });
    const u = await makeUser("victim");
    const blocked = await authenticate({ email: u.email, password: u.password }, ip, t0);
    expect(blocked).toMatchObject({ ok: false, reason: "LOCKED" });
    const elsewhere = await authenticate({ email: u.email, password: u.password }, "198.51.100.77", t0);
    expect(elsewhere.ok).toBe(true);
  });
});
