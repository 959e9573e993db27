// The accuracy corpus generator (bench/corpus.ts): deterministic, labels point at the values they name, every
// generated My Number / card is valid, near misses are what they claim, and the Shift_JIS writer round-trips
// through the platform decoder.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusStats, generateCorpus, makeCard, makeCorporateNumber, makeHireDate, makeJan, makeLicence, makeMyNumber, makeWrongMyNumber, Rng, writeCorpus } from '../../bench/corpus.js';
import { encodeShiftJis } from '../../bench/shift-jis.js';
import { gs1Valid, isValidCorporateNumber, isValidMyNumber, luhnValid } from '../../src/data/detect/check-digits.js';
import { cardBrand } from '../../src/data/detect/credit-card.js';
import { hasLicenceStructure } from '../../src/data/detect/drivers-license.js';
import { normalizeText } from '../../src/data/detect/normalize.js';

describe('corpus generator', () => {
  test('the same seed gives the same corpus; another seed another one', () => {
    const a = generateCorpus(7, 150);
    const b = generateCorpus(7, 150);
    assert.deepEqual(
      a.map((f) => f.content),
      b.map((f) => f.content),
    );
    assert.notDeepEqual(
      generateCorpus(8, 150).map((f) => f.content),
      a.map((f) => f.content),
    );
  });

  test('labels and near misses point inside their segment', () => {
    const files = generateCorpus(3, 300);
    const s = corpusStats(files);
    assert.ok(s.labels > 1000, String(s.labels));
    for (const f of files) {
      for (const seg of f.segments) {
        const t = normalizeText(seg.segment.text);
        for (const l of [...seg.labels, ...seg.nearMisses]) {
          assert.ok(l.start >= 0 && l.end <= t.length && l.end > l.start, `${f.name}: ${JSON.stringify(l)}`);
          assert.notEqual(t.slice(l.start, l.end).trim(), '');
        }
      }
    }
  });

  test('generated identifiers are valid, near misses are not', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 500; i++) {
      assert.ok(isValidMyNumber(makeMyNumber(rng)));
      assert.ok(!isValidMyNumber(makeWrongMyNumber(rng)));
      assert.ok(isValidCorporateNumber(makeCorporateNumber(rng)));
      assert.ok(gs1Valid(makeJan(rng)));
      for (const brand of ['visa', 'mastercard', 'amex', 'jcb', 'diners', 'discover', 'unionpay'] as const) {
        const card = makeCard(rng, brand);
        assert.ok(luhnValid(card) && cardBrand(card) === brand, `${brand} ${card}`);
      }
    }
  });

  test('licences are numbered as issued; people are hired at 18 or later, never before they are born', () => {
    const rng = new Rng(2);
    for (let i = 0; i < 2000; i++) {
      const birth = { y: rng.int(1950, 2004), m: rng.int(1, 12), d: rng.int(1, 28) };
      const licence = makeLicence(rng, birth);
      assert.ok(hasLicenceStructure(licence), licence);
      const firstYear = Number(licence.slice(2, 4));
      assert.ok([...Array(13).keys()].some((k) => (Math.min(2024, birth.y + 18 + k) % 100) === firstYear), licence);
      const hired = makeHireDate(rng, birth);
      assert.ok(hired.y >= birth.y + 18 && hired.y <= Math.max(birth.y + 18, Math.min(birth.y + 65, 2024)), `${birth.y} → ${hired.y}`);
    }
  });

  test('files are written in their encodings; Shift_JIS round-trips through TextDecoder', () => {
    const text = '氏名,住所\r\n山田 太郎,東京都千代田区丸の内１－２－３\r\n髙橋 〒100-0001 ①';
    assert.equal(new TextDecoder('shift_jis').decode(encodeShiftJis(text)), text);
    assert.throws(() => encodeShiftJis('😀'), RangeError);
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-corpus-'));
    const files = generateCorpus(5, 200);
    writeCorpus(dir, files);
    for (const f of files) {
      const bytes = readFileSync(join(dir, f.name));
      const decoded = f.encoding === 'shift_jis' ? new TextDecoder('shift_jis').decode(bytes) : new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
      assert.equal(decoded, f.content, f.name);
      if (f.encoding === 'utf-8-bom') assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    }
    assert.ok(files.some((f) => f.encoding === 'shift_jis'));
    const labels = readFileSync(join(dir, 'labels.jsonl'), 'utf8').trim().split('\n');
    assert.equal(labels.length, files.length);
  });
});
