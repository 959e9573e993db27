// credit_card: 14–19 digits, contiguous or in the brands' printed groups (4-4-4-4[-1..3], Amex 4-6-5,
// Diners 4-6-4) with one kind of separator (space or '-'); Luhn + brand prefix and length; the well-known
// test numbers of payment providers' documentation are dropped (they are not anybody's card).
import { luhnValid } from './check-digits.js';
import type { Found } from './found.js';
import { groupsOf4, maskChars } from './mask.js';
import { isolated, spacedRunContinues } from './normalize.js';

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'diners' | 'discover' | 'unionpay';

/** Brand by prefix and length (PERSONAL-DATA.md): null when no brand accepts this prefix with this length. */
export function cardBrand(digits: string): CardBrand | null {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4') return n === 16 || n === 19 ? 'visa' : null;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16 ? 'mastercard' : null;
  if (p2 === 34 || p2 === 37) return n === 15 ? 'amex' : null;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19 ? 'jcb' : null;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19 ? 'diners' : null;
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65) return n >= 16 && n <= 19 ? 'discover' : null;
  if (p2 === 62) return n >= 16 && n <= 19 ? 'unionpay' : null;
  return null;
}

/** Test card numbers published in payment providers' documentation (Stripe, PayPal/Braintree, Adyen, JCB …). */
export const TEST_CARD_NUMBERS: ReadonlySet<string> = new Set([
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '4000056655665556',
  '4000000000000002',
  '4000000000009995',
  '4000000000000077',
  '4444333322221111',
  '4917610000000000',
  '4988438843884305',
  '4035501000000008',
  '4111111145551142',
  '5555555555554444',
  '5105105105105100',
  '5200828282828210',
  '5454545454545454',
  '5431111111111111',
  '5500000000000004',
  '2223003122003222',
  '2222400070000005',
  '378282246310005',
  '371449635398431',
  '378734493671000',
  '340000000000009',
  '370000000000002',
  '30569309025904',
  '38520000023237',
  '36227206271667',
  '3530111333300000',
  '3566002020360505',
  '3566111111111113',
  '3569990010095841',
  '6011111111111117',
  '6011000990139424',
  '6011000400000000',
  '6011601160116611',
  '6200000000000005',
  '6250941006528599',
  '6243030000000001',
]);

/** Canonical grouping for the mask. */
function groupsFor(brand: CardBrand, len: number): number[] {
  if (brand === 'amex' && len === 15) return [4, 6, 5];
  if (brand === 'diners' && len === 14) return [4, 6, 4];
  return groupsOf4(len);
}

/** Luhn + brand + not a test number. */
export function isPlausibleCard(digits: string): CardBrand | null {
  const brand = cardBrand(digits);
  if (brand === null || !luhnValid(digits) || TEST_CARD_NUMBERS.has(digits)) return null;
  return brand;
}

const CONTIGUOUS = /(?<![0-9])[0-9]{14,19}(?![0-9])/g;
const GROUPED_4 = /(?<![0-9])[0-9]{4}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{4}(?:\1[0-9]{1,3})?(?![0-9])/g;
const GROUPED_465 = /(?<![0-9])[0-9]{4}([ -])[0-9]{6}\1[0-9]{4,5}(?![0-9])/g;

const ALL = [CONTIGUOUS, GROUPED_4, GROUPED_465];
const GROUPED = [GROUPED_4, GROUPED_465];
const ONLY_CONTIGUOUS = [CONTIGUOUS];

/** `contiguous` / `grouped`: which forms can be in the text (a caller that knows its digit runs may skip some). */
export function findCreditCards(text: string, out: Found[], contiguous = true, grouped = true): void {
  for (const re of contiguous ? (grouped ? ALL : ONLY_CONTIGUOUS) : grouped ? GROUPED : []) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!isolated(text, start, end)) continue;
      if (m[1] === ' ' && spacedRunContinues(text, start, end)) continue;
      const digits = m[0].replace(/[^0-9]/g, '');
      const brand = isPlausibleCard(digits);
      if (brand === null) continue;
      out.push({ type: 'credit_card', start, end, canonical: digits, masked: maskChars(digits, groupsFor(brand, digits.length)), rule: 'checksum' });
    }
  }
}
