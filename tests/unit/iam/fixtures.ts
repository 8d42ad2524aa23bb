// Loads the contract scenarios under tests/fixtures/iam/<family>/*.json (each file one
// scenario or an array), parsed with the same strict parser as `iam-eval`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenarioBatchText, type BatchEntry } from "@/lib/iam";

export const FIXTURE_ROOT = fileURLToPath(new URL("../../fixtures/iam/", import.meta.url));

export interface FixtureEntry {
  readonly family: string;
  readonly file: string;
  readonly entry: BatchEntry;
}

export interface FixtureFileError {
  readonly file: string;
  readonly message: string;
}

export function loadScenarioFixtures(): { entries: FixtureEntry[]; fileErrors: FixtureFileError[] } {
  const entries: FixtureEntry[] = [];
  const fileErrors: FixtureFileError[] = [];
  for (const family of readdirSync(FIXTURE_ROOT).sort()) {
    const dir = join(FIXTURE_ROOT, family);
    if (family === "invalid" || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      const file = `${family}/${name}`;
      const batch = parseScenarioBatchText(readFileSync(join(dir, name), "utf8"));
      if (!batch.ok) {
        fileErrors.push({ file, message: batch.issues.map((i) => i.message).join("; ") });
        continue;
      }
      for (const entry of batch.entries) entries.push({ family, file, entry });
    }
  }
  return { entries, fileErrors };
}
