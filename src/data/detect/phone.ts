// phone: Japanese numbers by digit-count rules.
// - mobile and IP phones: 050/070/080/090 + 8 digits (11 digits), written 3-4-4;
// - landlines: 10 digits = area code (with its 0, 2–5 digits) + local exchange + 4 subscriber digits, the
//   first two groups always 6 digits together (03-1234-5678, 045-123-4567, 0123-45-6789, 01267-2-3456);
// - written with '-', ' ' or '.', with parentheses ((03)1234-5678, 03(1234)5678), or contiguous;
// - +81 forms (+81-90-1234-5678, +81 3 1234 5678, +81(0)3-1234-5678, +819012345678): the 0 is restored.
// Not personal and not reported: toll-free and shared-cost business numbers (0120, 0800, 0570, 0990) and
// 020 (pagers/M2M). Full-width digits and dashes are folded before (normalizeText).
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { isolated } from './normalize.js';

const PATTERNS: readonly RegExp[] = [
  // contiguous national
  /(?<![0-9])0[0-9]{9,10}(?![0-9])/g,
  // grouped national: 0AA-BBBB-CCCC with one separator kind
  /(?<![0-9])(0[0-9]{1,4})([-. ])([0-9]{1,4})\2([0-9]{4})(?![0-9])/g,
  // (0AA)BBBB-CCCC
  /\((0[0-9]{1,4})\) ?([0-9]{1,4})[- ]?([0-9]{4})(?![0-9])/g,
  // 0AA(BBBB)CCCC
  /(?<![0-9])(0[0-9]{1,4})\(([0-9]{1,4})\)([0-9]{4})(?![0-9])/g,
  // +81 grouped or contiguous
  /\+81[- ]?(?:\(0\)[- ]?)?([1-9][0-9]{0,3})([- ]?)([0-9]{1,4})\2([0-9]{4})(?![0-9])/g,
];

/** Validates national digits (leading 0) and, when known, the written groups. */
export function validJapanesePhone(national: string, groups: readonly number[] | null): boolean {
  if (national.length < 10 || national[0] !== '0' || national[1] === '0') return false;
  const p3 = national.slice(0, 3);
  const p4 = national.slice(0, 4);
  if (p3 === '050' || p3 === '070' || p3 === '080' || p3 === '090') {
    if (national.length !== 11) return false;
    return groups === null || (groups.length === 3 && groups[0] === 3 && groups[1] === 4 && groups[2] === 4);
  }
  if (p4 === '0120' || p4 === '0800' || p4 === '0570' || p4 === '0990' || p3 === '020' || p3 === '060') return false;
  if (national.length !== 10) return false;
  if (groups === null) return true;
  const [a, b, c] = groups;
  return groups.length === 3 && a !== undefined && b !== undefined && c === 4 && a >= 2 && a <= 5 && a + b === 6;
}

function mask(national: string, groups: readonly number[] | null): string {
  if (groups !== null) return maskChars(national, groups);
  if (national.length === 11) return maskChars(national, [3, 4, 4]);
  return maskChars(national);
}

/** Bits of the patterns above that can match (a caller that knows the text's digit runs may skip some). */
export const PHONE_ALL = 0b11111;

export function findPhones(text: string, out: Found[], patterns = PHONE_ALL): void {
  // start offsets already taken by an earlier pattern (a few per text)
  let seen: number[] | null = null;
  for (let which = 0; which < PATTERNS.length; which++) {
    if ((patterns & (1 << which)) === 0) continue;
    const re = PATTERNS[which] as RegExp;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (seen !== null && seen.includes(start)) continue;
      if (!isolated(text, start, end)) continue;
      let national: string;
      let groups: number[] | null;
      if (which === 0) {
        national = m[0];
        groups = null;
      } else if (which === 1) {
        const a = m[1] ?? '';
        const b = m[3] ?? '';
        const c = m[4] ?? '';
        national = a + b + c;
        groups = [a.length, b.length, c.length];
      } else if (which === 2 || which === 3) {
        const a = m[1] ?? '';
        const b = m[2] ?? '';
        const c = m[3] ?? '';
        national = a + b + c;
        groups = [a.length, b.length, c.length];
      } else {
        const a = `0${m[1] ?? ''}`;
        const b = m[3] ?? '';
        const c = m[4] ?? '';
        national = a + b + c;
        groups = m[2] === '' ? null : [a.length, b.length, c.length];
      }
      if (!validJapanesePhone(national, groups)) continue;
      (seen ??= []).push(start);
      out.push({ type: 'phone', start, end, canonical: national, masked: mask(national, groups), rule: 'shape' });
    }
  }
}
