// Sharing a lab scenario by link. The editor's text (JSON or YAML, exactly as typed, so a
// half-finished scenario survives a reload too) is compressed with deflate-raw and written as
// base64url into `?s=`; `?fmt=yaml` marks YAML. Uses only web-platform APIs
// (CompressionStream, TextEncoder, btoa), so the same code runs in the browser, in the server
// component that seeds the editor from a link, and in Node 20 tests. Imports nothing from lib/.

export type LabFormat = "json" | "yaml";

export interface LabDraft {
  text: string;
  format: LabFormat;
}

export const SHARE_PARAM = "s";
export const FORMAT_PARAM = "fmt";

/** Longest link the lab writes to the address bar; beyond it the learner copies the JSON instead. */
export const MAX_SHARE_URL_LENGTH = 8000;

/**
 * Largest text a link may expand to. A link is untrusted input: a few kilobytes of deflate can
 * inflate to gigabytes, so decoding stops here instead of exhausting memory.
 */
export const MAX_SHARED_TEXT_BYTES = 512 * 1024;

export type ShareUrlResult = { ok: true; url: string } | { ok: false; reason: "too-large"; length: number; limit: number };

export type DecodeResult = { ok: true; draft: LabDraft } | { ok: false; reason: "malformed" | "too-large" };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  try {
    const binary = atob(padded);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array | "too-large"> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too-large";
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The text, deflated and base64url-encoded (the value of `?s=`). */
export async function encodeText(text: string): Promise<string> {
  const deflated = await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw"), Number.POSITIVE_INFINITY);
  return toBase64Url(deflated as Uint8Array);
}

/** Reverses `encodeText`; never throws on a damaged or hostile link. */
export async function decodeText(encoded: string): Promise<{ ok: true; text: string } | { ok: false; reason: "malformed" | "too-large" }> {
  const bytes = fromBase64Url(encoded);
  if (!bytes || bytes.length === 0) return { ok: false, reason: "malformed" };
  try {
    const inflated = await pipe(bytes, new DecompressionStream("deflate-raw"), MAX_SHARED_TEXT_BYTES);
    if (inflated === "too-large") return { ok: false, reason: "too-large" };
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}

/** The query string (`s=…`, plus `fmt=yaml` for YAML) that reproduces a draft. */
export async function encodeDraft(draft: LabDraft): Promise<string> {
  const params = new URLSearchParams();
  params.set(SHARE_PARAM, await encodeText(draft.text));
  if (draft.format === "yaml") params.set(FORMAT_PARAM, "yaml");
  return params.toString();
}

/** The draft a link's query parameters carry, or why it cannot be read. */
export async function decodeDraft(params: { s?: string | null; fmt?: string | null }): Promise<DecodeResult> {
  if (!params.s) return { ok: false, reason: "malformed" };
  const decoded = await decodeText(params.s);
  if (!decoded.ok) return decoded;
  return { ok: true, draft: { text: decoded.text, format: params.fmt === "yaml" ? "yaml" : "json" } };
}

/**
 * The shareable URL for a draft at `base` (origin and path, no query), or `too-large` when it
 * would be longer than `limit` characters.
 */
export async function buildShareUrl(base: string, draft: LabDraft, limit = MAX_SHARE_URL_LENGTH): Promise<ShareUrlResult> {
  const url = `${base}?${await encodeDraft(draft)}`;
  if (url.length > limit) return { ok: false, reason: "too-large", length: url.length, limit };
  return { ok: true, url };
}
