// Check digits (PERSONAL-DATA.md, "Check digits"): My Number (個人番号), corporate number (法人番号), Luhn
// (payment cards) and GS1 (JAN/EAN-13, only to tell product codes from corporate numbers).
// All functions take ASCII digit strings and return false / throw nothing on anything else.
//
// Known blind spots, by construction of the algorithms (tested in data-check-digits.test.ts):
// - My Number: remainders 0 and 1 both give check digit 0, so a single-digit change that moves the weighted
//   sum from ≡0 to ≡1 (mod 11), or back, keeps the number valid. Every other single-digit change is caught.
// - Corporate number: weights 1 and 2 modulo 9 cannot see a change of a digit by 9 (0 ↔ 9); every other
//   single-digit change is caught.
// - Luhn catches every single-digit change.

const ALL_DIGITS = /^[0-9]+$/;

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

/** Check digit of a My Number from its first 11 digits (n = 1..11 from the right; Qn = n+1 for n ≤ 6, n−5 for n ≥ 7). */
export function myNumberCheckDigit(first11: string): number {
  if (first11.length !== 11 || !ALL_DIGITS.test(first11)) throw new RangeError('myNumberCheckDigit needs 11 digits');
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = digitAt(first11, 11 - n);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function isValidMyNumber(digits12: string): boolean {
  if (digits12.length !== 12 || !ALL_DIGITS.test(digits12)) return false;
  return myNumberCheckDigit(digits12.slice(0, 11)) === digitAt(digits12, 11);
}

/** Check digit (the FIRST digit) of a corporate number from the other 12 (n = 1..12 from the right; Qn = 1 odd, 2 even). */
export function corporateCheckDigit(other12: string): number {
  if (other12.length !== 12 || !ALL_DIGITS.test(other12)) throw new RangeError('corporateCheckDigit needs 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const p = digitAt(other12, 12 - n);
    sum += p * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export function isValidCorporateNumber(digits13: string): boolean {
  if (digits13.length !== 13 || !ALL_DIGITS.test(digits13)) return false;
  return corporateCheckDigit(digits13.slice(1)) === digitAt(digits13, 0);
}

/** Luhn (mod 10): from the rightmost digit, double every second digit, subtract 9 above 9, sum ≡ 0 (mod 10). */
export function luhnValid(digits: string): boolean {
  if (digits.length < 2 || !ALL_DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digitAt(digits, digits.length - 1 - i);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that completes `body` under Luhn (used by the corpus generator and tests). */
export function luhnCheckDigit(body: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + String(d))) return d;
  throw new RangeError('luhnCheckDigit needs digits');
}

/** GS1 check digit (EAN-13/JAN, GTIN-8/12/14): weights 3,1,3,… from the rightmost body digit. */
export function gs1Valid(digits: string): boolean {
  if (digits.length < 8 || !ALL_DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 1; i < digits.length; i++) {
    const d = digitAt(digits, digits.length - 1 - i);
    sum += i % 2 === 1 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === digitAt(digits, digits.length - 1);
}
