// Lint: TypeScript rules plus the module boundaries of ../shared/ARCHITECTURE.md, so a
// wrong import fails CI (`npm run lint`, part of `npm test`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const NODE = ["node:*", "fs", "path", "os", "child_process", "crypto", "url", "module"];
const NEXT_REACT = ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*"];
const PRISMA = ["@prisma/*", "**/generated/**", "@/lib/db", "@/lib/db/*"];

const restrict = (groups, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".next-*/", ".data/", ".content/", "lib/db/generated/", "test-results/", "playwright-report/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        ...["it", "test", "describe"].flatMap((object) =>
          ["only", "skip", "todo", "fixme"].map((property) => ({ object, property, message: "Every test must run: no .only/.skip/.todo." })),
        ),
      ],
    },
  },
  {
    files: ["lib/iam/**/*.ts"],
    ignores: ["lib/iam/cli.ts", "lib/iam/**/*.test.ts"],
    rules: restrict(["@/*", "@/**", "../../*", ...NODE, ...NEXT_REACT, ...PRISMA], "lib/iam is pure: it imports only its own files, zod, ipaddr.js and the AWS action catalogue (node:* only in cli.ts)."),
  },
  {
    files: ["lib/iam/cli.ts"],
    rules: restrict(["@/*", "@/**", ...NEXT_REACT, ...PRISMA], "lib/iam imports nothing outside itself."),
  },
  {
    files: ["lib/srs/**/*.ts", "lib/exam/**/*.ts", "lib/progress/**/*.ts"],
    rules: restrict([...NEXT_REACT, ...PRISMA, "@/lib/auth", "@/lib/auth/*", "@/lib/iam/*", ...NODE], "lib/srs and lib/exam are pure: no Next, Prisma, lib/db or lib/auth; the evaluator only through @/lib/iam."),
  },
  {
    files: ["lib/content/**/*.ts"],
    rules: restrict([...NEXT_REACT, ...PRISMA, "@/lib/auth", "@/lib/auth/*", "@/lib/iam/*"], "lib/content may use @/lib/iam, zod and Markdown libraries; never Next, Prisma or lib/db."),
  },
  {
    files: ["lib/db/**/*.ts"],
    rules: restrict([...NEXT_REACT, "@/lib/auth", "@/lib/auth/*"], "lib/db is the data layer: no Next, no request state, no lib/auth."),
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: restrict(
      ["@prisma/*", "**/generated/**", "@/lib/db/client", "@/lib/iam/*"],
      "app/ reaches data through lib/db functions (never the Prisma client) and the evaluator only through @/lib/iam.",
    ),
  },
  {
    files: ["scripts/**/*.mjs", "bin/**/*.mjs", "*.config.*"],
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly", setTimeout: "readonly", WebAssembly: "readonly" } },
  },
);
