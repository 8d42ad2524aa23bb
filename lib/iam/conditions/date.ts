// Date condition values (R58): ISO 8601 text or epoch seconds, both converted to
// whole epoch seconds before comparing. ISO text without an offset is read as UTC,
// never as the host's local time. [AMBIGUOUS] R58: sub-second precision is dropped
// (whole seconds compared).

const EPOCH = /^-?\d+(?:\.\d+)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** Whole epoch seconds for a date value, or NaN when the text is not a date. */
export function parseDateSeconds(text: string): number {
  if (EPOCH.test(text)) return Math.floor(Number(text));
  const m = ISO.exec(text);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return Number.NaN;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(ms)) return Number.NaN;
  // Reject calendar overflow such as 2024-02-31.
  if (new Date(ms).getUTCDate() !== day) return Number.NaN;
  if (m[9] !== undefined) {
    const offset = (Number(m[10]) * 60 + Number(m[11])) * 60_000;
    ms += m[9] === "+" ? -offset : offset;
  }
  return Math.floor(ms / 1000);
}

/** True when the text carries a fraction of a second that R58 drops. */
export function hasSubSecond(text: string): boolean {
  return /\.\d/.test(text) && (EPOCH.test(text) || ISO.test(text));
}

/** The ISO text (UTC, whole seconds) for an epoch second, for explanations. */
export function formatDateSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}
