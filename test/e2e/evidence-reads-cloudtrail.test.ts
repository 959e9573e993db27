// --evidence reads from CloudTrail data events, end to end: the real CLI and the real CloudTrail and S3 SDKs against a
// CloudTrail stand-in (DescribeTrails, GetEventSelectors: the documented shapes) in front of moto. The public HR bucket
// has no server access logs; a multi-region trail logs its data events into a trail bucket, where the test places log
// files written from the documented record contents (gzip JSON), beside a damaged, a truncated gzip, a gzip bomb and
// a huge object. The evidence options also come from kumoscan.yml's `evidence:` (the command line wins). Anonymous downloads of the My Number export → "read by outsiders: 1 object, 60 persons" and a leak
// that occurred; each unreadable object is a recorded error (exit 3), never fatal; a refused DescribeTrails is too.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { CreateBucketCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { HR_PUBLIC, HR_REGION, PUBLIC_READ_POLICY, s3For, seedHrScenario } from '../helpers/seed-hr.js';
import { startCloudTrailServer, type CloudTrailServer } from '../helpers/cloudtrail-server.js';
import { cloudTrailKey, cloudTrailLogFile, cloudTrailRecord, type Request } from '../helpers/access-logs.js';

const TRAIL_BUCKET = 'kumo-trail-logs';
/** A public bucket whose trail logs the reads of one prefix only: its counts are lower bounds. */
const PARTIAL = 'hr-system-partial';
const ACCOUNT = '123456789012';
const ID = `arn:aws:s3:::${HR_PUBLIC}`;
const PREFIX = `audit/AWSLogs/${ACCOUNT}/CloudTrail/${HR_REGION}/`;
const FIRST = '2026-11-02T01:00:00.000Z';
const LAST = '2026-11-03T05:30:00.000Z';
const read = (i: number, time: string): Request => ({ time, bucket: HR_PUBLIC, key: 'exports/employees.csv', op: 'read', requester: null, status: 200, ip: `203.0.113.${10 + i}`, bytes: 4096 });
const key = (iso: string, id: string): string => cloudTrailKey('audit', ACCOUNT, HR_REGION, iso, id);

let moto: Moto;
let trail: CloudTrailServer;

before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
  const s3 = s3For(moto.endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: TRAIL_BUCKET, CreateBucketConfiguration: { LocationConstraint: HR_REGION } }));
  await s3.send(new CreateBucketCommand({ Bucket: PARTIAL, CreateBucketConfiguration: { LocationConstraint: HR_REGION } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: PARTIAL, Policy: PUBLIC_READ_POLICY(PARTIAL) }));
  await s3.send(new PutObjectCommand({ Bucket: PARTIAL, Key: 'exports/readme.txt', Body: 'nothing personal' }));
  const put = (Key: string, Body: Uint8Array | string) => s3.send(new PutObjectCommand({ Bucket: TRAIL_BUCKET, Key, Body }));
  const day1 = [read(0, FIRST), read(1, '2026-11-02T02:00:00.000Z'), { ...read(2, '2026-11-02T03:00:00.000Z'), op: 'list' as const, key: null }, { ...read(3, '2026-11-02T04:00:00.000Z'), op: 'head' as const },
    { ...read(4, '2026-11-02T05:00:00.000Z'), requester: 'arn:aws:iam::123456789012:user/ops' }, { ...read(5, '2026-11-02T06:00:00.000Z'), status: 403 }, { ...read(6, '2026-11-02T07:00:00.000Z'), bucket: 'another-bucket' }];
  await put(key(FIRST, 'AAAA1111'), gzipSync(cloudTrailLogFile(day1.map((r) => cloudTrailRecord(r, HR_REGION)))));
  await put(key(LAST, 'BBBB2222'), gzipSync(cloudTrailLogFile([read(2, '2026-11-03T05:00:00.000Z'), read(0, LAST)].map((r) => cloudTrailRecord(r, HR_REGION)))));
  await put(key('2026-11-04T00:00:00.000Z', 'DAMAGED0'), gzipSync('{"Records": [ {"eventVersion": "1.10", '));
  await put(key('2026-11-05T00:00:00.000Z', 'TRUNCATE'), gzipSync(cloudTrailLogFile([cloudTrailRecord(read(0, FIRST), HR_REGION)]).repeat(20)).subarray(0, 40));
  await put(key('2026-11-06T00:00:00.000Z', 'GZIPBOMB'), gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
  await put(key('2026-11-07T00:00:00.000Z', 'HUGE0000'), Buffer.alloc(3 * 1024 * 1024, 0x41));
  await s3.send(new PutObjectCommand({ Bucket: TRAIL_BUCKET, Key: cloudTrailKey('partial', ACCOUNT, HR_REGION, FIRST, 'PARTIAL1'), Body: gzipSync(cloudTrailLogFile([cloudTrailRecord({ ...read(8, FIRST), bucket: PARTIAL, key: 'exports/readme.txt' }, HR_REGION)])) }));
  // Another account's and another region's files are outside the prefix; the digest files too.
  await put(cloudTrailKey('audit', '210987654321', HR_REGION, FIRST, 'OTHERACC'), gzipSync(cloudTrailLogFile([cloudTrailRecord(read(7, FIRST), HR_REGION)])));
  await put(`audit/AWSLogs/${ACCOUNT}/CloudTrail-Digest/${HR_REGION}/2026/11/02/digest.json.gz`, gzipSync('{}'));
  trail = await startCloudTrailServer(moto.endpoint, [], [
    { name: 'management-only', homeRegion: HR_REGION, bucket: 'kumo-management-trail' },
    {
      name: 'data-events',
      homeRegion: 'us-east-1',
      multiRegion: true,
      bucket: TRAIL_BUCKET,
      prefix: 'audit',
      advancedEventSelectors: [
        { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        { Name: 'S3 object reads', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'readOnly', Equals: ['true'] }, { Field: 'resources.ARN', StartsWith: [`arn:aws:s3:::${HR_PUBLIC}/`] }] },
      ],
    },
    { name: 'exports-only', homeRegion: HR_REGION, bucket: TRAIL_BUCKET, prefix: 'partial', eventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: [`arn:aws:s3:::${PARTIAL}/exports/`] }] }] },
  ]);
});
after(async () => {
  await trail?.close();
  await moto?.stop();
});

const scanArgs = (...extra: string[]): string[] => ['scan', 'aws', '--endpoint-url', trail.endpoint, '--region', 'us-east-1', '--buckets', 'hr-system-*', '--evidence', 'reads', '--evidence-max-bytes', '2MiB', '--fail-on', 'none', '--quiet', ...extra];

describe('scan aws --evidence reads from CloudTrail data events', () => {
  let report: Report;
  let code: number | null;
  let stderr: string;

  before(async () => {
    trail.calls.length = 0;
    const res = await runCli(scanArgs('--format', 'json'), MOTO_ENV);
    code = res.code;
    stderr = res.stderr;
    report = JSON.parse(res.stdout) as Report;
  });

  test('the trails are found read-only: DescribeTrails in the bucket\'s region, GetEventSelectors in each trail\'s home region', () => {
    assertValidReport(report);
    assert.deepEqual(trail.calls.map((c) => `${c.operation} ${c.region}`).sort(), [`DescribeTrails ${HR_REGION}`, `GetEventSelectors ${HR_REGION}`, `GetEventSelectors ${HR_REGION}`, 'GetEventSelectors us-east-1']);
  });

  test('the evidence: anonymous downloads and listings of the bucket only; HeadObject, the owner, the refused read and other buckets do not count', () => {
    const reads = report.resources.find((x) => x.id === ID)?.reads;
    assert.equal(reads?.format, 'cloudtrail-data-events');
    assert.equal(reads?.status, 'read');
    assert.deepEqual(reads?.location, { bucket: TRAIL_BUCKET, prefix: PREFIX });
    assert.deepEqual([reads?.logs.objects, reads?.logs.malformedLines, reads?.logs.complete], [2, 0, false]);
    assert.deepEqual(reads?.outsiders.reads, { requests: 4, bytes: 4 * 4096, clients: 3, clientIps: ['203.0.113.10', '203.0.113.11', '203.0.113.12'], first: FIRST, last: LAST, firstLog: 'audit/AWSLogs/123456789012/CloudTrail/ap-northeast-1/2026/11/02/123456789012_CloudTrail_ap-northeast-1_20261102T0100Z_AAAA1111.json.gz', lastLog: 'audit/AWSLogs/123456789012/CloudTrail/ap-northeast-1/2026/11/03/123456789012_CloudTrail_ap-northeast-1_20261103T0530Z_BBBB2222.json.gz' });
    assert.equal(reads?.outsiders.lists.requests, 1);
    assert.deepEqual(reads?.personal, { objects: 1, persons: 60, keys: ['exports/employees.csv'] });
  });

  test('a trail that logs one prefix of the bucket only: read, its counts marked as lower bounds (not an error)', () => {
    const r = report.resources.find((x) => x.name === PARTIAL);
    assert.deepEqual(r?.reads?.location, { bucket: TRAIL_BUCKET, prefix: `partial/AWSLogs/${ACCOUNT}/CloudTrail/${HR_REGION}/` });
    assert.deepEqual([r?.reads?.logs.objects, r?.reads?.logs.complete, r?.reads?.logs.partial, r?.reads?.outsiders.reads.requests, r?.reads?.errors.length], [1, false, true, 1, 0]);
    const a = report.assessment?.perResource.find((p) => p.resourceId === r?.id);
    assert.match(a?.readByOutsiders?.text.en ?? '', /\(a lower bound: the logs record only part of the bucket's reads\)\.$/);
    assert.match(a?.readByOutsiders?.text.ja ?? '', /（ログがバケットの読み取りの一部しか記録しないため下限値）。$/);
  });

  test('damaged, truncated, gzip-bomb and huge log files are recorded errors of the resource; exit 3, not a crash', () => {
    assert.equal(code, 3);
    assert.equal(stderr.includes('at '), false, stderr);
    const errors = report.resources.find((x) => x.id === ID)?.errors.filter((e) => e.call === 'ReadAccessLog').map((e) => `${e.code} ${e.message.split(':')[0]}`).sort();
    assert.deepEqual(errors, [
      `CorruptGzip ${key('2026-11-05T00:00:00.000Z', 'TRUNCATE')}`,
      `DecompressedTooLarge ${key('2026-11-06T00:00:00.000Z', 'GZIPBOMB')}`,
      `MalformedLog ${key('2026-11-04T00:00:00.000Z', 'DAMAGED0')}`,
      `TooLarge ${key('2026-11-07T00:00:00.000Z', 'HUGE0000')}`,
    ]);
  });

  test('the assessment: a leak occurred, "read by outsiders: 1 object, 60 persons", citing the trail\'s files', () => {
    const a = report.assessment?.perResource.find((p) => p.resourceId === ID);
    assert.equal(a?.readByOutsiders?.leak, 'occurred');
    assert.match(a?.note.en ?? '', /^A leak occurred \(漏えい; confirmed by the access logs\)\. Read by outsiders: 1 object, 60 persons/);
    assert.match(a?.readByOutsiders?.text.en ?? '', new RegExp(`source: CloudTrail data events \\(log files delivered to S3\\) \\(${TRAIL_BUCKET}/${PREFIX}\\)`));
    assert.match(a?.readByOutsiders?.text.ja ?? '', /^外部の者による読み取り: 1件のオブジェクト、60人/);
  });
});

describe('scan aws --evidence reads when the trails cannot be read', () => {
  test('a refused DescribeTrails: no evidence, the reason says whether data events exist is unknown, a recorded error, exit 3', async () => {
    trail.denyOperation = 'DescribeTrails';
    try {
      const res = await runCli(scanArgs('--format', 'json'), MOTO_ENV);
      assert.equal(res.code, 3);
      const r = (JSON.parse(res.stdout) as Report).resources.find((x) => x.id === ID);
      assert.equal(r?.reads?.status, 'absent');
      assert.match(r?.reads?.reason?.en ?? '', /^Access logging was off.*The CloudTrail trails could not be read, so whether data events are recorded is unknown\.$/);
      assert.deepEqual(r?.errors.filter((e) => e.call === 'cloudtrail:DescribeTrails').map((e) => e.code), ['AccessDeniedException']);
    } finally {
      delete trail.denyOperation;
    }
  });
});

describe('the evidence options in kumoscan.yml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-evidence-config-'));
  writeFileSync(join(dir, 'kumoscan.yml'), 'version: 1\nevidence:\n  kinds: reads\n  maxBytes: 2MiB\n  redactIps: true\n');
  const args = (...extra: string[]): string[] => ['scan', 'aws', '--endpoint-url', trail.endpoint, '--region', 'us-east-1', '--buckets', 'hr-system-*', '--fail-on', 'none', '--quiet', '--format', 'json', ...extra];

  test('kinds, maxBytes and redactIps from the file: the trail is read, the huge file is over the 2 MiB bound, no address', async () => {
    const res = await runCli(args(), MOTO_ENV, dir);
    const r = (JSON.parse(res.stdout) as Report).resources.find((x) => x.id === ID);
    assert.deepEqual([r?.reads?.format, r?.reads?.outsiders.reads.requests, r?.reads?.outsiders.reads.clients], ['cloudtrail-data-events', 4, 3]);
    assert.equal(r?.reads?.outsiders.reads.clientIps, undefined);
    assert.ok(!res.stdout.includes('203.0.113.'));
    assert.ok(r?.errors.some((e) => e.code === 'TooLarge' && e.message.startsWith(key('2026-11-07T00:00:00.000Z', 'HUGE0000'))));
  });

  test('--evidence-max-bytes on the command line wins over maxBytes: 32 bytes leave every log file unread (recorded)', async () => {
    const res = await runCli(args('--evidence-max-bytes', '32'), MOTO_ENV, dir);
    assert.equal(res.code, 3);
    const r = (JSON.parse(res.stdout) as Report).resources.find((x) => x.id === ID);
    assert.equal(r?.reads?.logs.objects, 0);
    assert.deepEqual([...new Set(r?.errors.filter((e) => e.call === 'ReadAccessLog').map((e) => e.code))], ['TooLarge']);
    assert.equal(r?.errors.filter((e) => e.call === 'ReadAccessLog').length, 6);
  });
});
