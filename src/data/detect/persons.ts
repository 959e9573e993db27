// Counting persons (本人の数). A tabular row or JSON record with at least one high-confidence person
// identifier is one person; persons are de-duplicated by a salted hash of the row's strongest identifier:
//   my_number > email > phone+name > name+birth_date > drivers_license > passport > residence_card >
//   pension_insurance > phone > name > credit_card > bank_account.
// Free text has no records: there the count is the number of distinct values of the identifier kind that
// has the most distinct values (decided: the persons an e-mail thread exposes are at least as many as its
// distinct addresses even when it also quotes one My Number). Only salted hashes are kept, in capped sets.
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

/**
 * Persons across the objects of one resource: every Classifier given the same ledger adds its person keys
 * (salted with the ledger's salt), so profileResource can count distinct persons over the whole sample.
 */
export class PersonLedger {
  readonly salt: Buffer;
  private readonly keys: CappedSet;
  private readonly budget: HashBudget;
  constructor(opts: { salt?: Buffer; cap?: number } = {}) {
    this.salt = opts.salt ?? newSalt();
    this.budget = new HashBudget(opts.cap ?? 1_000_000);
    this.keys = new CappedSet(this.budget);
  }
  add(key: string): void {
    this.keys.add(key);
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

/** The person key of a row and which identifier gave it, or null when the row holds no person identifier. */
export function rowPersonKey(salt: Buffer, hits: readonly IdentifierHit[]): { key: string; basis: string } | null {
  const high = hits.filter((h) => h.confidence === 'high');
  if (high.length === 0) return null;
  const first = (t: DetectorId): IdentifierHit | undefined => high.find((h) => h.type === t);
  const name = high.find((h) => h.type === 'person_name' && h.kana !== true) ?? first('person_name');
  const myNumber = first('my_number');
  if (myNumber) return { key: `M${myNumber.hash}`, basis: 'my_number' };
  const email = first('email');
  if (email) return { key: `E${email.hash}`, basis: 'email' };
  const phone = first('phone');
  if (phone && name) return { key: `PN${saltedHash(salt, 'phone+name', `${phone.hash}${name.hash}`)}`, basis: 'phone+name' };
  const birth = first('birth_date');
  if (name && birth) return { key: `NB${saltedHash(salt, 'name+birth_date', `${name.hash}${birth.hash}`)}`, basis: 'name+birth_date' };
  for (const t of FALLBACK) {
    const h = t === 'person_name' ? name : first(t);
    if (h) return { key: `${KEY_PREFIX[t] ?? t}${h.hash}`, basis: t };
  }
  return null;
}
