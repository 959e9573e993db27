// Durations on the command line and in the configuration file: seconds as a number (90, 1.5), or with units —
// 500ms, 90s, 2m, 1h, 1m30s. Pure.

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds (at least 1), or null when `value` is not a duration. */
export function parseDuration(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.max(1, Math.round(value * 1000)) : null;
  const s = value.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(s)) return parseDuration(Number(s));
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(s)) return null;
  let ms = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000);
  return ms >= 1 ? Math.round(ms) : null;
}

export const DURATION_HELP = 'must be a duration such as 90 (seconds), 90s, 2m, 1m30s or 500ms';
