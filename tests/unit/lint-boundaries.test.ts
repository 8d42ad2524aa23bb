import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The module boundaries of ARCHITECTURE.md are enforced by lint; these cases prove each
// rule fires on a wrong import and stays quiet on an allowed one.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [res] = await eslint.lintText(code, { filePath });
  return (res?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").length;
}

describe("module boundaries", () => {
  it.each([
    ["lib/iam/x.ts", 'import { z } from "zod";\nexport const a = z;', 0],
    ["lib/iam/x.ts", 'import { readFileSync } from "node:fs";\nexport const a = readFileSync;', 1],
    ["lib/iam/x.ts", 'import { db } from "@/lib/db/client";\nexport const a = db;', 1],
    ["lib/iam/x.ts", 'import React from "react";\nexport const a = React;', 1],
    ["lib/iam/cli.ts", 'import { readFileSync } from "node:fs";\nexport const a = readFileSync;', 0],
    ["lib/srs/x.ts", 'import { db } from "@/lib/db/client";\nexport const a = db;', 1],
    ["lib/exam/x.ts", 'import { redirect } from "next/navigation";\nexport const a = redirect;', 1],
    ["lib/exam/x.ts", 'import { evaluate } from "@/lib/iam";\nexport const a = evaluate;', 0],
    ["lib/content/x.ts", 'import { PrismaClient } from "@prisma/client";\nexport const a = PrismaClient;', 1],
    ["lib/db/x.ts", 'import { requireUser } from "@/lib/auth/session";\nexport const a = requireUser;', 1],
    ["app/page.tsx", 'import { db } from "@/lib/db/client";\nexport const a = db;', 1],
    ["app/page.tsx", 'import { x } from "@/lib/iam/evaluate/engine";\nexport const a = x;', 1],
    ["app/page.tsx", 'import { evaluate } from "@/lib/iam";\nexport const a = evaluate;', 0],
    ["app/page.tsx", 'import { getUserById } from "@/lib/db/users";\nexport const a = getUserById;', 0],
  ])("%s: %s → %i violation(s)", async (file, code, expected) => {
    expect(await restrictedImports(file, code)).toBe(expected);
  });

  it("rejects skipped and focused tests", async () => {
    const [res] = await eslint.lintText('import { it } from "vitest";\nit.skip("x", () => {});\n', { filePath: "tests/unit/x.test.ts" });
    expect(res?.messages.some((m) => m.ruleId === "no-restricted-properties")).toBe(true);
  });
});
