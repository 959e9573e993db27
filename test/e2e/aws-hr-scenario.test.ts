// End to end against moto in server mode: the HR-system misconfiguration beside a locked bucket,
// scanned by the real CLI through --endpoint-url. Asserts exact verdicts, findings and exit codes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_ACCOUNT, MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { startFakePublicEndpoint } from '../helpers/fake-public-endpoint.js';
import { HR_EMPLOYEES, HR_LOCKED, HR_PUBLIC, HR_REGION, seedHrScenario } from '../helpers/seed-hr.js';
import { addDays, tokyoDate } from '../../reports/appi/deadlines.js';

let moto: Moto;
const work = mkdtempSync(join(tmpdir(), 'kumoscan-e2e-'));

before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
});
after(async () => {
  await moto?.stop();
});

function scanArgs(...extra: string[]): string[] {
  return ['scan', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--format', 'json', '--buckets', 'hr-system-*', ...extra];
}

function findingsOf(report: Report, bucket: string): string[] {
  return report.findings.filter((f) => f.resourceId === `arn:aws:s3:::${bucket}`).map((f) => `${f.checkId}:${f.severity}`).sort();
}

describe('kumoscan scan aws against moto: the HR-system incident', () => {
  let report: Report;
  let exitCode: number | null;
  const snapshotFile = join(work, 'snapshot.json');

  before(async () => {
    const res = await runCli(scanArgs('--save-snapshot', snapshotFile, '--quiet'), MOTO_ENV);
    exitCode = res.code;
    assert.equal(res.stderr, '', `no stderr expected, got: ${res.stderr}`);
    report = JSON.parse(res.stdout) as Report;
  });

  test('the report matches the published JSON Schema', () => {
    assertValidReport(report);
  });

  test('exit code 1: critical findings at the default --fail-on high', () => {
    assert.equal(exitCode, 1);
  });

  test('scope, account and completeness', () => {
    assert.equal(report.scope.provider, 'aws');
    assert.equal(report.scope.source, 'live');
    assert.deepEqual(report.scope.accounts, [MOTO_ACCOUNT]);
    assert.deepEqual(report.scope.regions, [HR_REGION]);
    assert.equal(report.summary.complete, true, JSON.stringify(report.errors));
    assert.deepEqual(report.resources.map((r) => r.name).sort(), [HR_PUBLIC, HR_LOCKED]);
  });

  test('the public bucket: read and list by anyone, not write', () => {
    const r = report.resources.find((x) => x.name === HR_PUBLIC);
    assert.ok(r);
    assert.equal(r.region, HR_REGION);
    assert.deepEqual({ read: r.exposure.read, list: r.exposure.list, write: r.exposure.write, aclWrite: r.exposure.aclWrite }, { read: true, list: true, write: false, aclWrite: false });
    assert.ok(r.exposure.evidence.some((e) => e.capability === 'read' && e.effect === 'grants' && e.ref === 'Sid "PublicRead"'));
    assert.ok(r.exposure.evidence.some((e) => e.capability === 'list' && e.effect === 'grants' && e.source === 'bucket-acl' && e.ref.includes('AllUsers')));
    assert.equal(r.guards.ignorePublicAcls, false);
    assert.equal(r.guards.restrictPublicBuckets, false);
    assert.equal(r.guards.aclsEnabled, true);
    assert.equal(r.encryption.atRest, 'provider-managed');
    assert.equal(r.transport.httpsOnly, false);
  });

  test('the public bucket: exact findings', () => {
    assert.deepEqual(findingsOf(report, HR_PUBLIC), [
      'access-logging-off:medium',
      'acls-enabled:low',
      'no-object-lock:info',
      'provider-managed-encryption:low',
      'public-list:high',
      'public-read:critical',
      's3-account-block-public-access-off:medium',
      's3-block-public-access-off:medium',
      'tls-not-enforced:medium',
      'versioning-off:medium',
    ]);
  });

  test('the locked bucket: nothing public, only MFA delete (info)', () => {
    const r = report.resources.find((x) => x.name === HR_LOCKED);
    assert.ok(r);
    assert.deepEqual({ read: r.exposure.read, list: r.exposure.list, write: r.exposure.write, aclWrite: r.exposure.aclWrite }, { read: false, list: false, write: false, aclWrite: false });
    assert.equal(r.guards.aclsEnabled, false);
    assert.equal(r.encryption.atRest, 'customer-managed');
    assert.equal(r.transport.httpsOnly, true);
    assert.equal(r.versioning, true);
    assert.equal(r.logging, true);
    assert.equal(r.retentionLock, true);
    assert.deepEqual(r.tags, { 'data-class': 'personal' });
    assert.deepEqual(findingsOf(report, HR_LOCKED), ['mfa-delete-off:info']);
  });

  test('the saved snapshot evaluates offline, without credentials, to the same verdicts and findings', async () => {
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { provider: string; accountId: string; buckets: { Name: string; Policy?: unknown }[] };
    assert.equal(snap.provider, 'aws');
    assert.equal(snap.accountId, MOTO_ACCOUNT);
    assert.equal(typeof snap.buckets.find((b) => b.Name === HR_PUBLIC)?.Policy, 'string');
    const res = await runCli(['scan', '--input', snapshotFile, '--format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    const offline = JSON.parse(res.stdout) as Report;
    assertValidReport(offline);
    assert.equal(offline.scope.source, 'snapshot');
    assert.deepEqual(offline.resources, report.resources);
    assert.deepEqual(offline.findings, report.findings);
  });

  // The bucket-only runs below skip IAM (--no-iam): moto's root user has no MFA, an account-level finding that
  // would decide the exit code. The identity side is tested in aws-iam-scenario.test.ts.
  test('only the locked bucket: exit 0 at --fail-on high, 1 at --fail-on info', async () => {
    const high = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', HR_LOCKED, '--format', 'json', '--no-iam'], MOTO_ENV);
    assert.equal(high.code, 0, high.stderr);
    assert.deepEqual((JSON.parse(high.stdout) as Report).resources.map((r) => r.name), [HR_LOCKED]);
    const info = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', HR_LOCKED, '--fail-on', 'info', '--format', 'json', '--no-iam'], MOTO_ENV);
    assert.equal(info.code, 1);
  });

  test('the table groups findings by check, most severe first (--details: by severity, every finding)', async () => {
    const res = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', 'hr-system-*', '--lang', 'en', '--no-iam'], MOTO_ENV);
    assert.equal(res.code, 1);
    assert.match(res.stdout, /\n {2}CRITICAL {2}1 resource +Anyone can read objects in the bucket \(public-read\)\n {2}HIGH /);
    assert.match(res.stdout, /\nCRITICAL {2}Anyone can read objects in the bucket \(public-read\):\s+hr-system-employees\n/);
    const details = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', 'hr-system-*', '--lang', 'en', '--no-iam', '--details'], MOTO_ENV);
    const order = ['CRITICAL (1)', 'HIGH (1)', 'MEDIUM (', 'LOW (', 'INFO ('].map((h) => details.stdout.indexOf(h));
    assert.ok(order.every((i) => i >= 0), details.stdout);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.match(details.stdout, /hr-system-employees\s+public-read/);
  });
});

describe('kumoscan scan aws against moto: the credential chain', () => {
  test('--profile reads credentials from the shared credentials file (no environment credentials)', async () => {
    const credFile = join(work, 'credentials');
    const configFile = join(work, 'config');
    writeFileSync(credFile, '[audit]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
    writeFileSync(configFile, '[profile audit]\nregion = ap-northeast-1\n');
    const res = await runCli(['scan', 'aws', '--profile', 'audit', '--endpoint-url', moto.endpoint, '--buckets', HR_LOCKED, '--format', 'json', '--no-iam'], {
      AWS_SHARED_CREDENTIALS_FILE: credFile,
      AWS_CONFIG_FILE: configFile,
    });
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual((JSON.parse(res.stdout) as Report).resources.map((r) => r.name), [HR_LOCKED]);
    const missing = await runCli(['scan', 'aws', '--profile', 'nobody', '--endpoint-url', moto.endpoint], { AWS_SHARED_CREDENTIALS_FILE: credFile, AWS_CONFIG_FILE: configFile });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no AWS credentials found/);
  });

  test('--role-arn assumes the role through STS before scanning', async () => {
    const snapshotFile = join(work, 'assumed.json');
    const roleArn = `arn:aws:iam::${MOTO_ACCOUNT}:role/kumoscan-audit`;
    const res = await runCli(['scan', 'aws', '--role-arn', roleArn, '--endpoint-url', moto.endpoint, '--buckets', HR_LOCKED, '--format', 'json', '--save-snapshot', snapshotFile, '--no-iam'], MOTO_ENV);
    assert.equal(res.code, 0, res.stderr);
    const snap = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { callerArn?: string };
    assert.equal(snap.callerArn, `arn:aws:sts::${MOTO_ACCOUNT}:assumed-role/kumoscan-audit/kumoscan`);
  });
});

describe('kumoscan scan aws against moto: failures on the wire', () => {
  test('AccessDenied on every call of one bucket: that bucket is unverified, the other is scanned, exit 3', async () => {
    const proxy = await startFaultProxy(moto.endpoint, ({ bucket, query }) =>
      bucket === HR_PUBLIC && [...query.keys()].length > 0 && !query.has('location') ? { status: 403, code: 'AccessDenied', message: 'Access Denied' } : undefined,
    );
    try {
      const res = await runCli(['scan', 'aws', '--endpoint-url', proxy.endpoint, '--buckets', 'hr-system-*', '--format', 'json', '--fail-on', 'none'], MOTO_ENV);
      assert.equal(res.code, 3, res.stderr);
      const report = JSON.parse(res.stdout) as Report;
      assertValidReport(report);
      const denied = report.resources.find((r) => r.name === HR_PUBLIC);
      const locked = report.resources.find((r) => r.name === HR_LOCKED);
      assert.ok(denied && locked);
      assert.deepEqual([denied.exposure.read, denied.exposure.list, denied.exposure.write, denied.exposure.aclWrite], [null, null, null, null]);
      // 12 configuration reads (no GetBucketPolicyStatus by default), and the sample (its verdicts are unknown, so
      // it is sampled): listing denied too
      assert.equal(denied.errors.length, 13);
      assert.ok(denied.errors.filter((e) => e.call !== 'SampleObjects').every((e) => e.code === 'AccessDenied'));
      assert.deepEqual(denied.errors.filter((e) => e.call === 'SampleObjects').map((e) => `${e.code}: ${e.message}`), ['SampleFailed: listing failed (AccessDenied: Access Denied)']);
      assert.equal(denied.data, undefined);
      assert.deepEqual([locked.exposure.read, locked.exposure.list], [false, false]);
      assert.equal(locked.errors.length, 0);
      assert.deepEqual(findingsOf(report, HR_PUBLIC).filter((f) => f.startsWith('not-verified')), ['not-verified:high']);
    } finally {
      await proxy.close();
    }
  });

  test('throttling that outlasts the SDK retries and two more rounds is recorded for that call only (3 x 5 attempts)', async () => {
    const proxy = await startFaultProxy(moto.endpoint, ({ bucket, query }) =>
      bucket === HR_LOCKED && query.has('logging') ? { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' } : undefined,
    );
    try {
      const res = await runCli(['scan', 'aws', '--endpoint-url', proxy.endpoint, '--buckets', HR_LOCKED, '--format', 'json', '--fail-on', 'none'], MOTO_ENV);
      assert.equal(res.code, 3, res.stderr);
      const report = JSON.parse(res.stdout) as Report;
      const locked = report.resources[0];
      assert.ok(locked);
      assert.deepEqual(locked.errors.map((e) => `${e.call}:${e.code}`), ['GetBucketLogging:SlowDown']);
      assert.equal(locked.logging, null);
      assert.equal(locked.versioning, true);
      assert.equal(proxy.faults, 15);
    } finally {
      await proxy.close();
    }
  });

  test('SlowDown answers slow the scan down without losing a bucket: same report as without them, no error', async () => {
    const args = ['scan', 'aws', '--buckets', 'hr-system-*', '--sample', 'none', '--no-iam', '--format', 'json', '--fail-on', 'none'];
    const clean = JSON.parse((await runCli([...args, '--endpoint-url', moto.endpoint], MOTO_ENV)).stdout) as Report;
    let request = 0;
    let lockedLogging = 0;
    // Every third bucket-level request is throttled, and HR_LOCKED's logging read 6 times in a row: past the SDK's
    // 5 attempts, so the bucket's call is sent again after a pause.
    const proxy = await startFaultProxy(moto.endpoint, ({ bucket, query }) => {
      if (!bucket || [...query.keys()].length === 0) return undefined;
      if (bucket === HR_LOCKED && query.has('logging') && ++lockedLogging <= 6) return { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' };
      return ++request % 3 === 0 ? { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' } : undefined;
    });
    try {
      const res = await runCli([...args, '--endpoint-url', proxy.endpoint], MOTO_ENV);
      assert.equal(res.code, 0, res.stderr);
      const report = JSON.parse(res.stdout) as Report;
      assert.ok(proxy.faults > 6, `${proxy.faults} faults`);
      assert.equal(lockedLogging, 7);
      assert.deepEqual(report.resources.map((r) => [r.name, r.errors]), clean.resources.map((r) => [r.name, []]));
      assert.deepEqual(report.resources.map((r) => r.exposure), clean.resources.map((r) => r.exposure));
      assert.equal(report.resources.find((r) => r.name === HR_LOCKED)?.logging, clean.resources.find((r) => r.name === HR_LOCKED)?.logging);
    } finally {
      await proxy.close();
    }
  });
});

describe('kumoscan scan aws --probe (moto for the authenticated side, a stand-in public endpoint for the outsider)', () => {
  test('the HR bucket is confirmed public; the saved snapshot keeps the answers', async () => {
    const outsider = await startFakePublicEndpoint((p) => (p.startsWith(`/${HR_PUBLIC}/`) ? 200 : 403));
    try {
      const snapshotFile = join(work, 'probed.json');
      const res = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', 'hr-system-*', '--probe', '--probe-endpoint', outsider.url, '--format', 'json', '--save-snapshot', snapshotFile], MOTO_ENV);
      assert.equal(res.code, 1, res.stderr);
      const report = JSON.parse(res.stdout) as Report;
      assertValidReport(report);
      const pub = report.resources.find((r) => r.name === HR_PUBLIC);
      assert.deepEqual(pub?.probe?.observed, { read: true, list: true });
      assert.equal(pub?.probe?.object?.key, 'exports/employees.csv');
      assert.ok(pub?.exposure.evidence.some((e) => e.source === 'probe' && e.capability === 'read' && e.message.startsWith('confirmed public')));
      // the locked bucket is judged private: it is not probed at all
      assert.equal(report.resources.find((r) => r.name === HR_LOCKED)?.probe, undefined);
      assert.equal(report.findings.some((f) => f.checkId === 'probe-disagreement'), false);
      assert.ok(outsider.seen.every((s) => s.method === 'GET' && !s.authorization));
      const offline = JSON.parse((await runCli(['scan', '--input', snapshotFile, '--format', 'json'])).stdout) as Report;
      assert.deepEqual(offline.resources, report.resources);
    } finally {
      await outsider.close();
    }
  });

  test('a public configuration refused from outside is a disagreement, not a pass', async () => {
    const outsider = await startFakePublicEndpoint(() => 403);
    try {
      const res = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', HR_PUBLIC, '--probe', '--probe-endpoint', outsider.url, '--format', 'json'], MOTO_ENV);
      const report = JSON.parse(res.stdout) as Report;
      assert.deepEqual(findingsOf(report, HR_PUBLIC).filter((f) => f.startsWith('probe') || f.startsWith('public')), ['probe-disagreement:medium', 'probe-disagreement:medium', 'public-list:high', 'public-read:critical']);
    } finally {
      await outsider.close();
    }
  });
});

describe('kumoscan scan aws: personal data in the exposed bucket (sampling)', () => {
  test('the employee CSV (Shift_JIS) yields My Numbers and health data; no raw value leaves memory', async () => {
    const snapshotFile = join(work, 'sampled.json');
    const res = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', 'hr-system-*', '--no-iam', '--format', 'json', '--save-snapshot', snapshotFile], MOTO_ENV);
    assert.equal(res.code, 1, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    const data = report.resources.find((r) => r.name === HR_PUBLIC)?.data;
    assert.ok(data, 'the exposed bucket was sampled');
    assert.equal(data.personalData, true);
    assert.deepEqual(data.sampled.objects, 1);
    assert.equal(data.objectsListed, 1);
    assert.equal(data.listingComplete, true);
    const high = (type: string) => data.detections.find((d) => d.type === type && d.confidence === 'high');
    assert.equal(high('my_number')?.count, HR_EMPLOYEES.rows);
    assert.ok((high('sensitive_health')?.count ?? 0) > 0);
    assert.ok(data.classes.includes('specific_personal_information'));
    assert.ok(data.classes.includes('sensitive'));
    assert.equal(data.persons.sampled, HR_EMPLOYEES.rows);
    assert.equal(data.persons.over1000, false);
    // the locked bucket is private: not sampled by default (--sample exposed)
    assert.equal(report.resources.find((r) => r.name === HR_LOCKED)?.data, undefined);
    // the APPI assessment of the HR bucket: 60 persons with health data (category 1) -> likely; logging off ->
    // category 3 cannot be ruled out -> the final report within 60 days; My Numbers readable by anyone -> the Act
    const hr = report.assessment.perResource.find((p) => p.resourceId === `arn:aws:s3:::${HR_PUBLIC}`);
    assert.equal(hr?.reportability?.result, 'likely');
    assert.deepEqual(hr?.reportability?.categories.map((c) => [c.category, c.applies]), [[1, true], [2, false], [3, null], [4, false]]);
    assert.match(hr?.reportability?.categories[3]?.reason.en ?? '', new RegExp(`${HR_EMPLOYEES.rows} persons`));
    assert.equal(hr?.reportability?.myNumberAct.applies, true);
    assert.equal(hr?.deadlines?.final.days, 60);
    assert.equal(hr?.deadlines?.discoveredAt, tokyoDate(report.scannedAt));
    assert.equal(hr?.deadlines?.final.due, addDays(tokyoDate(report.scannedAt), 59));
    assert.deepEqual(hr?.ppcDraft?.map((i) => i.no), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(hr?.duties.includes('APPI-26') && hr.duties.includes('MNA-29-4'));
    assert.deepEqual(report.assessment.reportable, [`arn:aws:s3:::${HR_PUBLIC}`]);
    // The table (the default output, what CI logs show) carries the same verdict: the assessment block.
    const deadlines = hr?.deadlines;
    assert.ok(deadlines);
    assert.equal(data.persons.estimate.low, HR_EMPLOYEES.rows);
    assert.equal(data.persons.estimate.high, HR_EMPLOYEES.rows);
    const known = ['--discovered-at', deadlines.discoveredAt];
    const flat = (s: string): string => s.replace(/\s+/g, ' ');
    const en = await runCli(['scan', '--input', snapshotFile, '--lang', 'en', ...known]);
    assert.equal(en.code, 1, en.stderr);
    const rows = HR_EMPLOYEES.rows.toLocaleString('en-US');
    assert.ok(
      flat(en.stdout).includes(
        `APPI assessment (breach report to the PPC) 2 resources, 1 readable or listable by anyone, 1 of them with personal data. Likely reportable: 1; to review: 0. ` +
          `Deadlines count from ${deadlines.discoveredAt}, the day the exposure became known (--discovered-at). ` +
          `${HR_PUBLIC} (AWS S3) Estimate likely reportable Rules Art. 7 No. 1 (sensitive data); cannot rule out No. 3 (wrongful purpose) ` +
          `My Number Act applies (Art. 29-4): reportable at any number of persons Persons ${rows} (${rows} in the sample) ` +
          `Preliminary (速報) ${deadlines.preliminary.from} to ${deadlines.preliminary.to} Final (確報) by ${deadlines.final.due} (60 days) Total: 2 resources,`,
      ),
      en.stdout,
    );
    const table = await runCli(['scan', '--input', snapshotFile, '--lang', 'ja', ...known]);
    assert.ok(
      flat(table.stdout).includes(
        `${HR_PUBLIC}（AWS S3） 推定 報告対象の可能性が高い 規則第7条 該当 第1号（要配慮個人情報）／否定できない 第3号（不正の目的） ` +
          `番号法 該当（第29条の4）: 人数にかかわらず報告対象 本人の数 ${rows}人（サンプル内 ${rows}人） ` +
          `速報 ${deadlines.preliminary.from}〜${deadlines.preliminary.to} 確報 ${deadlines.final.due} まで（60日）`,
      ),
      table.stdout,
    );
    const snapshot = readFileSync(snapshotFile, 'utf8');
    for (const raw of HR_EMPLOYEES.rawValues) {
      for (const [where, text] of [['json', res.stdout], ['stderr', res.stderr], ['snapshot', snapshot], ['table', table.stdout]] as const) {
        assert.equal(text.includes(raw), false, `raw value found in ${where}`);
      }
    }
  });

  test('--declare overrides the persons estimate for category 4; --sample none reads nothing', async () => {
    const declared = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', HR_PUBLIC, '--no-iam', '--format', 'json', '--declare', `${HR_PUBLIC}=1500`], MOTO_ENV);
    const persons = (JSON.parse(declared.stdout) as Report).resources[0]?.data?.persons;
    assert.equal(persons?.declared, 1500);
    assert.equal(persons?.over1000, true);
    assert.equal((JSON.parse(declared.stdout) as Report).assessment.perResource[0]?.reportability?.categories[3]?.applies, true);
    const none = await runCli(['scan', 'aws', '--endpoint-url', moto.endpoint, '--buckets', HR_PUBLIC, '--no-iam', '--format', 'json', '--sample', 'none'], MOTO_ENV);
    assert.equal((JSON.parse(none.stdout) as Report).resources[0]?.data, undefined);
  });
});
