import { describe, expect, it } from "vitest";
import { buildShareUrl, decodeDraft, decodeText, encodeDraft, encodeText, MAX_SHARE_URL_LENGTH, MAX_SHARED_TEXT_BYTES } from "@/app/lab/share";
import { LAB_TEMPLATES, templateText } from "@/app/lab/templates";

const BASE = "https://lab.example.test/lab";

/** Text that deflate cannot shrink much: pseudo-random printable characters from a fixed seed. */
function incompressible(length: number, seed = 7): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(33 + ((x >>> 16) % 94));
  }
  return out;
}

describe("share links", () => {
  it("round-trips every template's text exactly", async () => {
    for (const t of LAB_TEMPLATES) {
      const encoded = await encodeText(templateText(t));
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(await decodeText(encoded)).toEqual({ ok: true, text: templateText(t) });
    }
  });

  it("round-trips text that is not ASCII, half-typed JSON and YAML with its format", async () => {
    const text = '{\n  "description": "Zoë’s bucket — 東京 🚀",\n  "request": {';
    const query = await encodeDraft({ text, format: "json" });
    const params = new URLSearchParams(query);
    expect(params.get("fmt")).toBeNull();
    expect(await decodeDraft({ s: params.get("s"), fmt: params.get("fmt") })).toEqual({ ok: true, draft: { text, format: "json" } });

    const yaml = "request:\n  principal: arn:aws:iam::111122223333:user/Ann\n";
    const yq = new URLSearchParams(await encodeDraft({ text: yaml, format: "yaml" }));
    expect(yq.get("fmt")).toBe("yaml");
    expect(await decodeDraft({ s: yq.get("s"), fmt: yq.get("fmt") })).toEqual({ ok: true, draft: { text: yaml, format: "yaml" } });
  });

  it("compresses: a template link is far shorter than its JSON", async () => {
    const t = LAB_TEMPLATES.find((x) => x.id === "scp-region-deny-exemptions")!;
    const encoded = await encodeText(templateText(t));
    expect(encoded.length).toBeLessThan(templateText(t).length / 2);
  });

  it("refuses damaged links without throwing", async () => {
    expect(await decodeText("")).toEqual({ ok: false, reason: "malformed" });
    expect(await decodeText("not base64!")).toEqual({ ok: false, reason: "malformed" });
    expect(await decodeText("A")).toEqual({ ok: false, reason: "malformed" });
    expect(await decodeText("AAAAAAAAAAAA")).toEqual({ ok: false, reason: "malformed" });
    const good = await encodeText("hello lab");
    expect((await decodeText(good.slice(0, good.length - 3))).ok).toBe(false);
    expect(await decodeDraft({ s: null })).toEqual({ ok: false, reason: "malformed" });
  });

  it("stops inflating a link that expands beyond the limit (a deflate bomb)", async () => {
    const bomb = await encodeText("a".repeat(MAX_SHARED_TEXT_BYTES + 1));
    expect(bomb.length).toBeLessThan(2000);
    expect(await decodeText(bomb)).toEqual({ ok: false, reason: "too-large" });
  });

  it("builds links for the templates well under the size limit", async () => {
    for (const t of LAB_TEMPLATES) {
      const r = await buildShareUrl(BASE, { text: templateText(t), format: "json" });
      if (!r.ok) throw new Error(`${t.id} does not fit in a link`);
      expect(r.url.startsWith(`${BASE}?s=`)).toBe(true);
      expect(r.url.length).toBeLessThan(MAX_SHARE_URL_LENGTH / 4);
      const s = new URL(r.url).searchParams.get("s");
      expect(await decodeDraft({ s })).toEqual({ ok: true, draft: { text: templateText(t), format: "json" } });
    }
  });

  it("reports a scenario too large to share, with the length it would need", async () => {
    const big = { text: JSON.stringify({ description: incompressible(9000) }), format: "json" as const };
    const r = await buildShareUrl(BASE, big);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("too-large");
    expect(r.limit).toBe(MAX_SHARE_URL_LENGTH);
    expect(r.length).toBeGreaterThan(MAX_SHARE_URL_LENGTH);
  });

  it("puts the limit exactly at the given number of characters", async () => {
    const draft = { text: incompressible(500), format: "json" as const };
    const fits = await buildShareUrl(BASE, draft, 100_000);
    if (!fits.ok) throw new Error("should fit");
    expect((await buildShareUrl(BASE, draft, fits.url.length)).ok).toBe(true);
    expect(await buildShareUrl(BASE, draft, fits.url.length - 1)).toEqual({ ok: false, reason: "too-large", length: fits.url.length, limit: fits.url.length - 1 });
  });
});
