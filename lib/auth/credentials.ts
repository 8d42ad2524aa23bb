// Email + password sign-in, with the rate limit. Kept apart from next-auth's provider
// so it can be tested against a real database.
import { z } from "zod";
import { getUserByEmail, normaliseEmail } from "@/lib/db/users";
import { PASSWORD_MAX, verifyPassword } from "./password";
import { getSignInLock, lockMessage, recordSignInFailure, recordSignInSuccess } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

const credentialsSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(PASSWORD_MAX),
});

export type AuthResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "WRONG_CREDENTIALS" | "LOCKED"; message: string };

export async function authenticate(raw: unknown, clientAddress: string, now: Date): Promise<AuthResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "WRONG_CREDENTIALS", message: WRONG_CREDENTIALS };
  const email = normaliseEmail(parsed.data.email);
  const lock = await getSignInLock(email, clientAddress, now);
  if (lock) return { ok: false, reason: "LOCKED", message: lockMessage(lock, now) };
  const user = await getUserByEmail(email);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
  if (!ok || !user) {
    const lockedUntil = await recordSignInFailure(email, clientAddress, now);
    return lockedUntil
      ? { ok: false, reason: "LOCKED", message: lockMessage(lockedUntil, now) }
      : { ok: false, reason: "WRONG_CREDENTIALS", message: WRONG_CREDENTIALS };
  }
  await recordSignInSuccess(email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
