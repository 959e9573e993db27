// Privacy: no raw value from the fixtures appears in a FileProfile, a DataProfile, a detection event, or the
// Classifier's own state between pushes — neither as written nor as its bare digits.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { Classifier, classifyFileName, PersonLedger, profileResource } from '../../src/data/detect/classifier.js';
import type { Segment } from '../../src/data/types.js';

const RAW = {
  myNumber: '1234 5678 9018',
  myNumber2: '987654321001',
  card: '4539-1488-0343-6467',
  amex: '3782 822463 10013',
  phone: '090-1234-5678',
  landline: '(03)9876-5432',
  email: 'taro.yamada@example.co.jp',
  name: '山田 太郎',
  kana: 'ヤマダ タロウ',
  latinName: 'Hanako Sato',
  address: '東京都千代田区丸の内1-2-3 サンハイツ101',
  postal: '100-0005',
  birth: '1985/04/01',
  eraBirth: '昭和60年4月1日',
  account: '7654321',
  license: '301234567890',
  passport: 'TK7654321',
  residence: 'AB12345678CD',
  pension: '1234-567890',
  history: '高血圧で通院中',
  crime: '2015年 窃盗で執行猶予',
};

function fixtures(): { path: string; segments: Segment[] }[] {
  const header = ['氏名', 'フリガナ', '生年月日', '住所', '郵便番号', '電話番号', 'メールアドレス', 'マイナンバー', 'カード番号', '口座番号', '運転免許証番号', 'パスポート番号', '在留カード番号', '基礎年金番号', '既往歴', '犯罪歴'];
  const row = [RAW.name, RAW.kana, RAW.birth, RAW.address, RAW.postal, RAW.phone, RAW.email, RAW.myNumber, RAW.card, RAW.account, RAW.license, RAW.passport, RAW.residence, RAW.pension, RAW.history, RAW.crime];
  const csv: Segment[] = row.map((text, j) => ({ text, field: header[j] ?? '', row: 0, column: j }));
  const json: Segment[] = [
    { text: RAW.latinName, field: 'full_name', row: 0 },
    { text: RAW.myNumber2, field: 'my_number', row: 0 },
    { text: RAW.amex, field: 'card_number', row: 0 },
    { text: RAW.landline, field: 'tel', row: 0 },
  ];
  const text: Segment[] = [
    { text: `氏名：${RAW.name}\n生年月日：${RAW.eraBirth}\n住所：〒${RAW.postal} ${RAW.address}\n` },
    { text: `電話：${RAW.phone}、メール：${RAW.email}\n個人番号：${RAW.myNumber}\nカード番号 ${RAW.card}\n` },
    { text: `振込先：みずほ銀行 新宿支店 普通 ${RAW.account}\n既往歴：${RAW.history}\n前科：${RAW.crime}\n` },
  ];
  return [
    { path: 'hr/employees.csv', segments: csv },
    { path: 'api/people.json', segments: json },
    { path: 'docs/shain.txt', segments: text },
  ];
}

/** Every raw value, as written and as its bare digits / letters (when long enough to mean something). */
function forbidden(): string[] {
  const out = new Set<string>();
  for (const v of Object.values(RAW)) {
    out.add(v);
    const digits = v.replace(/[^0-9]/g, '');
    if (digits.length >= 5) out.add(digits);
    const alnum = v.replace(/[^0-9A-Za-z]/g, '');
    if (alnum.length >= 6) out.add(alnum);
  }
  // name parts and the local part of the e-mail address
  for (const part of [...RAW.name.split(' '), ...RAW.kana.split(' '), ...RAW.latinName.split(' '), 'taro.yamada', '丸の内', 'サンハイツ']) out.add(part);
  return [...out];
}

function assertClean(label: string, text: string): void {
  for (const f of forbidden()) assert.ok(!text.includes(f), `${label} contains ${JSON.stringify(f)}`);
}

describe('privacy: no raw value leaves the Classifier', () => {
  test('FileProfile, DataProfile and detection events hold no raw value or its digits', () => {
    const ledger = new PersonLedger();
    const events: unknown[] = [];
    const profiles = fixtures().map(({ path, segments }) => {
      const c = new Classifier({ path, encoding: 'utf-8', format: 'x', ledger, onDetection: (e) => events.push(e) });
      for (const s of segments) c.push(s);
      return c.finish();
    });
    profiles.push(classifyFileName('scans/マイナンバーカード.jpg', { ledger }));
    const resource = profileResource(profiles, { objectsListed: 10, listingComplete: true, skipped: [], ledger });
    // the fixtures were found (so the test is not vacuous) …
    const types = new Set(profiles.flatMap((p) => p.detections.filter((d) => d.confidence === 'high').map((d) => d.type)));
    for (const t of ['my_number', 'credit_card', 'phone', 'email', 'person_name', 'postal_address', 'birth_date', 'bank_account', 'drivers_license', 'passport', 'residence_card', 'pension_insurance', 'sensitive_health', 'sensitive_crime', 'id_document_image'] as const) {
      assert.ok(types.has(t), `${t} not detected`);
    }
    // … and nothing raw is in what comes out
    assertClean('FileProfile', JSON.stringify(profiles));
    assertClean('DataProfile', JSON.stringify(resource));
    assertClean('events', JSON.stringify(events));
  });

  test('between pushes the Classifier keeps no raw value (inspected state)', () => {
    for (const { path, segments } of fixtures()) {
      const c = new Classifier({ path, encoding: 'utf-8', format: 'x' });
      for (const s of segments) {
        c.push(s);
        assertClean(`state after a push of ${path}`, inspect(c, { depth: Infinity, maxArrayLength: Infinity, maxStringLength: Infinity }));
      }
      c.finish();
      assertClean(`state after finish of ${path}`, inspect(c, { depth: Infinity, maxArrayLength: Infinity, maxStringLength: Infinity }));
    }
  });

  test('masked examples show at most the last 4 digits of a number', () => {
    const c = new Classifier({ path: 'x', encoding: 'utf-8', format: 'x' });
    for (const s of fixtures()[0]?.segments ?? []) c.push(s);
    for (const d of c.finish().detections) {
      for (const m of d.masked) assert.ok(m.replace(/[^0-9]/g, '').length <= 4, `${d.type}: ${m}`);
    }
  });
});
