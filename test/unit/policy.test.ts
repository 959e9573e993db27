// The configuration's policy as pure functions: globs, severity overrides, suppressions (expiry counted in
// Asia/Tokyo), inventory declarations, entrustee globs, and the whole of it through scan() on a snapshot.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding, Resource } from '../../src/model.js';
import { globMatcher, matchesAny } from '../../reports/policy/glob.js';
import { applySeverityOverrides } from '../../reports/policy/severity.js';
import { applySuppressions, isExpired } from '../../reports/policy/suppress.js';
import { applyInventory, unusedInventory } from '../../reports/policy/inventory.js';
import { matchEntrustee } from '../../reports/appi/entrustment.js';
import { scan } from '../../src/scan.js';
import { packagePath } from '../../src/package-info.js';
import type { Policy, Suppression } from '../../reports/policy/types.js';
import { assertValidReport } from '../helpers/schema.js';
import { unsampledExample } from '../helpers/unsampled-example.js';

const SNAPSHOT = packagePath('examples', 'aws-hr-system.snapshot.json');
const EMPLOYEES = 'arn:aws:s3:::hr-system-employees';

function finding(checkId: string, resourceId: string, severity: Finding['severity'] = 'medium'): Finding {
  return { id: `${checkId}:${resourceId}`, checkId, severity, resourceId, provider: 'aws', title: { ja: 't', en: 't' }, detail: { ja: 'd', en: 'd' }, duties: ['APPI-23'], evidence: [], remediation: { ja: 'r', en: 'r' } };
}

function suppression(over: Partial<Suppression> = {}): Suppression {
  return { field: 'suppressions[0]', check: 'versioning-off', resources: ['hr-*'], reason: 'scratch data', expires: '2026-11-22', ...over };
}

describe('globs', () => {
  test('* spans / and :, ? is one character, the rest is literal and whole', () => {
    assert.equal(globMatcher('arn:aws:s3:::hr-*')('arn:aws:s3:::hr-system/x'), true);
    assert.equal(globMatcher('hr-?')('hr-1'), true);
    assert.equal(globMatcher('hr-?')('hr-12'), false);
    assert.equal(globMatcher('hr.data')('hrxdata'), false);
    assert.equal(globMatcher('hr')('hr-system'), false);
    assert.equal(globMatcher('HR-*')('hr-x'), false);
    assert.equal(globMatcher('HR-*', { ignoreCase: true })('hr-x'), true);
    assert.equal(matchesAny(['a', 'b*'], ['x', 'bee']), true);
  });
});

describe('severity overrides', () => {
  test('change the severity and keep the original; an unchanged severity gets no originalSeverity', () => {
    const out = applySeverityOverrides([finding('public-read', 'b', 'critical'), finding('versioning-off', 'b', 'medium')], { 'public-read': 'low', 'versioning-off': 'medium' });
    assert.equal(out[0]?.severity, 'low');
    assert.equal(out[0]?.originalSeverity, 'critical');
    assert.equal(out[1]?.severity, 'medium');
    assert.equal('originalSeverity' in (out[1] ?? {}), false);
  });
});

describe('suppressions', () => {
  const names = new Map([[EMPLOYEES, 'hr-system-employees']]);
  const f = finding('versioning-off', EMPLOYEES);

  test('expired only after the expiry date', () => {
    assert.equal(isExpired({ expires: '2026-11-22' }, '2026-11-21'), false);
    assert.equal(isExpired({ expires: '2026-11-22' }, '2026-11-22'), false);
    assert.equal(isExpired({ expires: '2026-11-22' }, '2026-11-23'), true);
  });

  test('a pattern on the resource name moves the finding to suppressed', () => {
    const out = applySuppressions([f, finding('public-read', EMPLOYEES)], [suppression()], '2026-11-22', names);
    assert.deepEqual(out.findings.map((x) => x.checkId), ['public-read']);
    assert.deepEqual(out.suppressed, [{ finding: f, reason: 'scratch data', expires: '2026-11-22', suppression: 'suppressions[0]' }]);
    assert.deepEqual(out.expired, []);
    assert.deepEqual(out.warnings, []);
  });

  test('a pattern on the resource id works too; another check is left alone', () => {
    const out = applySuppressions([f], [suppression({ resources: ['arn:aws:s3:::hr-system-*'] }), suppression({ field: 'suppressions[1]', check: 'public-read' })], '2026-11-22', names);
    assert.equal(out.suppressed.length, 1);
    assert.deepEqual(out.warnings.map((w) => [w.field, w.code]), [['suppressions[1]', 'suppression-unused']]);
  });

  test('an expired suppression keeps the finding and adds suppression-expired', () => {
    const out = applySuppressions([f], [suppression()], '2026-11-23', names);
    assert.deepEqual(out.findings, [f]);
    assert.deepEqual(out.suppressed, []);
    assert.deepEqual(out.expired, [
      {
        id: `suppression-expired:${EMPLOYEES}:versioning-off`,
        checkId: 'suppression-expired',
        severity: 'low',
        resourceId: EMPLOYEES,
        provider: 'aws',
        title: { ja: '抑制の有効期限切れ', en: 'Suppression expired' },
        detail: {
          ja: `チェック「versioning-off」の hr-system-employees (${EMPLOYEES}) に対する抑制（suppressions[0]、理由: scratch data）は 2026-11-22 で有効期限が切れました。元の指摘を改めて報告しています。`,
          en: `The suppression of check "versioning-off" on hr-system-employees (${EMPLOYEES}) (suppressions[0], reason: scratch data) expired on 2026-11-22; the original finding is reported again.`,
        },
        duties: ['APPI-23'],
        evidence: [{ effect: 'info', source: 'configuration', ref: 'suppressions[0]', message: 'suppression of versioning-off expired 2026-11-22: scratch data', messageJa: 'versioning-off の抑制は 2026-11-22 に期限切れ: scratch data' }],
        remediation: {
          ja: '元の指摘を是正して抑制を削除するか、リスクを改めて評価したうえで理由（reason）と有効期限（expires）を更新してください。',
          en: 'Fix the original finding and remove the suppression, or review the risk again and renew its reason and expiry date.',
        },
      },
    ]);
    assert.deepEqual(out.warnings, []);
  });

  test('the first active suppression wins over an expired one', () => {
    const out = applySuppressions([f], [suppression({ expires: '2020-01-01' }), suppression({ field: 'suppressions[1]', expires: '2099-01-01' })], '2026-11-23', names);
    assert.equal(out.suppressed[0]?.suppression, 'suppressions[1]');
    assert.deepEqual(out.expired, []);
  });

  test('an expired suppression that matches nothing is only a warning', () => {
    const out = applySuppressions([], [suppression({ expires: '2020-01-01' })], '2026-11-23', names);
    assert.deepEqual(out.expired, []);
    assert.deepEqual(out.warnings, [
      {
        field: 'suppressions[0]',
        code: 'suppression-unused',
        message: {
          ja: 'suppressions[0]（チェック versioning-off、対象 hr-*、2020-01-01 に期限切れ）に一致する指摘はありませんでした。是正済みであれば削除してください。',
          en: 'suppressions[0] (check versioning-off, resources hr-*, expired 2020-01-01) matched no finding; remove it if the issue is fixed.',
        },
      },
    ]);
  });
});

describe('inventory declarations', () => {
  const bucket = { id: EMPLOYEES, name: 'hr-system-employees', errors: [] } as unknown as Resource;

  test('an unsampled bucket gets a declared-only profile', () => {
    const r = applyInventory(bucket, [{ field: 'inventory[0]', buckets: ['hr-*'], categories: ['my_number', 'person_name'], persons: 1500 }, { field: 'inventory[1]', buckets: ['*-employees'], categories: ['person_name', 'email'], persons: 3 }]);
    assert.deepEqual(r.data, {
      sampled: { objects: 0, bytes: 0, skipped: [] },
      objectsListed: 0,
      listingComplete: false,
      personalData: true,
      classes: [],
      detections: [],
      persons: { sampled: 0, estimate: { low: 0, high: 0, basis: 'not sampled' }, declared: 1500, over1000: true },
      examples: [],
      declared: { categories: ['my_number', 'person_name', 'email'], by: ['inventory[0]', 'inventory[1]'] },
    });
  });

  test('a --declare count for the bucket wins over the inventory persons; no match leaves the resource as it was', () => {
    const r = applyInventory(bucket, [{ field: 'inventory[0]', buckets: ['hr-*'], categories: ['person_name'], persons: 1500 }], 20);
    assert.equal(r.data?.persons.declared, 20);
    assert.equal(r.data?.persons.over1000, false);
    assert.equal(applyInventory(bucket, [{ field: 'inventory[0]', buckets: ['payroll-*'], categories: ['person_name'] }]), bucket);
    assert.deepEqual(unusedInventory([bucket], [{ field: 'inventory[0]', buckets: ['payroll-*'], categories: ['person_name'] }]).map((w) => w.code), ['inventory-unused']);
  });
});

describe('entrustee globs', () => {
  const principal = { id: 'arn:aws:iam::444455556666:role/payroll-export', kind: 'aws-iam', account: '444455556666', capabilities: ['read'], conditional: false, evidence: 'x' } as const;
  test('a glob on the principal id, the account or the e-mail domain; exact ids as before', () => {
    const e = (id: string) => ({ id, name: 'Payroll Co.', contract: 'CTR-1' });
    assert.equal(matchEntrustee({ ...principal, capabilities: ['read'] }, [e('arn:aws:iam::444455556666:role/payroll-*')])?.name, 'Payroll Co.');
    assert.equal(matchEntrustee({ ...principal, capabilities: ['read'] }, [e('4444*')])?.name, 'Payroll Co.');
    assert.equal(matchEntrustee({ ...principal, capabilities: ['read'] }, [e('arn:aws:iam::444455556666:role/hr-*')]), undefined);
    assert.equal(matchEntrustee({ ...principal, id: 'user:alice@bpo.example.jp', account: null, capabilities: ['read'] }, [e('*.example.jp')])?.name, 'Payroll Co.');
    assert.equal(matchEntrustee({ ...principal, capabilities: ['read'] }, [e('444455556666')])?.name, 'Payroll Co.');
  });
});

describe('the policy through scan() on a snapshot, with a fixed clock', () => {
  const policy: Policy = { suppressions: [{ field: 'suppressions[0]', check: 'public-read', resources: ['hr-system-employees'], reason: 'press kit bucket', expires: '2026-11-22' }] };
  const run = (iso: string) => scan({ input: SNAPSHOT, bucketFilter: ['hr-system-employees'], failOn: 'critical', policy, now: () => new Date(iso) });

  test('the day before and the day of the expiry date (Asia/Tokyo): suppressed, exit 0', async () => {
    for (const iso of ['2026-11-21T03:00:00Z', '2026-11-22T03:00:00Z', '2026-11-22T14:59:59Z']) {
      const { report, exitCode } = await run(iso);
      assert.equal(exitCode, 0, iso);
      assert.deepEqual(report.suppressed?.map((s) => s.finding.id), [`public-read:${EMPLOYEES}`], iso);
      assert.equal(report.findings.some((f) => f.checkId === 'public-read' || f.checkId === 'suppression-expired'), false, iso);
      assert.equal(report.summary.findings.critical, 0, iso);
      assertValidReport(JSON.parse(JSON.stringify(report)));
    }
  });

  test('the day after (2026-11-22T15:00Z is already the 23rd in Tokyo): reported again with suppression-expired, exit 1', async () => {
    for (const iso of ['2026-11-22T15:00:00Z', '2026-11-23T03:00:00Z']) {
      const { report, exitCode } = await run(iso);
      assert.equal(exitCode, 1, iso);
      assert.deepEqual(report.suppressed, [], iso);
      assert.deepEqual(report.findings.filter((f) => f.checkId === 'public-read' || f.checkId === 'suppression-expired').map((f) => [f.id, f.severity]), [
        [`public-read:${EMPLOYEES}`, 'critical'],
        [`suppression-expired:${EMPLOYEES}:public-read`, 'low'],
      ]);
      assert.equal(report.summary.findings.critical, 1);
      assertValidReport(JSON.parse(JSON.stringify(report)));
    }
  });

  test('an override of suppression-expired applies to it', async () => {
    const { report } = await scan({ input: SNAPSHOT, bucketFilter: ['hr-system-employees'], failOn: 'critical', policy: { ...policy, severity: { 'suppression-expired': 'high' } }, now: () => new Date('2026-12-01T00:00:00Z') });
    const f = report.findings.find((x) => x.checkId === 'suppression-expired');
    assert.equal(f?.severity, 'high');
    assert.equal(f?.originalSeverity, 'low');
  });
});

describe('the PPC draft of a bucket known only from the inventory', () => {
  test('items 2 and 3 say declared, not detected, and that nothing was sampled', async () => {
    const { report } = await scan({
      input: unsampledExample(),
      bucketFilter: ['hr-system-employees'],
      failOn: 'none',
      policy: { inventory: [{ field: 'inventory[0]', buckets: ['hr-*'], categories: ['person_name', 'my_number'], persons: 1500 }] },
      now: () => new Date('2026-11-22T03:00:00Z'),
    });
    const draft = report.assessment.perResource.find((p) => p.resourceId === EMPLOYEES)?.ppcDraft;
    assert.deepEqual(draft?.find((i) => i.no === 2)?.content, {
      ja: '設定ファイルの台帳（inventory[0]）で申告された項目: 氏名、個人番号（マイナンバー）（検出ではありません）。サンプルは読み取っていません。実際の項目を確認してください。',
      en: 'Items declared in the configuration inventory (inventory[0]): person name, My Number (個人番号) (declared, not detected). No sample was read: confirm the actual items.',
    });
    assert.deepEqual(draft?.find((i) => i.no === 3)?.content, { ja: '1,500人（申告値。サンプルは読み取っていません）。', en: '1,500 persons (declared; no sample was read).' });
  });
});
