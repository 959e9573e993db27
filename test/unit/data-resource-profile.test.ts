// profileResource: aggregation of object profiles, the persons estimate as a range with its basis, the
// over-1,000 flag (lower bound or declared count only), cross-object de-duplication through a ledger.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Classifier, PersonLedger, profileResource } from '../../src/data/detect/classifier.js';
import type { AppiClass, FileProfile } from '../../src/data/types.js';

function file(path: string, persons: number, classes: AppiClass[] = ['personal'], truncated = false): FileProfile {
  return {
    path,
    encoding: 'utf-8',
    format: 'csv',
    bytesRead: 1000,
    truncated,
    notes: [],
    detections: persons > 0 ? [{ type: 'email', confidence: 'high', count: persons, masked: ['a***@example.jp'] }] : [],
    persons: { distinct: persons, basis: 'test' },
    classes,
  };
}

const ctx = (objectsListed: number, extra: { listingComplete?: boolean; declared?: number; ledger?: PersonLedger } = {}) => ({ objectsListed, listingComplete: extra.listingComplete ?? true, skipped: [], ...extra });

describe('persons estimate', () => {
  test('low = persons seen in the sample, high = persons per sampled object × objects listed', () => {
    const p = profileResource([file('a.csv', 100), file('b.csv', 50), file('c.png', 0, [])], ctx(30));
    // no ledger: the sample is only known to hold at least the richest object's persons
    assert.equal(p.persons.sampled, 100);
    assert.equal(p.persons.estimate.low, 100);
    assert.equal(p.persons.estimate.high, 1500); // (100 + 50 + 0) / 3 × 30
    assert.match(p.persons.estimate.basis, /persons per sampled object × 30 objects listed/);
    assert.equal(p.persons.over1000, false);
  });

  test('over1000 only when the lower bound exceeds 1,000', () => {
    assert.equal(profileResource([file('a.csv', 1000)], ctx(100)).persons.over1000, false);
    assert.equal(profileResource([file('a.csv', 1001)], ctx(100)).persons.over1000, true);
    // a huge high end alone does not flag
    const p = profileResource([file('a.csv', 20)], ctx(1_000_000));
    assert.equal(p.persons.estimate.high, 20_000_000);
    assert.equal(p.persons.over1000, false);
  });

  test('a declared count overrides the estimate for the flag, both ways', () => {
    const up = profileResource([file('a.csv', 10)], ctx(10, { declared: 5000 }));
    assert.equal(up.persons.declared, 5000);
    assert.equal(up.persons.over1000, true);
    const down = profileResource([file('a.csv', 2000)], ctx(1, { declared: 800 }));
    assert.equal(down.persons.over1000, false);
    assert.equal(down.persons.estimate.low, 2000);
  });

  test('every listed object sampled: low = high', () => {
    const p = profileResource([file('a.csv', 10), file('b.csv', 20)], ctx(2));
    assert.equal(p.persons.estimate.low, 20);
    assert.equal(p.persons.estimate.high, 30);
    assert.match(p.persons.estimate.basis, /every listed object was sampled/);
  });

  test('a cut listing is said to be a lower bound; truncated reads are noted', () => {
    const p = profileResource([file('a.csv', 10, ['personal'], true)], ctx(1000, { listingComplete: false }));
    assert.match(p.persons.estimate.basis, /at least 1,000 objects/);
    assert.match(p.persons.estimate.basis, /read only in part/);
  });

  test('no object sampled', () => {
    const p = profileResource([], ctx(5));
    assert.deepEqual(p.persons.estimate, { low: 0, high: 0, basis: 'no object was sampled' });
    assert.equal(p.personalData, false);
  });

  test('with a ledger, persons repeated across objects are counted once, in low and in the rate', () => {
    const ledger = new PersonLedger();
    const files = ['a', 'b'].map((name, i) => {
      const c = new Classifier({ path: `${name}.csv`, encoding: 'utf-8', format: 'csv', ledger });
      const emails = i === 0 ? ['x@example.jp', 'y@example.jp'] : ['y@example.jp', 'z@example.jp'];
      emails.forEach((text, row) => c.push({ text, field: 'email', row }));
      return c.finish();
    });
    const p = profileResource(files, ctx(10, { ledger }));
    assert.equal(p.persons.sampled, 3);
    assert.equal(p.persons.estimate.low, 3);
    assert.equal(p.persons.estimate.high, 15); // 3 distinct / 2 objects × 10
    assert.match(p.persons.estimate.basis, /de-duplicated across objects/);
  });
});

describe('aggregation', () => {
  test('classes, detections with object counts, personalData, masked object keys', () => {
    const a = file('hr/123456789018.csv', 5, ['specific_personal_information', 'personal']);
    a.detections = [
      { type: 'my_number', confidence: 'high', count: 5, masked: ['****-****-9018'] },
      { type: 'email', confidence: 'low', count: 1, masked: ['a***@example.jp'] },
    ];
    const b = file('hr/b.csv', 3);
    const c = file('corp.csv', 0, ['not_personal']);
    const p = profileResource([a, b, c], { objectsListed: 3, listingComplete: true, skipped: [{ key: 'archive/taro@example.com.zip', reason: 'GLACIER' }] });
    assert.deepEqual(p.classes, ['specific_personal_information', 'personal']);
    assert.equal(p.personalData, true);
    assert.deepEqual(
      p.detections.map((d) => [d.type, d.confidence, d.count, d.objects]),
      [
        ['my_number', 'high', 5, 1],
        ['email', 'high', 3, 1],
        ['email', 'low', 1, 1],
      ],
    );
    assert.deepEqual(p.examples[0], { key: 'hr/********9018.csv', types: ['my_number'] });
    assert.equal(p.sampled.skipped[0]?.key, 'archive/t***@example.com.zip');
    assert.equal(p.sampled.objects, 3);
    assert.equal(p.sampled.bytes, 3000);
  });

  test('only corporate numbers: not personal', () => {
    const p = profileResource([file('corp.csv', 0, ['not_personal'])], ctx(1));
    assert.deepEqual(p.classes, ['not_personal']);
    assert.equal(p.personalData, false);
  });
});
