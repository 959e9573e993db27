// Duty refs per resource (APPI.md table): the findings' duties, plus APPI-26, MNA-29-4, APPI-25, GL-10-7 (with the
// country) and GL-10-5-4 where the assessment adds them, each with its Japanese name; and the assessment block
// as a whole (not-legal-advice statement, reportable ids, notes).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assess, NOT_LEGAL_ADVICE } from '../../reports/appi/assessment.js';
import { DUTIES } from '../../reports/appi/duties.js';
import { countryOfLocation, storageLocation } from '../../reports/appi/regions.js';
import type { DutyCitation, ResourceAssessment } from '../../reports/appi/types.js';
import { runChecks } from '../../checks/index.js';
import type { DutyId, Resource } from '../../src/model.js';
import { LIST_GRANT, principal, resource, withData } from '../fixtures/appi-resources.js';

const OPTS = { scannedAt: '2026-11-30T00:00:00.000Z' };

function one(r: Resource, withFindings = true): ResourceAssessment {
  const a = assess([r], withFindings ? runChecks([r]) : [], OPTS);
  const p = a.perResource[0];
  assert.ok(p);
  return p;
}

function ref(p: ResourceAssessment, id: DutyId): DutyCitation | undefined {
  return p.dutyRefs.find((d) => d.id === id);
}

describe('duties of the findings', () => {
  test('every duty the findings cite, with their ids and the Japanese name', () => {
    const r = resource();
    const findings = runChecks([r]);
    const p = one(r);
    const cited = new Set(findings.flatMap((f) => f.duties));
    assert.deepEqual(new Set(p.dutyRefs.filter((d) => d.findingIds.length > 0).map((d) => d.id)), cited);
    const access = ref(p, 'GL-10-6-1');
    assert.deepEqual(access?.findingIds, findings.filter((f) => f.duties.includes('GL-10-6-1')).map((f) => f.id));
    assert.equal(access?.ja, '通則ガイドライン10-6(1) アクセス制御');
    assert.equal(access?.en, DUTIES['GL-10-6-1'].name.en);
    assert.equal(access?.reason, undefined, 'findings only: no assessment reason');
  });

  test('in the order of the APPI.md table; duties lists the same ids', () => {
    const p = one(withData({ detections: [['my_number', 'high', 3]] }, (r) => {
      r.region = 'us-east-1';
      r.lifecycle = false;
      r.externalPrincipals = [principal('arn:aws:iam::444455556666:root', '444455556666')];
    }));
    const order = Object.keys(DUTIES);
    assert.deepEqual(p.duties, p.dutyRefs.map((d) => d.id));
    assert.deepEqual([...p.duties].sort((a, b) => order.indexOf(a) - order.indexOf(b)), p.duties);
    for (const id of ['APPI-26', 'MNA-29-4', 'APPI-25', 'GL-10-7', 'GL-10-5-4'] as const) assert.ok(p.duties.includes(id), id);
  });
});

describe('duties the assessment adds', () => {
  test('APPI-26: personal data readable by anyone — and only then', () => {
    assert.match(ref(one(withData({}), false), 'APPI-26')?.reason?.ja ?? '', /個人データ（サンプリングで検出）を含むリソースを誰でも読み取れる状態です/);
    assert.equal(ref(one(resource(), false), 'APPI-26'), undefined, 'not sampled, not tagged');
    assert.equal(ref(one(withData({ detections: [['corporate_number', 'high', 1]] }), false), 'APPI-26'), undefined, 'no personal data');
    const closed = withData({}, (r) => (r.exposure = { read: false, list: false, write: false, aclWrite: false, evidence: [] }));
    assert.equal(ref(one(closed, false), 'APPI-26'), undefined, 'not exposed');
  });

  test('APPI-26 for list-only exposure too (the keys), and from the owner\'s tag without a sample', () => {
    const listOnly = withData({}, (r) => (r.exposure = { read: false, list: true, write: false, aclWrite: false, evidence: [LIST_GRANT] }));
    assert.match(ref(one(listOnly, false), 'APPI-26')?.reason?.en ?? '', /Anyone can list \(its keys\) a resource with personal data/);
    const tagged = resource((r) => (r.tags = { 'data-class': 'personal' }));
    assert.match(ref(one(tagged, false), 'APPI-26')?.reason?.ja ?? '', /タグ data-class=personal/);
  });

  test('MNA-29-4: My Numbers readable by anyone; not for list-only', () => {
    assert.ok(ref(one(withData({ detections: [['my_number', 'high', 1]] }), false), 'MNA-29-4'));
    const listOnly = withData({ detections: [['my_number', 'high', 1]] }, (r) => (r.exposure = { read: false, list: true, write: false, aclWrite: false, evidence: [LIST_GRANT] }));
    assert.equal(ref(one(listOnly, false), 'MNA-29-4'), undefined);
  });

  test('APPI-25: an external principal can read a personal-data resource (beside the finding\'s own citation)', () => {
    const r = withData({}, (x) => {
      x.exposure = { read: false, list: false, write: false, aclWrite: false, evidence: [] };
      x.externalPrincipals = [principal('arn:aws:iam::444455556666:root', '444455556666')];
    });
    const d = ref(one(r), 'APPI-25');
    assert.deepEqual(d?.findingIds, ['external-principal-read:arn:aws:s3:::kumo-hr:arn:aws:iam::444455556666:root']);
    assert.match(d?.reason?.en ?? '', /External principal\(s\) \(arn:aws:iam::444455556666:root\)/);
  });

  test('GL-10-7: outside Japan, naming the country', () => {
    const cases: [Resource['provider'], string | null, string[] | undefined, string | null][] = [
      ['aws', 'us-east-1', undefined, 'us-east-1（米国）'],
      ['aws', 'eu-west-1', undefined, 'eu-west-1（アイルランド）'],
      ['aws', 'ap-northeast-1', undefined, null],
      ['aws', 'ap-northeast-3', undefined, null],
      ['azure', 'japaneast', undefined, null],
      ['azure', 'japanwest', undefined, null],
      ['azure', 'westeurope', undefined, 'westeurope（オランダ）'],
      ['gcp', 'asia-northeast1', undefined, null],
      ['gcp', 'asia-northeast2', undefined, null],
      ['gcp', 'asia1', undefined, null],
      ['gcp', 'asia', undefined, 'asia（アジアの複数の国・地域'],
      ['gcp', 'asia-northeast1', ['asia-northeast1', 'asia-southeast1'], 'asia-southeast1（シンガポール）'],
      ['aws', 'jp-west-9', undefined, 'jp-west-9（国・地域は kumoscan の表にありません'],
      ['aws', null, undefined, null],
    ];
    for (const [provider, region, dataLocations, expected] of cases) {
      const p = one(withData({}, (r) => {
        r.provider = provider;
        r.region = region;
        if (dataLocations) r.dataLocations = dataLocations;
      }), false);
      const d = ref(p, 'GL-10-7');
      if (expected === null) assert.equal(d, undefined, `${provider} ${region}`);
      else assert.ok(d?.reason?.ja.includes(expected), `${provider} ${region}: ${d?.reason?.ja}`);
    }
    assert.match(ref(one(withData({}, (r) => (r.region = 'us-east-1')), false), 'GL-10-7')?.reason?.en ?? '', /stored outside Japan: us-east-1 \(United States\)/);
  });

  test('GL-10-7 only with personal data', () => {
    assert.equal(ref(one(resource((r) => (r.region = 'us-east-1')), false), 'GL-10-7'), undefined);
  });

  test('region helpers', () => {
    assert.deepEqual(storageLocation({ provider: 'aws', region: 'ap-northeast-1' }), { inJapan: true, abroad: [] });
    assert.deepEqual(storageLocation({ provider: 'aws', region: null }), { inJapan: null, abroad: [] });
    assert.equal(countryOfLocation('aws', 'us-gov-west-1')?.en, 'United States');
    assert.equal(countryOfLocation('azure', 'Japan East'), undefined);
    assert.deepEqual(storageLocation({ provider: 'azure', region: 'Japan East' }), { inJapan: true, abroad: [] });
  });

  test('GL-10-5-4: no lifecycle on a personal-data resource; not when unknown or absent (Azure)', () => {
    assert.ok(ref(one(withData({}, (r) => (r.lifecycle = false)), false), 'GL-10-5-4'));
    assert.equal(ref(one(withData({}, (r) => (r.lifecycle = null)), false), 'GL-10-5-4'), undefined);
    assert.equal(ref(one(withData({}, (r) => delete r.lifecycle), false), 'GL-10-5-4'), undefined);
    assert.equal(ref(one(resource((r) => (r.lifecycle = false)), false), 'GL-10-5-4'), undefined, 'no personal data');
  });
});

describe('the assessment block', () => {
  const hr = withData({ detections: [['sensitive_health', 'high', 3]] });
  const names = withData({}, (r) => {
    r.id = 'arn:aws:s3:::names';
    r.name = 'names';
    r.logging = true;
  });
  const unsampled = resource((r) => {
    r.id = 'arn:aws:s3:::unsampled';
    r.name = 'unsampled';
  });
  const a = assess([hr, names, unsampled], [], OPTS);

  test('"not legal advice" in both languages, at the top and in every per-resource block', () => {
    assert.deepEqual(a.notLegalAdvice, { ja: '本評価は法的助言ではなく、判断材料です。', en: NOT_LEGAL_ADVICE.en });
    for (const p of a.perResource) assert.deepEqual(p.notLegalAdvice, NOT_LEGAL_ADVICE);
    assert.match(a.framing.ja, /Q&A 7-53/);
  });

  test('reportable: likely and review (and the My Number Act); unlikely and unsampled are not', () => {
    assert.deepEqual(a.reportable, ['arn:aws:s3:::kumo-hr']);
    assert.deepEqual(a.perResource.map((p) => p.reportability?.result ?? null), ['likely', 'unlikely', null]);
    assert.deepEqual(a.perResource.map((p) => p.personalData), [true, true, null]);
  });

  test('notes say what was estimated and why not', () => {
    assert.match(a.perResource[0]?.note.en ?? '', /Reportability estimate: likely reportable/);
    assert.match(a.perResource[1]?.note.ja ?? '', /報告対象の可能性は低い。ただし個人データの漏えい等として是正が必要です/);
    assert.match(a.perResource[2]?.note.en ?? '', /no sampling/);
    const unknown = assess([withData({}, (r) => (r.exposure = { read: null, list: null, write: null, aclWrite: null, evidence: [] }))], [], OPTS);
    assert.equal(unknown.perResource[0]?.reportability, null);
    assert.match(unknown.perResource[0]?.note.en ?? '', /could not be verified/);
  });
});
