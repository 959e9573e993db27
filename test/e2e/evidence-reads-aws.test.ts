// End to end against moto: the HR bucket's server access logs (written from the documented field list, plain and
// gzip, beside a malformed, a truncated gzip, a gzip bomb and a huge log object) read by `scan aws --evidence reads`.
// Asserts the evidence, the leak "occurred" in the assessment and every format, the bounded and recorded failures,
// --input re-evaluation and --redact-ips.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, PutBucketLoggingCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { HR_PUBLIC, HR_REGION, PUBLIC_READ_POLICY, s3For, seedHrScenario } from '../helpers/seed-hr.js';
import { s3Line, type Request } from '../helpers/access-logs.js';

const LOGS = 'kumo-access-logs';
const NOLOG = 'hr-system-nolog';
const work = mkdtempSync(join(tmpdir(), 'kumoscan-reads-'));
let moto: Moto;

const read = (i: number, time: string): Request => ({ time, bucket: HR_PUBLIC, key: 'exports/employees.csv', op: 'read', requester: null, status: 200, ip: `203.0.113.${10 + i}`, bytes: 4096 });
const FIRST = '2026-11-02T01:00:00.000Z';
const LAST = '2026-11-03T05:30:00.000Z';

before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
  const s3 = s3For(moto.endpoint);
  const loc = { CreateBucketConfiguration: { LocationConstraint: HR_REGION } } as const;
  await s3.send(new CreateBucketCommand({ Bucket: LOGS, ...loc }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: LOGS, Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'S3ServerAccessLogs', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${LOGS}/*` }] }) }));
  await s3.send(new PutBucketLoggingCommand({ Bucket: HR_PUBLIC, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: LOGS, TargetPrefix: `${HR_PUBLIC}/` } } }));
  await s3.send(new CreateBucketCommand({ Bucket: NOLOG, ...loc }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: NOLOG, Policy: PUBLIC_READ_POLICY(NOLOG) }));
  await s3.send(new PutObjectCommand({ Bucket: NOLOG, Key: 'readme.txt', Body: 'nothing personal' }));
  // Six addresses download the export (one of them twice, gzip), one lists, the owner writes, one is refused.
  const plain = [read(0, FIRST), read(1, '2026-11-02T02:00:00.000Z'), read(2, '2026-11-02T03:00:00.000Z'), { ...read(3, '2026-11-02T04:00:00.000Z'), op: 'list' as const, key: null },
    { ...read(4, '2026-11-02T05:00:00.000Z'), requester: 'arn:aws:iam::123456789012:user/ops', op: 'put' as const }, { ...read(5, '2026-11-02T06:00:00.000Z'), status: 403 }];
  const put = (Key: string, Body: Uint8Array | string) => s3.send(new PutObjectCommand({ Bucket: LOGS, Key, Body }));
  await put(`${HR_PUBLIC}/2026-11-02-01-00-00-A1B2C3D4E5F6A7B8`, plain.map(s3Line).join('\n') + '\n');
  await put(`${HR_PUBLIC}/2026-11-03-05-00-00-0A1B2C3D4E5F6A7B.gz`, gzipSync([read(3, '2026-11-03T05:00:00.000Z'), read(4, '2026-11-03T05:10:00.000Z'), read(5, '2026-11-03T05:20:00.000Z'), read(0, LAST)].map(s3Line).join('\n') + '\n'));
  await put(`${HR_PUBLIC}/2026-11-04-00-00-00-MALFORMED0000000`, 'this is not a log line\n' + s3Line(read(0, '2026-10-01T00:00:00.000Z')).slice(0, 40) + '\n');
  await put(`${HR_PUBLIC}/2026-11-05-00-00-00-TRUNCATEDGZ00000.gz`, gzipSync(s3Line(read(0, FIRST)).repeat(50)).subarray(0, 30));
  await put(`${HR_PUBLIC}/2026-11-06-00-00-00-GZIPBOMB00000000.gz`, gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
  await put(`${HR_PUBLIC}/2026-11-07-00-00-00-HUGE000000000000`, Buffer.alloc(3 * 1024 * 1024, 0x41));
});
after(async () => {
  await moto?.stop();
});

const scanArgs = (...extra: string[]): string[] => ['scan', 'aws', '--endpoint-url', moto.endpoint, '--region', 'us-east-1', '--buckets', 'hr-system-*', '--evidence', 'reads', '--evidence-max-bytes', '2MiB', '--fail-on', 'none', ...extra];
const ID = `arn:aws:s3:::${HR_PUBLIC}`;

describe('scan aws --evidence reads against moto', () => {
  let report: Report;
  let code: number | null;
  const snapshot = join(work, 'snapshot.json');

  before(async () => {
    const res = await runCli(scanArgs('--format', 'json', '--quiet', '--save-snapshot', snapshot), MOTO_ENV);
    code = res.code;
    report = JSON.parse(res.stdout) as Report;
  });

  test('the report is valid; exit 3 because three log objects could not be read (recorded, not fatal)', () => {
    assertValidReport(report);
    assert.equal(code, 3);
    const r = report.resources.find((x) => x.id === ID);
    assert.deepEqual(r?.errors.filter((e) => e.call === 'ReadAccessLog').map((e) => `${e.code} ${e.message.split(':')[0]}`).sort(), [
      `CorruptGzip ${HR_PUBLIC}/2026-11-05-00-00-00-TRUNCATEDGZ00000.gz`,
      `DecompressedTooLarge ${HR_PUBLIC}/2026-11-06-00-00-00-GZIPBOMB00000000.gz`,
      `TooLarge ${HR_PUBLIC}/2026-11-07-00-00-00-HUGE000000000000`,
    ]);
  });

  test('the evidence: anonymous downloads, listings, addresses, first and last, the read object with its persons', () => {
    const reads = report.resources.find((x) => x.id === ID)?.reads;
    assert.equal(reads?.status, 'read');
    assert.deepEqual(reads?.location, { bucket: LOGS, prefix: `${HR_PUBLIC}/` });
    // moto writes log objects of its own for the scan's requests, not in the documented format: malformed lines.
    assert.ok((reads?.logs.objects ?? 0) >= 3 && (reads?.logs.malformedLines ?? 0) >= 2, JSON.stringify(reads?.logs));
    assert.equal(reads?.logs.complete, false);
    assert.deepEqual(reads?.outsiders.reads, { requests: 7, bytes: 7 * 4096, clients: 6, clientIps: ['203.0.113.10', '203.0.113.11', '203.0.113.12', '203.0.113.13', '203.0.113.14', '203.0.113.15'], first: FIRST, last: LAST, firstLog: 'hr-system-employees/2026-11-02-01-00-00-A1B2C3D4E5F6A7B8', lastLog: 'hr-system-employees/2026-11-03-05-00-00-0A1B2C3D4E5F6A7B.gz' });
    assert.equal(reads?.outsiders.lists.requests, 1);
    assert.deepEqual(reads?.objects.map((o) => [o.key, o.reads, o.clients]), [['exports/employees.csv', 7, 6]]);
    assert.deepEqual(reads?.personal, { objects: 1, persons: 60, keys: ['exports/employees.csv'] });
  });

  test('the assessment: leak occurred, cited; six addresses support category 3', () => {
    const a = report.assessment?.perResource.find((p) => p.resourceId === ID);
    assert.equal(a?.readByOutsiders?.leak, 'occurred');
    assert.match(a?.note.en ?? '', /^A leak occurred \(漏えい; confirmed by the access logs\)\. Read by outsiders: 1 object, 60 persons/);
    assert.match(a?.readByOutsiders?.text.en ?? '', /source: S3 server access logs \(kumo-access-logs\/hr-system-employees\/\)/);
    assert.equal(a?.reportability?.categories.find((c) => c.category === 3)?.applies, true);
  });

  test('a public bucket with logging off: the evidence does not exist, and why', () => {
    const nolog = report.resources.find((x) => x.name === NOLOG);
    assert.equal(nolog?.reads?.status, 'absent');
    assert.match(nolog?.reads?.reason?.en ?? '', /^Access logging was off.*access-logging-off check\)\. No CloudTrail trail records this bucket's data events \(object reads\) either\.$/);
    // The trails were looked for (moto answers DescribeTrails: none), without an error.
    assert.deepEqual(nolog?.reads?.errors, []);
    assert.ok(report.findings.some((f) => f.checkId === 'access-logging-off' && f.resourceId === nolog?.id));
  });

  test('no raw log line in the snapshot: the evidence summary only', () => {
    const text = readFileSync(snapshot, 'utf8');
    assert.ok(!text.includes('curl/8.5.0') && !text.includes('3E57427F33A59F07') && !text.includes('REST.GET.OBJECT'));
    assert.equal((JSON.parse(text) as { evidence: { reads: Record<string, { outsiders: { reads: { requests: number } } }> } }).evidence.reads[ID]?.outsiders.reads.requests, 7);
  });

  test('--input re-evaluates the evidence offline; table shows it in English and Japanese', async () => {
    const en = await runCli(['scan', '--input', snapshot, '--fail-on', 'none', '--lang', 'en', '--no-progress']);
    // The table wraps long values: any run of spaces and a line break may stand between words.
    assert.match(en.stdout, /Who read it\s+leaked \(confirmed\): Read by outsiders: 1 object,\s+60\s+persons/);
    const ja = await runCli(['scan', '--input', snapshot, '--fail-on', 'none', '--lang', 'ja', '--no-progress']);
    assert.match(ja.stdout.replace(/\n\s+/g, ''), /読取記録\s+漏えい（発生を確認）: 外部の者による読み取り: 1件のオブジェクト、60人/);
    const md = await runCli(['scan', '--input', snapshot, '--fail-on', 'none', '--format', 'md', '--lang', 'en', '--no-progress']);
    assert.match(md.stdout, /- Who read it \(access logs\): \*\*leaked \(confirmed\)\*\* — Read by outsiders: 1 object, 60 persons/);
    const json = JSON.parse((await runCli(['scan', '--input', snapshot, '--fail-on', 'none', '--format', 'json', '--redact-ips'])).stdout) as Report;
    const reads = json.resources.find((x) => x.id === ID)?.reads;
    assert.equal(reads?.outsiders.reads.clients, 6);
    assert.equal(reads?.outsiders.reads.clientIps, undefined);
    assert.ok(!JSON.stringify(json).includes('203.0.113.'));
  });

  test('--redact-ips on a live scan keeps addresses out of the snapshot too; --since narrows the window', async () => {
    const file = join(work, 'redacted.json');
    const res = await runCli(scanArgs('--format', 'json', '--quiet', '--redact-ips', '--since', '2026-11-03T00:00Z', '--save-snapshot', file), MOTO_ENV);
    assert.ok(!readFileSync(file, 'utf8').includes('203.0.113.'));
    const reads = (JSON.parse(res.stdout) as Report).resources.find((x) => x.id === ID)?.reads;
    assert.equal(reads?.window.since, '2026-11-03T00:00:00.000Z');
    assert.deepEqual([reads?.outsiders.reads.requests, reads?.outsiders.reads.clients, reads?.outsiders.reads.first], [4, 4, '2026-11-03T05:00:00.000Z']);
  });
});
