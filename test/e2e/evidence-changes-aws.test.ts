// --evidence changes on AWS, end to end: the real CLI and the real CloudTrail SDK against a LookupEvents stand-in
// (moto has no LookupEvents) that forwards every S3 call to moto. Who opened the HR bucket, and when, in the JSON,
// the snapshot (--input re-evaluates it), Markdown and the table in both languages and the PPC draft; --redact-ips;
// a log that cannot be read is a recorded error with a null opening and exit 3.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { runCli } from '../helpers/cli.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { assertValidReport } from '../helpers/schema.js';
import { HR_LOCKED, HR_PUBLIC, HR_REGION, PUBLIC_READ_POLICY, seedHrScenario } from '../helpers/seed-hr.js';
import { s3Record, startCloudTrailServer, type CloudTrailServer } from '../helpers/cloudtrail-server.js';
import { formatLocalTime } from '../../src/text/local-time.js';

let moto: Moto;
let trail: CloudTrailServer;
const work = mkdtempSync(join(tmpdir(), 'kumoscan-changes-'));
const daysAgo = (d: number): string => new Date(Date.now() - d * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const opened = daysAgo(10);
const ALICE = 'arn:aws:iam::123456789012:user/alice';

before(async () => {
  moto = await startMoto();
  await seedHrScenario(moto.endpoint);
  trail = await startCloudTrailServer(moto.endpoint, [
    s3Record(HR_REGION, 'CreateBucket', daysAgo(40), { bucketName: HR_PUBLIC }, 'arn:aws:iam::123456789012:user/bob', '198.51.100.1'),
    s3Record(HR_REGION, 'PutBucketAcl', daysAgo(30), { bucketName: HR_PUBLIC, 'x-amz-acl': ['public-read'] }, 'arn:aws:iam::123456789012:user/bob', '198.51.100.1'),
    s3Record(HR_REGION, 'PutBucketPolicy', opened, { bucketName: HR_PUBLIC, bucketPolicy: JSON.parse(PUBLIC_READ_POLICY(HR_PUBLIC)) as unknown }, ALICE, '203.0.113.7'),
    s3Record(HR_REGION, 'PutBucketPolicy', daysAgo(5), { bucketName: HR_PUBLIC }, ALICE, '203.0.113.7', { errorCode: 'AccessDenied' }),
    s3Record(HR_REGION, 'PutPublicAccessBlock', daysAgo(3), { bucketName: HR_LOCKED, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }),
    s3Record(HR_REGION, 'PutBucketPolicy', daysAgo(120), { bucketName: HR_PUBLIC, bucketPolicy: JSON.parse(PUBLIC_READ_POLICY(HR_PUBLIC)) as unknown }, 'arn:aws:iam::123456789012:user/old'),
  ]);
});
after(async () => {
  await trail?.close();
  await moto?.stop();
});

const scanArgs = (...extra: string[]): string[] => ['scan', 'aws', '--endpoint-url', trail.endpoint, '--region', 'us-east-1', '--buckets', 'hr-system-*', '--fail-on', 'none', '--quiet', ...extra];

describe('kumoscan scan aws --evidence changes', () => {
  let report: Report;
  let code: number | null;
  const snapshot = join(work, 'snap.json');

  before(async () => {
    const res = await runCli(scanArgs('--evidence', 'changes', '--format', 'json', '--save-snapshot', snapshot), MOTO_ENV);
    code = res.code;
    assert.equal(res.stderr, '');
    report = JSON.parse(res.stdout) as Report;
  });

  test('the public bucket: opened by the latest change that made it public (the failed call and the change older than 90 days are not it)', () => {
    assertValidReport(report);
    assert.equal(code, 0, JSON.stringify(report.errors));
    const r = report.resources.find((x) => x.name === HR_PUBLIC);
    assert.deepEqual(r?.openedBy?.change, { time: new Date(opened).toISOString(), source: 'cloudtrail', action: 'PutBucketPolicy', principal: ALICE, sourceIp: '203.0.113.7', userAgent: '[aws-cli/2.15.0 Python/3.11]', basis: 'opens' });
  });

  test('the private bucket has no opening; only LookupEvents went to CloudTrail, in the bucket region and the home region, one lookup per event name', () => {
    assert.equal(report.resources.find((x) => x.name === HR_LOCKED)?.openedBy, undefined);
    assert.deepEqual([...new Set(trail.lookups.map((l) => l.region))].sort(), [HR_REGION, 'us-east-1']);
    assert.equal(trail.lookups.filter((l) => l.region === HR_REGION).length, 8);
  });

  test('the PPC draft cites the change and CloudTrail', () => {
    const draft = report.assessment.perResource.find((a) => a.resourceId === `arn:aws:s3:::${HR_PUBLIC}`)?.ppcDraft;
    const item1 = draft?.find((i) => i.no === 1)?.content;
    assert.ok(item1?.ja.includes(`${formatLocalTime(new Date(opened).toISOString())}、${ALICE} による設定変更で公開状態となりました（出典: AWS CloudTrail、PutBucketPolicy）。`), item1?.ja);
    assert.ok(item1?.en.includes(`It was made public by a change by ${ALICE} at ${formatLocalTime(new Date(opened).toISOString())} (source: AWS CloudTrail, PutBucketPolicy).`), item1?.en);
  });

  test('--input re-evaluates the snapshot without calling anything, in Markdown and the Japanese table', async () => {
    const before = trail.lookups.length;
    const md = await runCli(['scan', '--input', snapshot, '--format', 'md', '--lang', 'en', '--fail-on', 'none', '--quiet'], {});
    assert.equal(md.code, 0);
    assert.ok(md.stdout.includes(`- Opened by ${ALICE} at ${formatLocalTime(new Date(opened).toISOString())} (AWS CloudTrail: PutBucketPolicy)`), md.stdout);
    const ja = await runCli(['scan', '--input', snapshot, '--format', 'table', '--lang', 'ja', '--fail-on', 'none', '--quiet'], { COLUMNS: '200' });
    // The table wraps at 80 columns: compared without white space.
    const squeeze = (t: string): string => t.replace(/\s+/g, '');
    assert.ok(squeeze(ja.stdout).includes(squeeze(`公開にした変更: ${ALICE}、${formatLocalTime(new Date(opened).toISOString())}（AWS CloudTrail: PutBucketPolicy）`)), ja.stdout);
    assert.equal(trail.lookups.length, before);
    const saved = JSON.parse(readFileSync(snapshot, 'utf8')) as { evidence: { changes: { events: { action: string }[] } } };
    assert.deepEqual(saved.evidence.changes.events.map((e) => e.action), ['PutPublicAccessBlock', 'PutBucketPolicy', 'PutBucketAcl', 'CreateBucket']);
  });

  test('with --history: one "public since", the earlier of the history and CloudTrail, both kept, in the JSON and the PPC draft', async () => {
    const res = await runCli(['scan', '--input', snapshot, '--history', join(work, 'history.db'), '--format', 'json', '--fail-on', 'none', '--quiet'], {});
    assert.equal(res.code, 0, res.stderr);
    const withHistory = JSON.parse(res.stdout) as Report;
    assertValidReport(withHistory);
    const id = `arn:aws:s3:::${HR_PUBLIC}`;
    const since = withHistory.publicSince?.find((p) => p.resourceId === id);
    // The history's first run (the snapshot's collection) already saw it public; the change 10 days before is earlier.
    assert.equal(since?.source, 'cloudtrail');
    assert.equal(since?.at, new Date(opened).toISOString());
    assert.equal(since?.change?.action, 'PutBucketPolicy');
    assert.deepEqual([since?.history?.earliest, since?.history?.latest], [null, withHistory.history?.asOf]);
    const item1 = withHistory.assessment.perResource.find((a) => a.resourceId === id)?.ppcDraft?.find((i) => i.no === 1)?.content;
    const at = formatLocalTime(new Date(opened).toISOString());
    const run = formatLocalTime(withHistory.history?.asOf ?? '');
    assert.ok(item1?.ja.includes(`発生日: ${at}（根拠: AWS CloudTrail に記録された、公開状態にした設定変更 PutBucketPolicy）。kumoscan の実行履歴でも、記録された最初の実行（${run}）で公開を確認しています。`), item1?.ja);
    assert.ok(item1?.en.includes(`Date of occurrence (発生日): ${at} (basis: the change that made it public, PutBucketPolicy, recorded in AWS CloudTrail). kumoscan's run history agrees: public in the first run recorded (${run}).`), item1?.en);
    assert.equal(withHistory.publicSince?.some((p) => p.resourceId === `arn:aws:s3:::${HR_LOCKED}`), false);
  });

  test('--redact-ips: no source IP in the snapshot or the report', async () => {
    const redacted = join(work, 'redacted.json');
    const res = await runCli(scanArgs('--evidence', 'changes', '--format', 'json', '--redact-ips', '--save-snapshot', redacted), MOTO_ENV);
    assert.equal(res.code, 0);
    assert.doesNotMatch(res.stdout, /203\.0\.113\.7|198\.51\.100\.1/);
    assert.doesNotMatch(readFileSync(redacted, 'utf8'), /203\.0\.113\.7|198\.51\.100\.1/);
    const r = (JSON.parse(res.stdout) as Report).resources.find((x) => x.name === HR_PUBLIC);
    assert.equal(r?.openedBy?.change?.principal, ALICE);
    assert.equal(r?.openedBy?.change?.sourceIp, null);
  });

  test('without --evidence nothing is asked of CloudTrail', async () => {
    const before = trail.lookups.length;
    const res = await runCli(scanArgs('--format', 'json'), MOTO_ENV);
    assert.equal(res.code, 0);
    assert.equal(trail.lookups.length, before);
    assert.equal((JSON.parse(res.stdout) as Report).resources.find((x) => x.name === HR_PUBLIC)?.openedBy, undefined);
  });

  test('a log that cannot be read: the error recorded, the opening null, exit 3', async () => {
    trail.deny = { region: HR_REGION, status: 400 };
    try {
      const res = await runCli(scanArgs('--evidence', 'changes', '--format', 'json'), MOTO_ENV);
      assert.equal(res.code, 3);
      const rep = JSON.parse(res.stdout) as Report;
      assert.deepEqual(rep.resources.find((x) => x.name === HR_PUBLIC)?.openedBy?.change, null);
      assert.equal(rep.resources.find((x) => x.name === HR_PUBLIC)?.openedBy?.reason, 'log-error');
      const e = rep.errors.find((x) => x.call === 'cloudtrail:LookupEvents');
      assert.equal(e?.code, 'AccessDeniedException');
      assert.equal(e?.scope, '123456789012');
    } finally {
      delete trail.deny;
    }
  });
});
