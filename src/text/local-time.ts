// The one way a time is shown to a person: Asia/Tokyo, minutes, the zone named — `2026-12-07 23:17 JST` in both
// languages (APPI deadlines are counted in Japan). Machine formats (JSON, SARIF, CSV's scanned_at) keep ISO UTC.
/** Asia/Tokyo is UTC+9 all year (no daylight saving time). */
export const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `2026-12-07T14:17:05.000Z` -> `2026-12-07 23:17 JST`; a value that is not an ISO timestamp is returned unchanged. */
export function formatLocalTime(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = new Date(t + TOKYO_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} JST`;
}
