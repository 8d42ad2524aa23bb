// Server environment, validated once with zod. The launcher (scripts/with-db.mjs) sets
// DATABASE_URL, NEXTAUTH_URL and NEXTAUTH_SECRET when they are not configured.
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (start the app with `npm start`, which provides one)"),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Reads the environment lazily: `next build` imports modules without a database. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid environment: ${msg}`);
  }
  cached = parsed.data;
  return cached;
}

export function isGithubEnabled(): boolean {
  return Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET);
}
