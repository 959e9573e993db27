// The draft of the PPC report (規則第8条第1項, items 1–9): every item present with its title, pre-filled from the
// scan, and explicit TODOs (【要記入】 / TODO:) exactly where the scan cannot know.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assess } from '../../reports/appi/assessment.js';
import { PPC_ITEM_TITLES } from '../../reports/appi/ppc-draft.js';
import type { PpcDraftItem } from '../../reports/appi/types.js';
import { runChecks } from '../../checks/index.js';
import type { Resource } from '../../src/model.js';
import { LIST_GRANT, principal, withData } from '../fixtures/appi-resources.js';

const SCANNED = '2026-11-30T15:30:00.000Z';

function draftOf(r: Resource, opts: { discoveredAt?: string; entrustees?: { id: string; name: string; contract: string }[] } = {}): PpcDraftItem[] {
  const a = assess([r], runChecks([r]), { scannedAt: SCANNED, ...opts });
  const d = a.perResource[0]?.ppcDraft;
  assert.ok(d, 'a draft');
  return d;
}

function item(d: PpcDraftItem[], no: PpcDraftItem['no']): PpcDraftItem {
  const it = d.find((x) => x.no === no);
  assert.ok(it, `item ${no}`);
  return it;
}

/** The HR case: My Numbers and health data of 1,500 persons, public read, logging off, provider-side encryption. */
const HR = withData({ detections: [['my_number', 'high', 1500], ['sensitive_health', 'high', 1500], ['person_name', 'high', 1500], ['postal_address', 'high', 1500], ['phone', 'low', 2]], low: 1500 }, (r) => {
  r.exposure.list = true;
  r.exposure.evidence.push(LIST_GRANT);
  r.versioning = false;
});

describe('items 1–9', () => {
  const d = draftOf(HR);

  test('all nine, in order, with the titles of 規則第8条第1項', () => {
    assert.deepEqual(d.map((x) => x.no), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(
      d.map((x) => x.title.ja),
      ['概要', '漏えい等が発生し、又は発生したおそれがある個人データの項目', '漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数', '原因', '二次被害又はそのおそれの有無及びその内容', '本人への対応の実施状況', '公表の実施状況', '再発防止のための措置', 'その他参考となる事項'],
    );
    assert.deepEqual(d.map((x) => x.title), d.map((x) => PPC_ITEM_TITLES[x.no]));
  });

  test('TODOs exactly for 5, 6 and 7 here (9 has nothing to ask: full sample, no external party)', () => {
    assert.deepEqual(d.filter((x) => x.todo).map((x) => x.no), [5, 6, 7]);
  });

  test('an item carries the TODO marker in both languages if and only if it is a TODO', () => {
    for (const x of d) {
      assert.equal(x.content.ja.includes('【要記入】'), x.todo, `item ${x.no} ja`);
      assert.equal(x.content.en.includes('TODO:'), x.todo, `item ${x.no} en`);
    }
  });

  test('1 概要: the storage, the exposure and its evidence, the scan and the day of knowing', () => {
    const c = item(d, 1).content;
    assert.match(c.ja, /^Amazon S3 バケット「kumo-hr」（アカウント: 111122223333、リージョン: ap-northeast-1）が、設定の誤りにより、インターネット上の誰でも中身を読み取れる状態でした/);
    assert.match(c.ja, /bucket-policy Sid "PublicRead"（読み取り）、bucket-acl Grant AllUsers READ（一覧の取得）/);
    assert.match(c.en, /bucket-policy Sid "PublicRead" \(read\), bucket-acl Grant AllUsers READ \(list\)/);
    assert.match(c.ja, /2026-12-01 00:30 JST.*2026-12-01 を事態を知った日/);
    assert.match(c.en, /GL 3-5-1-1/);
  });

  test('2 項目: the detected types and classes; low-confidence matches apart', () => {
    const c = item(d, 2).content;
    assert.match(c.ja, /^個人番号（マイナンバー）、健康診断の結果・病歴等（要配慮個人情報）、氏名、住所（区分: 特定個人情報、要配慮個人情報、個人情報）。/);
    assert.match(c.ja, /低い確度の一致: 電話番号/);
  });

  test('3 本人の数: the estimate with its basis; the declared count when there is one', () => {
    assert.match(item(d, 3).content.ja, /^1,500人（推定。根拠: 一覧のすべてのオブジェクトをサンプル: 1オブジェクト。サンプル中の本人 1,500人）/);
    const declared = draftOf(withData({ detections: [['sensitive_health', 'high', 60]], low: 60, high: 80, declared: 1500 }));
    assert.match(item(declared, 3).content.ja, /^1,500人（申告値）。参考: サンプルからの推定 60〜80人/);
    assert.match(item(declared, 3).content.en, /^1,500 persons \(declared\)/);
  });

  test('4 原因: the granting settings and the findings (public ACL + policy)', () => {
    const c = item(d, 4).content;
    assert.match(c.ja, /設定の誤り（誰でも読み取れるアクセス設定: bucket-policy Sid "PublicRead"（読み取り）、bucket-acl Grant AllUsers READ（一覧の取得））/);
    assert.match(c.ja, /関連する設定上の問題: .*バケット内のオブジェクトを誰でも読み取れる/);
    assert.match(c.en, /Anyone can read objects in the bucket/);
  });

  test('5 二次被害: log pointers only, then the TODO', () => {
    const c = item(d, 5).content;
    assert.match(c.ja, /S3 サーバーアクセスログは無効でした。CloudTrail の S3 データイベント/);
    assert.match(c.ja, /【要記入】二次被害/);
    const logged = draftOf(withData({ detections: [['sensitive_health', 'high', 3]] }, (r) => (r.logging = true)));
    assert.match(item(logged, 5).content.en, /Check the S3 server access logs/);
  });

  test('6 本人への対応 and 7 公表: TODOs', () => {
    assert.match(item(d, 6).content.ja, /^【要記入】本人への通知（法第26条第2項）/);
    assert.match(item(d, 7).content.ja, /^【要記入】公表の実施状況/);
  });

  test('8 再発防止: from the remediations of the findings', () => {
    const c = item(d, 8).content;
    assert.match(c.ja, /^誰でも読み取れる設定を直ちに解除しました/);
    assert.match(c.ja, /・バケット内のオブジェクトを誰でも読み取れる: /);
    assert.match(c.ja, /ブロックパブリックアクセスの4項目をすべて有効にしてください/);
    assert.doesNotMatch(c.ja + c.en, /`|<bucket>|aws s3api/, 'the draft for the PPC carries prose, not shell commands');
    assert.match(c.en, /- Versioning is off: Enable versioning/);
  });

  test('8 再発防止: the "make it private" paragraph the exposure checks share appears once, each check keeps its own first step', () => {
    const c = item(d, 8).content;
    const count = (text: string, part: string): number => text.split(part).length - 1;
    assert.equal(count(c.ja, 'バケットとアカウントの両方でブロックパブリックアクセスの4項目をすべて有効にしてください'), 1);
    assert.equal(count(c.en, 'Turn on all four Block Public Access flags on both the bucket and the account'), 1);
    assert.equal(count(c.ja, 'CloudFront のオリジンアクセスコントロール（OAC）経由で配信してください'), 1);
    assert.match(c.ja, /・バケット内のオブジェクト一覧を誰でも取得できる: 詳細に示した根拠（誰にでもオブジェクト一覧の取得を許可している設定）を削除してください。\n/);
    assert.match(c.en, /- Anyone can list the objects in the bucket: Remove what the detail names as evidence \(the settings that let anyone list objects\)\.\n/);
  });

  test('9 その他: the My Number Act', () => {
    assert.match(item(d, 9).content.ja, /番号法第29条の4に基づく報告も必要です/);
  });
});

describe('item 9 as needed', () => {
  test('a partial sample and an undeclared external principal are TODOs; a declared entrustee is stated', () => {
    const r = withData({ detections: [['sensitive_health', 'high', 3]], objects: 2, listed: 40 }, (x) => {
      x.externalPrincipals = [principal('arn:aws:iam::444455556666:role/payroll-export', '444455556666'), principal('arn:aws:iam::777788889999:root', '777788889999')];
    });
    const nine = item(draftOf(r, { entrustees: [{ id: '444455556666', name: 'Kyuyo Payroll Co.', contract: 'CTR-2024-017' }] }), 9);
    assert.equal(nine.todo, true);
    assert.match(nine.content.ja, /委託先 Kyuyo Payroll Co.（arn:aws:iam::444455556666:role\/payroll-export、委託契約: CTR-2024-017）/);
    assert.match(nine.content.ja, /【要記入】外部の主体 arn:aws:iam::777788889999:root との関係（委託か、第三者提供か）/);
    assert.match(nine.content.ja, /【要記入】サンプル外のオブジェクトの内容/);
  });

  test('nothing to add: 特になし, no TODO', () => {
    const nine = item(draftOf(withData({ detections: [['sensitive_health', 'high', 3]] })), 9);
    assert.deepEqual([nine.todo, nine.content.ja, nine.content.en], [false, '特になし。', 'None.']);
  });
});

describe('list-only exposure', () => {
  test('the summary and the cause speak of listing', () => {
    const r = withData({ detections: [['credit_card', 'high', 3]] }, (x) => {
      x.exposure = { read: false, list: true, write: false, aclWrite: false, evidence: [LIST_GRANT] };
    });
    const d = draftOf(r);
    assert.match(item(d, 1).content.ja, /誰でもオブジェクトの一覧（キー）を取得できる状態/);
    assert.match(item(d, 4).content.en, /lets anyone list the objects/);
    assert.match(item(d, 8).content.ja, /^誰でも一覧を取得できる設定を直ちに解除しました/);
  });
});

test('no draft for an unlikely estimate without My Numbers', () => {
  const a = assess([withData({}, (r) => (r.logging = true))], [], { scannedAt: SCANNED });
  assert.equal(a.perResource[0]?.ppcDraft, null);
});

test('a draft when only the My Number Act applies (unlikely under the APPI categories)', () => {
  const a = assess([withData({ detections: [['my_number', 'high', 1]], low: 1 }, (r) => (r.logging = true))], [], { scannedAt: SCANNED });
  const p = a.perResource[0];
  assert.equal(p?.reportability?.result, 'unlikely');
  assert.equal(p?.ppcDraft?.length, 9);
  assert.equal(p?.deadlines?.final.days, 30);
  assert.deepEqual(a.reportable, ['arn:aws:s3:::kumo-hr']);
});
