// A cheap necessary condition for the vocabulary patterns (window keywords, labels, sensitive words): a text can
// hold one of a vocabulary's words only if it holds the word's first character (one-character words), first two
// characters (two-character words) or first three characters (longer words), compared as the patterns compare
// them (case-insensitively for ASCII letters; an ASCII keyword's tokens joined by ' ', '_', '-' or nothing).
// Pairs and triples are bits of a hash table, so a "maybe" can be wrong, a "no" never is; a text with a character
// that has case outside ASCII (Greek γ in γ-GTP, Latin-1 …) is always a "maybe". Only a "maybe" runs the pattern.
// The Classifier reads the tables in the same pass that measures a segment (classifier.ts, shapeOf).

const SIZE = 1 << 17;
const MASK = SIZE - 1;

export function gram2(a: number, b: number): number {
  return (Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> 15) & MASK;
}

export function gram3(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 0xc2b2ae35) ^ Math.imul(b, 0x85ebca6b) ^ c, 0x9e3779b1) >>> 13) & MASK;
}

/** Characters without case (kana, CJK punctuation, ideographs); ASCII letters are folded to lower case. */
export function caseless(c: number): boolean {
  return (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
}

export function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** One vocabulary's bits in the shared tables: a one-character word, a pair, a triple. */
export interface VocabBits {
  single: number;
  pair: number;
  triple: number;
}

export const WINDOW_BITS: VocabBits = { single: 1, pair: 2, triple: 4 };
export const SENSITIVE_BITS: VocabBits = { single: 8, pair: 16, triple: 32 };
export const LABEL_BITS: VocabBits = { single: 64, pair: 128, triple: 256 };

/** One-character words by character, and pairs / triples by hash: bits of the vocabularies above. */
export const SINGLE = new Uint16Array(0x10000);
/** By first character (folded): the pair / triple bits of the vocabularies with a longer word starting with it. */
export const FIRST = new Uint16Array(0x10000);
export const GRAMS = new Uint16Array(SIZE);

/** The spellings a word's pattern accepts, for its first characters: ASCII words with each separator between tokens. */
function spellings(word: string, asciiTokens: boolean): string[] {
  if (!asciiTokens) return [word];
  const tokens = word.split(/[ _-]/);
  let out = [tokens[0] ?? ''];
  for (const t of tokens.slice(1)) out = out.flatMap((s) => (s.length >= 3 ? [s] : ['', ' ', '_', '-'].map((sep) => s + sep + t)));
  return out;
}

/** Enters a vocabulary; `asciiTokens(word)`: whether its pattern joins the word's tokens with optional separators. */
export function registerVocabulary(words: readonly string[], asciiTokens: (word: string) => boolean, bits: VocabBits): void {
  for (const w of words) {
    if ([...w].some((ch) => ch.charCodeAt(0) >= 128 && !caseless(ch.charCodeAt(0)))) continue; // texts holding such a character always pass
    for (const s of spellings(w, asciiTokens(w))) {
      const c = [...s].map((ch) => foldAscii(ch.charCodeAt(0)));
      const [c0 = 0, c1 = 0, c2 = 0] = c;
      if (c.length === 1) SINGLE[c0] = (SINGLE[c0] ?? 0) | bits.single;
      else if (c.length === 2) GRAMS[gram2(c0, c1)] = (GRAMS[gram2(c0, c1)] ?? 0) | bits.pair;
      else if (c.length >= 3) GRAMS[gram3(c0, c1, c2)] = (GRAMS[gram3(c0, c1, c2)] ?? 0) | bits.triple;
      if (c.length >= 2) FIRST[c0] = (FIRST[c0] ?? 0) | (c.length === 2 ? bits.pair : bits.triple);
    }
  }
}

/** False only when no word of the vocabulary can be in the text. */
export function mayMatch(text: string, bits: VocabBits): boolean {
  let a = -1;
  let b = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) c = foldAscii(c);
    else if (!caseless(c)) return true;
    if (((SINGLE[c] ?? 0) & bits.single) !== 0) return true;
    if (b >= 0) {
      if (((GRAMS[gram2(b, c)] ?? 0) & bits.pair) !== 0) return true;
      if (a >= 0 && ((GRAMS[gram3(a, b, c)] ?? 0) & bits.triple) !== 0) return true;
    }
    a = b;
    b = c;
  }
  return false;
}
