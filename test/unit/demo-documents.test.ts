// The documents `kumoscan demo` uploads beside its employee export: the committed card photo
// (examples/demo/my-number-card-back.jpg, scripts/demo/make-card-photo.py) read by the real OCR engine shows the
// employee src/demo/card-photo.ts names, and the office-style PDF register (src/demo/register-pdf.ts) cannot be read
// by joining its text operators but is read whole by the PDF decoder — and both merge with the CSV's persons.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import { classifyBytes } from '../../src/data/decode/classify.js';
import { PersonLedger } from '../../src/data/detect/persons.js';
import { OcrService } from '../../src/data/ocr/index.js';
import type { FileProfile } from '../../src/data/types.js';
import { DEMO_CARD_ASSET, DEMO_CARD_BLOB, DEMO_CARD_EMPLOYEE, demoCardEmployee, demoCardFields, demoCardPhoto, japaneseBirthDate } from '../../src/demo/card-photo.js';
import { demoEmployeeRecords } from '../../src/demo/employees.js';
import { DEMO_REGISTER_BLOB, DEMO_REGISTER_FIRST, DEMO_REGISTER_ROWS, demoRegisterEmployees, demoRegisterPdf } from '../../src/demo/register-pdf.js';
import { DEMO_PERSONS, demoEmployees } from '../../src/demo/scenario.js';
import { packagePath } from '../../src/package-info.js';

const ocr = new OcrService({ workers: 1 });
after(() => ocr.close());

const high = (p: FileProfile, type: string): number => p.detections.filter((d) => d.type === type && d.confidence === 'high').reduce((a, d) => a + d.count, 0);

describe('the demo card photo', () => {
  test('era dates as the card prints them', () => {
    assert.equal(japaneseBirthDate('1985-04-01'), '昭和60年 4月 1日生');
    assert.equal(japaneseBirthDate('1989-01-07'), '昭和64年 1月 7日生');
    assert.equal(japaneseBirthDate('1989-01-08'), '平成元年 1月 8日生');
    assert.equal(japaneseBirthDate('2003-12-28'), '平成15年12月28日生');
    assert.equal(japaneseBirthDate('2019-05-01'), '令和元年 5月 1日生');
  });

  test('the employee on the card is employee E100736 of the deterministic export, and the picture ships in the package', () => {
    const e = demoCardEmployee();
    assert.equal(e.id, `E${100000 + DEMO_CARD_EMPLOYEE}`);
    assert.deepEqual(e, demoEmployeeRecords(DEMO_PERSONS)[DEMO_CARD_EMPLOYEE]);
    assert.ok(new TextDecoder().decode(demoEmployees().bytes).includes(`${e.id},${e.name},${e.birth},`), 'the card employee is a row of the CSV');
    assert.match(demoCardFields().myNumber, /^\d{4} \d{4} \d{4}$/);
    // examples/ is in the npm package's files and copied whole into the bundle (scripts/bundle.mjs).
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { files: string[] };
    assert.ok(DEMO_CARD_ASSET.startsWith('examples/') && pkg.files.includes('examples'));
    assert.match(readFileSync(packagePath('scripts', 'bundle.mjs'), 'utf8'), /cpSync\(join\(root, 'examples'\), join\(out, 'examples'\), \{ recursive: true \}\)/);
    // an upload service's opaque name: no digits run long enough to be a number, nothing that names a card
    assert.doesNotMatch(DEMO_CARD_BLOB, /\d{10}|card|mynumber|kojin|個人番号/i);
  });

  test('OCR reads the My Number of that employee (valid check digit), the document is the back of a My Number card', async () => {
    const reader = ocr.reader();
    assert.ok(reader);
    // Its speed (≤ 3 s per card photo per core) is measured by bench/ocr-speed.ts, not timed here.
    const text = await reader.read({ kind: 'encoded', bytes: demoCardPhoto() }, { name: DEMO_CARD_BLOB, deadline: Date.now() + 60_000 });
    assert.deepEqual(text.notes, []);
    assert.equal(text.documentKind, 'my_number_card_back');
    const digits = text.segments.map((s) => s.text.normalize('NFKC').replace(/[^0-9]/g, '')).join('|');
    assert.ok(digits.includes(demoCardEmployee().myNumber), 'OCR read the card employee’s My Number');
    const others = demoEmployeeRecords(DEMO_PERSONS).filter((_, i) => i !== DEMO_CARD_EMPLOYEE);
    assert.ok(!others.some((o) => digits.includes(o.myNumber)), 'and no other employee’s');
  });
});

/** The strings of the PDF's text operators in the order they are written (what a reader cutting lines on every operator sees). */
function operatorStrings(pdf: Buffer): string[] {
  const out: string[] = [];
  const latin = pdf.toString('latin1');
  for (const m of latin.matchAll(/\/Filter \/FlateDecode \/Length (\d+) >>\nstream\n/g)) {
    const at = (m.index ?? 0) + m[0].length;
    const content = inflateSync(pdf.subarray(at, at + Number(m[1]))).toString('latin1');
    for (const t of content.matchAll(/\((.*?)\) Tj/g)) out.push(t[1] ?? '');
  }
  return out;
}

describe('the demo PDF register', () => {
  const pdf = demoRegisterPdf();

  test('lists employees of the export, each run at its own position: joining the operators line by line gives no My Number', () => {
    const rows = demoRegisterEmployees();
    assert.equal(rows.length, DEMO_REGISTER_ROWS);
    assert.deepEqual(rows, demoEmployeeRecords(DEMO_PERSONS).slice(DEMO_REGISTER_FIRST, DEMO_REGISTER_FIRST + DEMO_REGISTER_ROWS));
    assert.ok(rows.some((e) => e.id === demoCardEmployee().id), 'the card employee is in the register too');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const lines = operatorStrings(pdf);
    // Every run a text operator with its own Tm: 30 ids, 30 dates, 90 groups of four digits, the footer.
    assert.equal(lines.filter((l) => /^\d{4}$/.test(l)).length, 3 * DEMO_REGISTER_ROWS);
    assert.equal((pdf.toString('latin1').match(/ Tm /g) ?? []).length, 0, 'content streams are compressed');
    const naive = lines.join('\n');
    assert.doesNotMatch(naive, /\d{4}[ -]?\d{4}[ -]?\d{4}/);
    for (const e of rows) assert.ok(!naive.includes(e.myNumber));
  });

  test('the PDF decoder rebuilds the table from positions: 30 My Numbers, names and birth dates, 30 persons, no note', async () => {
    const p = await classifyBytes(pdf, { name: DEMO_REGISTER_BLOB });
    assert.equal(p.format, 'pdf');
    assert.deepEqual(p.notes, []);
    assert.equal(high(p, 'my_number'), DEMO_REGISTER_ROWS);
    assert.equal(high(p, 'person_name'), DEMO_REGISTER_ROWS);
    assert.equal(high(p, 'birth_date'), DEMO_REGISTER_ROWS);
    assert.equal(p.persons.distinct, DEMO_REGISTER_ROWS);
    assert.ok(!p.detections.some((d) => d.type === 'id_document_image'), 'a register is not an ID document');
  });
});

describe('the demo container’s persons', () => {
  test('the CSV, the PDF and the card photo together are 1,500 persons (merged through the hashed My Number)', async () => {
    const ledger = new PersonLedger();
    const csv = await classifyBytes(demoEmployees().bytes, { name: 'exports/employees-2024.csv', ledger });
    const register = await classifyBytes(demoRegisterPdf(), { name: DEMO_REGISTER_BLOB, ledger });
    const reader = ocr.reader();
    assert.ok(reader);
    const card = await classifyBytes(demoCardPhoto(), { name: DEMO_CARD_BLOB, ledger, imageText: reader });
    assert.equal(csv.persons.distinct, DEMO_PERSONS);
    assert.equal(register.persons.distinct, DEMO_REGISTER_ROWS);
    assert.equal(card.persons.distinct, 1);
    assert.equal(high(card, 'my_number'), 1);
    assert.ok(card.detections.some((d) => d.type === 'my_number' && d.ocrConfidence !== undefined));
    assert.equal(ledger.size, DEMO_PERSONS);
  });
});
