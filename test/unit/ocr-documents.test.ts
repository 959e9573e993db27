// Document kinds from OCR text, the segments made of them (fields, rows, OCR confidence), the BMP encoder for
// PDF page pixels, and the reader's bounds with a stand-in engine (no tesseract here: test/unit/ocr-real.test.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Classifier } from '../../src/data/detect/classifier.js';
import type { ImageText } from '../../src/data/decode/image-text.js';
import { DOCUMENT_KINDS, recognizeDocument } from '../../src/data/ocr/documents/index.js';
import { OcrTimeout, workerOptions, type OcrEngine, type OcrLine, type OcrResult, type OcrTimeLimit, type Thresholding } from '../../src/data/ocr/engine.js';
import { OcrService } from '../../src/data/ocr/index.js';
import { foldOcrText } from '../../src/data/ocr/normalize.js';
import { pageSegments } from '../../src/data/ocr/page-segments.js';
import { encodePnm } from '../../src/data/ocr/raw-image.js';
import { OcrImageTextReader } from '../../src/data/ocr/reader.js';
import { DEFAULT_OCR_LIMITS } from '../../src/data/ocr/limits.js';
import type { FileProfile, Segment } from '../../src/data/types.js';

const lines = (...texts: string[]): OcrLine[] => texts.map((text) => ({ text, confidence: 90 }));
const kindOf = (...texts: string[]): string | null => recognizeDocument(texts.map(foldOcrText)).kind?.id ?? null;

function classify(segments: Segment[]): FileProfile {
  const c = new Classifier({ path: 'uploads/7f3c/a81c.jpg', encoding: 'binary', format: 'image' });
  for (const s of segments) c.push(s);
  return c.finish();
}

const det = (p: FileProfile): string[] => p.detections.map((d) => `${d.type}/${d.confidence}/${d.count}`);

describe('document kinds', () => {
  test('one file per kind, each with a distinct id, a label and signals', () => {
    assert.deepEqual(DOCUMENT_KINDS.map((k) => k.id).sort(), ['cash_card', 'drivers_license', 'health_check', 'health_insurance_card', 'my_number_card_back', 'my_number_card_front', 'notification_card', 'residence_card']);
    for (const k of DOCUMENT_KINDS) assert.ok(k.label !== '' && k.signals.length > 0 && k.threshold > 0, k.id);
  });

  test('each kind from its printed labels (with OCR spacing and misreadings)', () => {
    assert.equal(kindOf('個人 番号 カー ド', '氏名 佐藤 花子', '住所 東京 都', '生年 月 日 昭和 60 年 4 月 1 日 生'), 'my_number_card_front');
    assert.equal(kindOf('個人 番号', '1234 5678 9018', '氏名 佐藤 花子'), 'my_number_card_back');
    assert.equal(kindOf('通知 カード', '個人番号 1234 5678 9018', '氏名 佐藤 花子', '住所 東京都'), 'notification_card');
    assert.equal(kindOf('氏名 佐藤 花子 昭和 60 年 4 月 1 日 生', '第 300512345680 号', '運転 人 許 証', '東京 都 公安 委員 会'), 'drivers_license');
    assert.equal(kindOf('健康 保険 被 保険 者 証', '記号 4321 番号 56', '保険 者 番号 06130012'), 'health_insurance_card');
    assert.equal(kindOf('在留 カード', '在留資格 技術・人文知識・国際業務', 'AB12345678CD'), 'residence_card');
    assert.equal(kindOf('健康 診断 結果 通知 書', '身長 158.2 cm', '血圧 142 / 91', '判定 A'), 'health_check');
    assert.equal(kindOf('みらい 銀行', '支店 番号 123 普通', '口座 番号 1234567'), 'cash_card');
  });

  test('the back needs a valid number: an invalid check digit is no My Number card', () => {
    assert.equal(kindOf('個人番号', '1234 5678 9019'), null);
  });

  test('nothing for text without labels', () => {
    assert.equal(kindOf('4 ん AAAA'), null);
    assert.equal(kindOf('SUMMER SALE 50% OFF'), null);
    assert.equal(kindOf(), null);
  });
});

describe('page segments', () => {
  test('a My Number card back: the number under its label, in a row with the name: one person', () => {
    const page = pageSegments(lines('個人 番号 |', '1234 5678 9018', '氏名 佐藤 花子 四 四 正男'), 7);
    assert.equal(page.documentKind, 'my_number_card_back');
    assert.deepEqual(page.segments.filter((s) => s.field !== undefined).map((s) => [s.field, s.row]), [['個人番号', 7], ['氏名', 7]]);
    const p = classify(page.segments);
    assert.deepEqual(det(p), ['my_number/high/1', 'id_document_image/high/1', 'person_name/high/1']);
    assert.equal(p.persons.distinct, 1);
    assert.ok(p.classes.includes('specific_personal_information'));
  });

  test('a name without a number or birth date is not a person (fields without a row)', () => {
    const page = pageSegments(lines('みらい 銀行', 'キャッシュ カード', '口座 番号 1234567', '氏名 佐藤 花子'), 0);
    assert.equal(page.documentKind, 'cash_card');
    assert.ok(page.segments.every((s) => s.row === undefined));
    const p = classify(page.segments);
    assert.equal(p.persons.distinct, 0);
    assert.deepEqual(det(p), ['id_document_image/high/1', 'bank_account/high/1', 'person_name/high/1']);
  });

  test('name + birth date identify the person of a card; issue dates are not birth dates', () => {
    const page = pageSegments(lines('健康 保険 被 保険 者 証', '氏名 佐藤 花子', '生年 月 日 昭和 60 年 4 月 1 日', '資格 取得 年 月 日 令 和 2 年 4 月 1 日'), 0);
    const p = classify(page.segments);
    assert.deepEqual(det(p), ['id_document_image/high/1', 'person_name/high/1', 'birth_date/high/1']);
    assert.equal(p.persons.distinct, 1);
  });

  test('a residence card number under its label', () => {
    const page = pageSegments(lines('在留 カード', '在留カード番号 AB12345678CD', '国籍 ベトナム'), 0);
    assert.equal(page.documentKind, 'residence_card');
    const p = classify(page.segments);
    assert.deepEqual(det(p), ['id_document_image/high/1', 'residence_card/high/1']);
    assert.equal(p.persons.distinct, 1);
  });

  test('detections carry the lowest OCR confidence of their lines', () => {
    const page = pageSegments([{ text: '個人番号 1234 5678 9018', confidence: 71.6 }, { text: '個人番号 9876 5432 1001', confidence: 88 }], 0);
    const p = classify(page.segments);
    const my = p.detections.find((d) => d.type === 'my_number');
    assert.equal(my?.ocrConfidence, 72);
  });

  test('lines below the confidence floor are dropped unless a field was read from them', () => {
    const page = pageSegments([{ text: '四 四 正男 AB', confidence: 12 }, { text: 'ii 計 利', confidence: 20 }], 0);
    assert.deepEqual(page.segments, []);
  });
});

describe('PNM encoder (PDF page pixels)', () => {
  test('gray as binary PGM, colour as PPM (alpha dropped), rows top to bottom', () => {
    const gray = encodePnm({ kind: 'raw', width: 2, height: 1, channels: 1, data: new Uint8Array([7, 9, 99]) });
    assert.deepEqual(gray, Buffer.concat([Buffer.from('P5\n2 1\n255\n'), Buffer.from([7, 9])]));
    const rgb = encodePnm({ kind: 'raw', width: 1, height: 2, channels: 3, data: new Uint8Array([255, 0, 0, 10, 20, 30]) });
    assert.deepEqual(rgb, Buffer.concat([Buffer.from('P6\n1 2\n255\n'), Buffer.from([255, 0, 0, 10, 20, 30])]));
    const rgba = encodePnm({ kind: 'raw', width: 1, height: 1, channels: 4, data: new Uint8Array([1, 2, 3, 4]) });
    assert.deepEqual(rgba, Buffer.concat([Buffer.from('P6\n1 1\n255\n'), Buffer.from([1, 2, 3])]));
  });

  test('inconsistent dimensions throw', () => {
    assert.throws(() => encodePnm({ kind: 'raw', width: 4, height: 4, channels: 3, data: new Uint8Array(10) }));
    assert.throws(() => encodePnm({ kind: 'raw', width: 0, height: 4, channels: 3, data: new Uint8Array(10) }));
  });
});

/** A stand-in engine: answers `lines` after `delayMs` (virtual), counts calls and the thresholding asked. */
class FakeEngine implements OcrEngine {
  calls = 0;
  closed = false;
  thresholds: string[] = [];
  constructor(private readonly answer: (n: number, limit: OcrTimeLimit, thresholding: string) => Promise<OcrResult>) {}
  recognize(_image: Uint8Array, limit: OcrTimeLimit, thresholding: Thresholding = 'global'): Promise<OcrResult> {
    this.thresholds.push(thresholding);
    return this.answer(++this.calls, limit, thresholding);
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

// a 1×1 PNG (real header: image-size reads the dimensions)
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const png = { kind: 'encoded' as const, bytes: PNG_1x1 };
const req = (deadline = Date.now() + 60_000) => ({ name: 'a.png', deadline });
const card = (): Promise<OcrResult> => Promise.resolve({ lines: lines('個人番号 1234 5678 9018'), confidence: 90, cpuMs: 1000 });

describe('second reading of a card whose My Number was not read', () => {
  // A notification card photo of the third-party corpus: under the global threshold the large digits of the number
  // came out as kana (4 → オ, 1 → イ); adaptive thresholding read them.
  const garbled = (): Promise<OcrResult> => Promise.resolve({ lines: lines('通知カード', '個人番号 オオ505 イ718 293', '氏名 山田 太郎', '平成11年7月4日生 男'), confidence: 80, cpuMs: 1000 });
  const clear = (): Promise<OcrResult> => Promise.resolve({ lines: lines('韻 個人番号 1234 5678 9018', '氏名 山田 太郎'), confidence: 70, cpuMs: 1000 });

  test('read again with adaptive thresholding; the valid number of that reading is the card\'s, with its label', async () => {
    const engine = new FakeEngine((_n, _t, th) => (th === 'adaptive' ? clear() : garbled()));
    const r = await new OcrImageTextReader(() => engine).read(png, req());
    assert.deepEqual(engine.thresholds, ['global', 'adaptive']);
    assert.equal(r.documentKind, 'notification_card');
    assert.ok(det(classify(r.segments)).includes('my_number/high/1'), det(classify(r.segments)).join(' '));
    assert.equal(engine.calls, 2);
  });

  test('no second reading when the number was read, or when the page names no My Number', async () => {
    const a = new FakeEngine(card);
    await new OcrImageTextReader(() => a).read(png, req());
    const b = new FakeEngine(() => Promise.resolve({ lines: lines('運転免許証', '氏名 山田 太郎', '第 1234 5678 9012 号'), confidence: 80, cpuMs: 1000 }));
    await new OcrImageTextReader(() => b).read(png, req());
    assert.deepEqual([a.thresholds, b.thresholds], [['global'], ['global']]);
  });

  test('a second reading with no valid number, or one that fails, leaves the first reading as it was', async () => {
    const first = await new OcrImageTextReader(() => new FakeEngine(garbled)).read(png, req());
    for (const second of [garbled, () => Promise.reject(new OcrTimeout(1000))]) {
      const engine = new FakeEngine((n) => (n === 1 ? garbled() : second()));
      const r = await new OcrImageTextReader(() => engine).read(png, req());
      assert.deepEqual(r, first);
      assert.equal(engine.calls, 2);
    }
  });
});

describe('reader bounds', () => {
  test('--ocr-max-images: images past the budget are not read, with a note counting them', async () => {
    const engine = new FakeEngine(card);
    const reader = new OcrImageTextReader(() => engine, { ...DEFAULT_OCR_LIMITS, maxImages: 2 });
    const out: ImageText[] = [];
    for (let i = 0; i < 5; i++) out.push(await reader.read(png, req()));
    assert.equal(engine.calls, 2);
    assert.deepEqual(out.map((o) => o.incomplete), [false, false, true, true, true]);
    assert.equal(out[0]?.documentKind, 'my_number_card_back');
    assert.equal(out[0]?.confidence, 90);
    assert.deepEqual(out[4]?.notes, ['OCR limit of 2 images reached (--ocr-max-images): 3 images not read so far']);
    assert.deepEqual(reader.stats.notRead, 3);
  });

  test('--ocr-time-limit: once the time is spent, no more images are read', async () => {
    let t = 0;
    const engine = new FakeEngine(async () => {
      t += 4000;
      return card();
    });
    const reader = new OcrImageTextReader(() => engine, { ...DEFAULT_OCR_LIMITS, timeLimitMs: 10_000 }, () => t);
    const out: ImageText[] = [];
    for (let i = 0; i < 4; i++) out.push(await reader.read(png, req(1e12)));
    assert.equal(engine.calls, 3);
    assert.deepEqual(out[3]?.notes, ['OCR time limit of 10 s spent (--ocr-time-limit): 1 image not read so far']);
  });

  test('per image: its CPU time limit, and a wall time that is the smallest of its safety net, the budget left and the object deadline', async () => {
    const seen: OcrTimeLimit[] = [];
    const engine = new FakeEngine(async (_n, limit) => {
      seen.push(limit);
      return card();
    });
    const reader = new OcrImageTextReader(() => engine, { ...DEFAULT_OCR_LIMITS, imageCpuMs: 5000, imageWallMs: 30_000 }, () => 1000);
    await reader.read(png, req(1e12));
    await reader.read(png, req(3000));
    assert.deepEqual(seen, [
      { cpuMs: 5000, wallMs: 30_000 },
      { cpuMs: 5000, wallMs: 2000 },
    ]);
    assert.deepEqual(DEFAULT_OCR_LIMITS, { maxImages: 50, timeLimitMs: 120_000, maxPixels: 40_000_000, imageCpuMs: 20_000, imageWallMs: 90_000 });
    const late = await reader.read(png, req(1000));
    assert.equal(late.incomplete, true);
    assert.match(late.notes[0] ?? '', /no time left/);
  });

  test('an image that overruns its CPU time or its wall time is reported, not read', async () => {
    const cpu = await new OcrImageTextReader(() => new FakeEngine(() => Promise.reject(new OcrTimeout(20_000, 'cpu')))).read(png, req());
    assert.equal(cpu.incomplete, true);
    assert.deepEqual(cpu.notes, ['OCR of an image used more than 20 s of CPU time: stopped, not read']);
    const wall = await new OcrImageTextReader(() => new FakeEngine(() => Promise.reject(new OcrTimeout(90_000, 'wall')))).read(png, req());
    assert.equal(wall.incomplete, true);
    assert.deepEqual(wall.notes, ['OCR of an image took longer than 90 s: stopped, not read']);
  });

  test('the second reading gets the CPU time the first one left', async () => {
    const seen: OcrTimeLimit[] = [];
    const garbled = { lines: lines('通知カード', '個人番号 オオ505 イ718 293'), confidence: 80, cpuMs: 7000 };
    const engine = new FakeEngine(async (_n, limit) => {
      seen.push(limit);
      return garbled;
    });
    await new OcrImageTextReader(() => engine, DEFAULT_OCR_LIMITS, () => 1000).read(png, req(1e12));
    assert.deepEqual(seen, [
      { cpuMs: 20_000, wallMs: 90_000 },
      { cpuMs: 13_000, wallMs: 90_000 },
    ]);
    // The first reading spent the image's CPU time: no second one.
    const spent = new FakeEngine(async () => ({ ...garbled, cpuMs: 20_000 }));
    await new OcrImageTextReader(() => spent, DEFAULT_OCR_LIMITS, () => 1000).read(png, req(1e12));
    assert.equal(spent.calls, 1);
  });

  test('too many pixels: not read (the header is read first)', async () => {
    const engine = new FakeEngine(card);
    const reader = new OcrImageTextReader(() => engine, { ...DEFAULT_OCR_LIMITS, maxPixels: 100 });
    const big = Buffer.from(PNG_1x1);
    big.writeUInt32BE(20_000, 16); // width
    big.writeUInt32BE(3_000, 20); // height
    const r = await reader.read({ kind: 'encoded', bytes: big }, req());
    assert.deepEqual(r.notes, ['image of 60 megapixels is above the OCR limit of 0: not read']);
    const raw = await reader.read({ kind: 'raw', width: 20, height: 20, channels: 1, data: new Uint8Array(400) }, req());
    assert.equal(raw.incomplete, true);
    assert.equal(engine.calls, 0);
  });

  test('HEIC is noted as not decoded; unknown bytes as not recognized', async () => {
    const engine = new FakeEngine(card);
    const reader = new OcrImageTextReader(() => engine);
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(64)]);
    const h = await reader.read({ kind: 'encoded', bytes: heic }, req());
    assert.match(h.notes[0] ?? '', /HEIC\/HEIF image: not decoded/);
    const junk = await reader.read({ kind: 'encoded', bytes: Buffer.from('not an image at all') }, req());
    assert.deepEqual(junk.notes, ['image format not recognized (or the file is cut): not read by OCR']);
    assert.equal(engine.calls, 0);
  });

  test('engine errors become a fixed note', async () => {
    const reader = new OcrImageTextReader(() => new FakeEngine(() => Promise.reject(new Error('Error attempting to read image 佐藤'))));
    const r = await reader.read(png, req());
    assert.deepEqual(r.notes, ['OCR could not decode an image (corrupt or unsupported data): not read']);
  });
});

describe('OCR service', () => {
  test('off: no reader; on: a fresh budget per reader and one engine, created on the first image and closed at the end', async () => {
    assert.equal(new OcrService({ enabled: false }).reader(), undefined);
    let made = 0;
    const engine = new FakeEngine(card);
    const service = new OcrService({ maxImages: 1 }, () => {
      made++;
      return engine;
    });
    const a = service.reader();
    const b = service.reader();
    assert.ok(a && b);
    assert.equal(service.started, false);
    assert.equal((await a.read(png, req())).incomplete, false);
    assert.equal((await a.read(png, req())).incomplete, true);
    assert.equal((await b.read(png, req())).incomplete, false);
    assert.equal(made, 1);
    await service.close();
    assert.equal(engine.closed, true);
  });

  test('no network: the trained data comes from the installed package, no cache is written', () => {
    const o = workerOptions();
    assert.equal(o.cacheMethod, 'none');
    assert.equal(o.gzip, true);
    assert.match(o.langPath, /node_modules[\\/]@tesseract\.js-data[\\/]jpn[\\/]4\.0\.0_best_int$/);
    assert.doesNotMatch(o.langPath, /^[a-z]+:\/\//i);
  });
});
