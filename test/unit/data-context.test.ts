// The context rule: column header, JSON key, inline label, and the 300-character window before and after a value,
// across segment boundaries (a boundary counts as one character), with 301 characters being too far.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Classifier, type DetectionEvent } from '../../src/data/detect/classifier.js';
import { ContextWindow, findKeywords, inlineLabel, keywordPrefixTail, labelTarget, WINDOW } from '../../src/data/detect/context.js';
import type { Confidence, DetectorId, Segment } from '../../src/data/types.js';

/** Filler with no keyword, digit, delimiter or letter: only distance. */
const gap = (n: number): string => 'あ'.repeat(n);

function events(segments: (string | Segment)[]): DetectionEvent[] {
  const out: DetectionEvent[] = [];
  const c = new Classifier({ path: 't', encoding: 'utf-8', format: 'text', onDetection: (e) => out.push(e) });
  for (const s of segments) c.push(typeof s === 'string' ? { text: s } : s);
  c.finish();
  return out;
}

function confidenceOf(segments: (string | Segment)[], type: DetectorId): Confidence | null {
  const e = events(segments).filter((x) => x.type === type);
  assert.ok(e.length <= 1, `one ${type} expected, got ${e.length}`);
  return e[0]?.confidence ?? null;
}

const PHONE = '03-1234-5678';

describe('window of 300 characters', () => {
  test('the window is 300', () => {
    assert.equal(WINDOW, 300);
  });

  test('a keyword before the value: 300 characters between them count, 301 do not', () => {
    assert.equal(confidenceOf([`電話${gap(300)}${PHONE}`], 'phone'), 'high');
    assert.equal(confidenceOf([`電話${gap(301)}${PHONE}`], 'phone'), 'low');
  });

  test('a keyword after the value: 300 count, 301 do not', () => {
    assert.equal(confidenceOf([`${PHONE}${gap(300)}電話`], 'phone'), 'high');
    assert.equal(confidenceOf([`${PHONE}${gap(301)}電話`], 'phone'), 'low');
  });

  test('across a segment boundary (the boundary is one character), before and after', () => {
    // 電話 + 150 + [boundary] + 149 + value: 300 characters between
    assert.equal(confidenceOf([`電話${gap(150)}`, `${gap(149)}${PHONE}`], 'phone'), 'high');
    assert.equal(confidenceOf([`電話${gap(150)}`, `${gap(150)}${PHONE}`], 'phone'), 'low');
    // value + 100 + [boundary] + 199 + 電話: the keyword arrives in a later segment
    assert.equal(confidenceOf([`${PHONE}${gap(100)}`, `${gap(199)}電話`], 'phone'), 'high');
    assert.equal(confidenceOf([`${PHONE}${gap(100)}`, `${gap(200)}電話`], 'phone'), 'low');
    // over several segments: 100 + 100 + 97 characters and 3 boundaries = 300
    assert.equal(confidenceOf(['電話', gap(100), gap(100), `${gap(97)}${PHONE}`], 'phone'), 'high');
    assert.equal(confidenceOf(['電話', gap(100), gap(100), `${gap(98)}${PHONE}`], 'phone'), 'low');
  });

  test('a keyword cut in two by a free-text segment boundary is still found', () => {
    assert.equal(confidenceOf([`${gap(50)}マイナ`, `ンバー${gap(50)}123456789018`], 'my_number'), 'high');
    assert.equal(keywordPrefixTail('あいうマイナ'), 'マイナ');
    assert.equal(keywordPrefixTail('あいう'), '');
  });

  test('context of another type does not count', () => {
    assert.equal(confidenceOf([`メール ${gap(30)}${PHONE}`], 'phone'), 'low');
  });

  test('ASCII keywords are whole words: tel, not hotel', () => {
    assert.deepEqual(
      findKeywords('Tel: x').map((k) => k.kind),
      ['phone'],
    );
    assert.deepEqual(findKeywords('hotel telegraph'), []);
  });
});

describe('column headers, JSON keys, inline labels', () => {
  test('a header naming the type raises; a generic header does not', () => {
    assert.equal(confidenceOf([{ text: PHONE, field: '電話番号', row: 0 }], 'phone'), 'high');
    assert.equal(confidenceOf([{ text: PHONE, field: '値', row: 0 }], 'phone'), 'low');
  });

  test('a JSON key naming the type raises (snake_case, camelCase)', () => {
    assert.equal(confidenceOf([{ text: 'taro@example.jp', field: 'email', row: 0 }], 'email'), 'high');
    assert.equal(confidenceOf([{ text: PHONE, field: 'phoneNumber', row: 0 }], 'phone'), 'high');
    assert.equal(confidenceOf([{ text: '123456789018', field: 'my_number', row: 0 }], 'my_number'), 'high');
    assert.equal(confidenceOf([{ text: '123456789018', field: 'myNumber', row: 0 }], 'my_number'), 'high');
  });

  test('a header naming another type blocks the window (注文番号 under 個人番号 context)', () => {
    const segs: Segment[] = [
      { text: '個人番号', row: 0 },
      { text: '123456789018', field: '注文番号', row: 0 },
    ];
    assert.equal(confidenceOf(segs, 'my_number'), 'low');
  });

  test('an inline label names the value; a label of another type blocks the window', () => {
    assert.equal(confidenceOf(['TEL：03-1234-5678'], 'phone'), 'high');
    assert.equal(confidenceOf([`個人番号は別紙。${gap(10)}注文番号: 123456789018`], 'my_number'), 'low');
    assert.equal(labelTarget('ご注文番号：'), 'other');
    assert.equal(labelTarget('携帯アドレス'), 'email');
    assert.equal(labelTarget('電話・メール'), 'email');
    assert.equal(labelTarget('ポイントカード番号'), 'other');
    assert.equal(labelTarget('カード番号'), 'credit_card');
    assert.equal(inlineLabel('氏名、電話：090', '氏名、電話：090'.indexOf('090'), 0), '電話：');
  });

  test('the 300-character window ignores labels only when they name nothing', () => {
    assert.equal(confidenceOf([`電話 ${gap(40)}、${PHONE}`], 'phone'), 'high');
  });
});

describe('ContextWindow', () => {
  test('pending items settle only when no later keyword can reach them', () => {
    const w = new ContextWindow<string>();
    w.add('a', 0, 10, 1);
    assert.deepEqual(w.settle(310), []);
    assert.equal(w.settle(311).length, 1);
    w.add('b', 400, 410, 1);
    w.hit(710, 712, 'my_number');
    const done = w.drain();
    assert.equal(done[0]?.got, 1);
  });
});
