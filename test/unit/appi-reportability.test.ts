// Breach reportability (法第26条, 規則第7条; APPI.md): every category alone and in combination, access logging
// on/off/unknown, declared counts both ways, list-only exposure, the exemption wording and the My Number Act.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessReportability, exposureKind, resultOf } from '../../reports/appi/reportability.js';
import type { CategoryEstimate, Reportability } from '../../reports/appi/types.js';
import { LIST_GRANT, profile, resource, withData } from '../fixtures/appi-resources.js';

function rep(r: Parameters<typeof assessReportability>[0], clientSideEncrypted?: boolean): Reportability {
  const out = assessReportability(r, clientSideEncrypted === undefined ? {} : { clientSideEncrypted });
  assert.ok(out, 'a reportability estimate');
  return out;
}

function applies(r: Reportability): CategoryEstimate['applies'][] {
  return r.categories.map((c) => c.applies);
}

function reason(r: Reportability, category: 1 | 2 | 3 | 4): { ja: string; en: string } {
  const c = r.categories.find((x) => x.category === category);
  assert.ok(c);
  return c.reason;
}

/** Logging on: category 3 is false ("check the logs"), so the other categories decide alone. */
function logged(spec: Parameters<typeof withData>[0]) {
  return withData(spec, (r) => (r.logging = true));
}

describe('when reportability is estimated', () => {
  test('not for a private resource, an unverified exposure, an unsampled one, or a sample without personal data', () => {
    assert.equal(assessReportability(withData({}, (r) => (r.exposure = { read: false, list: false, write: false, aclWrite: false, evidence: [] }))), null);
    assert.equal(assessReportability(withData({}, (r) => (r.exposure = { read: null, list: null, write: null, aclWrite: null, evidence: [] }))), null);
    assert.equal(assessReportability(resource()), null);
    assert.equal(assessReportability(withData({ detections: [['corporate_number', 'high', 3]] })), null);
  });

  test('read beats list: read true is "read", list true alone is "list-only"', () => {
    assert.equal(exposureKind(resource()), 'read');
    assert.equal(exposureKind(resource((r) => (r.exposure = { read: false, list: true, write: false, aclWrite: false, evidence: [LIST_GRANT] }))), 'list-only');
    assert.equal(exposureKind(resource((r) => (r.exposure = { read: null, list: true, write: false, aclWrite: false, evidence: [LIST_GRANT] }))), 'list-only');
    assert.equal(exposureKind(resource((r) => (r.exposure = { read: null, list: false, write: false, aclWrite: false, evidence: [] }))), undefined);
  });

  test('always four categories, 1 to 4 in order', () => {
    assert.deepEqual(rep(withData({})).categories.map((c) => c.category), [1, 2, 3, 4]);
  });
});

describe('each category alone (logging on unless category 3 is the one)', () => {
  test('category 1: a sensitive detector fired with high confidence -> likely', () => {
    const r = rep(logged({ detections: [['sensitive_health', 'high', 12], ['person_name', 'high', 12]] }));
    assert.deepEqual(applies(r), [true, false, false, false]);
    assert.equal(r.result, 'likely');
    assert.match(reason(r, 1).ja, /要配慮個人情報が高い確度で検出されました: 健康診断の結果・病歴等（要配慮個人情報） 12件（1オブジェクト）/);
    assert.match(reason(r, 1).en, /要配慮個人情報 \(special care-required personal information\) was detected with high confidence/);
  });

  test('category 1: criminal records count too', () => {
    assert.deepEqual(applies(rep(logged({ detections: [['sensitive_crime', 'high', 2]] }))), [true, false, false, false]);
  });

  test('category 1: a health record named by an image file name (class sensitive) counts', () => {
    const r = rep(logged({ detections: [['id_document_image', 'high', 1]], extraClasses: ['sensitive'] }));
    assert.equal(r.categories[0]?.applies, true);
    assert.match(reason(r, 1).en, /images of health records/);
  });

  test('category 1: a low-confidence sensitive match alone does not apply, and the reason says to check it', () => {
    const r = rep(logged({ detections: [['sensitive_health', 'low', 3], ['person_name', 'high', 3]] }));
    assert.deepEqual(applies(r), [false, false, false, false]);
    assert.equal(r.result, 'unlikely');
    assert.match(reason(r, 1).ja, /低い確度の一致があります/);
    assert.match(reason(r, 1).en, /low-confidence matches/);
  });

  test('category 2: a valid credit card number (high confidence) -> likely, with the masked example only', () => {
    const r = rep(logged({ detections: [['credit_card', 'high', 5], ['person_name', 'high', 5]] }));
    assert.deepEqual(applies(r), [false, true, false, false]);
    assert.equal(r.result, 'likely');
    assert.match(reason(r, 2).ja, /有効なクレジットカード番号が高い確度で5件見つかりました（例: \*\*\*\*-\*\*\*\*-\*\*\*\*-1111）/);
    assert.match(reason(r, 2).en, /5 valid credit card numbers were found with high confidence/);
  });

  test('category 2: bank account numbers alone do not apply; credentials are said to be undetected', () => {
    const r = rep(logged({ detections: [['bank_account', 'high', 5], ['person_name', 'high', 5]] }));
    assert.equal(r.categories[1]?.applies, false);
    assert.match(reason(r, 2).ja, /口座番号だけでは通常該当しません/);
    assert.match(reason(r, 2).en, /Online-banking credentials are not detected/);
  });

  test('category 3, logging off: cannot be ruled out (null) -> review', () => {
    const r = rep(withData({}, (x) => (x.logging = false)));
    assert.deepEqual(applies(r), [false, false, null, false]);
    assert.equal(r.result, 'review');
    assert.match(reason(r, 3).ja, /^否定できません: アクセスログが無効だったため/);
    assert.match(reason(r, 3).en, /^Cannot be ruled out: access logging was off/);
  });

  test('category 3, logging unknown: cannot be ruled out (null) -> review', () => {
    const r = rep(withData({}, (x) => (x.logging = null)));
    assert.deepEqual(applies(r), [false, false, null, false]);
    assert.equal(r.result, 'review');
    assert.match(reason(r, 3).en, /could not be determined/);
  });

  test('category 3, logging on: false, and the reason says to check the logs -> unlikely', () => {
    const r = rep(logged({}));
    assert.deepEqual(applies(r), [false, false, false, false]);
    assert.equal(r.result, 'unlikely');
    assert.match(reason(r, 3).ja, /アクセスログは有効です。.*ログで、所有者以外のアクセス.*確認してください/);
    assert.match(reason(r, 3).en, /check the logs/);
  });

  test('category 4: the lower bound of the estimate exceeds 1,000 -> likely', () => {
    const r = rep(logged({ low: 1001, high: 1400 }));
    assert.deepEqual(applies(r), [false, false, false, true]);
    assert.equal(r.result, 'likely');
    assert.match(reason(r, 4).ja, /1,001〜1,400人/);
  });

  test('category 4: exactly 1,000 is not "more than 1,000"', () => {
    assert.equal(rep(logged({ low: 1000 })).categories[3]?.applies, false);
  });

  test('category 4: an upper bound over 1,000 with a lower bound under it does not apply, and asks for --declare', () => {
    const r = rep(logged({ low: 600, high: 1500, basis: 'low: 600 distinct persons in 2 sampled object(s), de-duplicated across objects (what the sample proves); high: 300 distinct persons per sampled object × 5 objects listed' }));
    assert.equal(r.categories[3]?.applies, false);
    assert.match(reason(r, 4).en, /declare it with --declare/);
    assert.match(reason(r, 4).ja, /（下限: サンプル 2オブジェクト中の本人 600人（オブジェクト間で重複を除去）（サンプルで確認できた数）。上限: サンプル1オブジェクトあたり 300人 × 一覧のオブジェクト 5個）/);
    assert.match(reason(r, 4).en, /low: 600 distinct persons in 2 sampled object\(s\)/);
  });
});

describe('declared counts override the estimate both ways', () => {
  test('declared 1,500 with an estimate of 60 -> category 4 applies', () => {
    const r = rep(logged({ low: 60, declared: 1500 }));
    assert.equal(r.categories[3]?.applies, true);
    assert.equal(r.result, 'likely');
    assert.match(reason(r, 4).ja, /申告された本人の数は1,500人です/);
    assert.match(reason(r, 4).en, /estimated from the sample: 60 persons/);
  });

  test('declared 800 with an estimate of at least 1,500 -> category 4 does not apply', () => {
    const r = rep(logged({ low: 1500, declared: 800 }));
    assert.equal(r.categories[3]?.applies, false);
    assert.equal(r.result, 'unlikely');
    assert.match(reason(r, 4).en, /declared number of persons is 800 .*does not apply/);
  });
});

describe('categories in combination', () => {
  test('the HR case: health data and My Numbers for 60 persons, logging off -> 1 and 3 -> likely', () => {
    const r = rep(withData({ detections: [['my_number', 'high', 60], ['sensitive_health', 'high', 60], ['person_name', 'high', 60]], low: 60 }));
    assert.deepEqual(applies(r), [true, false, null, false]);
    assert.equal(r.result, 'likely');
    assert.equal(r.myNumberAct.applies, true);
  });

  test('all four: sensitive, credit cards, logging off, 1,500 persons -> likely', () => {
    const r = rep(withData({ detections: [['sensitive_health', 'high', 1500], ['credit_card', 'high', 1500]], low: 1500 }));
    assert.deepEqual(applies(r), [true, true, null, true]);
    assert.equal(r.result, 'likely');
  });

  test('2 and 4 with logging on -> likely', () => {
    assert.deepEqual(applies(rep(logged({ detections: [['credit_card', 'high', 2000]], low: 2000 }))), [false, true, false, true]);
  });

  test('none (names only, few persons, logging on) -> unlikely', () => {
    assert.equal(rep(logged({})).result, 'unlikely');
  });

  test('resultOf: likely beats review; review needs a null; exempt-candidate beats all', () => {
    const c = (a: CategoryEstimate['applies'][]): CategoryEstimate[] => a.map((applies, i) => ({ category: (i + 1) as 1 | 2 | 3 | 4, applies, reason: { ja: 'x', en: 'x' } }));
    assert.equal(resultOf(c([false, false, null, true]), false), 'likely');
    assert.equal(resultOf(c([false, false, true, false]), false), 'review'); // category 3 alone (e.g. the logs showed it) is review
    assert.equal(resultOf(c([null, false, false, false]), false), 'review');
    assert.equal(resultOf(c([false, false, false, false]), false), 'unlikely');
    assert.equal(resultOf(c([true, true, null, true]), true), 'exempt-candidate');
  });
});

describe('list-only exposure: keys alone may be personal data', () => {
  function listOnly(spec: Parameters<typeof withData>[0], logging: boolean | null) {
    return withData(spec, (r) => {
      r.exposure = { read: false, list: true, write: false, aclWrite: false, evidence: [LIST_GRANT] };
      r.logging = logging;
    });
  }

  test('what the contents meet cannot be ruled out for the keys (null) -> review, never likely', () => {
    const r = rep(listOnly({ detections: [['sensitive_health', 'high', 1500], ['credit_card', 'high', 3]], low: 1500 }, true));
    assert.deepEqual(applies(r), [null, null, false, null]);
    assert.equal(r.result, 'review');
    for (const n of [1, 2, 4] as const) {
      assert.match(reason(r, n).ja, /一覧（オブジェクトのキー）だけが誰でも取得でき/);
      assert.match(reason(r, n).en, /check the keys/);
    }
  });

  test('what the contents do not meet stays false; logging on -> unlikely', () => {
    const r = rep(listOnly({}, true));
    assert.deepEqual(applies(r), [false, false, false, false]);
    assert.equal(r.result, 'unlikely');
  });

  test('logging off -> category 3 cannot be ruled out -> review; the reason speaks of listing', () => {
    const r = rep(listOnly({}, false));
    assert.deepEqual(applies(r), [false, false, null, false]);
    assert.match(reason(r, 3).en, /who listed the data/);
  });

  test('list true with read unverified: estimated as list-only, the reasons say reading could not be verified', () => {
    const r = rep(withData({ detections: [['sensitive_health', 'high', 3]] }, (x) => (x.exposure = { read: null, list: true, write: false, aclWrite: false, evidence: [LIST_GRANT] })));
    assert.deepEqual(applies(r), [null, false, null, false]);
    assert.match(reason(r, 1).en, /^The listing \(object keys\) is open to anyone; whether the contents are could not be verified/);
  });

  test('My Numbers in the contents: the Act flag stays false and says to check the keys', () => {
    const r = rep(listOnly({ detections: [['my_number', 'high', 5]] }, true));
    assert.equal(r.myNumberAct.applies, false);
    assert.match(r.myNumberAct.reason.ja, /キー（ファイル名）に個人番号が含まれる場合は、番号法第29条の4/);
  });
});

describe('the My Number Act (番号法第29条の4)', () => {
  test('any high-confidence My Number in a resource anyone can read, whatever the count (1 person)', () => {
    const r = rep(logged({ detections: [['my_number', 'high', 1]], low: 1 }));
    assert.equal(r.myNumberAct.applies, true);
    assert.equal(r.result, 'unlikely'); // APPI categories alone: none — the Act applies regardless
    assert.match(r.myNumberAct.reason.ja, /不特定多数の者が閲覧できる状態.*件数にかかわらず番号法第29条の4/);
    assert.match(r.myNumberAct.reason.en, /My Number Act Art\. 29-4.*whatever the count/);
  });

  test('a low-confidence My Number alone: no', () => {
    const r = rep(logged({ detections: [['my_number', 'low', 4], ['person_name', 'high', 4]] }));
    assert.equal(r.myNumberAct.applies, false);
  });

  test('a My Number card image (class 特定個人情報 from the file name): yes', () => {
    const r = rep(logged({ detections: [['id_document_image', 'high', 1]], extraClasses: ['specific_personal_information'] }));
    assert.equal(r.myNumberAct.applies, true);
    assert.match(r.myNumberAct.reason.en, /images of My Number cards/);
  });
});

describe('the exemption (高度な暗号化)', () => {
  test('provider-side encryption never exempts a public resource, and the text says why', () => {
    for (const atRest of ['provider-managed', 'customer-managed', 'none', null] as const) {
      const r = rep(withData({ detections: [['sensitive_health', 'high', 3]] }, (x) => (x.encryption = { atRest })));
      assert.equal(r.result, 'likely');
      assert.match(r.exemption.ja, /プロバイダー側の暗号化（SSE-S3／SSE-KMS、Google 管理の鍵、Microsoft 管理の鍵、CMK を含む）は、誰でも読み取れるリソースでは除外事由/);
      assert.match(r.exemption.en, /does not qualify for the exemption .* an anonymous read is decrypted for the reader/);
      assert.match(r.exemption.en, /Only objects encrypted before upload \(client-side\)/);
    }
  });

  test('the resource\'s own setting is named', () => {
    assert.match(rep(withData({}, (x) => (x.encryption = { atRest: 'customer-managed', key: 'arn:aws:kms:…' }))).exemption.en, /customer-managed key \(CMK\)/);
    assert.match(rep(withData({})).exemption.ja, /プロバイダー管理の鍵による暗号化/);
  });

  test('exempt-candidate only when every object is said to be client-side encrypted; a scan never says so', () => {
    const r = withData({ detections: [['sensitive_health', 'high', 3]], low: 2000 });
    assert.equal(rep(r).result, 'likely');
    const exempt = rep(r, true);
    assert.equal(exempt.result, 'exempt-candidate');
    assert.match(exempt.exemption.en, /the exemption may apply: confirm the algorithm and the key management/);
    assert.deepEqual(applies(exempt), [true, false, null, true], 'the categories are still shown');
  });
});

test('profile() builds what sampling builds: low confidence never sets a class', () => {
  assert.deepEqual(profile({ detections: [['sensitive_health', 'low', 3]] }).classes, []);
});
