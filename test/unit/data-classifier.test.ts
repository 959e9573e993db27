// The Classifier as a whole: persons per row de-duplicated by the strongest identifier, free-text persons, APPI
// classes, column consistency without a header, the warm-up, bounded memory, and file-name classification.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { myNumberCheckDigit } from '../../src/data/detect/check-digits.js';
import { Classifier, classifyFileName, PersonLedger, WARMUP_ROWS } from '../../src/data/detect/classifier.js';
import type { Confidence, DetectorId, FileProfile, Segment } from '../../src/data/types.js';

function myNumber(n: number): string {
  const body = String(10000000000 + n * 7919).slice(0, 11);
  return body + String(myNumberCheckDigit(body));
}

function table(header: string[], rows: string[][]): Segment[] {
  const out: Segment[] = [];
  rows.forEach((r, row) => r.forEach((text, j) => text !== '' && out.push({ text, field: header[j] ?? '', row, column: j })));
  return out;
}

function headerless(rows: string[][]): Segment[] {
  const out: Segment[] = [];
  rows.forEach((r, row) => r.forEach((text, column) => text !== '' && out.push({ text, row, column })));
  return out;
}

function classify(segments: Segment[], opts: { path?: string; ledger?: PersonLedger; hashCap?: number } = {}): FileProfile {
  const c = new Classifier({ path: opts.path ?? 'f.csv', encoding: 'utf-8', format: 'csv', ...(opts.ledger ? { ledger: opts.ledger } : {}), ...(opts.hashCap !== undefined ? { hashCap: opts.hashCap } : {}) });
  for (const s of segments) c.push(s);
  return c.finish({ bytesRead: 100, truncated: false, notes: [] });
}

function count(p: FileProfile, type: DetectorId, confidence?: Confidence): number {
  return p.detections.filter((d) => d.type === type && (confidence === undefined || d.confidence === confidence)).reduce((a, d) => a + d.count, 0);
}

describe('persons', () => {
  test('one person per row with an identifier, de-duplicated by My Number', () => {
    const rows = [
      ['山田 太郎', myNumber(1), '090-1111-2222'],
      ['佐藤 花子', myNumber(2), '090-3333-4444'],
      ['山田 太郎', myNumber(1), '090-1111-2222'], // the same person again
      ['', '', ''],
    ];
    const p = classify(table(['氏名', 'マイナンバー', '電話番号'], rows));
    assert.equal(p.persons.distinct, 2);
    assert.match(p.persons.basis, /my_number \(2\)/);
  });

  test('strongest identifier order: email, then phone+name, then name+birth date', () => {
    const rows = [
      ['山田 太郎', 'taro@example.jp', '', ''],
      ['山田 太郎', 'taro@example.jp', '090-1111-2222', ''], // same e-mail: same person
      ['佐藤 花子', '', '090-3333-4444', ''],
      ['佐藤 花子', '', '090-3333-4444', '1990/01/01'], // phone+name wins over name+birth: same person
      ['鈴木 一郎', '', '', '1980/05/05'],
      ['鈴木 一郎', '', '', '1981/05/05'], // same name, other birth date: another person
    ];
    const p = classify(table(['氏名', 'メール', '電話', '生年月日'], rows));
    assert.equal(p.persons.distinct, 4);
    assert.match(p.persons.basis, /email \(1\)/);
    assert.match(p.persons.basis, /phone\+name \(1\)/);
    assert.match(p.persons.basis, /name\+birth_date \(2\)/);
  });

  test('rows without a person identifier are not persons; low-confidence values do not make a person', () => {
    const p = classify(table(['商品名', '価格', 'メモ'], [['ペン', '100', '03-1234-5678'], ['ノート', '200', '']]));
    assert.equal(p.persons.distinct, 0);
    assert.equal(p.persons.basis, 'no person identifier found');
  });

  test('free text: the distinct values of the identifier kind with most of them', () => {
    const c = new Classifier({ path: 'mail.txt', encoding: 'utf-8', format: 'text' });
    c.push({ text: 'メール: a@example.jp, b@example.jp, a@example.jp, c@example.jp' });
    c.push({ text: `個人番号: ${myNumber(5)}` });
    const p = c.finish();
    assert.equal(p.persons.distinct, 3);
    assert.equal(p.persons.basis, 'free text: 3 distinct email');
  });

  test('a shared ledger counts persons across files', () => {
    const ledger = new PersonLedger();
    const a = classify(table(['メール'], [['a@example.jp'], ['b@example.jp']]), { ledger });
    const b = classify(table(['メール'], [['b@example.jp'], ['c@example.jp']]), { ledger });
    assert.equal(a.persons.distinct + b.persons.distinct, 4);
    assert.equal(ledger.size, 3);
  });

  test('the hash cap bounds memory and says the count is a lower bound', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`user${i}@example.jp`]);
    const p = classify(table(['email'], rows), { hashCap: 10 });
    assert.equal(p.persons.distinct, 10);
    assert.match(p.persons.basis, /lower bound/);
    assert.ok(p.notes.some((n) => /lower bound/.test(n)));
  });
});

describe('APPI classes', () => {
  test('my_number → specific_personal_information, health → sensitive, card → financial, others → personal', () => {
    const p = classify(table(['氏名', '個人番号', '既往歴', 'カード番号'], [['山田 太郎', myNumber(1), '高血圧', '4539148803436467']]));
    assert.deepEqual(p.classes, ['specific_personal_information', 'sensitive', 'financial', 'personal']);
  });

  test('only corporate numbers → not_personal; only low-confidence hits → no class', () => {
    assert.deepEqual(classify(table(['法人番号'], [['7123456789012']])).classes, ['not_personal']);
    assert.deepEqual(classify([{ text: '03-1234-5678' }]).classes, []);
  });
});

describe('columns without a header', () => {
  const rows = Array.from({ length: 8 }, (_, i) => [`E${1000 + i}`, myNumber(i + 10), `090-${1000 + i}-${2000 + i}`, `user${i}@example.jp`, `${100 + i}-000${i}`]);

  test('a column of valid My Numbers, phones, e-mails, postal codes is context for its cells', () => {
    const p = classify(headerless(rows));
    assert.equal(count(p, 'my_number', 'high'), 8);
    assert.equal(count(p, 'phone', 'high'), 8);
    assert.equal(count(p, 'email', 'high'), 8);
    assert.equal(count(p, 'postal_address', 'high'), 8);
    assert.equal(p.persons.distinct, 8);
  });

  test('a column of random 12-digit ids (one in ten passes the check) is not', () => {
    const ids = Array.from({ length: 40 }, (_, i) => [String(300000000000 + i * 104729)]);
    const p = classify(headerless(ids));
    assert.equal(count(p, 'my_number', 'high'), 0);
    assert.ok(count(p, 'my_number', 'low') > 0);
  });

  test('without the column index, cells are counted in row order', () => {
    const segs = headerless(rows).map(({ text, row }) => ({ text, row: row ?? 0 }));
    assert.equal(count(classify(segs), 'my_number', 'high'), 8);
  });

  test('rows after the warm-up use the column decision too', () => {
    const many = Array.from({ length: WARMUP_ROWS + 20 }, (_, i) => [myNumber(i + 100)]);
    const p = classify(headerless(many));
    assert.equal(count(p, 'my_number', 'high'), WARMUP_ROWS + 20);
  });
});

describe('classifyFileName', () => {
  test('an ID-document image: detection, class by document kind, no person by its name alone', () => {
    const p = classifyFileName('hr/emp-001/マイナンバーカード.jpg');
    assert.equal(p.format, 'image');
    assert.deepEqual(p.detections, [{ type: 'id_document_image', confidence: 'high', count: 1, masked: ['マイナンバーカード'] }]);
    assert.deepEqual(p.classes, ['specific_personal_information']);
    assert.equal(p.persons.distinct, 0);
    assert.equal(p.persons.basis, 'no person identifier found');
    assert.deepEqual(classifyFileName('health/2024_健康診断.pdf').classes, ['sensitive']);
  });

  test('ID-card images named in a bucket of employees add no person to the ledger (1,500 stay 1,500)', () => {
    const ledger = new PersonLedger();
    const rows = Array.from({ length: 20 }, (_, i) => [myNumber(i + 1)]);
    classify(table(['マイナンバー'], rows), { ledger });
    for (const key of ['id-cards/E100000_mynumber_card.jpg', 'id-cards/E100001_mynumber_card.jpg', 'id-cards/E100002_mynumber_card.jpg']) {
      assert.equal(classifyFileName(key, { ledger }).persons.distinct, 0);
    }
    assert.equal(ledger.size, 20);
  });

  test('a PDF named as an ID document counts the persons its text identifies, not one more', () => {
    const c = new Classifier({ path: 'scans/マイナンバーカード.pdf', encoding: 'utf-8', format: 'pdf' });
    c.push({ text: `個人番号 ${myNumber(7)}` });
    const p = c.finish();
    assert.equal(p.persons.distinct, 1);
    assert.equal(p.persons.basis, 'free text: 1 distinct my_number');
  });

  test('other images and binaries: nothing', () => {
    const p = classifyFileName('img/logo.png');
    assert.deepEqual(p.detections, []);
    assert.deepEqual(p.classes, []);
    assert.equal(p.persons.distinct, 0);
    assert.equal(classifyFileName('bin/app.exe').format, 'binary');
  });

  test('a PDF whose text was classified also gets its file-name detection', () => {
    const c = new Classifier({ path: 'scans/運転免許証.pdf', encoding: 'utf-8', format: 'pdf' });
    c.push({ text: '運転免許証 第123456789010号' });
    const p = c.finish();
    assert.equal(count(p, 'id_document_image', 'high'), 1);
    assert.equal(count(p, 'drivers_license', 'high'), 1);
  });
});

describe('contract', () => {
  test('push after finish throws; finish twice returns the same profile', () => {
    const c = new Classifier({ path: 'x', encoding: 'utf-8', format: 'text' });
    c.push({ text: 'メール taro@example.jp' });
    const a = c.finish();
    assert.throws(() => c.push({ text: 'more' }), /after finish/);
    assert.deepEqual(c.finish(), a);
  });

  test('masked examples are capped per detector and confidence', () => {
    const c = new Classifier({ path: 'x', encoding: 'utf-8', format: 'text', maxExamples: 2 });
    c.push({ text: 'メール a@example.jp b@example.jp c@example.jp d@example.jp' });
    const d = c.finish().detections.find((x) => x.type === 'email');
    assert.equal(d?.count, 4);
    assert.equal(d?.masked.length, 2);
  });

  test('memory is bounded: the state after 20,000 rows is no larger than after 2,000', () => {
    const c = new Classifier({ path: 'big.csv', encoding: 'utf-8', format: 'csv', hashCap: 500 });
    const size = (): number => inspect(c, { depth: Infinity, maxArrayLength: Infinity, maxStringLength: Infinity }).length;
    let at2000 = 0;
    for (let row = 0; row < 20_000; row++) {
      c.push({ text: `user${row}@example.jp`, field: 'email', row, column: 0 });
      c.push({ text: myNumber(row), field: 'マイナンバー', row, column: 1 });
      c.push({ text: `既往歴あり ${row}`, field: '備考', row, column: 2 });
      if (row === 1999) at2000 = size();
    }
    assert.ok(size() < at2000 * 1.2, `${size()} vs ${at2000}`);
    const p = c.finish();
    assert.equal(count(p, 'email', 'high'), 20_000);
    assert.equal(p.persons.distinct, 500);
  });

  test('empty input', () => {
    const p = new Classifier({ path: 'empty.txt', encoding: 'utf-8', format: 'text' }).finish();
    assert.deepEqual(p.detections, []);
    assert.equal(p.persons.distinct, 0);
  });
});
