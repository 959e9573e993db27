// Text normalisation before matching, and the boundary rules shared by every detector of digit runs.
// NFKC turns full-width digits, letters and punctuation (１２３, ＡＢ, ＠, －, ：) and half-width katakana into
// their standard forms; the few dashes NFKC leaves alone become '-', and a katakana prolonged sound mark
// written between two digits (０９０ー１２３４ー５６７８, a common typing habit) becomes '-' too.
// Every replacement keeps the length of the NFKC text, so offsets reported by detectors refer to normalizeText(s).

const NON_ASCII = /[^\x00-\x7f]/;
const DASHES = /[\u2010-\u2015\u2043\u2212\uFE58\uFE63]/g;
const LONG_VOWEL_BETWEEN_DIGITS = /(?<=[0-9])\u30FC(?=[0-9])/g;

/**
 * Code points of Japanese text that NFKC leaves alone and that never compose with the character before them
 * (NFKC_Quick_Check = Yes, canonical combining class 0): CJK punctuation and symbols (not U+3000, the
 * ideographic space, nor the circled and enclosed forms), hiragana and katakana (not the combining and spacing
 * voiced sound marks U+3099–309C, nor ゟ ヿ), CJK ideographs. A string made of these and ASCII is its own NFKC
 * form, so most Japanese cells skip the normalisation call (test/unit/data-normalize checks every code point of
 * these ranges against String.prototype.normalize).
 */
export const NFKC_STABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x3001, 0x3035],
  [0x3037, 0x3037],
  [0x303b, 0x3098],
  [0x309d, 0x309e],
  [0x30a0, 0x30fe],
  [0x3400, 0x9fff],
];

/** 1 for the characters of NFKC_STABLE_RANGES and ASCII. */
export const STABLE_TEXT = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) STABLE_TEXT[c] = 1;
for (const [a, b] of NFKC_STABLE_RANGES) STABLE_TEXT.fill(1, a, b + 1);
const STABLE = STABLE_TEXT;

/** NFKC plus dash folding; ASCII-only text and Japanese text already in NFKC are returned as they are. */
export function normalizeText(s: string): string {
  let ascii = true;
  let stable = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    ascii = false;
    if (STABLE[c] === 0) {
      stable = false;
      break;
    }
  }
  if (ascii) return s;
  if (stable) return s.includes('\u30FC') ? s.replace(LONG_VOWEL_BETWEEN_DIGITS, '-') : s;
  let t = s.normalize('NFKC');
  if (!NON_ASCII.test(t)) return t;
  t = t.replace(DASHES, '-');
  if (t.includes('\u30FC')) t = t.replace(LONG_VOWEL_BETWEEN_DIGITS, '-');
  return t;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Is text[start, end) a value of its own rather than a piece of a longer identifier?
 * Rejected when the neighbour is a letter, digit, '_' or '+' (ORD123456789018, +819012345678), when a
 * '-', '_' or '/' joins it to another letter or digit (ORD-123456789018, 123456789018-01, /orders/123…),
 * or when a '.' joins it to a digit (a decimal or a version). Japanese text, spaces and punctuation around
 * a value are fine: 個人番号123456789018です.
 */
export function isolated(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (isAlnumCode(b) || b === 95 /* _ */ || b === 43 /* + */) return false;
    if (start > 1) {
      const b2 = text.charCodeAt(start - 2);
      if ((b === 45 || b === 47) && isAlnumCode(b2)) return false; // - /
      if (b === 46 && isDigitCode(b2)) return false; // .
    }
  }
  if (end < text.length) {
    const a = text.charCodeAt(end);
    if (isAlnumCode(a) || a === 95) return false;
    if (end + 1 < text.length) {
      const a2 = text.charCodeAt(end + 1);
      if ((a === 45 || a === 47 || a === 95 || a === 46) && isAlnumCode(a2)) return false;
    }
  }
  return true;
}

/** For values written with spaces between digit groups: another digit group right before or after means the value is longer. */
export function spacedRunContinues(text: string, start: number, end: number): boolean {
  return (start > 1 && text.charCodeAt(start - 1) === 32 && isDigitCode(text.charCodeAt(start - 2))) || (end + 1 < text.length && text.charCodeAt(end) === 32 && isDigitCode(text.charCodeAt(end + 1)));
}

/** The digits of s, in order. */
export function digitsOf(s: string): string {
  return s.replace(/[^0-9]/g, '');
}

export function hasDigit(s: string): boolean {
  return /[0-9]/.test(s);
}
