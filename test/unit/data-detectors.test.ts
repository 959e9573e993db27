// Every detector: positives and near misses, first on the detector function itself (shape and validation),
// then through the Classifier where confidence depends on context.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findBankAccounts } from '../../src/data/detect/bank-account.js';
import { findBirthDates } from '../../src/data/detect/birth-date.js';
import { Classifier } from '../../src/data/detect/classifier.js';
import { findCorporateNumbers } from '../../src/data/detect/corporate-number.js';
import { cardBrand, findCreditCards, TEST_CARD_NUMBERS } from '../../src/data/detect/credit-card.js';
import { findDriversLicenses } from '../../src/data/detect/drivers-license.js';
import { findEmails } from '../../src/data/detect/email.js';
import type { Detector, Found } from '../../src/data/detect/found.js';
import { idDocumentOf } from '../../src/data/detect/id-document.js';
import { findMyNumbers } from '../../src/data/detect/my-number.js';
import { normalizeText } from '../../src/data/detect/normalize.js';
import { findPassports } from '../../src/data/detect/passport.js';
import { findPensionNumbers } from '../../src/data/detect/pension-insurance.js';
import { findLabelledNames, isNameLike, nameField } from '../../src/data/detect/person-name.js';
import { findPhones } from '../../src/data/detect/phone.js';
import { findPostalAddresses, PREFECTURES } from '../../src/data/detect/postal-address.js';
import { findResidenceCards } from '../../src/data/detect/residence-card.js';
import { findSensitiveWords, sensitiveField } from '../../src/data/detect/sensitive.js';
import type { Confidence, DetectorId, FileProfile, Segment } from '../../src/data/types.js';

const NOW = new Date(Date.UTC(2025, 5, 1));

/** Values a detector finds in (normalised) text. */
function run(detector: Detector, text: string): Found[] {
  const out: Found[] = [];
  detector(normalizeText(text), out);
  return out;
}

function values(detector: Detector, text: string): string[] {
  const t = normalizeText(text);
  return run(detector, text).map((f) => t.slice(f.start, f.end));
}

function classify(segments: (string | Segment)[], path = 'test.txt'): FileProfile {
  const c = new Classifier({ path, encoding: 'utf-8', format: 'text', now: NOW });
  for (const s of segments) c.push(typeof s === 'string' ? { text: s } : s);
  return c.finish();
}

function count(p: FileProfile, type: DetectorId, confidence?: Confidence): number {
  return p.detections.filter((d) => d.type === type && (confidence === undefined || d.confidence === confidence)).reduce((a, d) => a + d.count, 0);
}

describe('normalisation', () => {
  test('full-width digits, letters and dashes; the long vowel mark between digits', () => {
    assert.equal(normalizeText('１２３４－５６７８　ＡＢ＠ｅｘａｍｐｌｅ．ｊｐ'), '1234-5678 AB@example.jp');
    assert.equal(normalizeText('０９０ー１２３４ー５６７８'), '090-1234-5678');
    assert.equal(normalizeText('ヤマダ タロウ'), 'ヤマダ タロウ');
    assert.equal(normalizeText('03−1234−5678'), '03-1234-5678');
  });
});

describe('my_number', () => {
  test('12 digits with a valid check digit, plain or in groups of 4 (space, hyphen, dot), full-width too', () => {
    for (const t of ['123456789018', '1234 5678 9018', '1234-5678-9018', '1234.5678.9018', '１２３４５６７８９０１８', '個人番号123456789018です']) {
      assert.equal(run(findMyNumbers, t).length, 1, t);
    }
    assert.deepEqual(run(findMyNumbers, '123456789018')[0]?.masked, '****-****-9018');
  });

  test('near misses: wrong check digit, longer runs, ids, mixed separators, a card written 4-4-4-4', () => {
    for (const t of [
      '123456789019',
      '1123456789018',
      '1234567890185',
      'ORD123456789018',
      'ORD-123456789018',
      '123456789018-01',
      '/orders/123456789018',
      '1234-5678 9018',
      '4111 1234 5678 9018',
      '12345.123456789018',
      '+123456789018',
    ]) {
      assert.equal(run(findMyNumbers, t).length, 0, t);
    }
  });

  test('a valid 12-digit run that starts with a date (timestamps, date-prefixed order ids) needs a field or label', () => {
    // 20240115123 + check digit 2: a valid My Number that reads as yyyymmddhhm…
    assert.equal(run(findMyNumbers, '202401151232')[0]?.rule, 'named');
    assert.equal(count(classify(['マイナンバーの記載あり。202401151232']), 'my_number'), 0);
    assert.equal(count(classify(['マイナンバー: 202401151232']), 'my_number', 'high'), 1);
    assert.equal(count(classify([{ text: '202401151232', field: '個人番号', row: 0 }]), 'my_number', 'high'), 1);
  });

  test('through the Classifier: high with context, low without, nothing for an invalid check digit', () => {
    assert.equal(count(classify(['マイナンバー: 123456789018']), 'my_number', 'high'), 1);
    assert.equal(count(classify(['123456789018']), 'my_number', 'low'), 1);
    assert.equal(count(classify(['123456789018']), 'my_number', 'high'), 0);
    assert.equal(count(classify(['マイナンバー: 123456789019']), 'my_number'), 0);
  });

  test('corporate numbers, JAN codes, phones and dates are not My Numbers', () => {
    const p = classify(['法人番号 7123456789012 JAN 4901234567894 電話 090-1234-5678 2024/01/15 03-1234-5678 個人番号']);
    assert.equal(count(p, 'my_number'), 0);
    assert.equal(count(p, 'credit_card'), 0);
    assert.equal(count(p, 'corporate_number', 'high'), 1);
  });

  test('a corporate number written 1-4-4-4 suppresses the My Number hidden in it', () => {
    // 7-1234-5678-9012: the last 12 digits pass neither check here, so build one whose last 12 are a valid My Number
    const p = classify(['法人番号 T7123456789012']);
    assert.equal(count(p, 'my_number'), 0);
    assert.equal(count(p, 'corporate_number', 'high'), 1);
  });
});

describe('corporate_number', () => {
  test('13 digits with a valid check digit, also T + 13 digits', () => {
    assert.deepEqual(values(findCorporateNumbers, '法人番号 7123456789012'), ['7123456789012']);
    assert.deepEqual(values(findCorporateNumbers, '登録番号 T7123456789012'), ['T7123456789012']);
    assert.equal(run(findCorporateNumbers, '8123456789012').length, 0);
    assert.equal(run(findCorporateNumbers, '71234567890123').length, 0);
  });

  test('a JAN code that happens to pass the corporate check counts only with context', () => {
    // 4910000791906 passes both the GS1 and the corporate check
    assert.equal(run(findCorporateNumbers, '4910000791906')[0]?.rule, 'context');
    assert.equal(count(classify(['JANコード 4910000791906']), 'corporate_number'), 0);
    assert.equal(count(classify(['法人番号 4910000791906']), 'corporate_number', 'high'), 1);
  });
});

describe('credit_card', () => {
  test('brand prefix and length rules', () => {
    assert.equal(cardBrand('4539148803436467'), 'visa');
    assert.equal(cardBrand('453914880343646'), null); // Visa 15
    assert.equal(cardBrand('5500000000000004'), 'mastercard');
    assert.equal(cardBrand('2221000000000009'), 'mastercard');
    assert.equal(cardBrand('2721000000000000'), null);
    assert.equal(cardBrand('371449635398431'), 'amex');
    assert.equal(cardBrand('3714496353984310'), null); // Amex 16
    assert.equal(cardBrand('3528000000000007'), 'jcb');
    assert.equal(cardBrand('3590000000000000'), null);
    assert.equal(cardBrand('30569309025904'), 'diners');
    assert.equal(cardBrand('6011000000000004'), 'discover');
    assert.equal(cardBrand('6440000000000000'), 'discover');
    assert.equal(cardBrand('6200000000000005'), 'unionpay');
    assert.equal(cardBrand('1234567890123452'), null);
  });

  test('Luhn-valid numbers of each brand, plain or grouped; masked to the last 4', () => {
    for (const t of ['4539148803436467', '4539 1488 0343 6467', '4539-1488-0343-6467', '5425233430109903', '3530 1113 3330 0018', '3782 822463 10013', '36227206271550', '6011 0009 9013 9416']) {
      const f = run(findCreditCards, t);
      assert.equal(f.length, 1, t);
    }
    assert.equal(run(findCreditCards, '4539148803436467')[0]?.masked, '****-****-****-6467');
    assert.equal(run(findCreditCards, '378282246310013')[0]?.masked, '****-******-*0013');
  });

  test('the well-known test numbers are dropped', () => {
    for (const n of ['4111111111111111', '4242424242424242', '5555555555554444', '378282246310005', '3530111333300000', '6011111111111117']) {
      assert.ok(TEST_CARD_NUMBERS.has(n));
      assert.equal(run(findCreditCards, n).length, 0, n);
    }
  });

  test('near misses: wrong Luhn, no brand, inside longer runs, JAN codes, order ids', () => {
    for (const t of ['4539148803436468', '1234567890123452', '45391488034364670', 'ORD-4539148803436467', '4539148803436467-2', '4901234567894', '4539 1488 0343 6467 1234']) {
      assert.equal(run(findCreditCards, t).length, 0, t);
    }
  });

  test('through the Classifier: high with card context, low without', () => {
    assert.equal(count(classify(['カード番号: 4539 1488 0343 6467 有効期限 12/27']), 'credit_card', 'high'), 1);
    assert.equal(count(classify(['ref 4539148803436467']), 'credit_card', 'low'), 1);
    assert.equal(count(classify([{ text: '4539148803436467', field: 'ポイントカード番号', row: 0 }]), 'credit_card', 'high'), 0);
  });
});

describe('bank_account', () => {
  test('7 digits, optionally after a branch number; reported only with context', () => {
    assert.deepEqual(values(findBankAccounts, '口座番号 1234567'), ['1234567']);
    assert.deepEqual(values(findBankAccounts, '123-1234567'), ['123-1234567']);
    assert.equal(run(findBankAccounts, '12345678').length, 0);
    assert.equal(count(classify(['みずほ銀行 新宿支店 普通 1234567']), 'bank_account', 'high'), 1);
    assert.equal(count(classify(['在庫 1234567']), 'bank_account'), 0);
    assert.equal(run(findBankAccounts, '1234567')[0]?.masked, '*****67');
  });

  test('a 7-digit postal code after 〒 is not an account even near 銀行', () => {
    const p = classify(['〒1000001 東京都千代田区千代田1-1 みずほ銀行']);
    assert.equal(count(p, 'bank_account'), 0);
  });
});

describe('drivers_license', () => {
  test('12 digits, only with context (第…号 on the card is fine)', () => {
    assert.deepEqual(values(findDriversLicenses, '第123456789010号'), ['123456789010']);
    assert.equal(count(classify(['運転免許証番号 第123456789010号']), 'drivers_license', 'high'), 1);
    assert.equal(count(classify(['番号 123456789010']), 'drivers_license'), 0);
  });

  test('a licence field names the span: a 12-digit licence number that passes the My Number check is a licence', () => {
    const p = classify([{ text: '123456789018', field: '免許証番号', row: 0 }]);
    assert.equal(count(p, 'drivers_license', 'high'), 1);
    assert.equal(count(p, 'my_number'), 0);
  });
});

describe('passport and residence_card', () => {
  test('passport: 2 letters + 7 digits, low without context, high with', () => {
    assert.deepEqual(values(findPassports, 'TK1234567'), ['TK1234567']);
    assert.equal(run(findPassports, 'TK12345678').length, 0);
    assert.equal(run(findPassports, 'ATK1234567').length, 0);
    assert.equal(count(classify(['旅券番号: TK1234567']), 'passport', 'high'), 1);
    assert.equal(count(classify(['品番 TK1234567']), 'passport', 'high'), 0);
  });

  test('residence card: 2 letters + 8 digits + 2 letters', () => {
    assert.deepEqual(values(findResidenceCards, 'AB12345678CD'), ['AB12345678CD']);
    assert.equal(run(findResidenceCards, 'AB1234567CD').length, 0);
    assert.equal(count(classify(['在留カード番号 AB12345678CD']), 'residence_card', 'high'), 1);
    assert.equal(count(classify(['AB12345678CD']), 'residence_card', 'low'), 1);
  });
});

describe('pension_insurance', () => {
  test('4-6 and 4-6-1 with hyphens (low without context), 10 digits only with context', () => {
    assert.deepEqual(values(findPensionNumbers, '1234-567890'), ['1234-567890']);
    assert.deepEqual(values(findPensionNumbers, '1234-567890-1'), ['1234-567890-1']);
    assert.equal(count(classify(['基礎年金番号: 1234-567890']), 'pension_insurance', 'high'), 1);
    assert.equal(count(classify(['1234-567890']), 'pension_insurance', 'low'), 1);
    assert.equal(count(classify(['基礎年金番号 1234567890']), 'pension_insurance', 'high'), 1);
    assert.equal(count(classify(['1234567890']), 'pension_insurance'), 0);
  });
});

describe('phone', () => {
  test('mobiles, landlines, parentheses, spaces, +81, full width', () => {
    for (const [t, masked] of [
      ['090-1234-5678', '***-****-5678'],
      ['08012345678', '***-****-5678'],
      ['070 1234 5678', '***-****-5678'],
      ['03-1234-5678', '**-****-5678'],
      ['045-123-4567', '***-***-4567'],
      ['0467-12-3456', '****-**-3456'],
      ['01267-2-3456', '*****-*-3456'],
      ['(03)1234-5678', '**-****-5678'],
      ['03(1234)5678', '**-****-5678'],
      ['+81-90-1234-5678', '***-****-5678'],
      ['+81 3 1234 5678', '**-****-5678'],
      ['+81(0)3-1234-5678', '**-****-5678'],
      ['+819012345678', '***-****-5678'],
      ['０９０－１２３４－５６７８', '***-****-5678'],
      ['050-1234-5678', '***-****-5678'],
    ] as const) {
      const f = run(findPhones, t);
      assert.equal(f.length, 1, t);
      assert.equal(f[0]?.masked, masked, t);
    }
  });

  test('near misses: toll-free and navi-dial, wrong digit counts and groupings, dates, ids', () => {
    for (const t of ['0120-123-456', '0800-123-4567', '0570-000-123', '090-1234-567', '090-12345-678', '03-123-45678', '1234-5678', '2024-01-15', '00312345678', 'ID0312345678', '0312345678901', '12-3456-7890']) {
      assert.equal(run(findPhones, t).length, 0, t);
    }
  });

  test('high with 電話 / TEL / 携帯, low without', () => {
    assert.equal(count(classify(['TEL 03-1234-5678']), 'phone', 'high'), 1);
    assert.equal(count(classify(['03-1234-5678']), 'phone', 'low'), 1);
  });
});

describe('email', () => {
  test('addresses whose domain has a dot; masked to the first character and the domain', () => {
    assert.deepEqual(values(findEmails, 'メール: taro.yamada@example.co.jpまで'), ['taro.yamada@example.co.jp']);
    assert.equal(run(findEmails, 'T.Yamada+news@Example.COM')[0]?.masked, 't***@example.com');
    assert.deepEqual(values(findEmails, 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ'), ['taro@example.jp']);
  });

  test('near misses: no dot in the domain, image names, bare @', () => {
    for (const t of ['user@localhost', 'a@b', 'icon@2x.png', 'logo@3x.jpg', '@example.com', 'foo@.com']) assert.equal(run(findEmails, t).length, 0, t);
  });

  test('a keyword inside the address (mail.example.org) is not context for it', () => {
    assert.equal(count(classify(['taro@mail.example.org']), 'email', 'low'), 1);
    assert.equal(count(classify(['メール taro@mail.example.org']), 'email', 'high'), 1);
  });
});

describe('postal_address', () => {
  test('〒 codes, prefecture + municipality + house number; masked to the prefecture', () => {
    assert.equal(PREFECTURES.length, 47);
    const f = run(findPostalAddresses, '〒100-0001 東京都千代田区千代田1-1-1');
    assert.deepEqual(f.map((x) => x.masked), ['〒***-****', '東京都***']);
    for (const t of ['北海道札幌市中央区北一条西2丁目1', '長野県北佐久郡軽井沢町軽井沢1-2', '京都府京都市左京区下鴨1番地', '大阪府大阪市北区梅田3-1-1 ハイツ101']) {
      assert.equal(run(findPostalAddresses, t).filter((x) => x.rule === 'shape').length, 1, t);
    }
  });

  test('near misses: a prefecture without municipality or house number, bare NNN-NNNN without context', () => {
    for (const t of ['東京都知事選挙区', '東京都の天気', '神奈川県警']) assert.equal(run(findPostalAddresses, t).length, 0, t);
    assert.equal(count(classify(['123-4567']), 'postal_address'), 0);
    assert.equal(count(classify(['郵便番号 123-4567']), 'postal_address', 'high'), 1);
    assert.equal(count(classify(['住所: 東京都新宿区西新宿2-8-1']), 'postal_address', 'high'), 1);
    assert.equal(count(classify(['東京都新宿区西新宿2-8-1']), 'postal_address', 'low'), 1);
  });

  test('split address columns: a cell under 都道府県 / 市区町村', () => {
    const p = classify([
      { text: '東京都', field: '都道府県', row: 0 },
      { text: '千代田区', field: '市区町村', row: 0 },
    ]);
    assert.equal(count(p, 'postal_address', 'high'), 2);
  });
});

describe('birth_date', () => {
  test('西暦 forms and 和暦 (大正/昭和/平成/令和, 元年, abbreviations), valid calendar dates only', () => {
    const ok = ['1985/04/01', '1985-4-1', '1985.04.01', '1985年4月1日', '昭和60年4月1日', '平成元年1月8日', '令和元年5月1日', 'S60.4.1', 'H01/01/08', '大正15年12月24日', '昭和元年12月25日', '2000年2月29日'];
    for (const t of ok) assert.equal(run((x, o) => findBirthDates(x, o, NOW), t).length, 1, t);
    const bad = ['1985/02/30', '1985-13-01', '昭和64年1月8日', '平成31年5月1日', '令和元年4月30日', '大正15年12月25日', '1900年2月29日', '2030/01/01', '1850/01/01', 'X60.4.1', '1985/04/01T10:00'];
    for (const t of bad) assert.equal(run((x, o) => findBirthDates(x, o, NOW), t).length, 0, t);
    assert.equal(run((x, o) => findBirthDates(x, o, NOW), '昭和60年4月1日')[0]?.masked, '昭和**年**月**日');
    assert.equal(run((x, o) => findBirthDates(x, o, NOW), '1985/04/01')[0]?.masked, '****-**-**');
  });

  test('context decides: 生年月日 raises; 入社日, 実施, 現在 do not; 8 digits only with context', () => {
    assert.equal(count(classify(['生年月日: 1985/04/01']), 'birth_date', 'high'), 1);
    assert.equal(count(classify(['1985/04/01']), 'birth_date', 'low'), 1);
    assert.equal(count(classify(['生年月日: 1985/04/01 入社日: 2010/04/01']), 'birth_date', 'high'), 1);
    assert.equal(count(classify(['生年月日 1985/04/01、2023年8月4日実施の健康診断']), 'birth_date', 'high'), 1);
    assert.equal(count(classify(['1985年4月1日生まれ']), 'birth_date', 'high'), 1);
    assert.equal(count(classify([{ text: '19850401', field: '生年月日', row: 0 }]), 'birth_date', 'high'), 1);
    assert.equal(count(classify(['19850401']), 'birth_date'), 0);
  });
});

describe('person_name', () => {
  test('fields that name a person, and fields that do not', () => {
    for (const f of ['氏名', '名前', 'お名前', 'フリガナ', '姓', '名', 'name', 'full_name', 'lastName', 'first_name', '社員名', '契約者名', '口座名義', 'customerName', '氏名（カナ）']) assert.notEqual(nameField(f), null, f);
    for (const f of ['会社名', '銀行名', '支店名', '商品名', 'ファイル名', 'user_name', 'username', 'company_name', 'file_name', '法人名', '病名', '番号', 'id']) assert.equal(nameField(f), null, f);
    assert.equal(nameField('フリガナ'), 'kana');
    assert.equal(nameField('name_kana'), 'kana');
  });

  test('name-like values', () => {
    for (const v of ['山田 太郎', 'ヤマダ タロウ', '佐々木　花子', 'Taro Yamada', "O'Brien", 'さくら']) assert.equal(isNameLike(v), true, v);
    for (const v of ['', 'なし', '不明', 'N/A', '山田1', 'taro@example.jp', '-', 'ー']) assert.equal(isNameLike(v), false, v);
  });

  test('under a name header: high, masked to the first character', () => {
    const p = classify([{ text: '山田 太郎', field: '氏名', row: 0 }]);
    assert.equal(count(p, 'person_name', 'high'), 1);
    assert.deepEqual(p.detections.find((d) => d.type === 'person_name')?.masked, ['山***']);
    assert.equal(count(classify([{ text: '株式会社サンプル', field: '会社名', row: 0 }]), 'person_name'), 0);
  });

  test('in free text, only after a label; bare names are not detected', () => {
    const t = normalizeText('氏名：山田 太郎 生年月日：1985年4月1日');
    const f: Found[] = [];
    findLabelledNames(t, f);
    assert.deepEqual(f.map((x) => t.slice(x.start, x.end)), ['山田 太郎']);
    assert.equal(count(classify(['山田太郎様、いつもありがとうございます']), 'person_name'), 0);
  });

  test('a headerless column of names written with a space is a name column', () => {
    const names = ['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健'];
    const p = classify(names.map((text, row) => ({ text, row, column: 0 })));
    assert.equal(count(p, 'person_name', 'high'), 5);
    const depts = ['営業部 第一課', '総務部 人事課', '開発部 基盤課', '営業部 第二課'];
    assert.equal(count(classify(depts.map((text, row) => ({ text, row, column: 0 }))), 'person_name'), 0);
  });
});

describe('sensitive_health and sensitive_crime', () => {
  test('fields naming health or criminal-record data', () => {
    for (const f of ['既往歴', '健診結果', '健康診断結果', '病名', '血圧', 'medical_history', 'diagnosis', '障害', '障害の有無']) assert.equal(sensitiveField(f)?.type, 'sensitive_health', f);
    for (const f of ['犯罪歴', '前科・前歴', 'criminal_record']) assert.equal(sensitiveField(f)?.type, 'sensitive_crime', f);
    for (const f of ['障害対応', '障害ID', '備考', '氏名', 'submit']) assert.equal(sensitiveField(f), null, f);
  });

  test('vocabulary in text; システム障害 is not health', () => {
    const words = (t: string): string[] => values((x, o) => findSensitiveWords(x, o), t);
    assert.deepEqual(words('既往歴：高血圧'), ['既往歴', '高血圧']);
    assert.deepEqual(words('システム障害が発生し、障害対応チームが復旧'), []);
    assert.deepEqual(words('身体障害者手帳'), ['身体障害']);
    assert.deepEqual(words('逮捕歴なし、前科なし'), ['逮捕', '前科']);
    assert.deepEqual(words('Please submit the form'), []);
  });

  test('structured: a non-empty cell under a health column is high, an empty placeholder is nothing', () => {
    const p = classify([
      { text: '社員A', field: '社員番号', row: 0 },
      { text: 'なし', field: '既往歴', row: 0 },
      { text: '-', field: '既往歴', row: 1 },
      { text: '128/82', field: '血圧', row: 1 },
    ]);
    assert.equal(count(p, 'sensitive_health', 'high'), 2);
    assert.deepEqual(p.detections.find((d) => d.type === 'sensitive_health')?.masked, ['既往歴: ***', '血圧: ***']);
  });

  test('free text: high near a person identifier, low without (a notice)', () => {
    assert.equal(count(classify(['氏名：山田 太郎', '健康診断の結果、要再検査']), 'sensitive_health', 'high'), 2);
    assert.equal(count(classify(['定期健康診断を4月に実施します']), 'sensitive_health', 'low'), 1);
    assert.equal(count(classify(['定期健康診断を4月に実施します']), 'sensitive_health', 'high'), 0);
    assert.deepEqual(classify(['定期健康診断を4月に実施します']).classes, []);
  });
});

describe('id_document_image', () => {
  test('images and PDFs named as identity documents', () => {
    assert.equal(idDocumentOf('hr/123/マイナンバーカード_表.jpg')?.kind, 'my_number_card');
    assert.equal(idDocumentOf('scans/運転免許証.png')?.kind, 'drivers_license');
    assert.equal(idDocumentOf('uploads/juminhyo.pdf')?.kind, 'residence_record');
    assert.equal(idDocumentOf('2024/健康診断結果.pdf')?.kind, 'health_check');
    assert.equal(idDocumentOf('保険証コピー.HEIC')?.kind, 'health_insurance_card');
    assert.equal(idDocumentOf('passport_scan.jpeg')?.kind, 'passport');
    assert.equal(idDocumentOf('user/my_number.png')?.kind, 'my_number_card');
    assert.equal(idDocumentOf('license.jpg')?.kind, 'drivers_license');
    assert.equal(idDocumentOf('ｍｙ＿ｎｕｍｂｅｒ.png')?.kind, 'my_number_card');
  });

  test('near misses: other extensions, software licences, unrelated names', () => {
    assert.equal(idDocumentOf('マイナンバーカード.txt'), null);
    assert.equal(idDocumentOf('LICENSE.pdf'), null);
    assert.equal(idDocumentOf('photos/cat.jpg'), null);
    assert.equal(idDocumentOf('passport'), null);
  });
});
