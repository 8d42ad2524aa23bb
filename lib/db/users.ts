// Users and their settings. Emails are stored lower-cased, so uniqueness ignores case.
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";

export type UserRecord = { id: string; email: string; name: string | null; passwordHash: string | null };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function getUserByEmail(email: string): Promise<UserRecord | null> {
  return db().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
}

export async function getUserById(id: string): Promise<UserRecord | null> {
  return db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, passwordHash: true } });
}

/** Creates a user; `{ ok: false }` when the email is taken (also under a race: the unique index decides). */
export async function createUser(input: {
  email: string;
  name?: string | null;
  passwordHash: string | null;
}): Promise<{ ok: true; user: UserRecord } | { ok: false; reason: "EMAIL_TAKEN" }> {
  try {
    const user = await db().user.create({
      data: {
        email: normaliseEmail(input.email),
        name: input.name ?? null,
        passwordHash: input.passwordHash,
        settings: { create: {} },
      },
      select: { id: true, email: true, name: true, passwordHash: true },
    });
    return { ok: true, user };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return { ok: false, reason: "EMAIL_TAKEN" };
    throw err;
  }
}

/** Finds or creates the user behind an OAuth sign-in and links the provider account. */
export async function upsertOAuthUser(input: {
  email: string;
  name?: string | null;
  image?: string | null;
  provider: string;
  providerAccountId: string;
  type: string;
}): Promise<UserRecord> {
  const email = normaliseEmail(input.email);
  return db().$transaction(async (tx) => {
    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
      select: { user: { select: { id: true, email: true, name: true, passwordHash: true } } },
    });
    if (linked) return linked.user;
    const user = await tx.user.upsert({
      where: { email },
      update: {},
      create: { email, name: input.name ?? null, image: input.image ?? null, settings: { create: {} } },
      select: { id: true, email: true, name: true, passwordHash: true },
    });
    await tx.account.create({
      data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId, type: input.type },
    });
    return user;
  });
}

export type SettingsRecord = {
  timeZone: string;
  dayRolloverHour: number;
  desiredRetention: number;
  newPerDay: number;
  examDate: Date | null;
  targetExam: string | null;
  eslAccommodation: boolean;
};

export async function getSettings(userId: string): Promise<SettingsRecord> {
  const s = await db().userSettings.upsert({ where: { userId }, update: {}, create: { userId } });
  return {
    timeZone: s.timeZone,
    dayRolloverHour: s.dayRolloverHour,
    desiredRetention: s.desiredRetention,
    newPerDay: s.newPerDay,
    examDate: s.examDate,
    targetExam: s.targetExam,
    eslAccommodation: s.eslAccommodation,
  };
}

export async function updateSettings(userId: string, patch: Partial<SettingsRecord>): Promise<SettingsRecord> {
  await db().userSettings.upsert({ where: { userId }, update: patch, create: { userId, ...patch } });
  return getSettings(userId);
}
