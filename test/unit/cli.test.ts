// The real CLI on saved snapshots and bad input: exact verdicts, findings, exit codes, and clear errors
// instead of stack traces. No cloud, no emulator: --input works without credentials.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { packagePath, VERSION } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';

const EXAMPLE = packagePath('examples', 'aws-hr-system.snapshot.json');
const dir = mkdtempSync(join(tmpdir(), 'kumoscan-cli-'));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function verdicts(report: Report, name: string): (boolean | null)[] {
  const r = report.resources.find((x) => x.name === name);
  assert.ok(r, `no resource ${name}`);
  return [r.exposure.read, r.exposure.list, r.exposure.write, r.exposure.aclWrite];
}

/** A usage error: exit 2, one clear line on stderr, no stack trace, nothing on stdout. */
function assertUsageError(res: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(res.code, 2, res.stderr);
  assert.match(res.stderr, pattern);
  assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
}

describe('kumoscan scan --input (offline)', () => {
  test('the example snapshot: exact verdicts, findings and exit code 1', async () => {
    const res = await runCli(['scan', '--input', EXAMPLE, '--format', 'json']);
    assert.equal(res.code, 1, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.deepEqual(report.scope.accounts, ['111122223333']);
    assert.equal(report.scope.source, 'snapshot');
    assert.deepEqual(verdicts(report, 'hr-system-employees'), [true, true, false, false]);
    assert.deepEqual(verdicts(report, 'hr-system-locked'), [false, false, false, false]);
    assert.deepEqual(verdicts(report, 'hr-system-audit-denied'), [null, null, null, null]);
    const locked = report.resources.find((r) => r.name === 'hr-system-locked');
    assert.deepEqual(locked?.externalPrincipals.map((p) => [p.account, [...p.capabilities].sort()]), [['444455556666', ['list', 'read']]]);
    const ids = report.findings.map((f) => `${f.checkId}@${f.resourceId.replace('arn:aws:s3:::', '')}`).sort();
    assert.deepEqual(ids, [
      'access-logging-off@hr-system-employees',
      'acls-enabled@hr-system-audit-denied',
      'acls-enabled@hr-system-employees',
      'external-principal-read@hr-system-locked',
      'mfa-delete-off@hr-system-audit-denied',
      'mfa-delete-off@hr-system-locked',
      'no-object-lock@hr-system-audit-denied',
      'no-object-lock@hr-system-employees',
      'not-verified@hr-system-audit-denied',
      'provider-managed-encryption@hr-system-audit-denied',
      'provider-managed-encryption@hr-system-employees',
      'public-list@hr-system-employees',
      'public-read@hr-system-employees',
      's3-account-block-public-access-off@hr-system-audit-denied',
      's3-account-block-public-access-off@hr-system-employees',
      's3-block-public-access-off@hr-system-audit-denied',
      's3-block-public-access-off@hr-system-employees',
      'tls-not-enforced@hr-system-employees',
      'versioning-off@hr-system-employees',
    ]);
    const notVerified = report.findings.find((f) => f.checkId === 'not-verified');
    assert.equal(notVerified?.severity, 'high');
    assert.deepEqual(notVerified?.evidence.filter((e) => e.source === 'collect').map((e) => e.ref).sort(), ['GetBucketAcl', 'GetBucketPolicy']);
    assert.equal(report.summary.complete, false);
    assert.deepEqual(report.errors.map((e) => `${e.scope} ${e.call} ${e.code}`), [
      'arn:aws:s3:::hr-system-audit-denied GetBucketAcl AccessDenied',
      'arn:aws:s3:::hr-system-audit-denied GetBucketPolicy AccessDenied',
    ]);
  });

  test('--fail-on none: exit 3 because calls failed; only complete buckets: exit 0', async () => {
    assert.equal((await runCli(['scan', '--input', EXAMPLE, '--fail-on', 'none', '--format', 'json'])).code, 3);
    const locked = await runCli(['scan', '--input', EXAMPLE, '--fail-on', 'none', '--buckets', 'hr-system-locked', '--format', 'json']);
    assert.equal(locked.code, 0, locked.stderr);
    assert.deepEqual((JSON.parse(locked.stdout) as Report).resources.map((r) => r.name), ['hr-system-locked']);
  });

  test('--fail-on critical passes over high findings only when none is critical', async () => {
    const res = await runCli(['scan', '--input', EXAMPLE, '--buckets', 'hr-system-locked', '--fail-on', 'critical']);
    assert.equal(res.code, 0);
    const high = await runCli(['scan', '--input', EXAMPLE, '--buckets', 'hr-system-locked', '--fail-on', 'high']);
    assert.equal(high.code, 1); // external-principal-read is high
  });

  test('--out writes the report file; the table speaks Japanese with --lang ja', async () => {
    const out = join(dir, 'report.json');
    const res = await runCli(['scan', '--input', EXAMPLE, '--format', 'json', '--out', out]);
    assert.equal(res.code, 1);
    assert.equal(res.stdout, '');
    const table = await runCli(['scan', '--input', EXAMPLE, '--lang', 'ja']);
    assert.match(table.stdout, /\n {2}緊急 {2}1 件 +バケット内のオブジェクトを誰でも読み取れる（public-read）\n/);
    assert.match(table.stdout, /本評価は法的助言ではなく、判断材料です。/);
  });

  test('a policy that is not JSON: the bucket is unverified, the scan goes on, exit 3', async () => {
    const snap = file('bad-policy.json', JSON.stringify({ provider: 'aws', accountId: '111122223333', buckets: [{ Name: 'broken', Policy: '{"Statement": [' }, { Name: 'fine', PublicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }] }));
    const res = await runCli(['scan', '--input', snap, '--format', 'json', '--fail-on', 'none']);
    assert.equal(res.code, 3, res.stderr);
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.equal(verdicts(report, 'broken')[0], null);
    assert.deepEqual(verdicts(report, 'fine'), [false, false, false, false]);
    assert.ok(report.errors.some((e) => e.code === 'MalformedPolicy' && e.scope === 'arn:aws:s3:::broken'));
  });
});

describe('bad input: a clear error and exit code 2, never a stack trace', () => {
  test('snapshot that is not JSON', async () => {
    assertUsageError(await runCli(['scan', '--input', file('x.json', '{"provider": "aws",')]), /^kumoscan: .*x\.json: not valid JSON/);
  });
  test('snapshot that is not UTF-8', async () => {
    assertUsageError(await runCli(['scan', '--input', file('sjis.json', Buffer.from([0x7b, 0x22, 0x83, 0x7d, 0x22, 0x7d]))]), /not valid UTF-8/);
  });
  test('snapshot of the wrong shape names the path', async () => {
    assertUsageError(await runCli(['scan', '--input', file('shape.json', JSON.stringify({ provider: 'aws', accountId: '1', buckets: [{ Name: '' }] }))]), /buckets\[0\]\.Name must be a non-empty string/);
    assertUsageError(await runCli(['scan', '--input', file('prov.json', JSON.stringify({ accountId: '1', buckets: [] }))]), /"provider" must be one of "aws"(, "[a-z]+")* \(missing\)/);
    assertUsageError(await runCli(['scan', '--input', file('bpa.json', JSON.stringify({ provider: 'aws', accountId: '1', accountPublicAccessBlock: { BlockPublicAcls: 'yes' }, buckets: [] }))]), /accountPublicAccessBlock\.BlockPublicAcls must be true or false/);
  });
  test('missing snapshot file', async () => {
    assertUsageError(await runCli(['scan', '--input', join(dir, 'nope.json')]), /cannot read snapshot .*ENOENT/);
  });
  test('no provider and no --input; an unknown provider names the supported ones', async () => {
    assertUsageError(await runCli(['scan']), /name a provider/);
    assertUsageError(await runCli(['scan', 'oracle']), /unknown provider "oracle" \(supported: aws, azure, gcp\)/);
  });
  test('unknown flag, bad choice, bad number', async () => {
    assertUsageError(await runCli(['scan', 'aws', '--nope']), /unknown option '--nope'/);
    assertUsageError(await runCli(['scan', 'aws', '--format', 'xml']), /Allowed choices are json, table/);
    assertUsageError(await runCli(['scan', 'aws', '--fail-on', 'severe']), /Allowed choices are critical, high, medium, low, info, none/);
    assertUsageError(await runCli(['scan', 'aws', '--concurrency', '0']), /must be an integer from 1 to 256/);
  });
  test('unwritable --out', async () => {
    assertUsageError(await runCli(['scan', '--input', EXAMPLE, '--out', join(dir, 'no-such-dir', 'r.json')]), /--out \S+no-such-dir\/r\.json: the folder \S+no-such-dir does not exist \(create it first\)/);
  });
  test('no AWS credentials anywhere', async () => {
    assertUsageError(await runCli(['scan', 'aws', '--endpoint-url', 'http://127.0.0.1:9', '--region', 'us-east-1']), /no AWS credentials found/);
  });
});

describe('--version and --help', () => {
  test('--version prints the package version, exit 0', async () => {
    const res = await runCli(['--version']);
    assert.equal(res.code, 0);
    assert.equal(res.stdout.trim(), VERSION);
  });
  test('scan --help shows examples and the exit codes, exit 0', async () => {
    const res = await runCli(['scan', '--help']);
    assert.equal(res.code, 0);
    assert.match(res.stdout, /kumoscan scan --input snap\.json/);
    assert.match(res.stdout, /3 {2}scan incomplete/);
  });
});
