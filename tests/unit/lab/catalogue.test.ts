import { describe, expect, it } from "vitest";
import { lookUpCatalogueAction } from "@/app/lab/actions";
import { analyseDraft } from "@/app/lab/analyse";
import { EMPTY_SNAPSHOT, mergeSnapshots, missingNeeds, toCatalogue } from "@/app/lab/catalogue";
import { getTemplate, templateText } from "@/app/lab/templates";

describe("catalogue warnings in the browser", () => {
  const t = getTemplate("cross-account-s3-read")!;
  const typo = templateText(t).replace('"Action": "s3:GetObject",\n          "Resource": "arn:aws:s3:::partner-reports/*"', '"Action": "s3:GetObjekt",\n          "Resource": "arn:aws:s3:::partner-reports/*"');

  it("asks the server only for names not looked up yet, and merges the answers", async () => {
    const value = JSON.parse(typo) as unknown;
    const need = missingNeeds(value, EMPTY_SNAPSHOT, new Set());
    expect(need).toEqual({ services: ["s3"], conditionKeys: [] });
    const r = await lookUpCatalogueAction(need);
    if (!r.ok) throw new Error(r.reason);
    const snapshot = mergeSnapshots(EMPTY_SNAPSHOT, r.snapshot);
    expect(snapshot.services).toContain("s3");
    expect(missingNeeds(value, snapshot, new Set())).toBeNull();

    const a = analyseDraft({ text: typo, format: "json" }, { catalogue: toCatalogue(snapshot) });
    const m = a.messages.find((x) => x.code === "UNKNOWN_ACTION");
    expect(m).toMatchObject({ severity: "warning", path: "identityPolicies[0].Statement[0].Action" });
    expect(m?.message).toContain('did you mean "s3:GetObject"?');
    // A warning does not stop the evaluation.
    expect(a.result?.decision).toBe("ImplicitDeny");
  });

  it("warns about unknown condition keys with close known ones", async () => {
    const r = await lookUpCatalogueAction({ services: [], conditionKeys: ["aws:SourceIpp"] });
    if (!r.ok) throw new Error(r.reason);
    expect(r.snapshot.keys["aws:sourceipp"]).toBe(false);
    expect(r.snapshot.candidates["aws:sourceipp"]).toContain("aws:SourceIp");
  });

  it("validates and bounds what a public caller may ask", async () => {
    expect(await lookUpCatalogueAction({ services: ["../../etc"], conditionKeys: [] })).toEqual({ ok: false, reason: "INVALID_INPUT" });
    expect(await lookUpCatalogueAction({ services: Array.from({ length: 41 }, (_, i) => `s${i}`), conditionKeys: [] })).toEqual({ ok: false, reason: "INVALID_INPUT" });
    expect(await lookUpCatalogueAction("s3")).toEqual({ ok: false, reason: "INVALID_INPUT" });
  });

  it("reads a name it never looked up as unknown-to-it, never as wrong", () => {
    const c = toCatalogue({ services: ["s3"], actions: {}, keys: {}, candidates: {} })!;
    expect(c.actions("s3")).toBeUndefined();
    expect(c.conditionKey("aws:SourceIp")).toBeUndefined();
    expect(toCatalogue(EMPTY_SNAPSHOT)).toBeUndefined();
  });
});
