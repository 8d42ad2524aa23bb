// The short label a rating button shows for the wait until the next review ("10m", "1d",
// "2.1mo"). Units as Anki shows them: minutes below an hour, hours (one decimal) below a
// day, whole days below 30 days, months of 30 days (one decimal) below a year, then years of
// 365 days. Each value is rounded before the unit is chosen, so 59.7 minutes reads "1h",
// never "60m". A trailing ".0" is dropped ("1h", not "1.0h").

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`interval must be a finite number of milliseconds, got ${ms}`);
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return "<1m";
  if (minutes < 60) return `${minutes}m`;
  const hours = roundTenth(ms / HOUR);
  if (hours < 24) return `${trimZero(hours)}h`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${days}d`;
  const months = roundTenth(days / 30);
  if (months < 12) return `${trimZero(months)}mo`;
  return `${trimZero(roundTenth(days / 365))}y`;
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

function trimZero(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
