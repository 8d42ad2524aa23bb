// BinaryEquals values (R60): the policy value is base64 and is compared byte for
// byte with the request value, which is the raw text of those bytes (R60's example:
// the policy value `QUJD` equals the request bytes `ABC`). The request value is not
// decoded: the text `QUJD` is other bytes than `ABC`.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface BinaryValue {
  readonly base64: string;
  /** The decoded bytes as a binary (latin1) string, for allocation-free comparison. */
  readonly bytes: string;
}

export function parseBase64(text: string): BinaryValue | null {
  if (text.length === 0 || !BASE64.test(text)) return null;
  return { base64: text, bytes: atob(text) };
}

/** The request text as a binary string of its UTF-8 bytes. */
export function utf8Bytes(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
