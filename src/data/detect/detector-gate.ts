// The per-segment gate: one pass over a segment's characters (shapeOf) measures what the detectors' patterns cannot
// do without — digit runs of given lengths, a digit-separator-digit, '@', upper-case letters, brackets and '+',
// kana/kanji (non-ASCII), 〒 and the prefecture characters, 年, ':' / '=' / spaces, a western or compact year, and
// the prefilter of the keyword and sensitive-word vocabularies (prefilter.ts) — and gateOf turns it into the set of
// detectors that can possibly find something in the segment (and, for detectors with several patterns, which of
// them can match). Every other detector is skipped. The gate is conservative by construction: each condition is
// read off what the detector's patterns require (the comment at each bit says which), and
// test/unit/detector-gate.test.ts checks, per detector, over the accuracy corpus and generated texts, that the gate
// never rejects a text the detector finds something in and that the patterns it selects find what all of them find.
import { DATE_COMPACT, DATE_ERA_LETTER, DATE_KANJI, DATE_SEPARATED } from './birth-date.js';
import { STABLE_TEXT } from './normalize.js';
import { caseless, FIRST, foldAscii, gram2, gram3, GRAMS, SENSITIVE_BITS, SINGLE, WINDOW_BITS } from './prefilter.js';

/** What kinds of characters a text holds (one pass), to skip detectors that cannot match. */
export class TextShape {
  /** Only characters ≤ U+0020 and U+3000. */
  blank = true;
  /** Only white space as String.prototype.trim sees it (a cell counted as empty). */
  empty = true;
  digits = 0;
  letters = 0;
  upper = 0;
  nonAscii = false;
  at = false;
  /** Lengths of the maximal runs of digits: bit n for a run of n digits (bit 29: 29 or more). */
  runs = 0;
  /** A digit, one of ' ' '-' '.' '/', a digit. */
  sep = false;
  /** '(' or ')'. */
  paren = false;
  plus = false;
  /** Four ASCII letters in a row. */
  letters4 = false;
  /** A run of 4 digits starting 18, 19 or 20, then '/', '.' or '-' and a digit (a western date). */
  yearSep = false;
  /** A run of 8 digits starting 18, 19 or 20 (a compact date). */
  year8 = false;
  /** The prefilter (prefilter.ts) says a window keyword / a sensitive word may be in the text. */
  keyword = false;
  sensitive = false;
  /** 〒; one of 都 道 府 県; 年; ':' or '='; ' ' or U+3000 (what some patterns cannot do without). */
  postalMark = false;
  prefecture = false;
  nen = false;
  colon = false;
  space = false;
  /** A character NFKC may change (normalizeText must run), a ー that may sit between digits. */
  unstable = false;
  longVowel = false;
}

/** White space as String.prototype.trim removes it. */
function isTrimSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const KW_BITS = WINDOW_BITS.single | WINDOW_BITS.pair | WINDOW_BITS.triple;
const SENS_BITS = SENSITIVE_BITS.single | SENSITIVE_BITS.pair | SENSITIVE_BITS.triple;
const PAIRS = WINDOW_BITS.pair | SENSITIVE_BITS.pair;
const TRIPLES = WINDOW_BITS.triple | SENSITIVE_BITS.triple;

// Classes of ASCII characters (one table look-up instead of a chain of comparisons).
const C_DIGIT = 1;
const C_UPPER = 2;
const C_LOWER = 4;
const C_AT = 8;
const C_PAREN = 16;
const C_PLUS = 32;
/** ' ' '-' '.' '/' (between digit groups). */
const C_SEP = 64;
/** Not white space for String.prototype.trim. */
const C_SOLID = 128;
/** Above U+0020. */
const C_VISIBLE = 256;
const ASCII_CLASS = new Uint16Array(128);
for (let c = 0; c < 128; c++) {
  let k = 0;
  if (c >= 48 && c <= 57) k |= C_DIGIT;
  if (c >= 65 && c <= 90) k |= C_UPPER;
  if (c >= 97 && c <= 122) k |= C_LOWER;
  if (c === 64) k |= C_AT;
  if (c === 40 || c === 41) k |= C_PAREN;
  if (c === 43) k |= C_PLUS;
  if (c === 32 || c === 45 || c === 46 || c === 47) k |= C_SEP;
  if (!isTrimSpace(c)) k |= C_SOLID;
  if (c > 32) k |= C_VISIBLE;
  ASCII_CLASS[c] = k;
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// TextShape bits gathered in the loop
const B_SEP = 1;
const B_LETTERS4 = 2;
const B_YEAR_SEP = 4;
const B_YEAR8 = 8;
const B_UNSTABLE = 16;
const B_LONG_VOWEL = 32;
const B_NOT_BLANK = 64;
const B_NOT_EMPTY = 128;
const B_NON_ASCII = 256;
const B_POSTAL_MARK = 512;
const B_PREFECTURE = 1024;
const B_NEN = 2048;
const B_COLON = 4096;
const B_SPACE = 8192;

/** A year 18xx, 19xx or 20xx at `at` (two digit characters). */
function yearAt(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return (a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48);
}

/**
 * Measures `text` (as if normalised: see unstable / longVowel) into `s`, in one pass: counts, digit runs, the
 * prefilter of the vocabularies (prefilter.ts). The end of the text is visited as a character 0 (it ends a run).
 */
export function shapeOf(text: string, s: TextShape): TextShape {
  let digits = 0;
  let letters = 0;
  let upper = 0;
  let classes = 0;
  let runs = 0;
  let run = 0;
  let letterRun = 0;
  let bits = 0;
  let grams = KW_BITS | SENS_BITS;
  let found = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    let f = c;
    if (c < 128) {
      const k = ASCII_CLASS[c] ?? 0;
      if ((k & C_DIGIT) !== 0) {
        digits++;
        if (run++ === 0 && i >= 2) {
          const b = text.charCodeAt(i - 1);
          if ((b === 32 || b === 45 || b === 46 || b === 47) && isDigit(text.charCodeAt(i - 2))) bits |= B_SEP;
        }
        letterRun = 0;
        bits |= B_NOT_BLANK | B_NOT_EMPTY;
        continue;
      }
      if (run > 0) {
        runs |= 1 << (run > 29 ? 29 : run);
        if (run === 4) {
          if ((c === 45 || c === 46 || c === 47) && i + 1 < n && isDigit(text.charCodeAt(i + 1)) && yearAt(text, i - 4)) bits |= B_YEAR_SEP;
        } else if (run === 8 && yearAt(text, i - 8)) bits |= B_YEAR8;
        run = 0;
      }
      if (i === n) break;
      if ((k & (C_UPPER | C_LOWER)) !== 0) {
        letters++;
        if ((k & C_UPPER) !== 0) {
          upper++;
          f = c + 32;
        }
        if (++letterRun >= 4) bits |= B_LETTERS4;
      } else {
        letterRun = 0;
        if (c === 58 || c === 61) bits |= B_COLON;
        else if (c === 32) bits |= B_SPACE;
      }
      classes |= k;
    } else {
      if (run > 0) {
        runs |= 1 << (run > 29 ? 29 : run);
        if (run === 8 && yearAt(text, i - 8)) bits |= B_YEAR8;
        run = 0;
      }
      letterRun = 0;
      bits |= B_NON_ASCII;
      if (c === 0x3012) bits |= B_POSTAL_MARK;
      else if (c === 0x90fd || c === 0x9053 || c === 0x5e9c || c === 0x770c) bits |= B_PREFECTURE;
      else if (c === 0x5e74) bits |= B_NEN;
      else if (c === 0x3000) bits |= B_SPACE;
      if (STABLE_TEXT[c] === 0) bits |= B_UNSTABLE;
      else if (c === 0x30fc) bits |= B_LONG_VOWEL;
      if (c !== 0x3000) bits |= B_NOT_BLANK;
      if ((bits & B_NOT_EMPTY) === 0 && !isTrimSpace(c)) bits |= B_NOT_EMPTY;
      if (grams !== 0 && !caseless(c)) {
        found |= grams;
        grams = 0;
      }
    }
    if (grams !== 0) {
      // a word of a vocabulary still undecided may start here: its first character, pair or triple
      let hit = (SINGLE[f] ?? 0) & grams;
      const first = (FIRST[f] ?? 0) & grams;
      if (first !== 0 && i + 1 < n) {
        const f1 = foldAscii(text.charCodeAt(i + 1));
        hit |= (GRAMS[gram2(f, f1)] ?? 0) & first & PAIRS;
        if (i + 2 < n && (first & TRIPLES) !== 0) hit |= (GRAMS[gram3(f, f1, foldAscii(text.charCodeAt(i + 2)))] ?? 0) & first & TRIPLES;
      }
      if (hit !== 0) {
        if ((hit & KW_BITS) !== 0) {
          found |= KW_BITS;
          grams &= ~KW_BITS;
        }
        if ((hit & SENS_BITS) !== 0) {
          found |= SENS_BITS;
          grams &= ~SENS_BITS;
        }
      }
    }
  }
  if ((classes & C_VISIBLE) !== 0) bits |= B_NOT_BLANK;
  if ((classes & C_SOLID) !== 0) bits |= B_NOT_EMPTY;
  s.blank = (bits & B_NOT_BLANK) === 0;
  s.empty = (bits & B_NOT_EMPTY) === 0;
  s.digits = digits;
  s.letters = letters;
  s.upper = upper;
  s.nonAscii = (bits & B_NON_ASCII) !== 0;
  s.at = (classes & C_AT) !== 0;
  s.runs = runs;
  s.sep = (bits & B_SEP) !== 0;
  s.paren = (classes & C_PAREN) !== 0;
  s.plus = (classes & C_PLUS) !== 0;
  s.letters4 = (bits & B_LETTERS4) !== 0;
  s.yearSep = (bits & B_YEAR_SEP) !== 0;
  s.year8 = (bits & B_YEAR8) !== 0;
  s.keyword = (found & KW_BITS) !== 0;
  s.sensitive = (found & SENS_BITS) !== 0;
  s.postalMark = (bits & B_POSTAL_MARK) !== 0;
  s.prefecture = (bits & B_PREFECTURE) !== 0;
  s.nen = (bits & B_NEN) !== 0;
  s.colon = (bits & B_COLON) !== 0;
  s.space = (bits & B_SPACE) !== 0;
  s.unstable = (bits & B_UNSTABLE) !== 0;
  s.longVowel = (bits & B_LONG_VOWEL) !== 0;
  return s;
}

export const bit = (n: number): number => 1 << n;
const RUN_CARD = bit(14) | bit(15) | bit(16) | bit(17) | bit(18) | bit(19);
const RUN_10_11 = bit(10) | bit(11);


// Detectors the gate lets run (DetectorGate.run).
export const G_EMAIL = 1 << 0;
export const G_MY_NUMBER = 1 << 1;
export const G_CORPORATE = 1 << 2;
export const G_LICENCE = 1 << 3;
export const G_CARD = 1 << 4;
export const G_PENSION = 1 << 5;
export const G_PHONE = 1 << 6;
export const G_BANK = 1 << 7;
export const G_PASSPORT = 1 << 8;
export const G_RESIDENCE = 1 << 9;
export const G_POSTAL = 1 << 10;
export const G_BIRTH_DATE = 1 << 11;
export const G_LABELLED_NAMES = 1 << 12;
export const G_SENSITIVE_WORDS = 1 << 13;
/** The shape part of findNameShaped's condition (the Classifier adds: in a table, no name field, no name found). */
export const G_NAME_SHAPED = 1 << 14;
/** The shape part of findPostalDigitsCell's (the Classifier adds: in a table, no address found). */
export const G_POSTAL_DIGITS = 1 << 15;

/** What may run on one segment, and with which of their patterns (reused per segment). */
export class DetectorGate {
  run = 0;
  cardContiguous = false;
  cardGrouped = false;
  pensionHyphenated = false;
  pensionContiguous = false;
  /** findPhones' pattern bits. */
  phonePatterns = 0;
  postalBare = false;
  postalMarked = false;
  postalAddress = false;
  /** findBirthDates' forms (DATE_*). */
  dateForms = 0;
}

/** The detectors that can find something in a text of shape `s` (measured on the normalised text). */
export function gateOf(s: TextShape, text: string, g: DetectorGate): DetectorGate {
  let run = 0;
  g.phonePatterns = 0;
  g.dateForms = 0;
  g.cardContiguous = g.cardGrouped = g.pensionHyphenated = g.pensionContiguous = false;
  g.postalBare = g.postalMarked = g.postalAddress = false;
  if (s.blank) {
    g.run = 0;
    return g;
  }
  // an address needs its '@'
  if (s.at) run |= G_EMAIL;
  const d = s.digits;
  const runs = s.runs;
  const sep = s.sep;
  if (d >= 4) {
    if (d >= 12) {
      // 12 digits, whole or as 4-4-4 with separators
      if (runs & bit(12) || (runs & bit(4) && sep)) run |= G_MY_NUMBER;
      // 13 digits, whole or as 1-4-4-4 with separators
      if (runs & bit(13) || (runs & bit(1) && sep)) run |= G_CORPORATE;
      // 12 digits in a run
      if (runs & bit(12)) run |= G_LICENCE;
    }
    if (d >= 14) {
      // 14-19 digits in a run, or groups of 4 with separators
      g.cardContiguous = (runs & RUN_CARD) !== 0;
      g.cardGrouped = (runs & bit(4)) !== 0 && sep;
      if (g.cardContiguous || g.cardGrouped) run |= G_CARD;
    }
    if (d >= 10) {
      // 4-6 with a separator, or 10 / 11 digits in a run
      g.pensionHyphenated = (runs & bit(4)) !== 0 && (runs & bit(6)) !== 0 && sep;
      g.pensionContiguous = (runs & RUN_10_11) !== 0;
      if (g.pensionHyphenated || g.pensionContiguous) run |= G_PENSION;
      // 10 / 11 digits in a run; groups with separators; a bracketed area code; +81
      g.phonePatterns = (g.pensionContiguous ? 1 : 0) | (sep ? 2 : 0) | (s.paren ? 12 : 0) | (s.plus ? 16 : 0);
      if (g.phonePatterns !== 0) run |= G_PHONE;
    }
    // 7 digits in a run (and two capital letters for a passport; 8 digits for a residence card)
    if (d >= 7 && runs & bit(7)) run |= G_BANK;
    if (d >= 7 && s.upper >= 2) {
      if (runs & bit(7)) run |= G_PASSPORT;
      if (runs & bit(8)) run |= G_RESIDENCE;
    }
  }
  // an address needs a prefecture and a house number (a digit, or 丁目/番地 with none); a bare postal code 3-4 digits
  if (d >= 7 || s.nonAscii) {
    g.postalBare = (runs & bit(3)) !== 0 && (runs & bit(4)) !== 0 && sep;
    g.postalMarked = s.postalMark;
    g.postalAddress = s.prefecture;
    if (g.postalBare || g.postalMarked || g.postalAddress) run |= G_POSTAL;
  }
  // dates: a 4-digit year 18xx-20xx, a separator and a digit; 年 and 2 digits (元年5月1日); an era letter and 3 digits
  // with separators (S3-2-9); 8 digits starting 18-20
  if (d >= 2) {
    g.dateForms = (s.yearSep ? DATE_SEPARATED : 0) | (s.nen ? DATE_KANJI : 0) | (sep && s.upper > 0 && d >= 3 ? DATE_ERA_LETTER : 0) | (s.year8 ? DATE_COMPACT : 0);
    if (g.dateForms !== 0) run |= G_BIRTH_DATE;
  }
  // a label and a name: a ':' or a space or a tab after a Japanese label, or ':' after an ASCII one
  if ((s.nonAscii && (s.colon || s.space || text.includes('\t'))) || (s.letters > 0 && s.colon)) run |= G_LABELLED_NAMES;
  // a name in a cell: Japanese, with a space or short
  if (s.nonAscii && (s.space || text.length <= 8)) run |= G_NAME_SHAPED;
  // a postal code of 7 bare digits in a cell
  if (d === 7) run |= G_POSTAL_DIGITS;
  // a sensitive word: the prefilter says maybe (ASCII words have 4 letters in a row)
  if ((s.nonAscii || s.letters >= 3) && s.sensitive && (s.nonAscii || s.letters4)) run |= G_SENSITIVE_WORDS;
  g.run = run;
  return g;
}
