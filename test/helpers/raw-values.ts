// What a privacy test looks for in an output: every raw personal value as written, My Numbers also grouped 4-4-4
// (with spaces or hyphens) and as bare digits whatever the separators, ISO dates also with slashes and as YYYYMMDD.
import assert from 'node:assert/strict';

/** The raw values and the other spellings of them that would be as much of a leak. */
export function rawNeedles(raw: readonly string[]): Set<string> {
  const needles = new Set<string>(raw);
  for (const v of raw) {
    if (/^\d{12}$/.test(v)) needles.add(`${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`).add(`${v.slice(0, 4)}-${v.slice(4, 8)}-${v.slice(8)}`);
    if (/^\d{4}-\d\d-\d\d$/.test(v)) needles.add(v.replace(/-/g, '/')).add(v.replace(/-/g, ''));
  }
  return needles;
}

/** Fails when `text` holds a raw value (or another spelling of it), or the digits of a My Number among `raw`. */
export function assertNoRawValue(text: string, raw: readonly string[], where: string, needles: Set<string> = rawNeedles(raw)): void {
  for (const needle of needles) assert.equal(text.includes(needle), false, `${where} holds a raw value: ${needle}`);
  // No run of 12 digits that is a My Number of the fixture, whatever the separators.
  const digits = text.replace(/[\s-]/g, '');
  for (const v of raw) if (/^\d{12}$/.test(v)) assert.equal(digits.includes(v), false, `${where} holds a My Number's digits`);
}
