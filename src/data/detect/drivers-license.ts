// drivers_license (運転免許証番号): 12 digits, only with context: 運転免許証, 免許証番号 within 300 characters or a
// field / label naming a licence. Printed as 第123456789012号 on the card: Japanese text around is fine.
//
// The number has a structure, documented by prefectural police rules (公安委員会コード, 年号記号, 交付番号,
// チェックデジット, 再交付記号) and widely described, though the check digit's formula is not officially published:
// digits 1–2 the public safety commission that first issued it (10–14 Hokkaido, 20–25 Tohoku, 30 Tokyo … 97
// Okinawa), 3–4 the year of the first licence (2 digits), 5–10 a serial, 11 a check digit (weights 5 4 3 2 7 6 5 4 3 2
// over digits 1–10, (11 − sum mod 11) mod 10), 12 the reissue count. A random 12-digit id has this structure about
// one time in twenty. The structure does not replace context (it is not an official checksum); it only lets a
// column of them be recognised (classifier.ts, column consistency).
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { isolated } from './normalize.js';

const RE = /(?<![0-9])[0-9]{12}(?![0-9])/g;

/** 公安委員会コード: the first two digits of a licence number. */
export const LICENCE_COMMISSION_CODES: ReadonlySet<number> = new Set([
  10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 30, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 60, 61, 62, 63, 64, 65, 70, 71, 72, 73, 74, 80, 81, 82, 83,
  90, 91, 92, 93, 94, 95, 96, 97,
]);

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The 11th digit of a licence number from its first 10 digits. */
export function licenceCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (first10.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return (11 - (sum % 11)) % 10;
}

/** 12 digits with a commission code and the check digit of a licence number. */
export function hasLicenceStructure(digits: string): boolean {
  if (!/^[0-9]{12}$/.test(digits)) return false;
  if (!LICENCE_COMMISSION_CODES.has(Number(digits.slice(0, 2)))) return false;
  return licenceCheckDigit(digits) === digits.charCodeAt(10) - 48;
}

export function findDriversLicenses(text: string, out: Found[]): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m !== null; m = RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    out.push({ type: 'drivers_license', start, end, canonical: m[0], masked: maskChars(m[0]), rule: 'context', column: hasLicenceStructure(m[0]) ? 'hit' : 'none' });
  }
}
