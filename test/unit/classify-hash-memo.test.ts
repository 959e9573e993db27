// The Classifier hashes each distinct value of a file once (hashOf's memo): the persons and ledger keys are those of
// a hash per value, past the memo's cap too, and the memo — the only place a canonical value outlives a push — is
// empty once the file is finished, so nothing of one file reaches the next.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Classifier } from '../../src/data/detect/classifier.js';
import { PersonLedger } from '../../src/data/detect/persons.js';
import type { Segment } from '../../src/data/types.js';

const SALT = Buffer.alloc(16, 9);

/** A CSV-like table (mail, name) of `rows` rows cycling over `distinct` addresses. */
function rows(rows: number, distinct: number): Segment[] {
  const out: Segment[] = [];
  for (let r = 0; r < rows; r++) {
    out.push({ text: `user${r % distinct}@example.com`, field: 'メール', row: r, column: 0 } as Segment);
  }
  return out;
}

function classify(segments: readonly Segment[], ledger: PersonLedger): { c: Classifier; distinct: number } {
  const c = new Classifier({ path: 'a.csv', encoding: 'utf-8', format: 'csv', salt: SALT, ledger });
  for (const s of segments) c.push(s);
  return { c, distinct: c.finish().persons.distinct };
}

const memoOf = (c: Classifier): { memo: unknown[]; memoSize: number } => c as unknown as { memo: unknown[]; memoSize: number };

describe('Classifier: one salted hash per distinct value of a file', () => {
  test('repeated values: the persons of the distinct values, the ledger keys of their hashes; the memo is empty after finish', () => {
    const ledger = new PersonLedger({ salt: SALT });
    const { c, distinct } = classify(rows(600, 150), ledger);
    assert.equal(distinct, 150);
    assert.equal(ledger.size, 150);
    assert.equal(memoOf(c).memoSize, 0);
    assert.equal(memoOf(c).memo.length, 0);
    // the same addresses in a second file are the same persons in the run
    const again = classify(rows(10, 10), ledger);
    assert.equal(again.distinct, 10);
    assert.equal(ledger.size, 150);
  });

  test('more distinct values than the memo keeps: still one person per value', () => {
    const ledger = new PersonLedger({ salt: SALT });
    const { c, distinct } = classify([...rows(20_000, 20_000), ...rows(20_000, 20_000).map((s, i) => ({ ...s, row: 20_000 + i }))], ledger);
    assert.equal(distinct, 20_000);
    assert.equal(ledger.size, 20_000);
    assert.equal(memoOf(c).memoSize, 0);
  });
});
