// End to end against moto in server mode: the identities of an HR system (test/helpers/seed-iam.ts) scanned by the
// real CLI. Asserts the exact users and roles that can read, list and write each bucket, the outside vendor's
// maintenance role as an entrustment signal, and the exact findings. moto cannot back-date access keys, set a user's
// permissions boundary or enable root MFA in server mode: those parts are covered with aws-sdk-client-mock in
// test/unit/aws-iam-collect.test.ts and by the check tests in test/unit/iam-checks.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SCHEMA_VERSION, type Report } from '../../reports/render/json.js';
import { parseReport } from '../../reports/render/load.js';
import type { PrincipalGrant } from '../../src/model.js';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { MOTO_ACCOUNT, MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { arn, BACKUP_ACCOUNT, HR_BUCKET, PAYROLL_BUCKET, seedIamScenario, VENDOR_ACCOUNT } from '../helpers/seed-iam.js';

let moto: Moto;
const work = mkdtempSync(join(tmpdir(), 'kumoscan-iam-e2e-'));

before(async () => {
  moto = await startMoto();
  await seedIamScenario(moto.endpoint);
});
after(async () => {
  await moto?.stop();
});

function scanArgs(...extra: string[]): string[] {
  return ['scan', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--format', 'json', '--buckets', 'hrsys-*', ...extra];
}

function resource(report: Report, bucket: string) {
  const r = report.resources.find((x) => x.name === bucket);
  assert.ok(r, `no resource ${bucket}`);
  return r;
}

const ids = (grants: readonly PrincipalGrant[] | undefined): string[] => [...new Set((grants ?? []).map((g) => g.id))].sort();
const brief = (report: Report): string[] => report.findings.map((f) => `${f.checkId} ${f.severity} ${f.resourceId}`).sort();

describe('kumoscan scan aws against moto: who can reach the HR system\'s data (IAM)', () => {
  let report: Report;
  let exitCode: number | null;
  const snapshotFile = join(work, 'iam-snapshot.json');

  before(async () => {
    const res = await runCli(scanArgs('--max-readers', '5', '--save-snapshot', snapshotFile, '--quiet'), MOTO_ENV);
    exitCode = res.code;
    assert.equal(res.stderr, '', `no stderr expected, got: ${res.stderr}`);
    report = parseReport(res.stdout, 'stdout');
  });

  test('the current schema, complete, exit 1 (critical findings)', () => {
    assertValidReport(report);
    assert.equal(report.schemaVersion, SCHEMA_VERSION);
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    assert.equal(exitCode, 1);
  });

  test('the HR-system bucket: exactly these users and roles can read, list and write it', () => {
    const p = resource(report, HR_BUCKET).principals;
    assert.ok(p);
    assert.deepEqual(ids(p.read), [arn.role('app-runtime'), arn.role('vendor-backup'), arn.role('vendor-maintenance'), arn.user('hr-alice'), arn.user('hr-bob'), arn.user('it-admin')]);
    assert.deepEqual(ids(p.list), [arn.role('app-runtime'), arn.role('vendor-maintenance'), arn.user('hr-alice'), arn.user('hr-bob'), arn.user('it-admin')]);
    assert.deepEqual(ids(p.write), [arn.user('batch-uploader'), arn.user('it-admin')]);
  });

  test('each grant names its policy: group, managed, inline, prefix and boundary', () => {
    const p = resource(report, HR_BUCKET).principals;
    assert.ok(p);
    const bob = p.read.find((g) => g.id === arn.user('hr-bob'));
    assert.deepEqual(bob, { id: arn.user('hr-bob'), kind: 'user', policyType: 'inline', policy: 'HrRead', statement: 'Sid "HrRead"', via: arn.group('hr-staff'), conditions: [], caveats: [] });
    const maint = p.read.find((g) => g.id === arn.role('vendor-maintenance'));
    assert.deepEqual([maint?.kind, maint?.policyType, maint?.policy, maint?.statement], ['role', 'managed', arn.policy('HrMaintenanceRead'), 'Sid "MaintenanceRead"']);
    assert.deepEqual(p.read.find((g) => g.id === arn.role('vendor-backup'))?.objects, [`arn:aws:s3:::${HR_BUCKET}/backup/*`]);
    assert.deepEqual(p.write.find((g) => g.id === arn.user('batch-uploader'))?.objects, [`arn:aws:s3:::${HR_BUCKET}/incoming/*`]);
    // The intern is in hr-staff but the bucket policy denies the intern by ARN; app-runtime's boundary leaves no write.
    assert.ok(!p.read.some((g) => g.id === arn.user('intern')));
    assert.ok(!p.write.some((g) => g.id === arn.role('app-runtime')));
  });

  test('the payroll bucket: the bucket policy lets only the payroll role through (not even the administrator)', () => {
    const p = resource(report, PAYROLL_BUCKET).principals;
    assert.deepEqual({ read: ids(p?.read), list: ids(p?.list), write: ids(p?.write) }, { read: [arn.role('payroll-app')], list: [], write: [] });
  });

  test('the outside vendors reach the HR-system bucket through roles: the entrustment signal', () => {
    const r = resource(report, HR_BUCKET);
    assert.deepEqual(r.externalPrincipals, [
      {
        id: BACKUP_ACCOUNT,
        kind: 'aws-account',
        account: BACKUP_ACCOUNT,
        capabilities: ['read'],
        conditional: false,
        evidence: `trust Sid "BackupVendor" of ${arn.role('vendor-backup')}; BackupRead Statement[0]`,
        viaRole: arn.role('vendor-backup'),
        externalId: true,
      },
      {
        id: `arn:aws:iam::${VENDOR_ACCOUNT}:root`,
        kind: 'aws-account',
        account: VENDOR_ACCOUNT,
        capabilities: ['read', 'list'],
        conditional: false,
        evidence: `trust Sid "VendorMaintenance" of ${arn.role('vendor-maintenance')}; ${arn.policy('HrMaintenanceRead')} Sid "MaintenanceRead"`,
        viaRole: arn.role('vendor-maintenance'),
        externalId: false,
      },
    ]);
    const signal = report.findings.find((f) => f.id === `external-principal-read:arn:aws:s3:::${HR_BUCKET}:arn:aws:iam::${VENDOR_ACCOUNT}:root`);
    assert.ok(signal);
    assert.equal(signal.severity, 'high');
    assert.deepEqual(signal.duties.map((d) => d.id), ['APPI-23', 'GL-10-6-1', 'APPI-25']);
    assert.match(signal.detail.en, /by assuming role arn:aws:iam::123456789012:role\/vendor-maintenance of this account \(the trust policy requires no sts:ExternalId\)/);
    assert.match(signal.detail.ja, /委託/);
  });

  test('exact findings', () => {
    const H = `arn:aws:s3:::${HR_BUCKET}`;
    const P = `arn:aws:s3:::${PAYROLL_BUCKET}`;
    assert.deepEqual(brief(report), [
      `access-logging-off medium ${H}`,
      `access-logging-off medium ${P}`,
      `external-principal-read high ${H}`,
      `external-principal-read high ${H}`,
      `iam-console-user-without-mfa high ${arn.user('hr-bob')}`,
      `iam-external-trust-without-external-id high ${arn.role('vendor-maintenance')}`,
      `iam-full-s3-access high ${arn.user('it-admin')}`,
      `iam-password-policy-weak medium aws:${MOTO_ACCOUNT}`,
      // moto's GetAccountSummary always reports AccountMFAEnabled = 0.
      `iam-root-account-unprotected critical aws:${MOTO_ACCOUNT}`,
      `iam-trusted-by-anyone critical ${arn.role('open-role')}`,
      `mfa-delete-off info ${H}`,
      `mfa-delete-off info ${P}`,
      `no-object-lock info ${H}`,
      `no-object-lock info ${P}`,
      // 6 readers of a data-class=personal bucket, above --max-readers 5; payroll has 1.
      `personal-data-bucket-many-readers medium ${H}`,
    ]);
  });

  test('the identity posture: users from the credential report, roles with their trust, SCPs stated as unknown', () => {
    const [id] = report.identities;
    assert.ok(id);
    assert.deepEqual([id.collected, id.account, id.id], [true, MOTO_ACCOUNT, `aws:${MOTO_ACCOUNT}`]);
    assert.deepEqual(id.users?.map((u) => [u.name, u.consoleAccess, u.mfa]), [
      ['batch-uploader', false, false],
      ['hr-alice', true, true],
      ['hr-bob', true, false],
      ['intern', false, false],
      ['it-admin', false, false],
    ]);
    const key = id.users?.find((u) => u.name === 'batch-uploader')?.accessKeys?.[0];
    assert.deepEqual([key?.active, key?.ageDays, key?.lastUsed], [true, 0, null], 'a fresh key: not stale');
    assert.deepEqual(id.passwordPolicy?.minimumLength, 8);
    assert.deepEqual(id.roles?.find((r) => r.name === 'vendor-maintenance')?.trust.map((t) => [t.principal, t.external, t.externalId]), [[`arn:aws:iam::${VENDOR_ACCOUNT}:root`, true, false]]);
    assert.match(id.notes[0]?.ja ?? '', /サービスコントロールポリシー（SCP）/);
  });

  test('the snapshot keeps IAM\'s answers; --input reproduces the report offline', async () => {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { iam?: { authorizationDetails?: { UserDetailList: unknown[] }; credentialReport?: { columns: string[]; rows: Record<string, string>[] }; passwordPolicy?: unknown } };
    assert.equal(snap.iam?.authorizationDetails?.UserDetailList.length, 5);
    assert.ok(snap.iam?.credentialReport?.rows.every((r) => Object.keys(r).join() === snap.iam?.credentialReport?.columns.join()), 'rows hold exactly the report columns');
    assert.deepEqual(snap.iam?.passwordPolicy && (snap.iam.passwordPolicy as { MinimumPasswordLength?: number }).MinimumPasswordLength, 8);
    const res = await runCli(['scan', '--input', snapshotFile, '--format', 'json', '--max-readers', '5']);
    assert.equal(res.code, 1, res.stderr);
    const offline = parseReport(res.stdout, 'stdout');
    assertValidReport(offline);
    assert.deepEqual(offline.resources, report.resources);
    assert.deepEqual(offline.findings, report.findings);
    assert.deepEqual(offline.identities, report.identities);
    // With the default threshold (10), six readers are not a finding.
    const defaults = parseReport((await runCli(['scan', '--input', snapshotFile, '--format', 'json'])).stdout, 'stdout');
    assert.equal(defaults.findings.some((f) => f.checkId === 'personal-data-bucket-many-readers'), false);
  });
});

describe('kumoscan scan aws against moto: IAM switched off or denied', () => {
  test('--no-iam: no IAM call, principals null ("IAM not collected"), no identity finding, exit by S3 findings only', async () => {
    const res = await runCli(scanArgs('--no-iam', '--fail-on', 'none'), MOTO_ENV);
    assert.equal(res.code, 0, res.stderr);
    const report = parseReport(res.stdout, 'stdout');
    assertValidReport(report);
    assert.equal(resource(report, HR_BUCKET).principals, null);
    assert.match(resource(report, HR_BUCKET).principalsNote ?? '', /^IAM not collected/);
    assert.deepEqual(resource(report, HR_BUCKET).externalPrincipals, []);
    assert.deepEqual(report.identities.map((i) => i.collected), [false]);
    assert.deepEqual(report.findings.filter((f) => f.checkId.startsWith('iam-') || f.checkId === 'personal-data-bucket-many-readers'), []);
  });

  test('every IAM call denied on the wire: the buckets are scanned, identities unverified, exit 3', async () => {
    const proxy = await startFaultProxy(moto.endpoint, ({ service }) => (service === 'iam' ? { status: 403, code: 'AccessDenied', message: 'User is not authorized to perform iam action' } : undefined));
    try {
      const res = await runCli(['scan', 'aws', '--endpoint-url', proxy.endpoint, '--region', 'us-east-1', '--format', 'json', '--buckets', 'hrsys-*', '--fail-on', 'none'], MOTO_ENV);
      assert.equal(res.code, 3, res.stderr);
      const report = parseReport(res.stdout, 'stdout');
      assertValidReport(report);
      assert.equal(report.resources.length, 2);
      assert.equal(resource(report, HR_BUCKET).principals, null);
      assert.equal(resource(report, HR_BUCKET).principalsNote, 'could not be verified: GetAccountAuthorizationDetails failed (AccessDenied)');
      assert.deepEqual(report.errors.map((e) => `${e.scope} ${e.call} ${e.code}`).sort(), [
        `aws:${MOTO_ACCOUNT} GenerateCredentialReport AccessDenied`,
        `aws:${MOTO_ACCOUNT} GetAccountAuthorizationDetails AccessDenied`,
        `aws:${MOTO_ACCOUNT} GetAccountPasswordPolicy AccessDenied`,
        `aws:${MOTO_ACCOUNT} GetAccountSummary AccessDenied`,
      ]);
      assert.deepEqual(report.findings.filter((f) => f.checkId.startsWith('iam-')).map((f) => `${f.checkId} ${f.resourceId}`), [`iam-not-verified aws:${MOTO_ACCOUNT}`]);
    } finally {
      await proxy.close();
    }
  });
});
