// Real OCR (tesseract.js, Japanese trained data from node_modules) on the committed fixture images
// (test/fixtures/ocr/make-cards.py: made-up persons, valid check digits). One engine (one worker) for the whole
// file. The images go through the reader, then the Classifier, as a decoder hands them over: exact detections,
// document kinds, persons (merged with a table of the same person through the ledger), every format, RawImage
// pixels, and no raw value in any profile or rendered report.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderFormat, FORMATS } from '../../reports/render/formats.js';
import type { ImageText, ImageTextReader } from '../../src/data/decode/image-text.js';
import { Classifier, PersonLedger } from '../../src/data/detect/classifier.js';
import { OcrTimeout, TesseractEngine } from '../../src/data/ocr/engine.js';
import { OcrService } from '../../src/data/ocr/index.js';
import { ByteBudget, sampleResource, type Classifiers } from '../../src/data/sample.js';
import { DEFAULT_SAMPLE_LIMITS } from '../../src/data/sample-plan.js';
import { profileResource } from '../../src/data/detect/classifier.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { packagePath } from '../../src/package-info.js';
import type { Snapshot } from '../../src/snapshot.js';
import type { FileProfile } from '../../src/data/types.js';
import { memoryReader, SCANNED_AT } from '../fixtures/render-reports.js';
import { classifyExitCode, classifyPaths, renderClassifyTable, type ClassifyReport } from '../../src/classify-command.js';

const DIR = packagePath('test', 'fixtures', 'ocr');
/** Linux: the OCR worker's thread CPU time can be read (/proc), and the per-image limit is CPU time. */
const LINUX = existsSync('/proc/thread-self/comm');
const fixture = (name: string): Buffer => readFileSync(join(DIR, name));

const engine = new TesseractEngine({ workers: 1 });
const service = new OcrService({}, () => engine);

/** The BMP fixture's pixels as raw RGB rows, top to bottom (the file's rows are bottom-up and padded). */
function samplePixels(): { width: number; height: number; data: Uint8Array } {
  const bmp = fixture('format-sample.bmp');
  const width = bmp.readInt32LE(18);
  const height = bmp.readInt32LE(22);
  const stride = (width * 3 + 3) & ~3;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = bmp.readUInt32LE(10) + (height - 1 - y) * stride + x * 3;
      data.set([bmp[o + 2] ?? 0, bmp[o + 1] ?? 0, bmp[o] ?? 0], (y * width + x) * 3);
    }
  }
  return { width, height, data };
}

/** Each fixture is read once (the engine is slow enough); later tests reuse what it gave. */
const texts = new Map<string, ImageText>();

/** What the decoder does with an image: the reader's segments into a Classifier, its notes into the profile. */
function classifyImage(text: ImageText, key: string, ledger?: PersonLedger): FileProfile {
  const c = new Classifier({ path: key, encoding: 'binary', format: 'image', ...(ledger ? { ledger } : {}) });
  for (const s of text.segments) c.push(s);
  return c.finish({ bytesRead: 0, truncated: text.incomplete, notes: text.notes });
}

const det = (p: FileProfile): string[] => p.detections.map((d) => `${d.type}/${d.confidence}/${d.count}`);

/** The made-up values on the fixtures: none may reach any output. */
const RAW = ['123456789018', '1234 5678 9018', '佐藤', '花子', 'HANAKO', 'SATO', '1234567', '300512345680', '霞が関', '千代田区', '昭和60年', '1985年', '06130012', '4321'];

function assertNoRaw(text: string, where: string): void {
  for (const v of RAW) assert.ok(!text.includes(v), `${where} holds "${v}"`);
}

describe('OCR of the fixture images (real engine)', () => {
  const profiles = new Map<string, FileProfile>();
  const kinds = new Map<string, string | null>();
  let reader: ImageTextReader;

  before(async () => {
    reader = service.reader() as ImageTextReader;
    for (const name of ['scan_0001.jpg', 'IMG_2041.jpg', 'DSC00412.jpg', 'IMG_0777.jpg', 'card_03.jpg', 'page-1.png', 'IMG_5000.jpg']) {
      const text = await reader.read({ kind: 'encoded', bytes: fixture(name) }, { name, deadline: Date.now() + 60_000 });
      texts.set(name, text);
      kinds.set(name, text.documentKind);
      profiles.set(name, classifyImage(text, `uploads/7f3c/${name}`));
    }
  });

  after(async () => {
    await service.close();
    assert.equal(engine.size, 0, 'every worker terminated');
  });

  test('My Number card back under an opaque name (rotated, blurred, JPEG noise): the number, high, one person', () => {
    const p = profiles.get('scan_0001.jpg') as FileProfile;
    assert.equal(kinds.get('scan_0001.jpg'), 'my_number_card_back');
    assert.deepEqual(det(p), ['my_number/high/1', 'id_document_image/high/1', 'person_name/high/1']);
    assert.deepEqual(p.detections[0]?.masked, ['****-****-9018']);
    assert.ok((p.detections[0]?.ocrConfidence ?? 0) >= 60);
    assert.equal(p.persons.distinct, 1);
    assert.deepEqual(p.classes, ['specific_personal_information', 'personal']);
  });

  test('My Number card front: name, birth date, address; name + birth date make one person', () => {
    const p = profiles.get('IMG_2041.jpg') as FileProfile;
    assert.equal(kinds.get('IMG_2041.jpg'), 'my_number_card_front');
    assert.deepEqual(det(p), ['id_document_image/high/1', 'person_name/high/1', 'birth_date/high/1', 'postal_address/high/1']);
    assert.equal(p.persons.distinct, 1);
    assert.ok(p.classes.includes('specific_personal_information'));
  });

  test("driver's licence: its 12-digit number (第…号), high", () => {
    const p = profiles.get('DSC00412.jpg') as FileProfile;
    assert.equal(kinds.get('DSC00412.jpg'), 'drivers_license');
    assert.deepEqual(det(p), ['id_document_image/high/1', 'drivers_license/high/1', 'person_name/high/1', 'birth_date/high/1', 'postal_address/high/1']);
    assert.deepEqual(p.detections.find((d) => d.type === 'drivers_license')?.masked, ['********5680']);
    assert.equal(p.persons.distinct, 1);
  });

  test('health insurance card: name and birth date (not the date of insurance), one person', () => {
    const p = profiles.get('IMG_0777.jpg') as FileProfile;
    assert.equal(kinds.get('IMG_0777.jpg'), 'health_insurance_card');
    assert.deepEqual(det(p), ['id_document_image/high/1', 'person_name/high/1', 'birth_date/high/1']);
    assert.equal(p.persons.distinct, 1);
  });

  test('cash card: the account number, high; a name alone is not a person', () => {
    const p = profiles.get('card_03.jpg') as FileProfile;
    assert.equal(kinds.get('card_03.jpg'), 'cash_card');
    assert.deepEqual(det(p), ['id_document_image/high/1', 'bank_account/high/1']);
    assert.equal(p.persons.distinct, 0);
    assert.deepEqual(p.classes, ['personal']); // an account number alone is personal, not 'financial' (card numbers are)
  });

  test('health check sheet (PNG scan): health data high, one person', () => {
    const p = profiles.get('page-1.png') as FileProfile;
    assert.equal(kinds.get('page-1.png'), 'health_check');
    assert.deepEqual(det(p), ['sensitive_health/high/7', 'id_document_image/high/1', 'person_name/high/1', 'birth_date/high/1']);
    assert.equal(p.persons.distinct, 1);
    assert.ok(p.classes.includes('sensitive'));
  });

  test('a picture with no document gives nothing', () => {
    const p = profiles.get('IMG_5000.jpg') as FileProfile;
    assert.equal(kinds.get('IMG_5000.jpg'), null);
    assert.deepEqual(p.detections, []);
    assert.equal(p.persons.distinct, 0);
    assert.deepEqual(p.notes, []);
  });

  test('every detection from OCR carries its OCR confidence', () => {
    for (const [name, p] of profiles) for (const d of p.detections) if (d.type !== 'id_document_image') assert.equal(typeof d.ocrConfidence, 'number', `${name} ${d.type}`);
  });

  test('JPEG, PNG, TIFF, WebP, BMP and GIF are read', async () => {
    const r = service.reader() as ImageTextReader;
    for (const ext of ['png', 'jpg', 'tif', 'webp', 'bmp', 'gif']) {
      const text = await r.read({ kind: 'encoded', bytes: fixture(`format-sample.${ext}`) }, { name: `a.${ext}`, deadline: Date.now() + 60_000 });
      assert.equal(text.incomplete, false, ext);
      assert.deepEqual(text.segments.map((s) => s.text), ['ID 4711 0815'], ext);
    }
  });

  test('RawImage pixels (a PDF page image) are read through the PNM encoder', async () => {
    const { width, height, data } = samplePixels();
    const r = service.reader() as ImageTextReader;
    const text = await r.read({ kind: 'raw', width, height, channels: 3, data }, { name: 'scan.pdf#page 1', deadline: Date.now() + 60_000 });
    assert.deepEqual(text.segments.map((s) => s.text), ['ID 4711 0815']);
  });

  test('a large page (as a BMP above 8 MB tesseract.js failed: "Too many properties to enumerate") is read', async () => {
    const sample = samplePixels();
    const width = 3000;
    const height = 2400;
    const data = new Uint8Array(width * height * 3).fill(255);
    for (let y = 0; y < sample.height; y++) data.set(sample.data.subarray(y * sample.width * 3, (y + 1) * sample.width * 3), ((200 + y) * width + 200) * 3);
    const r = service.reader() as ImageTextReader;
    const text = await r.read({ kind: 'raw', width, height, channels: 3, data }, { name: 'scan.pdf#page 1', deadline: Date.now() + 60_000 });
    assert.deepEqual([text.notes, text.segments.map((s) => s.text)], [[], ['ID 4711 0815']]);
  });

  test('the card and a table row of the same person count as one person (ledger)', async () => {
    const ledger = new PersonLedger();
    const table = new Classifier({ path: 'hr/employees.csv', encoding: 'utf-8', format: 'csv', ledger });
    table.push({ text: '佐藤 花子', field: '氏名', row: 0, column: 0 });
    table.push({ text: '1234 5678 9018', field: 'マイナンバー', row: 0, column: 1 });
    table.push({ text: '山田 太郎', field: '氏名', row: 1, column: 0 });
    table.push({ text: '9876 5432 1001', field: 'マイナンバー', row: 1, column: 1 });
    const csv = table.finish();
    const card = classifyImage(texts.get('scan_0001.jpg') as ImageText, 'uploads/7f3c/a81c.jpg', ledger);
    assert.equal(csv.persons.distinct, 2);
    assert.equal(card.persons.distinct, 1);
    assert.equal(ledger.size, 2);
  });

  test('no raw value in profiles, a sampled resource, rendered reports or the classify table', async () => {
    const objects: Record<string, Uint8Array> = {};
    for (const name of ['scan_0001.jpg', 'IMG_2041.jpg', 'DSC00412.jpg', 'card_03.jpg', 'page-1.png']) objects[`uploads/${name.length}/${name}`] = fixture(name);
    const ledger = new PersonLedger();
    const classifiers: Classifiers = {
      classifyBytes: (bytes, meta) => {
        const name = meta.key.split('/').pop() ?? '';
        assert.equal(bytes.length, fixture(name).length, 'pictures are read whole');
        return Promise.resolve(classifyImage(texts.get(name) as ImageText, meta.key, ledger));
      },
      classifyName: () => assert.fail('images are read with OCR on'),
      profile: (files, ctx) => profileResource(files, { ...ctx, ledger }),
    };
    const outcome = await sampleResource(memoryReader(objects), { ...DEFAULT_SAMPLE_LIMITS, bytesPerObject: 8 * 1024 * 1024 }, new ByteBudget(64 * 1024 * 1024), classifiers, undefined, undefined, { readImages: true });
    const profile = outcome.profile;
    assert.ok(profile);
    // the front, the licence and the health check show the same made-up person (name + birth date): one person;
    // the card back is keyed by its My Number: another
    assert.equal(profile.persons.sampled, 2);
    assert.ok(profile.detections.some((d) => d.type === 'my_number' && d.confidence === 'high' && typeof d.ocrConfidence === 'number'));
    assertNoRaw(JSON.stringify(profile), 'the DataProfile');
    for (const p of profiles.values()) assertNoRaw(JSON.stringify(p), 'a FileProfile');
    const snapshot = JSON.parse(readFileSync(packagePath('examples', 'gcp-hr-system.snapshot.json'), 'utf8')) as Snapshot;
    snapshot.samples = { ...snapshot.samples, 'gs://kumo-hr-health-checks': outcome };
    const report = evaluateSnapshot(snapshot, { source: 'snapshot', failOn: 'high', scannedAt: SCANNED_AT });
    for (const format of FORMATS) for (const lang of ['ja', 'en'] as const) assertNoRaw(renderFormat(format, [report], { lang }), `${format}/${lang}`);
    const files = [...profiles.values()].map((p) => ({ ...p, personalData: true }));
    const classify = { tool: { name: 'kumoscan', version: '0' }, limits: {}, files, total: { files: files.length, bytesRead: 0, personalDataFiles: 0, truncatedFiles: 0, unreadableFiles: 0, detections: [], persons: { distinct: 0, basis: '' }, classes: [] } } as unknown as ClassifyReport;
    assertNoRaw(renderClassifyTable(classify, 'ja') + renderClassifyTable(classify, 'en') + JSON.stringify(classify), 'the classify output');
  });

  // Last: a timed-out worker is terminated, and the tests above need none started again.
  test('the worker thread\'s CPU time is measured (Linux); the wall-time safety net stops an image too', async () => {
    const limit = { cpuMs: 60_000, wallMs: 60_000 };
    const r = await engine.recognize(fixture('format-sample.png'), limit);
    if (LINUX) assert.ok(r.cpuMs !== null && r.cpuMs > 0, `cpuMs ${r.cpuMs}`);
    else assert.equal(r.cpuMs, null);
    await assert.rejects(engine.recognize(fixture('scan_0001.jpg'), { cpuMs: 60_000, wallMs: 30 }), (e: unknown) => e instanceof OcrTimeout && e.clock === 'wall' && e.ms === 30);
    assert.equal(engine.size, 0, 'the worker that overran was terminated');
  });
});

describe('an image over its CPU time limit (real engine)', () => {
  test('stopped and said in the file\'s note; the run exits 3, never silently clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-ocr-cpu-'));
    copyFileSync(join(DIR, 'scan_0001.jpg'), join(dir, 'scan_0001.jpg'));
    const report = await classifyPaths([dir], {}, 3, { workers: 1, imageCpuMs: 100 });
    const note = LINUX ? 'OCR of an image used more than 0.1 s of CPU time: stopped, not read' : 'OCR of an image took longer than 0.1 s: stopped, not read';
    assert.deepEqual(report.files.map((f) => [f.truncated, f.notes]), [[true, [note, 'text recognition (OCR) of the image did not finish; counts are lower bounds']]]);
    assert.equal(report.total.truncatedFiles, 1);
    assert.equal(classifyExitCode(report.total, false), 3);
  });
});
