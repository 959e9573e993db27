// Persons in free text with labelled names (a form, a payslip, a health-check sheet printed as text or PDF): a
// labelled name (氏名: …, 受診者 …, 従業員名 …) opens a person block; the high-confidence identifiers that follow join
// it, one of each type, until the next labelled name of the same script (氏名 then フリガナ stay one person). Each
// block is one person, keyed like a table row (rowPersonKey: my_number > email > phone+name > name+birth_date > …),
// so a person named in a letter and in a CSV of the same resource is counted once through the shared ledger. A
// second value of a type its block already holds (a second My Number, e-mail address) and every value before the
// first labelled name belong to no block: they are counted as free text is (persons.ts).
import type { DetectorId } from '../types.js';
import { hashBits, keyBits, KeySet, rowPersonKey, type HashBudget, type IdentifierHit } from './persons.js';

/** Identifiers a block takes (one of each type). */
const BLOCK_TYPES: ReadonlySet<DetectorId> = new Set(['my_number', 'email', 'phone', 'person_name', 'birth_date', 'drivers_license', 'passport', 'residence_card', 'pension_insurance', 'credit_card', 'bank_account']);

/** Identifiers hashed in free text once a labelled name was seen (for the block keys) beyond the free-text ones. */
export const BLOCK_HASHED: readonly DetectorId[] = ['person_name', 'birth_date', 'bank_account'];

export class PersonBlocks {
  private hits: IdentifierHit[] = [];
  private open = false;
  private kanji = false;
  private kana = false;
  private readonly keys: KeySet;
  private readonly basis = new Map<string, number>();
  private readonly out = new Int32Array(2);
  /** The key bits of the blocks kept (for the ledger, once persons are counted). */
  private readonly kept: [number, number][] = [];

  constructor(
    private readonly salt: Buffer,
    budget: HashBudget,
  ) {
    this.keys = new KeySet(budget);
  }

  /**
   * A high-confidence identifier of free text, in stream order. True when a block took it (it is then not counted
   * as a free-text value); labelled names open blocks.
   */
  take(h: IdentifierHit & { rule: string }): boolean {
    if (h.type === 'person_name') {
      if (h.rule !== 'header' || h.hash === '') return false;
      const kana = h.kana === true;
      if (!this.open || (kana ? this.kana : this.kanji)) {
        this.close();
        this.open = true;
      }
      if (kana) this.kana = true;
      else this.kanji = true;
      this.hits.push(h);
      return true;
    }
    if (!this.open || !BLOCK_TYPES.has(h.type) || h.hash === '') return false;
    for (const x of this.hits) if (x.type === h.type) return false;
    this.hits.push(h);
    return true;
  }

  /** Closes the open block (end of input); the blocks counted. */
  finish(): this {
    this.close();
    return this;
  }

  get size(): number {
    return this.keys.size;
  }

  /** `phone+name (3), person_name (1)`: what keyed the blocks, most first. */
  basisText(): string {
    return [...this.basis.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([b, n]) => `${b} (${n})`)
      .join(', ');
  }

  bits(): readonly (readonly [number, number])[] {
    return this.kept;
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    this.kanji = false;
    this.kana = false;
    const hits = this.hits;
    this.hits = [];
    const key = rowPersonKey(this.salt, hits);
    if (key === null) return;
    if (!hashBits(key.prefix, key.hash, 0, this.out)) keyBits(key.prefix + key.hash, this.out);
    const a = this.out[0] ?? 0;
    const b = this.out[1] ?? 0;
    if (!this.keys.addBits(a, b)) return;
    this.kept.push([a, b]);
    this.basis.set(key.basis, (this.basis.get(key.basis) ?? 0) + 1);
  }
}
