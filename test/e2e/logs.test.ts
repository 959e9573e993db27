// Logs of live scans: the JSON-lines event sequence of a scan of moto (with sampling), --quiet on a clean scan,
// and the privacy rule — with credentials in the environment, an AccountKey connection string, a SAS URL as
// --account-url and an employee CSV (My Numbers, names, addresses) sampled, no secret and no personal value
// reaches standard error, in text or JSON mode, with a line per resource.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { freePort, MOTO_ACCOUNT, MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { HR_EMPLOYEES, HR_PUBLIC, seedHrScenario } from '../helpers/seed-hr.js';
import { startFakePublicEndpoint } from '../helpers/fake-public-endpoint.js';

const ACCESS_KEY_ID = 'AKIAKUMOSCANLOGTEST1';
const SECRET_KEY = 'kUmO5cAnSeCrEtKeY/ForLogs+Tests0123456789';
const SESSION_TOKEN = 'KumoscanSessionTokenForLogTests';
const ACCOUNT_KEY = 'S3Vtb0FjY291bnRLZXlGb3JMb2dUZXN0cw==';
const SAS_SIG = 'KumoSasSignatureForLogTests%3D';
const SECRETS = [ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN, ACCOUNT_KEY, 'S3Vtb0FjY291bnRLZXlGb3JMb2dUZXN0cw', SAS_SIG, 'KumoSasSignatureForLogTests'];

let moto: Moto;

/** Standard error in --log-format json: one object per line. */
function jsonLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
let closedPort: number;


before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
  closedPort = await freePort();
});
after(async () => {
  await moto?.stop();
});

const AWS_ENV = {
  ...MOTO_ENV,
  AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY: SECRET_KEY,
  AWS_SESSION_TOKEN: SESSION_TOKEN,
};

function awsScan(...extra: string[]): string[] {
  return ['scan', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--format', 'json', '--buckets', 'hr-system-*', ...extra];
}

function assertNothingSecretOrPersonal(stderr: string, what: string): void {
  for (const secret of SECRETS) assert.ok(!stderr.includes(secret), `${what}: ${secret} in stderr:\n${stderr}`);
  const personal = HR_EMPLOYEES.rawValues.filter((v) => stderr.includes(v));
  assert.deepEqual(personal, [], `${what}: personal values in stderr`);
  // No My Number shape at all (12 digits) once moto's account id is set aside.
  assert.doesNotMatch(stderr.replaceAll(MOTO_ACCOUNT, 'ACCOUNT'), /(?<!\d)\d{12}(?!\d)/, what);
  assert.doesNotMatch(stderr, /employees\.csv/, `${what}: an object key`);
}

describe('live scan of moto: JSON lines', () => {
  test('the exact event sequence with sampling, and the sample counts', async () => {
    const res = await runCli(awsScan('--sample', 'all', '--log-format', 'json'), AWS_ENV);
    assert.equal(res.code, 1, res.stderr);
    const lines = jsonLines(res.stderr);
    assert.deepEqual(
      lines.map((l) => l.event),
      ['scan.start', 'collect.start', 'scope.found', 'resource.done', 'resource.done', 'sample.start', 'sample.progress', 'sample.progress', 'sample.done', 'error', 'report.written', 'scan.end'],
    );
    // moto applies the locked bucket's TLS-only Deny to the plain-HTTP reads of its objects (its access logs): a
    // sampled read that fails is a recorded error, the scan incomplete.
    assert.deepEqual([lines[9]?.scope, lines[9]?.call, lines[9]?.code], ['arn:aws:s3:::hr-system-locked', 'SampleRead', 'AccessDenied']);
    assert.deepEqual(lines.filter((l) => l.event === 'resource.done').map((l) => [l.done, l.total, l.errors]), [[1, 2, 0], [2, 2, 0]]);
    assert.deepEqual(lines.filter((l) => l.event === 'resource.done').map((l) => l.name).sort(), ['hr-system-employees', 'hr-system-locked']);
    assert.deepEqual(lines[1], { ...lines[1], provider: 'aws', message: 'collecting aws' });
    assert.deepEqual(lines[2], { ...lines[2], provider: 'aws', accounts: ['123456789012'], resources: 2 });
    assert.deepEqual(lines.filter((l) => l.event === 'sample.progress').map((l) => [l.done, l.total]), [[1, 2], [2, 2]]);
    const sample = lines[8] ?? {};
    assert.deepEqual([sample.resources, sample.objects, sample.bytes, sample.withPersonalData, sample.failed], [2, 1, HR_EMPLOYEES.bytes.length, 1, 0]);
    const end = lines[11] ?? {};
    assert.deepEqual([end.resources, end.errors, end.complete, end.exitCode], [2, 1, false, 1]);
  });

  test('with --probe and --save-snapshot: the probe and snapshot events, and no object key anywhere', async () => {
    const outsider = await startFakePublicEndpoint((p) => (p.startsWith(`/${HR_PUBLIC}/`) ? 200 : 403));
    try {
      const snapshotFile = join(mkdtempSync(join(tmpdir(), 'kumoscan-logs-e2e-')), 'snap.json');
      const res = await runCli(awsScan('--probe', '--probe-endpoint', outsider.url, '--save-snapshot', snapshotFile, '--log-format', 'json'), AWS_ENV);
      assert.equal(res.code, 1, res.stderr);
      const lines = jsonLines(res.stderr);
      assert.deepEqual(
        lines.map((l) => l.event),
        ['scan.start', 'collect.start', 'scope.found', 'resource.done', 'resource.done', 'probe.start', 'probe.done', 'sample.start', 'sample.progress', 'sample.done', 'snapshot.written', 'report.written', 'scan.end'],
      );
      const pick = (event: string, keys: string[]): unknown[] => keys.map((k) => lines.find((l) => l.event === event)?.[k]);
      assert.deepEqual(pick('probe.start', ['resources']), [1]);
      assert.deepEqual(pick('probe.done', ['probed', 'reachable', 'refused']), [1, 1, 0]);
      assert.deepEqual(pick('sample.start', ['resources']), [1]);
      assert.deepEqual(pick('snapshot.written', ['path']), [snapshotFile]);
      assertNothingSecretOrPersonal(res.stderr, 'probe');
    } finally {
      await outsider.close();
    }
  });

  test('--quiet: nothing at all on standard error for a clean scan', async () => {
    const res = await runCli(awsScan('--quiet', '--sample', 'all'), AWS_ENV);
    assert.equal(res.code, 1);
    assert.equal(res.stderr, '');
    assert.ok(res.stdout.startsWith('{'));
  });
});

describe('never a credential or a personal value in a log line', () => {
  for (const format of ['text', 'json']) {
    test(`aws with keys in the environment and the employee CSV sampled (${format}, --verbose)`, async () => {
      const res = await runCli(awsScan('--sample', 'all', '--log-format', format, '--verbose'), {
        ...AWS_ENV,
        AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=https;AccountName=hrstore;AccountKey=${ACCOUNT_KEY};`,
      });
      assert.equal(res.code, 1, res.stderr);
      assert.match(res.stderr, /sample\.done/);
      assertNothingSecretOrPersonal(res.stderr, format);
    });

    test(`azure: a SAS URL as --account-url and an AccountKey connection string, both failing (${format})`, async () => {
      const [sas, key] = await Promise.all([
        runCli(['scan', 'azure', '--account-url', `http://127.0.0.1:${closedPort}/hrstore?sv=2022-11-02&ss=b&srt=co&sp=rl&sig=${SAS_SIG}`, '--format', 'json', '--log-format', format, '--verbose']),
        runCli(['scan', 'azure', '--format', 'json', '--log-format', format, '--verbose'], {
          AZURE_STORAGE_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=hrstore;AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${closedPort}/hrstore;`,
        }),
      ]);
      for (const res of [sas, key]) {
        assert.equal(res.code, 3, res.stderr);
        assert.match(res.stderr, /ECONNREFUSED/);
        assertNothingSecretOrPersonal(res.stderr, format);
      }
    });
  }

  test('an error that stops the scan does not echo the connection string', async () => {
    const res = await runCli(['scan', 'azure', '--format', 'json', '--log-format', 'json', '--connection-string', `AccountName=hrstore;AccountKey=${ACCOUNT_KEY}`, '--account-url', `https://127.0.0.1:1/hrstore?sig=${SAS_SIG}`]);
    assert.equal(res.code, 2, res.stderr);
    assert.match(res.stderr, /"event":"fatal"/);
    assertNothingSecretOrPersonal(res.stderr, 'fatal');
  });
});
