// Column consistency for the shape-only identifiers and birth dates in tables without a header (classifier.ts,
// SECONDARY): a column raises them only in rows that hold a person identifier, when the column's values are
// distinct (identifiers) or come 15 years before the other dates of the same rows (birth dates). Positives first,
// then the near misses that must stay low: order ids, year-prefixed order numbers, toll-free numbers, a company
// number repeated on every row, product codes from a catalogue, JAN codes, update and hire dates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { myNumberCheckDigit } from '../../src/data/detect/check-digits.js';
import { Classifier } from '../../src/data/detect/classifier.js';
import { hasLicenceStructure, licenceCheckDigit, LICENCE_COMMISSION_CODES } from '../../src/data/detect/drivers-license.js';
import type { Confidence, DetectorId, FileProfile, Segment } from '../../src/data/types.js';

const NOW = new Date(Date.UTC(2026, 10, 22));
const FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '大輔', '陽子', '健', '誠'];

function headerless(rows: string[][]): Segment[] {
  const out: Segment[] = [];
  rows.forEach((r, row) => r.forEach((text, column) => text !== '' && out.push({ text, row, column })));
  return out;
}

function classify(segments: Segment[]): FileProfile {
  const c = new Classifier({ path: 'export.csv', encoding: 'utf-8', format: 'csv', now: NOW });
  for (const s of segments) c.push(s);
  return c.finish();
}

function count(p: FileProfile, type: DetectorId, confidence?: Confidence): number {
  return p.detections.filter((d) => d.type === type && (confidence === undefined || d.confidence === confidence)).reduce((a, d) => a + d.count, 0);
}

const name = (i: number): string => `${FAMILY[i % FAMILY.length] ?? ''} ${GIVEN[(i * 3) % GIVEN.length] ?? ''}`;
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** A valid licence number (commission code, year of the first licence, serial, check digit, reissue 0). */
function licence(i: number): string {
  const codes = [...LICENCE_COMMISSION_CODES];
  const body = `${codes[i % codes.length] ?? 30}${pad((90 + i) % 100, 2)}${pad(100000 + i * 7919, 6).slice(-6)}`;
  return `${body}${licenceCheckDigit(body)}0`;
}

function myNumber(i: number): string {
  const body = pad(10000000000 + i * 104729, 11).slice(-11);
  return body + String(myNumberCheckDigit(body));
}

const birth = (i: number): string => `${1955 + (i % 40)}/${pad(1 + (i % 12), 2)}/${pad(1 + (i % 27), 2)}`;

describe('drivers licence numbers: the structure documented by the police rules', () => {
  test('check digit: weights 5 4 3 2 7 6 5 4 3 2, (11 − sum mod 11) mod 10; a commission code first', () => {
    assert.equal(licenceCheckDigit('4598033587'), 2);
    assert.equal(licenceCheckDigit('3090123456'), 2);
    assert.ok(hasLicenceStructure('309012345620'));
    assert.ok(!hasLicenceStructure('309012345630'), 'wrong check digit');
    assert.ok(!hasLicenceStructure('159012345620'), '15 is no commission code');
    assert.ok(!hasLicenceStructure('30901234562'), '11 digits');
  });
});

describe('a headerless column of shape-only identifiers next to a person identifier', () => {
  const N = 12;
  const rows = Array.from({ length: N }, (_, i) => [
    name(i),
    licence(i),
    `T${'KRZSH'[i % 5] ?? 'K'}${pad(1000000 + i * 7331, 7)}`,
    `${'ABCDEFGH'[i % 8] ?? 'A'}${'QRSTUVWX'[i % 8] ?? 'Q'}${pad(10000000 + i * 104729, 8)}${'PQRS'[i % 4] ?? 'P'}${'KLMN'[i % 4] ?? 'K'}`,
    `${4100 + (i % 50)}-${pad(100000 + i * 3571, 6)}`,
    birth(i),
    `${1955 + (i % 40) + 22}/04/01`,
  ]);

  test('licence, passport, residence card, pension number and birth date columns are raised', () => {
    const p = classify(headerless(rows));
    assert.equal(count(p, 'person_name', 'high'), N);
    assert.equal(count(p, 'drivers_license', 'high'), N);
    assert.equal(count(p, 'passport', 'high'), N);
    assert.equal(count(p, 'residence_card', 'high'), N);
    assert.equal(count(p, 'pension_insurance', 'high'), N);
    assert.equal(count(p, 'birth_date', 'high'), N, 'the birth dates come 22 years before the hire dates');
  });

  test('not in rows without a person identifier', () => {
    const p = classify(headerless(rows.map((r) => r.slice(1))));
    for (const t of ['drivers_license', 'passport', 'residence_card', 'pension_insurance', 'birth_date'] as const) assert.equal(count(p, t, 'high'), 0, t);
  });

  test('a column that is not consistent (fewer than 80% well-formed) is not raised', () => {
    const mixed = rows.map((r, i) => (i % 3 === 0 ? [r[0] ?? '', '-', 'なし', '未登録', '不明', '不明'] : r));
    const p = classify(headerless(mixed));
    for (const t of ['passport', 'residence_card', 'pension_insurance', 'birth_date'] as const) assert.equal(count(p, t, 'high'), 0, t);
  });

  test('a My Number column is not a licence column, nor the other way round', () => {
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [name(i), myNumber(i + 1), licence(i)])));
    assert.equal(count(p, 'my_number', 'high'), N);
    assert.equal(count(p, 'drivers_license', 'high'), N, 'the licence column only');
  });
});

describe('near misses in person rows stay low', () => {
  const N = 30;
  const person = (i: number): string[] => [name(i), `user${i}@example.jp`];

  test('a column of 12-digit order ids is not a licence column (one in twenty has the structure)', () => {
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), String(400000000000 + i * 7_777_777_777)])));
    assert.equal(count(p, 'drivers_license', 'high'), 0);
  });

  test('year-prefixed order numbers (2024-000123) are not pension numbers', () => {
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), `${2019 + (i % 6)}-${pad(i * 37, 6)}`])));
    assert.equal(count(p, 'pension_insurance', 'high'), 0);
  });

  test('toll-free numbers written 0120-123456 are not pension numbers', () => {
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), `0120-${pad(100000 + i * 31, 6)}`])));
    assert.equal(count(p, 'pension_insurance', 'high'), 0);
  });

  test('one company number repeated on every row (雇用保険適用事業所番号) is not a pension column', () => {
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), '1301-123456-7'])));
    assert.equal(count(p, 'pension_insurance', 'high'), 0);
  });

  test('product codes from a catalogue (passport-shaped, repeated) are not passports', () => {
    const catalogue = ['AB1234567', 'CD7654321', 'EF1112223', 'GH9998887', 'JK5554443'];
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), catalogue[(i * 7) % catalogue.length] ?? ''])));
    assert.equal(count(p, 'passport', 'high'), 0);
    assert.equal(count(p, 'passport', 'low'), N);
  });

  test('JAN codes are nothing', () => {
    const jans = ['4901234567894', '4512345678906', '4987654321096'];
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), jans[i % jans.length] ?? ''])));
    assert.deepEqual(
      p.detections.filter((d) => d.type !== 'person_name' && d.type !== 'email' && d.confidence === 'high'),
      [],
    );
  });

  test('update dates (更新日) are recent: not birth dates', () => {
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), `2025/${pad(1 + (i % 12), 2)}/${pad(1 + (i % 28), 2)}`])));
    assert.equal(count(p, 'birth_date', 'high'), 0);
  });

  test('hire dates (入社日) after the birth dates: only the birth dates are raised', () => {
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), birth(i), `${1955 + (i % 40) + 20 + (i % 9)}/04/01`])));
    assert.equal(count(p, 'birth_date', 'high'), N);
    assert.equal(count(p, 'birth_date', 'low'), N, 'the hire dates');
  });

  test('a column of birth dates lowers nothing: a card the window raised in it stays high', () => {
    // the keyword sits in the next cell: the window raises the card (no label names it)
    const rows = Array.from({ length: N }, (_, i) => (i === 5 ? [...person(i), '4539148803436467', 'カード番号の登録あり'] : [...person(i), birth(i)]));
    const p = classify(headerless(rows));
    assert.equal(count(p, 'credit_card', 'high'), 1);
    assert.equal(count(p, 'birth_date', 'high'), N - 1);
  });

  test('two columns of old dates, neither 15 years before the other: neither is raised', () => {
    const p = classify(headerless(Array.from({ length: N }, (_, i) => [...person(i), `${1985 + (i % 10)}/04/01`, `${1988 + (i % 10)}/03/31`])));
    assert.equal(count(p, 'birth_date', 'high'), 0);
  });
});
