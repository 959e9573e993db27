// Counting persons (本人の数). A tabular row or JSON record with at least one high-confidence person
// identifier is one person; persons are de-duplicated by a salted hash of the row's strongest identifier:
//   my_number > email > phone+name > name+birth_date > drivers_license > passport > residence_card >
//   pension_insurance > phone > name > credit_card > bank_account.
// Free text has no records: there the count is the number of distinct values of the identifier kind that
// has the most distinct values (decided: the persons an e-mail thread exposes are at least as many as its
// distinct addresses even when it also quotes one My Number); free text with labelled names counts its person
// blocks instead when they are more (person-blocks.ts). Only salted hashes are kept, in capped sets.
import type { Confidence, DetectorId } from '../types.js';
import { newSalt, saltedHash } from './mask.js';

/** Most salted hashes one Classifier keeps (persons and free-text identifiers together). */
export const DEFAULT_HASH_CAP = 200_000;

/** Short key prefixes, shared by rows and free text so that a ledger can de-duplicate across files. */
export const KEY_PREFIX: Partial<Record<DetectorId, string>> = {
  my_number: 'M',
  email: 'E',
  phone: 'P',
  person_name: 'N',
  drivers_license: 'D',
  passport: 'S',
  residence_card: 'R',
  pension_insurance: 'Y',
  credit_card: 'C',
  bank_account: 'B',
};

/** Identifier kinds that make a row a person, weakest last (after the pairs). */
const FALLBACK: readonly DetectorId[] = ['drivers_license', 'passport', 'residence_card', 'pension_insurance', 'phone', 'person_name', 'credit_card', 'bank_account'];

/** Kinds counted in free text. */
export const FREE_TEXT_IDENTIFIERS: readonly DetectorId[] = ['my_number', 'email', 'phone', 'drivers_license', 'passport', 'residence_card', 'pension_insurance', 'credit_card'];

/** A set of hashes that stops growing at a shared budget; `overflow` says some were not kept. */
export class HashBudget {
  overflow = false;
  constructor(public left: number) {}
}

export class CappedSet {
  private readonly set = new Set<string>();
  constructor(private readonly budget: HashBudget) {}
  /** True when the key is new and was kept. */
  add(key: string): boolean {
    if (this.set.has(key)) return false;
    if (this.budget.left <= 0) {
      this.budget.overflow = true;
      return false;
    }
    this.budget.left--;
    this.set.add(key);
    return true;
  }
  has(key: string): boolean {
    return this.set.has(key);
  }
  get size(): number {
    return this.set.size;
  }
  values(): IterableIterator<string> {
    return this.set.values();
  }
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i;

/** 32 bits from 8 hex characters of `s` at `at`, or null when they are not all lower-case hex. */
function hex32(s: string, at: number): number | null {
  let v = 0;
  for (let i = at; i < at + 8; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? (HEX[c] ?? -1) : -1;
    if (d < 0) return null;
    v = (v << 4) | d;
  }
  return v;
}

/**
 * The 64 bits a key set keeps of a person key `PREFIX + salted hash (hex)`: the first 64 bits of the hash, the
 * prefix mixed in. Keys that do not end in 32 hex characters are hashed (FNV-1a, two lanes). Two different
 * persons share these bits with a probability of about n²/2⁶⁵ (3·10⁻⁸ for a million persons).
 */
export function keyBits(key: string, out: Int32Array): void {
  const at = key.length - 32;
  if (at >= 0 && hashBits(key.slice(0, at), key, at, out)) return;
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  out[0] = h1;
  out[1] = h2;
}

/** keyBits of `prefix + hash.slice(at)` without building that string; false when the hash part is not hex. */
export function hashBits(prefix: string, hash: string, at: number, out: Int32Array): boolean {
  const a = hex32(hash, at);
  const b = hex32(hash, at + 8);
  if (a === null || b === null) return false;
  let p = 0x811c9dc5;
  for (let i = 0; i < prefix.length; i++) p = Math.imul(p ^ prefix.charCodeAt(i), 0x01000193);
  out[0] = a ^ p;
  out[1] = b;
  return true;
}

/**
 * A set of 64-bit keys (open addressing over an Int32Array, two words a slot) that stops growing at a shared
 * budget: persons keys by the million in a few bytes each, where a Set of strings would take about a hundred.
 */
export class KeySet {
  /**
   * Two words a slot; (0, 0) marks an empty slot (the key (0, 0) itself is kept aside in `zero`). It starts small
   * and doubles (grow): every Classifier holds two, and most files have a handful of persons.
   */
  private slots = new Int32Array(2 * 16);
  private count = 0;
  private zero = false;
  private readonly bits = new Int32Array(2);
  constructor(private readonly budget: HashBudget) {}

  /** True when the key is new and was kept. */
  add(key: string): boolean {
    keyBits(key, this.bits);
    return this.addBits(this.bits[0] ?? 0, this.bits[1] ?? 0);
  }

  addBits(a: number, b: number): boolean {
    if (a === 0 && b === 0) {
      if (this.zero) return false;
      if (!this.take()) return false;
      this.zero = true;
      this.count++;
      return true;
    }
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    for (;;) {
      const x = slots[2 * i] ?? 0;
      const y = slots[2 * i + 1] ?? 0;
      if (x === 0 && y === 0) break;
      if (x === a && y === b) return false;
      i = (i + 1) & mask;
    }
    if (!this.take()) return false;
    slots[2 * i] = a;
    slots[2 * i + 1] = b;
    this.count++;
    if (4 * this.count > slots.length) this.grow();
    return true;
  }

  get size(): number {
    return this.count;
  }

  private take(): boolean {
    if (this.budget.left <= 0) {
      this.budget.overflow = true;
      return false;
    }
    this.budget.left--;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j] ?? 0;
      const b = old[j + 1] ?? 0;
      if (a === 0 && b === 0) continue;
      let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
      while ((slots[2 * i] ?? 0) !== 0 || (slots[2 * i + 1] ?? 0) !== 0) i = (i + 1) & mask;
      slots[2 * i] = a;
      slots[2 * i + 1] = b;
    }
    this.slots = slots;
  }
}

/**
 * Persons across the objects of one resource: every Classifier given the same ledger adds its person keys
 * (salted with the ledger's salt), so profileResource can count distinct persons over the whole sample.
 */
export class PersonLedger {
  readonly salt: Buffer;
  private readonly keys: KeySet;
  private readonly budget: HashBudget;
  constructor(opts: { salt?: Buffer; cap?: number } = {}) {
    this.salt = opts.salt ?? newSalt();
    this.budget = new HashBudget(opts.cap ?? 1_000_000);
    this.keys = new KeySet(this.budget);
  }
  add(key: string): void {
    this.keys.add(key);
  }
  /** The same as add(key) with the bits of keyBits(key). */
  addBits(a: number, b: number): void {
    this.keys.addBits(a, b);
  }
  get size(): number {
    return this.keys.size;
  }
  /** Some keys were not kept (the count is a lower bound). */
  get overflow(): boolean {
    return this.budget.overflow;
  }
}

export interface IdentifierHit {
  type: DetectorId;
  confidence: Confidence;
  hash: string;
  kana?: boolean;
}

/**
 * The person key of a row (prefix + salted hash: `M…` for a My Number, `E…` for an e-mail address …) and which
 * identifier gave it, or null when the row holds no person identifier.
 */
export function rowPersonKey(salt: Buffer, hits: readonly IdentifierHit[]): { prefix: string; hash: string; basis: string } | null {
  // the common cases in one pass: a high My Number, else a high e-mail address
  let firstEmail: IdentifierHit | undefined;
  let anyHigh = false;
  for (const h of hits) {
    if (h.confidence !== 'high') continue;
    anyHigh = true;
    if (h.type === 'my_number') return personKey('M', h.hash, 'my_number');
    if (h.type === 'email' && firstEmail === undefined) firstEmail = h;
  }
  if (!anyHigh) return null;
  if (firstEmail !== undefined) return personKey('E', firstEmail.hash, 'email');
  // the first high hit of each type (and the first kanji name), in one pass
  const firsts = new Map<DetectorId, IdentifierHit>();
  let kanji: IdentifierHit | undefined;
  for (const h of hits) {
    if (h.confidence !== 'high') continue;
    if (!firsts.has(h.type)) firsts.set(h.type, h);
    if (kanji === undefined && h.type === 'person_name' && h.kana !== true) kanji = h;
  }
  const first = (t: DetectorId): IdentifierHit | undefined => firsts.get(t);
  const name = kanji ?? first('person_name');
  const phone = first('phone');
  if (phone && name) return personKey('PN', saltedHash(salt, 'phone+name', `${phone.hash}${name.hash}`), 'phone+name');
  const birth = first('birth_date');
  if (name && birth) return personKey('NB', saltedHash(salt, 'name+birth_date', `${name.hash}${birth.hash}`), 'name+birth_date');
  for (const t of FALLBACK) {
    const h = t === 'person_name' ? name : first(t);
    if (h) return personKey(KEY_PREFIX[t] ?? t, h.hash, t);
  }
  return null;
}

function personKey(prefix: string, hash: string, basis: string): { prefix: string; hash: string; basis: string } {
  return { prefix, hash, basis };
}
