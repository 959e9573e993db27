// The per-segment gate (detector-gate.ts) is conservative: for every detector it gates, over the texts of the
// accuracy corpus and generated texts built from the shapes the detectors look for (values, near values, separators,
// labels, Japanese and ASCII around them), whenever the detector with all its patterns finds something in a text,
// the gate lets it run, and the patterns the gate selects find exactly what all of them find. The gate must also
// reject something, or it would gate nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateCorpus, makeCorporateNumber, makeMyNumber, makeWrongMyNumber, Rng } from '../../bench/corpus.js';
import { Classifier } from '../../src/data/detect/classifier.js';
import { findBankAccounts } from '../../src/data/detect/bank-account.js';
import { findBirthDates } from '../../src/data/detect/birth-date.js';
import { findCorporateNumbers } from '../../src/data/detect/corporate-number.js';
import { findCreditCards } from '../../src/data/detect/credit-card.js';
import {
  DetectorGate, G_BANK, G_BIRTH_DATE, G_CARD, G_CORPORATE, G_EMAIL, G_LABELLED_NAMES, G_LICENCE, G_MY_NUMBER, G_NAME_SHAPED, G_PASSPORT, G_PENSION, G_PHONE, G_POSTAL, G_POSTAL_DIGITS, G_RESIDENCE, G_SENSITIVE_WORDS, gateOf, shapeOf, TextShape,
} from '../../src/data/detect/detector-gate.js';
import { findDriversLicenses } from '../../src/data/detect/drivers-license.js';
import { findEmails } from '../../src/data/detect/email.js';
import type { Found } from '../../src/data/detect/found.js';
import { findMyNumbers } from '../../src/data/detect/my-number.js';
import { normalizeText } from '../../src/data/detect/normalize.js';
import { findPassports } from '../../src/data/detect/passport.js';
import { findPensionNumbers } from '../../src/data/detect/pension-insurance.js';
import { findLabelledNames, findNameShaped } from '../../src/data/detect/person-name.js';
import { findPhones } from '../../src/data/detect/phone.js';
import { findPostalAddresses, findPostalDigitsCell } from '../../src/data/detect/postal-address.js';
import { findResidenceCards } from '../../src/data/detect/residence-card.js';
import { findSensitiveWords } from '../../src/data/detect/sensitive.js';

const NOW = new Date(Date.UTC(2026, 10, 22));

interface Gated {
  name: string;
  bit: number;
  /** The detector with every pattern. */
  all(text: string, out: Found[]): void;
  /** The detector as the Classifier runs it when the gate lets it (the patterns the gate selects). */
  gated(text: string, out: Found[], g: DetectorGate): void;
}

const same = (f: (text: string, out: Found[]) => void): Pick<Gated, 'all' | 'gated'> => ({ all: f, gated: (t, o) => f(t, o) });

const DETECTORS: readonly Gated[] = [
  { name: 'email', bit: G_EMAIL, ...same(findEmails) },
  { name: 'my_number', bit: G_MY_NUMBER, ...same(findMyNumbers) },
  { name: 'corporate_number', bit: G_CORPORATE, ...same(findCorporateNumbers) },
  { name: 'drivers_license', bit: G_LICENCE, ...same(findDriversLicenses) },
  { name: 'credit_card', bit: G_CARD, all: (t, o) => findCreditCards(t, o), gated: (t, o, g) => findCreditCards(t, o, g.cardContiguous, g.cardGrouped) },
  { name: 'pension_insurance', bit: G_PENSION, all: (t, o) => findPensionNumbers(t, o), gated: (t, o, g) => findPensionNumbers(t, o, g.pensionHyphenated, g.pensionContiguous) },
  { name: 'phone', bit: G_PHONE, all: (t, o) => findPhones(t, o), gated: (t, o, g) => findPhones(t, o, g.phonePatterns) },
  { name: 'bank_account', bit: G_BANK, ...same(findBankAccounts) },
  { name: 'passport', bit: G_PASSPORT, ...same(findPassports) },
  { name: 'residence_card', bit: G_RESIDENCE, ...same(findResidenceCards) },
  { name: 'postal_address', bit: G_POSTAL, all: (t, o) => findPostalAddresses(t, o), gated: (t, o, g) => findPostalAddresses(t, o, g.postalBare, g.postalMarked, g.postalAddress) },
  { name: 'birth_date', bit: G_BIRTH_DATE, all: (t, o) => findBirthDates(t, o, NOW), gated: (t, o, g) => findBirthDates(t, o, NOW, g.dateForms) },
  { name: 'labelled names', bit: G_LABELLED_NAMES, ...same(findLabelledNames) },
  { name: 'name-shaped cell', bit: G_NAME_SHAPED, ...same(findNameShaped) },
  { name: 'postal code cell', bit: G_POSTAL_DIGITS, ...same(findPostalDigitsCell) },
  { name: 'sensitive words', bit: G_SENSITIVE_WORDS, all: (t, o) => findSensitiveWords(t, o), gated: (t, o) => findSensitiveWords(t, o, undefined, true) },
];

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

/** Pieces of the shapes the detectors look for, and of what surrounds them. */
function piece(rng: Rng): string {
  const d = (n: number): string => digits(rng, n);
  const y = String(rng.int(1900, 2025));
  const m = String(rng.int(1, 12));
  const day = String(rng.int(1, 28));
  const sep = rng.pick(['-', ' ', '.', '/', '']);
  const choices: (() => string)[] = [
    () => d(rng.int(1, 20)),
    () => makeMyNumber(rng),
    () => makeWrongMyNumber(rng),
    () => makeCorporateNumber(rng),
    () => `${d(4)}${sep}${d(4)}${sep}${d(4)}`,
    () => `${d(4)}${sep}${d(4)}${sep}${d(4)}${sep}${d(4)}`,
    () => `4${d(15)}`,
    () => `5${d(3)} ${d(4)} ${d(4)} ${d(4)}`,
    () => `3${d(3)}-${d(6)}-${d(5)}`,
    () => `${d(4)}-${d(6)}`,
    () => `${d(10)}`,
    () => `0${d(2)}-${d(4)}-${d(4)}`,
    () => `0${d(1)}${sep}${d(4)}${sep}${d(4)}`,
    () => `(0${d(rng.int(1, 3))})${d(rng.int(2, 4))}-${d(4)}`,
    () => `+81${rng.pick(['-', ' ', ''])}${d(2)}-${d(4)}-${d(4)}`,
    () => `0${rng.pick(['7', '8', '9'])}0${d(8)}`,
    () => `〒${d(3)}-${d(4)}`,
    () => `${d(3)}-${d(4)}`,
    () => d(7),
    () => `${rng.pick(['東京都', '大阪府', '北海道', '京都府', '神奈川県'])}${rng.pick(['千代田区', '札幌市中央区', '横浜市'])}${rng.pick(['丸の内', '北一条西'])}${rng.int(1, 9)}${rng.pick(['-', '丁目'])}${rng.int(1, 20)}${rng.pick(['-', '番'])}${rng.int(1, 30)}`,
    () => `${y}${rng.pick(['-', '/', '.'])}${m}${rng.pick(['-', '/', '.'])}${day}`,
    () => `${y}年${m}月${day}日`,
    () => `${rng.pick(['昭和', '平成', '令和'])}${rng.pick(['元', String(rng.int(1, 60))])}年${m}月${day}日`,
    () => `${rng.pick(['S', 'H', 'R', 'M', 'T'])}${rng.int(1, 60)}${rng.pick(['.', '/', '-'])}${m}${rng.pick(['.', '/', '-'])}${day}`,
    () => `${y}${m.padStart(2, '0')}${day.padStart(2, '0')}`,
    () => `${rng.pick(['TK', 'AB', 'MZ'])}${d(7)}`,
    () => `${rng.pick(['AB', 'CD'])}${d(8)}${rng.pick(['EF', 'GH'])}`,
    () => `${rng.pick(['user', 'taro.yamada', 'a_b+c'])}@${rng.pick(['example.com', 'example.co.jp', 'x.jp'])}`,
    () => rng.pick(['@', '@@', 'a@b', 'mail@', '@example.com']),
    () => rng.pick(['氏名', '名前', 'お名前', 'Name', 'name', 'フリガナ']) + rng.pick([':', '：', ' ', '\t', '　', '']),
    () => rng.pick(['山田 太郎', '佐藤　花子', 'ヤマダ タロウ', '鈴木一郎', 'Taro Yamada', '高橋 健']),
    () => rng.pick(['糖尿病', '高血圧', '前科', '逮捕歴', 'HIV', 'diabetes', 'うつ病', '既往歴', '犯罪歴', '病歴']),
    () => rng.pick(['マイナンバー', '電話', 'TEL', 'tel:', '口座番号', '普通', '銀行', 'パスポート', '在留カード', '年金番号', '生年月日', 'DOB', '住所', '〒', 'card', 'exp']),
    () => rng.pick(['a', 'ab', 'abcd', 'ABCD', 'x=', 'y:', '、', '。', '（', '）', '(', ')', '+', '-', '.', '/', ' ', '　', 'ー', '０１２', '１２３４５６７８９０１２']),
  ];
  return rng.pick(choices)();
}

function generated(seed: number, n: number): string[] {
  const rng = new Rng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let k = rng.int(1, 6); k > 0; k--) parts.push(piece(rng));
    out.push(parts.join(rng.pick(['', ' ', '-', ',', '　', ':', '\t', 'x', '/', '.'])));
  }
  return out;
}

function corpusTexts(): string[] {
  const out: string[] = [];
  for (const seed of [1, 2, 3]) for (const f of generateCorpus(seed, 500)) for (const s of f.segments) out.push(s.segment.text);
  return out;
}

describe('detector gate: conservative for every detector it gates', () => {
  const texts = [...corpusTexts(), ...generated(19, 60_000)].map(normalizeText);
  const shape = new TextShape();
  const gate = new DetectorGate();

  for (const det of DETECTORS) {
    test(`${det.name}: never rejected where it finds something; the selected patterns find what all find`, () => {
      let found = 0;
      let rejected = 0;
      for (const text of texts) {
        const all: Found[] = [];
        det.all(text, all);
        const g = gateOf(shapeOf(text, shape), text, gate);
        if ((g.run & det.bit) === 0) {
          rejected++;
          assert.deepEqual(all, [], `${det.name}: rejected ${JSON.stringify(text)}`);
          continue;
        }
        if (all.length > 0) found++;
        const gated: Found[] = [];
        det.gated(text, gated, g);
        assert.deepEqual(gated, all, `${det.name}: the gate's patterns differ from all patterns`);
      }
      assert.ok(found >= 20, `${det.name}: found in ${found} texts`);
      assert.ok(rejected >= texts.length / 10, `${det.name}: rejected ${rejected} of ${texts.length}`);
    });
  }
});

describe('detector gate: what the test above found', () => {
  test('an era-letter date with one-digit year, month and day (S3-2-9: 3 digits, ASCII) in a 生年月日 cell is found', () => {
    const c = new Classifier({ path: 'a.txt', encoding: 'utf-8', format: 'text', salt: Buffer.alloc(16, 1), now: NOW });
    c.push({ text: 'S3-2-9', field: '生年月日', row: 1, column: 0 });
    const birth = c.finish().detections.filter((d) => d.type === 'birth_date');
    assert.deepEqual(birth.map((d) => [d.confidence, d.count, d.masked]), [['high', 1, ['S**.**.**']]]);
  });
});
