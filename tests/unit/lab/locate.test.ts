import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { analyseDraft, locateInDraft } from "@/app/lab/analyse";
import { writeValue } from "@/app/lab/convert";
import { locateJsonPath, locateYamlPath, offsetOf, parsePath } from "@/app/lab/locate";

const scenario = {
  request: { principal: "arn:aws:iam::111122223333:user/Ann", action: "s3:GetObject", resource: "arn:aws:s3:::b/x" },
  identityPolicies: [
    {
      Version: "2012-10-17",
      Statement: [
        { Sid: "First", Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b" },
        { Sid: "Second", Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringLikee: { "aws:SourceIp": "203.0.113.*" } } },
      ],
    },
  ],
};
const text = JSON.stringify(scenario, null, 2);
const at = (r: { from: number; to: number }, t = text) => t.slice(r.from, r.to);

describe("evaluator paths", () => {
  it("split into keys and indexes, with quoted keys for odd characters", () => {
    expect(parsePath("identityPolicies[0].Statement[1].Condition.StringLikee")).toEqual(["identityPolicies", 0, "Statement", 1, "Condition", "StringLikee"]);
    expect(parsePath("scps[1][0].Statement[0]")).toEqual(["scps", 1, 0, "Statement", 0]);
    expect(parsePath('resourcePolicy.Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"]')).toEqual([
      "resourcePolicy",
      "Statement",
      0,
      "Condition",
      "StringEquals",
      "token.actions.githubusercontent.com:sub",
    ]);
    expect(parsePath("request.context.aws:PrincipalTag/Dept")).toEqual(["request", "context", "aws:PrincipalTag/Dept"]);
    expect(parsePath("")).toEqual([]);
  });
});

describe("JSON path → text position", () => {
  it("puts a condition operator's path on its key", () => {
    const r = locateJsonPath(text, "identityPolicies[0].Statement[1].Condition.StringLikee");
    expect(r.exact).toBe(true);
    expect(at(r)).toBe('"StringLikee"');
    expect(text.slice(0, r.from).split("\n").length).toBe(text.split("\n").findIndex((l) => l.includes("StringLikee")) + 1);
  });

  it("puts an array element on its opening bracket and a scalar value on itself", () => {
    const st = locateJsonPath(text, "identityPolicies[0].Statement[1]");
    expect(at(st)).toBe("{");
    expect(text.slice(st.from).startsWith('{\n          "Sid": "Second"')).toBe(true);
    const sid = locateJsonPath(text, ["identityPolicies", 0, "Statement", 0, "Sid"]);
    expect(at(sid)).toBe('"Sid"');
  });

  it("falls back to the nearest ancestor for a missing field, and says so", () => {
    const r = locateJsonPath(text, "request.resourceAccount");
    expect(r.exact).toBe(false);
    expect(at(r)).toBe('"request"');
    const deep = locateJsonPath(text, "identityPolicies[0].Statement[5].Action");
    expect(deep.exact).toBe(false);
    expect(at(deep)).toBe('"Statement"');
  });

  it("finds quoted condition keys and a statement written as a single object", () => {
    const doc = JSON.stringify({
      resourcePolicy: { Statement: { Effect: "Allow", Condition: { StringEquals: { "token.actions.githubusercontent.com:sub": "x" } } } },
    });
    const r = locateJsonPath(doc, 'resourcePolicy.Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"]');
    expect(r.exact).toBe(true);
    expect(at(r, doc)).toBe('"token.actions.githubusercontent.com:sub"');
  });

  it("keeps the places read before a syntax error", () => {
    const broken = text.replace('"Sid": "Second",', '"Sid": "Second" oops');
    expect(at(locateJsonPath(broken, "identityPolicies[0].Statement[0].Action"), broken)).toBe('"Action"');
    const r = locateJsonPath(broken, "identityPolicies[0].Statement[1].Condition");
    expect(r.exact).toBe(false);
  });

  it("turns line and column into an offset", () => {
    expect(offsetOf("ab\ncd\nef", 1, 1)).toBe(0);
    expect(offsetOf("ab\ncd\nef", 2, 2)).toBe(4);
    expect(offsetOf("ab\ncd\nef", 9, 1)).toBe(8);
  });
});

describe("YAML path → text position", () => {
  it("puts a path on its key through the YAML syntax tree", () => {
    const yaml = writeValue(scenario, "yaml");
    const doc = parseDocument(yaml);
    const r = locateYamlPath(doc, yaml.length, "identityPolicies[0].Statement[1].Condition.StringLikee");
    expect(r.exact).toBe(true);
    expect(yaml.slice(r.from, r.to)).toBe("StringLikee");
    expect(locateInDraft({ text: yaml, format: "yaml" }, "request").exact).toBe(true);
    expect(locateInDraft({ text: yaml, format: "yaml" }, "request.context").exact).toBe(false);
  });
});

describe("the lab's analysis places every message", () => {
  it("shows the evaluator's did-you-mean for a misspelt operator, with its path, at the key", () => {
    const a = analyseDraft({ text, format: "json" });
    expect(a.result).toBeNull();
    const m = a.messages.find((x) => x.code === "UNKNOWN_CONDITION_OPERATOR");
    expect(m).toMatchObject({ severity: "error", path: "identityPolicies[0].Statement[1].Condition.StringLikee" });
    expect(m?.message).toContain('did you mean "StringLike"?');
    expect(text.slice(m!.from, m!.to)).toBe('"StringLikee"');
    expect(m!.line).toBe(text.slice(0, m!.from).split("\n").length);
  });

  it("places a JSON syntax error at the line and column the reader reports", () => {
    const broken = '{\n  "request": {\n    "principal": "x",\n    oops\n  }\n}';
    const a = analyseDraft({ text: broken, format: "json" });
    expect(a.messages).toHaveLength(1);
    expect(a.messages[0]).toMatchObject({ code: "INVALID_JSON", line: 4 });
    expect(broken.slice(a.messages[0]!.from, a.messages[0]!.to)).toBe("o");
    expect(a.value).toBeUndefined();
  });

  it("places YAML syntax errors and YAML validation errors", () => {
    const bad = analyseDraft({ text: "request:\n  principal: [unclosed\n", format: "yaml" });
    expect(bad.messages[0]?.code).toBe("INVALID_YAML");
    const yaml = writeValue(scenario, "yaml");
    const a = analyseDraft({ text: yaml, format: "yaml" });
    const m = a.messages.find((x) => x.code === "UNKNOWN_CONDITION_OPERATOR")!;
    expect(yaml.slice(m.from, m.to)).toBe("StringLikee");
  });

  it("decides a valid scenario and points at the deciding statement", () => {
    const fixed = text.replace("StringLikee", "StringLike");
    const a = analyseDraft({ text: fixed, format: "json" });
    expect(a.messages).toEqual([]);
    expect(a.result?.decision).toBe("ImplicitDeny");
    const ok = analyseDraft({ text: JSON.stringify({ ...scenario, identityPolicies: [{ ...scenario.identityPolicies[0], Statement: [scenario.identityPolicies[0]!.Statement[0], { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }] }), format: "json" });
    expect(ok.result).toMatchObject({ decision: "Allow", deciding: { policy: "identityPolicies[0]", statement: 1 } });
  });

  it("says so when the editor is empty", () => {
    expect(analyseDraft({ text: "  \n", format: "json" }).messages[0]?.code).toBe("EMPTY");
  });
});
