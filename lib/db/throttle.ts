// Failed sign-in counters (table AuthThrottle). Each update is one atomic SQL upsert, so
// concurrent failures on several app instances all count.
import { db } from "./client";

export type ThrottleState = { failures: number; lockedUntil: Date | null };

/** Counts one failure for `key` in a sliding window; locks the key once `max` is reached. */
export async function recordThrottleFailure(
  key: string,
  now: Date,
  opts: { windowMs: number; max: number; lockMs: number },
): Promise<ThrottleState> {
  const windowCutoff = new Date(now.getTime() - opts.windowMs);
  const lockUntil = new Date(now.getTime() + opts.lockMs);
  const rows = await db().$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "AuthThrottle" (key, failures, "windowStart", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${opts.max} THEN ${lockUntil}::timestamp(3) END, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "AuthThrottle"."windowStart" < ${windowCutoff} THEN 1 ELSE "AuthThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "AuthThrottle"."windowStart" < ${windowCutoff} THEN ${now} ELSE "AuthThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN "AuthThrottle"."windowStart" < ${windowCutoff} THEN 1 ELSE "AuthThrottle".failures + 1 END) >= ${opts.max}
        THEN ${lockUntil}::timestamp(3) ELSE "AuthThrottle"."lockedUntil" END,
      "updatedAt" = ${now}
    RETURNING failures, "lockedUntil"`;
  const row = rows[0];
  return { failures: row?.failures ?? 1, lockedUntil: row?.lockedUntil ?? null };
}

/** The latest lock among `keys` that is still in force at `now`, if any. */
export async function getActiveLock(keys: string[], now: Date): Promise<Date | null> {
  const row = await db().authThrottle.findFirst({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    orderBy: { lockedUntil: "desc" },
    select: { lockedUntil: true },
  });
  return row?.lockedUntil ?? null;
}

export async function clearThrottle(key: string): Promise<void> {
  await db().authThrottle.deleteMany({ where: { key } });
}
