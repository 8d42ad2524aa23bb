import { describe, expect, it } from "vitest";
import { collectCatalogueNeeds, evaluate, loadCatalogue, parseScenario } from "@/lib/iam";
import { analyseDraft } from "@/app/lab/analyse";
import { DEFAULT_TEMPLATE_ID, getTemplate, LAB_TEMPLATES, templateText } from "@/app/lab/templates";

const WORDS = { Allow: "Allow", ExplicitDeny: "Explicit deny", ImplicitDeny: "Implicit deny" } as const;

describe("lab templates", () => {
  it("cover the seven patterns the lab promises, with unique ids and a default", () => {
    expect(LAB_TEMPLATES.map((t) => t.id)).toEqual([
      "cross-account-s3-read",
      "kms-key-policy-iam-delegation",
      "assume-role-external-id",
      "scp-region-deny-exemptions",
      "boundary-delegation",
      "session-policy-cap",
      "mfa-bool-if-exists",
    ]);
    expect(getTemplate(DEFAULT_TEMPLATE_ID)).toBeDefined();
  });

  for (const t of LAB_TEMPLATES) {
    describe(t.id, () => {
      it("has a one-line description that ends in the decision it claims", () => {
        expect(t.description).not.toMatch(/\n/);
        expect(t.description.endsWith(` ${WORDS[t.expected]}.`)).toBe(true);
      });

      it(`is a valid scenario, with no catalogue warnings, that the evaluator decides ${t.expected}`, async () => {
        const catalogue = await loadCatalogue(collectCatalogueNeeds(t.scenario));
        const parsed = parseScenario(t.scenario, { catalogue });
        if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
        expect(parsed.warnings).toEqual([]);
        expect(evaluate(parsed.value).decision).toBe(t.expected);
        expect(parsed.value.expected).toBe(t.expected);
      });

      it("reaches the same decision through the lab's own pipeline, from the editor text", () => {
        const analysis = analyseDraft({ text: templateText(t), format: "json" });
        expect(analysis.messages).toEqual([]);
        expect(analysis.result?.decision).toBe(t.expected);
        expect(analysis.result?.trace.at(-1)?.stage).toBe("decision");
      });
    });
  }
});
