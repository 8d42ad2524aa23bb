// The browser's slice of the AWS catalogue: what the server looked up so far (actions.ts), kept
// as plain data, merged as new names appear, and turned into lib/iam's synchronous `Catalogue`.
// A name not looked up yet reads as "not loaded" (undefined), which lib/iam takes as "no
// warning", so a partial snapshot never raises a false alarm.

import { collectCatalogueNeeds, type Catalogue } from "@/lib/iam";

export interface CatalogueSnapshot {
  /** Every known service prefix, lower case. */
  services: string[];
  /** Action names of the services looked up. */
  actions: Record<string, string[]>;
  /** Condition keys looked up (lower case) → known or not. */
  keys: Record<string, boolean>;
  /** Unknown keys (lower case) → known keys close to them. */
  candidates: Record<string, string[]>;
}

export interface CatalogueRequest {
  services: string[];
  conditionKeys: string[];
}

export const EMPTY_SNAPSHOT: CatalogueSnapshot = { services: [], actions: {}, keys: {}, candidates: {} };

/** What a scenario value mentions that the snapshot has not looked up yet (null when nothing). */
export function missingNeeds(value: unknown, snapshot: CatalogueSnapshot, asked: ReadonlySet<string>): CatalogueRequest | null {
  if (value === undefined) return null;
  const needs = collectCatalogueNeeds(value);
  const known = new Set(snapshot.services);
  // Unknown prefixes need no look-up once the service list is here: they warn as unknown services.
  const services = [...needs.services].filter(
    (s) => /^[a-z0-9-]+$/.test(s) && s.length <= 128 && !(s in snapshot.actions) && !asked.has(`s:${s}`) && (snapshot.services.length === 0 || known.has(s)),
  );
  const conditionKeys = [...needs.conditionKeys].filter((k) => k.length <= 128 && !(k.toLowerCase() in snapshot.keys) && !asked.has(`k:${k.toLowerCase()}`));
  if (services.length === 0 && conditionKeys.length === 0) return null;
  return { services: services.slice(0, 40), conditionKeys: conditionKeys.slice(0, 120) };
}

export function mergeSnapshots(a: CatalogueSnapshot, b: CatalogueSnapshot): CatalogueSnapshot {
  return {
    services: b.services.length > 0 ? b.services : a.services,
    actions: { ...a.actions, ...b.actions },
    keys: { ...a.keys, ...b.keys },
    candidates: { ...a.candidates, ...b.candidates },
  };
}

/** lib/iam's lookup interface over a snapshot; undefined while the service list has not arrived. */
export function toCatalogue(snapshot: CatalogueSnapshot): Catalogue | undefined {
  if (snapshot.services.length === 0) return undefined;
  const services = new Set(snapshot.services);
  return {
    services,
    actions: (service) => snapshot.actions[service],
    conditionKey: (key) => snapshot.keys[key.toLowerCase()],
    conditionKeyCandidates: (key) => snapshot.candidates[key.toLowerCase()] ?? [],
  };
}
