// Read-only counts for the dashboard.
import { db } from "./client";

export async function getProgressSummary(userId: string, now: Date) {
  const [reviews, due, attempts] = await Promise.all([
    db().reviewLog.count({ where: { userId, undone: false } }),
    db().reviewState.count({ where: { userId, due: { lte: now } } }),
    db().examAttempt.count({ where: { userId } }),
  ]);
  return { reviews, due, attempts };
}
