// corporate_number (法人番号): 13 digits with a valid check digit (the first digit); also the invoice
// registration number form T + 13 digits (適格請求書発行事業者登録番号). Not personal data: found so that
// the 12 digits inside are never taken for a My Number, and so that a file holding only corporate numbers
// is classed not_personal. A 13-digit run that is also a valid GS1 code (a JAN/EAN-13 product code passes
// the corporate check about one time in nine) counts only with context (法人番号).
import { gs1Valid, isValidCorporateNumber } from './check-digits.js';
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { isolated, spacedRunContinues } from './normalize.js';

const RE = /(?<![0-9])(T[ -]?)?([0-9])([ -]?)([0-9]{4})\3([0-9]{4})\3([0-9]{4})(?![0-9])/g;

export function findCorporateNumbers(text: string, out: Found[]): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m !== null; m = RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    if (m[3] === ' ' && spacedRunContinues(text, start, end)) continue;
    const digits = `${m[2] ?? ''}${m[4] ?? ''}${m[5] ?? ''}${m[6] ?? ''}`;
    if (!isValidCorporateNumber(digits)) continue;
    const jan = m[1] === undefined && m[3] === '' && gs1Valid(digits);
    out.push({ type: 'corporate_number', start, end, canonical: digits, masked: maskChars(digits, [1, 4, 4, 4]), rule: jan ? 'context' : 'checksum' });
  }
}
