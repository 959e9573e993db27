// Precision and persons (issue 12, item 5): numbers in source code, dates labelled as other events, N people in one
// document, labelled names in free text, headerless name columns written without a space, 8-digit birth dates under
// a birth-date header, and ID images known by name only. Each case next to the real data that must stay found.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { myNumberCheckDigit } from '../../src/data/detect/check-digits.js';
import { Classifier, classifyFileName, PersonLedger } from '../../src/data/detect/classifier.js';
import { findLabelledNames, findNameShaped } from '../../src/data/detect/person-name.js';
import { commonSurnameAt, COMMON_SURNAMES } from '../../src/data/detect/surnames.js';
import { dateLabelTarget } from '../../src/data/detect/birth-date.js';
import { isSourcePath, onAssignmentLine } from '../../src/data/detect/source-code.js';
import type { Found } from '../../src/data/detect/found.js';
import type { Confidence, DetectorId, FileProfile, Segment } from '../../src/data/types.js';

const NOW = new Date(Date.UTC(2026, 10, 22));

function myNumber(n: number): string {
  const body = String(10000000000 + n * 7919).slice(0, 11);
  return body + String(myNumberCheckDigit(body));
}

function classify(path: string, segments: Segment[], ledger?: PersonLedger): FileProfile {
  const c = new Classifier({ path, encoding: 'utf-8', format: path.endsWith('.csv') ? 'csv' : 'text', now: NOW, ...(ledger ? { ledger } : {}) });
  for (const s of segments) c.push(s);
  return c.finish();
}

const text = (path: string, t: string, ledger?: PersonLedger): FileProfile => classify(path, [{ text: t }], ledger);

function table(header: string[] | null, rows: string[][]): Segment[] {
  const out: Segment[] = [];
  if (header) for (const h of header) out.push({ text: h });
  rows.forEach((r, row) => r.forEach((t, column) => t !== '' && out.push({ text: t, row, column, ...(header ? { field: header[column] ?? '' } : {}) })));
  return out;
}

function count(p: FileProfile, type: DetectorId, confidence?: Confidence): number {
  return p.detections.filter((d) => d.type === type && (confidence === undefined || d.confidence === confidence)).reduce((a, d) => a + d.count, 0);
}

const CONSTANTS = Array.from({ length: 6 }, (_, i) => `PRODUCT_CODE_${'ABCDEF'[i] ?? 'A'} = ${myNumber(i + 1)}`).join('\n');
const PYTHON = `"""Product catalogue.

These codes are not 個人番号 (My Number): see hr/mynumber.py for that.
"""
import enum

${CONSTANTS}


def lookup(code: int) -> str:
    return str(code)
`;

describe('numbers in source code near a mention of 個人番号', () => {
  test('six product-code constants with valid check digits in a .py file are low at most', () => {
    const p = text('src/catalogue.py', PYTHON);
    assert.equal(count(p, 'my_number', 'high'), 0);
    assert.equal(count(p, 'my_number', 'low'), 6);
    assert.equal(p.persons.distinct, 0);
    assert.deepEqual(p.classes, []);
  });

  test('the same constants by content shape: a .txt, TypeScript and Java assignments', () => {
    assert.equal(count(text('notes.txt', PYTHON), 'my_number', 'high'), 0, 'assignment lines in a text file');
    const ts = `// 個人番号のテスト用定数ではない\n${Array.from({ length: 6 }, (_, i) => `export const CODE_${i}: number = ${myNumber(i + 1)};`).join('\n')}\n`;
    assert.equal(count(text('codes.txt', ts), 'my_number', 'high'), 0);
    const java = `/** 個人番号とは無関係の品番 */\npublic class Codes {\n${Array.from({ length: 6 }, (_, i) => `  public static final long CODE_${i} = ${myNumber(i + 1)};`).join('\n')}\n}\n`;
    assert.equal(count(text('Codes.java', java), 'my_number', 'high'), 0);
    // content shape alone (three lines of code), values not on an assignment line: a list literal
    const list = `# 個人番号ではない\nimport os\nfrom x import y\ndef f():\n    return [\n${Array.from({ length: 6 }, (_, i) => `        ${myNumber(i + 1)},`).join('\n')}\n    ]\n`;
    assert.equal(count(text('codes.dat', list), 'my_number', 'high'), 0);
  });

  test('a label naming the type still raises a value in source code', () => {
    const p = text('fixtures.py', `# 個人番号\nMY_NUMBER = "${myNumber(9)}"\nrecord = {"my_number": "${myNumber(10)}"}\n`);
    assert.equal(count(p, 'my_number', 'high'), 2);
  });

  test('real data stays high: a CSV under a マイナンバー header, a letter with 個人番号: 1234 5678 9018', () => {
    const csv = classify('employees.csv', table(['マイナンバー', '氏名'], [[myNumber(1), '山田 太郎'], [myNumber(2), '佐藤 花子']]));
    assert.equal(count(csv, 'my_number', 'high'), 2);
    const letter = text('letter.txt', '拝啓\n下記の通りご連絡します。\n個人番号: 1234 5678 9018\n敬具\n');
    assert.equal(count(letter, 'my_number', 'high'), 1);
    const windowed = text('memo.txt', `マイナンバー提出のお願い\n下記の番号を登録しました。\n${myNumber(3)}\n`);
    assert.equal(count(windowed, 'my_number', 'high'), 1, 'the window still raises a number in prose');
  });

  test('helpers: source extensions, assignment lines', () => {
    assert.ok(isSourcePath('a/b.py') && isSourcePath('x.tsx') && isSourcePath('Main.java') && isSourcePath('main.go'));
    assert.ok(!isSourcePath('dump.sql') && !isSourcePath('data.csv') && !isSourcePath('a.txt') && !isSourcePath('conf.yaml'));
    const line = (s: string): boolean => onAssignmentLine(s, s.length);
    assert.ok(line('PRODUCT_CODE_A = ') && line('  const limit: number = ') && line('x := ') && line("'code' => ") && line('static final long X = '));
    assert.ok(!line('個人番号: ') && !line('Phone: ') && !line('マイナンバー ') && !line('my number is '));
  });
});

describe('dates labelled as another event are not birth dates', () => {
  test('free text: 提出日 2024年4月1日 on a form with 生年月日', () => {
    const p = text('form.txt', '提出日 2024年4月1日\n氏名: 山田 太郎\n生年月日: 1985年4月12日\n記入日：2024/04/02\n有効期限 2030年3月31日\n');
    assert.equal(count(p, 'birth_date', 'high'), 1);
  });

  test('every such label, in free text next to 生年月日', () => {
    for (const label of ['提出日', '作成日', '記入日', '入社日', '発行日', '交付日', '受診日', '有効期限', '作成年月日', '交付年月日', '申請日', '届出日', '契約日']) {
      const p = text('f.txt', `生年月日: 1985年4月12日\n${label} 1999年4月1日`);
      assert.equal(count(p, 'birth_date', 'high'), 1, label);
    }
  });

  test('tables: columns under 提出日 / 記入日 / 入社日 are not raised by a 生年月日 header', () => {
    const rows = [
      ['山田 太郎', '1985/04/12', '2024/04/01', '2024/04/01', '2010/04/01'],
      ['佐藤 花子', '1990/05/02', '2024/04/02', '2024/04/02', '2012/04/01'],
      ['鈴木 一郎', '1970/01/03', '2024/04/03', '2024/04/03', '1995/04/01'],
    ];
    const p = classify('staff.csv', table(['氏名', '生年月日', '提出日', '記入日', '入社日'], rows));
    assert.equal(count(p, 'birth_date', 'high'), 3);
  });

  test('生年月日 and its kin stay birth dates', () => {
    assert.equal(dateLabelTarget('生年月日 '), 'birth_date');
    assert.equal(dateLabelTarget('Date of birth: '), 'birth_date');
    assert.equal(dateLabelTarget('提出日 '), 'other');
    assert.equal(dateLabelTarget('交付年月日：'), 'other');
    assert.equal(dateLabelTarget('有効期限'), 'other');
    assert.equal(dateLabelTarget('hired_on'), 'other');
    assert.equal(dateLabelTarget('備考 '), null);
    const p = text('f.txt', '提出日 2024年4月1日\n生年月日 1985年4月12日\n誕生日：1990/05/02');
    assert.equal(count(p, 'birth_date', 'high'), 2);
  });
});

const PEOPLE: readonly (readonly [string, string])[] = [
  ['山田 太郎', '1985年4月12日'],
  ['佐藤 花子', '1990年5月2日'],
  ['鈴木 一郎', '1970年1月3日'],
  ['高橋 美咲', '1988年8月8日'],
  ['田中 大輔', '1979年3月14日'],
  ['伊藤 陽子', '1965年12月1日'],
];

function healthCheck(): string {
  const out = ['健康診断結果通知 ○○クリニック TEL 03-1234-5678', ''];
  for (const [n, b] of PEOPLE) out.push(`氏名: ${n}`, `生年月日: ${b}`, '受診日: 2024年6月3日', '身長 170cm 体重 65kg 血圧 120/80', '');
  return out.join('\n');
}

describe('a document with N people counts N', () => {
  test('a health-check text with 6 blocks 氏名 / 生年月日 / 受診日 → 6 persons', () => {
    const p = text('kenshin.txt', healthCheck());
    assert.equal(count(p, 'person_name', 'high'), 6);
    assert.equal(count(p, 'birth_date', 'high'), 6);
    assert.equal(p.persons.distinct, 6);
    assert.match(p.persons.basis, /6 labelled person\(s\) de-duplicated by name\+birth_date \(6\)/);
  });

  test('the same sheet as PDF-like lines (one segment per line) counts the same', () => {
    const p = classify('kenshin.pdf', healthCheck().split('\n').map((t) => ({ text: t })));
    assert.equal(p.persons.distinct, 6);
  });

  test('a payslip with one employee (氏名 + 社員番号 + 支給額) → 1 person', () => {
    for (const slip of ['給与明細書 2024年4月分\n氏名 山田 太郎 様\n社員番号 E0012\n支給額 350,000円\n', '給与明細書\n社員番号: 10012\n氏名: 山田太郎\n総支給額: 350,000円\n']) {
      const p = text('payslip.txt', slip);
      assert.equal(count(p, 'person_name', 'high'), 1, slip);
      assert.equal(p.persons.distinct, 1, slip);
    }
  });

  test('the same person twice, and one block per person only: a second My Number is someone else', () => {
    const twice = text('a.txt', `氏名: 山田 太郎\n個人番号: ${myNumber(1)}\n\n氏名: 山田 太郎\n個人番号: ${myNumber(1)}\n`);
    assert.equal(twice.persons.distinct, 1);
    const thread = text('thread.txt', `お名前: 山田 太郎\nメール: a@example.jp\n> From: b@example.jp\n> From: c@example.jp\n> From: d@example.jp\n`);
    assert.equal(thread.persons.distinct, 3, 'the free-text count (3 more addresses) wins over 1 block');
  });

  test('a kana reading next to the kanji name is the same person', () => {
    const p = text('f.txt', '氏名: 山田 太郎\nフリガナ: ヤマダ タロウ\n電話: 090-1234-5678\n\nフリガナ: サトウ ハナコ\n氏名: 佐藤 花子\n');
    assert.equal(p.persons.distinct, 2);
  });

  test('blocks use the person keys of rows: a letter and a CSV of the same person count once', () => {
    const ledger = new PersonLedger();
    classify('staff.csv', table(['氏名', '電話番号'], [['山田 太郎', '090-1234-5678'], ['佐藤 花子', '090-2222-3333']]), ledger);
    text('letter.txt', 'お名前: 山田 太郎\n電話番号: 090-1234-5678\n', ledger);
    assert.equal(ledger.size, 2);
  });
});

describe('labelled names in free text', () => {
  const names = (t: string): string[] => {
    const out: Found[] = [];
    findLabelledNames(t, out);
    return out.map((f) => t.slice(f.start, f.end));
  };

  test('氏名, お名前, 受診者, 従業員名, 被保険者氏名, with a colon or spaces', () => {
    assert.deepEqual(names('受診者: 山田 太郎'), ['山田 太郎']);
    assert.deepEqual(names('受診者氏名 佐藤花子 様'), ['佐藤花子']);
    assert.deepEqual(names('従業員名 鈴木 一郎'), ['鈴木 一郎']);
    assert.deepEqual(names('被保険者氏名\t高橋 美咲'), ['高橋 美咲']);
    assert.deepEqual(names('お名前　田中大輔'), ['田中大輔']);
    assert.deepEqual(names('氏名 伊藤 陽子  生年月日 1965年12月1日'), ['伊藤 陽子']);
  });

  test('running text after a label word is not a name', () => {
    assert.deepEqual(names('氏名 及び 住所を記入してください'), []);
    assert.deepEqual(names('氏名 を記入'), []);
    assert.deepEqual(names('従業員名 一覧'), []);
  });

  test('a labelled name is a person_name detection and a person with its block', () => {
    const p = text('memo.txt', '面談記録\n従業員名 鈴木 一郎\n生年月日 1970年1月3日\n');
    assert.equal(count(p, 'person_name', 'high'), 1);
    assert.equal(p.persons.distinct, 1);
    assert.match(p.persons.basis, /name\+birth_date/);
  });
});

describe('headerless kanji name columns with mixed spacing', () => {
  const rows = [
    ['山田 太郎', '営業部', '2020/04/01'],
    ['佐藤　花子', '総務部', '2019/04/01'],
    ['鈴木一郎', '開発部', '2018/04/01'],
    ['高橋美咲', '営業部', '2017/04/01'],
    ['田中 大輔', '総務部', '2016/04/01'],
    ['渡辺健', '開発部', '2015/04/01'],
    ['勅使河原武', '開発部', '2014/04/01'],
    ['阿部 充', '総務部', '2013/04/01'],
  ];

  test('names with a space, a full-width space or none are one name column', () => {
    const p = classify('staff.csv', table(null, rows));
    assert.equal(count(p, 'person_name', 'high'), rows.length);
    assert.equal(p.persons.distinct, rows.length);
  });

  test('a column of unspaced names only (most start with a common family name)', () => {
    const only = ['鈴木一郎', '高橋美咲', '佐々木健太', '中村由美', '小林誠', '加藤はな'].map((n) => [n, '正社員']);
    assert.equal(count(classify('x.csv', table(null, only)), 'person_name', 'high'), only.length);
  });

  test('not names: prefectures, departments, banks, places, words of a surname and one more character', () => {
    const columns = [
      ['千葉県', '福島県', '山口県', '宮崎県', '石川県'],
      ['営業部', '総務部', '開発部', '人事部', '経理課'],
      ['千葉銀行', '福岡銀行', '静岡銀行', '横浜銀行', '千葉銀行'],
      ['東口', '西口', '南口', '東口', '西口'],
      ['森林', '原料', '林業', '関税', '岡山'],
      ['高血圧', '糖尿病', '異常なし', '要経過観察', '高血圧'],
    ];
    for (const col of columns) {
      const p = classify('x.csv', table(null, col.map((v) => [v, '1'])));
      assert.equal(count(p, 'person_name'), 0, col.join(','));
    }
  });

  test('the surname list and the cell shape', () => {
    assert.ok(COMMON_SURNAMES >= 300);
    assert.equal(commonSurnameAt('佐々木健太'), 3);
    assert.equal(commonSurnameAt('鈴木一郎'), 2);
    assert.equal(commonSurnameAt('林健一'), 1);
    assert.equal(commonSurnameAt('鈴木'), 0);
    assert.equal(commonSurnameAt('勅使河原武'), 0);
    const shaped = (v: string): Found | undefined => {
      const out: Found[] = [];
      findNameShaped(v, out);
      return out[0];
    };
    assert.equal(shaped('鈴木一郎')?.column, undefined, 'a full hit');
    assert.equal(shaped('勅使河原武')?.column, 'weak');
    assert.equal(shaped('千葉県'), undefined);
  });
});

describe('YYYYMMDD under a birth-date header', () => {
  const dates = ['19850412', '19900502', '19700103', '20010228'];

  test('is a strong birth date under 生年月日, birth_date, DOB (and a person key with the name)', () => {
    for (const header of ['生年月日', 'birth_date', 'DOB', 'dateOfBirth', '生年月日(YYYYMMDD)']) {
      const p = classify('x.csv', table(['氏名', header], dates.map((d, i) => [['山田 太郎', '佐藤 花子', '鈴木 一郎', '高橋 美咲'][i] ?? '', d])));
      assert.equal(count(p, 'birth_date', 'high'), dates.length, header);
      assert.match(p.persons.basis, /name\+birth_date \(4\)/, header);
    }
  });

  test('only valid calendar dates in a plausible range', () => {
    const p = classify('x.csv', table(['生年月日'], [['19850230'], ['18500101'], ['20300101'], ['19851301'], ['19850412']]));
    assert.equal(count(p, 'birth_date'), 1);
  });

  test('without the header an 8-digit date is not a birth date', () => {
    const p = classify('x.csv', table(['注文日'], dates.map((d) => [d])));
    assert.equal(count(p, 'birth_date'), 0);
  });
});

describe('ID images known by name only', () => {
  test('three ID-card images next to an export of employees add no person', () => {
    const ledger = new PersonLedger();
    const rows = Array.from({ length: 30 }, (_, i) => [myNumber(i + 1), `user${i}@example.jp`]);
    classify('employees.csv', table(['マイナンバー', 'メール'], rows), ledger);
    for (let i = 0; i < 3; i++) {
      const p = classifyFileName(`id-cards/E10000${i}_マイナンバーカード.jpg`, { ledger });
      assert.equal(count(p, 'id_document_image', 'high'), 1, 'the detection stays');
      assert.equal(p.persons.distinct, 0);
    }
    assert.equal(ledger.size, 30);
  });
});
