// Prisma CLI configuration. The CLI is used here for `prisma generate` only; migrations
// run through scripts/db (Prisma's WASM schema engine), see README "Database".
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // env("DATABASE_URL") would throw when unset, which breaks `prisma generate`.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
