import { describe, expect, it } from "vitest";
import { analyseDraft } from "@/app/lab/analyse";
import { convertDraft, readDraft, writeValue } from "@/app/lab/convert";
import { flowPath } from "@/app/lab/flow";
import { addPolicy, canAddPolicy, listPolicies, removePolicy, type PolicySlot } from "@/app/lab/outline";
import { getTemplate, LAB_TEMPLATES, templateText } from "@/app/lab/templates";

const SLOTS: PolicySlot[] = ["identity", "resource", "boundary", "session", "scp", "rcp", "endpoint"];

describe("the outline", () => {
  it("lists a scenario's policies in evaluation order with their paths", () => {
    const t = getTemplate("scp-region-deny-exemptions")!;
    expect(listPolicies(t.scenario).map((p) => [p.path, p.statements])).toEqual([
      ["scps[0]", 2],
      ["scps[1]", 1],
      ["identityPolicies[0]", 1],
    ]);
    expect(listPolicies(undefined)).toEqual([]);
  });

  for (const t of LAB_TEMPLATES) {
    it(`adds a valid starter policy of every free slot to ${t.id}`, () => {
      for (const slot of SLOTS) {
        if (!canAddPolicy(t.scenario, slot)) continue;
        const r = addPolicy(t.scenario, slot);
        if (!r.ok) throw new Error(r.message);
        const a = analyseDraft({ text: writeValue(r.value, "json"), format: "json" });
        expect(a.messages.filter((m) => m.severity === "error"), `${slot}: ${JSON.stringify(a.messages)}`).toEqual([]);
        expect(listPolicies(r.value).some((p) => p.path === r.path)).toBe(true);
      }
    });
  }

  it("refuses a second resource policy and removes a policy or a level", () => {
    const t = getTemplate("cross-account-s3-read")!;
    expect(canAddPolicy(t.scenario, "resource")).toBe(false);
    expect(addPolicy(t.scenario, "resource").ok).toBe(false);
    const removed = removePolicy(t.scenario, "resourcePolicy");
    if (!removed.ok) throw new Error(removed.message);
    expect("resourcePolicy" in removed.value).toBe(false);
    expect(analyseDraft({ text: writeValue(removed.value, "json"), format: "json" }).result?.decision).toBe("ImplicitDeny");
    const scp = removePolicy(getTemplate("scp-region-deny-exemptions")!.scenario, "scps[0]");
    if (!scp.ok) throw new Error(scp.message);
    expect((scp.value.scps as unknown[]).length).toBe(1);
    const last = removePolicy(t.scenario, "identityPolicies[0]");
    if (!last.ok) throw new Error(last.message);
    expect("identityPolicies" in last.value).toBe(false);
    expect(removePolicy(t.scenario, "sessionPolicies[3]").ok).toBe(false);
    // The template itself is untouched.
    expect(listPolicies(t.scenario)).toHaveLength(2);
  });
});

describe("format switch", () => {
  it("turns every template into YAML and back without changing its meaning", () => {
    for (const t of LAB_TEMPLATES) {
      const yaml = convertDraft({ text: templateText(t), format: "json" }, "yaml");
      if (!yaml.ok) throw new Error(yaml.message);
      expect(analyseDraft(yaml.draft).result?.decision).toBe(t.expected);
      const back = convertDraft(yaml.draft, "json");
      if (!back.ok) throw new Error(back.message);
      expect(back.draft.text).toBe(templateText(t));
    }
  });

  it("refuses to switch text with syntax errors", () => {
    expect(convertDraft({ text: "{", format: "json" }, "yaml").ok).toBe(false);
    expect(readDraft({ text: "a: [", format: "yaml" }).ok).toBe(false);
  });
});

describe("the flowchart path", () => {
  const run = (id: string) => {
    const r = analyseDraft({ text: templateText(getTemplate(id)!), format: "json" }).result!;
    return Object.fromEntries(flowPath(r.trace, r.decision, r.stage).map((s) => [s.id, s.status]));
  };

  it("stops at an explicit deny: later stages are not reached", () => {
    const f = run("scp-region-deny-exemptions");
    expect(f["explicit-deny"]).toBe("failed");
    expect(f.identity).toBe("not-reached");
    expect(f.decision).toBe("failed");
  });

  it("lights the session policy as the stage that failed", () => {
    const f = run("session-policy-cap");
    expect(f).toMatchObject({ "explicit-deny": "passed", identity: "passed", boundary: "skipped", session: "failed", scp: "skipped", decision: "failed" });
  });

  it("passes every stage in play for a cross-account Allow", () => {
    const f = run("cross-account-s3-read");
    expect(f).toMatchObject({ "explicit-deny": "passed", resource: "passed", identity: "passed", "cross-account": "passed", decision: "passed", rcp: "skipped" });
  });
});
