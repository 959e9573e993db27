// Reading fields of a log record safely (the records are JSON from outside: any field may be missing or mistyped).
export type Json = Record<string, unknown>;

/** The value as an object, when it is one (not an array). */
export function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

/** The value as a non-empty string, else null. */
export function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** An ISO time of a record, normalized (null when absent or not a time). */
export function isoTime(v: unknown): string | null {
  const s = str(v);
  return s === null || Number.isNaN(Date.parse(s)) ? null : new Date(s).toISOString();
}
