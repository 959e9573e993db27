// Masking and salted hashing: the only forms in which a detected value may leave the Classifier.
// Rules (decided here, see docs/personal-data-detectors.md):
// - numbers: only the LAST 4 characters stay when the value has 10 or more digits/letters, only the last 2
//   when it has 7–9, none below 7 (a 7-digit bank account shows *****67); grouping is the canonical one
//   (****-****-9018), not the writer's, so the mask does not echo the input's format either;
// - e-mail: the first character of the local part and the domain (t***@example.com);
// - names: the first character (山***, T***);
// - addresses: the prefecture only (東京都***); postal codes fully (〒***-****);
// - dates: nothing of the date (****-**-**); a 和暦 date keeps its era, which only says it is one of a few
//   decades (昭和**年**月**日), because the era tells the reader which format was found.
import * as crypto from 'node:crypto';

function keepCount(len: number): number {
  if (len >= 10) return 4;
  if (len >= 7) return 2;
  return 0;
}

/**
 * Masks an alphanumeric value (digits or letters only, no separators) and groups it.
 * `groups`: lengths of the canonical groups, joined with '-'; by default none.
 */
export function maskChars(value: string, groups?: readonly number[]): string {
  const len = value.length;
  const hidden = len - keepCount(len);
  let sum = 0;
  if (groups) for (const g of groups) sum += g;
  if (!groups || sum !== len) return stars(hidden) + value.slice(hidden);
  let out = '';
  let i = 0;
  for (let k = 0; k < groups.length; k++) {
    const end = i + (groups[k] ?? 0);
    if (k > 0) out += '-';
    if (hidden > i) out += stars(Math.min(end, hidden) - i);
    if (end > hidden) out += value.slice(Math.max(i, hidden), end);
    i = end;
  }
  return out;
}

const STARS: string[] = [];

function stars(n: number): string {
  if (n <= 0) return '';
  if (n > 64) return '*'.repeat(n);
  return (STARS[n] ??= '*'.repeat(n));
}

/** Groups of 4 from the left (the last group may be shorter). */
export function groupsOf4(len: number): number[] {
  const out: number[] = [];
  for (let left = len; left > 0; left -= 4) out.push(Math.min(4, left));
  return out;
}

export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0] ?? ''}***@${address.slice(at + 1)}`;
}

export function maskName(name: string): string {
  const t = name.trim();
  const cp = t.codePointAt(0);
  return cp === undefined ? '***' : `${String.fromCodePoint(cp)}***`;
}

export function maskAddress(prefecture: string): string {
  return `${prefecture}***`;
}

export const MASKED_POSTAL_CODE = '〒***-****';
export const MASKED_DATE = '****-**-**';

export function maskEraDate(era: string): string {
  return `${era}**年**月**日`;
}

/** A per-run random salt (16 bytes): hashes of two runs cannot be compared, so they cannot be brute-forced across reports. */
export function newSalt(): Buffer {
  return crypto.randomBytes(16);
}

/**
 * Salted SHA-256 of a canonical value, for de-duplication only: hex, first 32 characters (128 bits).
 * A 12-digit My Number has only 10^11 valid values, so an unsalted hash would be reversible; the salt is
 * random per run and never written anywhere.
 */
export function saltedHash(salt: Buffer, kind: string, canonical: string): string {
  return saltedHashHex(saltText(salt), kind, canonical);
}

const ONE_SHOT = typeof crypto.hash === 'function';

/** saltedHash with the salt as hex (a caller hashing many values keeps it). */
export function saltedHashHex(saltHex: string, kind: string, canonical: string): string {
  // crypto.hash (one-shot, Node ≥ 20.12) is about three times faster than createHash for short inputs.
  if (ONE_SHOT) return crypto.hash('sha256', `${saltHex}${kind}\0${canonical}`, 'hex').slice(0, 32);
  return crypto.createHash('sha256').update(saltHex).update(kind).update('\0').update(canonical).digest('hex').slice(0, 32);
}

export function saltHexOf(salt: Buffer): string {
  return saltText(salt);
}

const saltTexts = new WeakMap<Buffer, string>();

/** The salt as hex (cached per salt Buffer), so both hashing paths hash the same bytes. */
function saltText(salt: Buffer): string {
  let t = saltTexts.get(salt);
  if (t === undefined) {
    t = salt.toString('hex');
    saltTexts.set(salt, t);
  }
  return t;
}

const KEY_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const KEY_DIGITS = /[0-9０-９](?:[0-9０-９]|[-\s.](?=[0-9０-９])){6,}/g;

/**
 * Masks what an object key may hold of a value: e-mail addresses and digit runs (separators allowed) of 10 or
 * more digits (a My Number, a card or a phone number used as a file name). Dates (2024-01-15) stay readable.
 * Names in keys cannot be told from words and stay.
 */
export function maskKey(key: string): string {
  return key.replace(KEY_EMAIL, (m) => maskEmail(m)).replace(KEY_DIGITS, (m) => {
    const digits = m.normalize('NFKC').replace(/[^0-9]/g, '');
    return digits.length >= 10 ? maskChars(digits) : m;
  });
}
