// pension_insurance: 基礎年金番号 (4 + 6 digits, written 1234-567890) and 雇用保険被保険者番号
// (4 + 6 + 1, written 1234-567890-1). The hyphenated forms are reported low without context, high with
// 基礎年金番号, 被保険者番号, 雇用保険 …; the same digits without hyphens (10 or 11 in a row, which is
// also what phone numbers look like) only with context.
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { isolated } from './normalize.js';

/**
 * Toll-free and shared-cost prefixes: 0120-123456 is a business phone number written 4-6, not a pension number; it
 * never counts toward a pension column (classifier.ts).
 */
const BUSINESS_PHONE: ReadonlySet<string> = new Set(['0120', '0570', '0990', '0180', '0800']);
/**
 * A first group that reads as a recent year (2024-000123 is an order or case number of 2024): such a value is a
 * weak form for a pension column (raised by a column the others make, never counted to make one).
 */
const YEAR_LIKE = (prefix: string): boolean => {
  const y = Number(prefix);
  return y >= 1990 && y <= 2049;
};
const HYPHENATED = /(?<![0-9])([0-9]{4})-([0-9]{6})(?:-([0-9]))?(?![0-9])/g;
const CONTIGUOUS = /(?<![0-9])[0-9]{10,11}(?![0-9])/g;

export function findPensionNumbers(text: string, out: Found[], hyphenated = true, contiguous = true): void {
  HYPHENATED.lastIndex = 0;
  for (let m = hyphenated ? HYPHENATED.exec(text) : null; m !== null; m = HYPHENATED.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    const digits = m[0].replace(/-/g, '');
    const prefix = m[1] ?? '';
    const column = BUSINESS_PHONE.has(prefix) ? 'none' : YEAR_LIKE(prefix) ? 'weak' : 'hit';
    out.push({ type: 'pension_insurance', start, end, canonical: digits, masked: maskChars(digits, m[3] === undefined ? [4, 6] : [4, 6, 1]), rule: 'shape', column });
  }
  CONTIGUOUS.lastIndex = 0;
  for (let m = contiguous ? CONTIGUOUS.exec(text) : null; m !== null; m = CONTIGUOUS.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    out.push({ type: 'pension_insurance', start, end, canonical: m[0], masked: maskChars(m[0], m[0].length === 10 ? [4, 6] : [4, 6, 1]), rule: 'context', column: 'weak' });
  }
}
