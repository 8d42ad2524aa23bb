// The Prisma client, created lazily on first use: `next build` imports route modules
// while collecting page data, when no database exists. One client (and pool) per
// process, kept on globalThis so dev-server reloads do not open new pools.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "@/lib/env";

const g = globalThis as unknown as { __prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!g.__prisma) {
    const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 });
    g.__prisma = new PrismaClient({ adapter });
  }
  return g.__prisma;
}

export type { PrismaClient };
