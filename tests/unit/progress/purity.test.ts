import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/progress is pure (ARCHITECTURE.md, Boundaries): it may import lib/srs, lib/exam and its
// own files; never Next, React, Prisma, lib/db, lib/auth or lib/content, and never reads the clock.
const dir = path.join(process.cwd(), "lib/progress");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

describe("lib/progress stays pure", () => {
  it.each(files)("%s imports only lib/srs, lib/exam and its own files", (file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
    for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/[a-z-]+|@\/lib\/srs|@\/lib\/exam)$/);
    expect(text, `${file} reads the clock`).not.toMatch(/new Date\(\)|Date\.now\(\)|Math\.random\(\)/);
  });
});
