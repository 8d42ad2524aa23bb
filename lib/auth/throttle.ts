// The sign-in rate limit: per account and per client address, counted in the database
// (lib/db/throttle) so it holds across app instances.
import { clearThrottle, getActiveLock, recordThrottleFailure } from "@/lib/db/throttle";

export const ACCOUNT_LIMIT = { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_LIMIT = { max: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export const accountKey = (email: string) => `email:${email}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export function lockMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export async function getSignInLock(email: string, ip: string, now: Date): Promise<Date | null> {
  return getActiveLock([accountKey(email), addressKey(ip)], now);
}

/** Records a failed sign-in; returns the lock end when this failure triggered a lock. */
export async function recordSignInFailure(email: string, ip: string, now: Date): Promise<Date | null> {
  const [acct, addr] = await Promise.all([
    recordThrottleFailure(accountKey(email), now, ACCOUNT_LIMIT),
    recordThrottleFailure(addressKey(ip), now, ADDRESS_LIMIT),
  ]);
  const locks = [acct.lockedUntil, addr.lockedUntil].filter((d): d is Date => d !== null && d > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

export async function recordSignInSuccess(email: string): Promise<void> {
  await clearThrottle(accountKey(email));
}
