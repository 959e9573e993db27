// Small field readers shared by the log format parsers.

/** A non-negative integer field; '-' or empty is null. */
export function countField(v: string | undefined): number | null {
  if (v === undefined || v === '' || v === '-') return null;
  if (!/^\d+$/.test(v)) return null;
  return Number(v);
}

/** A field that may be '-' (or empty) for "no value". */
export function optionalField(v: string | undefined): string | null {
  return v === undefined || v === '' || v === '-' ? null : v;
}

/** The address without its port: `192.0.2.1:4312` → `192.0.2.1`, `[2001:db8::1]:443` → `2001:db8::1`. */
export function addressOnly(v: string | null): string | null {
  if (v === null) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) return bracketed[1] ?? null;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(v);
  if (v4) return v4[1] ?? null;
  return v;
}

/** Percent-decoding that keeps the text as it is when it is not valid percent-encoding. */
export function decodeKey(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Splits text into lines (LF or CRLF), without the empty last line. */
export function linesOf(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
