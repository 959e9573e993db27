// The AWS side of the permission documents, checked against what a real scan sends: moto (S3, S3 Control, STS, IAM)
// behind a small recording proxy that keeps each request's method, path, query and form body (the Query protocol
// of STS and IAM puts the operation in the body). Every request is named (S3 by its path and sub-resource, S3
// Control by its path, STS/IAM by Action=…), must be one the source scan of test/unit/permissions-aws.test.ts found,
// and must be granted by its document (test/helpers/aws-permissions-table.ts). An unnamed request fails the test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { AWS_OPERATION_ACTIONS } from '../helpers/aws-permissions-table.js';
import { runCli } from '../helpers/cli.js';
import { startJsonStandIn } from '../helpers/json-stand-in.js';
import { MOTO_ENV, startMoto, type Moto } from '../helpers/moto.js';
import { awsGrants, awsOperationsInCode } from '../helpers/permissions.js';
import { assertValidReport } from '../helpers/schema.js';
import { HR_PUBLIC, HR_REGION, PUBLIC_READ_POLICY, s3For, seedHrScenario } from '../helpers/seed-hr.js';
import { startCloudTrailServer, type CloudTrailServer } from '../helpers/cloudtrail-server.js';
import { CreateBucketCommand, PutBucketLoggingCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Line } from '../helpers/access-logs.js';

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  /** X-Amz-Target of a JSON-protocol call (CloudTrail). */
  target: string;
}

/** Forwards to moto and records each request with its body. */
async function startBodyRecorder(target: string): Promise<{ origin: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = await startJsonStandIn(target, 'application/json', (req, body) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, body: body.toString('utf8'), target: String(req.headers['x-amz-target'] ?? '') });
    return false;
  });
  return { origin: server.url, seen, close: server.close };
}

/** S3 bucket sub-resources (GET /<bucket>?<name>) → the operation. */
const S3_SUBRESOURCES: Record<string, string> = {
  location: 'GetBucketLocation',
  acl: 'GetBucketAcl',
  policy: 'GetBucketPolicy',
  policyStatus: 'GetBucketPolicyStatus',
  publicAccessBlock: 'GetPublicAccessBlock',
  ownershipControls: 'GetBucketOwnershipControls',
  encryption: 'GetBucketEncryption',
  versioning: 'GetBucketVersioning',
  logging: 'GetBucketLogging',
  website: 'GetBucketWebsite',
  lifecycle: 'GetBucketLifecycleConfiguration',
  'object-lock': 'GetObjectLockConfiguration',
  replication: 'GetBucketReplication',
  tagging: 'GetBucketTagging',
};

/** The "<client>:<operation>" a request is, or undefined when it cannot be named. */
export function operationOf(s: Seen): string | undefined {
  const cloudtrail = /^CloudTrail_20131101\.(\w+)$/.exec(s.target)?.[1];
  if (s.method === 'POST' && cloudtrail) return `cloudtrail:${cloudtrail}`;
  if (s.method === 'POST' && s.path === '/') {
    const form = new URLSearchParams(s.body);
    const action = form.get('Action');
    if (!action) return undefined;
    const version = form.get('Version');
    return version === '2011-06-15' ? `sts:${action}` : version === '2010-05-08' ? `iam:${action}` : undefined;
  }
  if (s.method !== 'GET') return undefined;
  if (s.path === '/v20180820/configuration/publicAccessBlock') return 's3-control:GetPublicAccessBlock';
  if (s.path === '/') return 's3:ListBuckets';
  const parts = s.path.split('/').filter(Boolean);
  if (parts.length === 1) {
    if (s.query.get('list-type') === '2') return 's3:ListObjectsV2';
    const keys = [...s.query.keys()].filter((k) => k !== 'x-id');
    const sub = keys.length === 1 ? S3_SUBRESOURCES[keys[0] ?? ''] : undefined;
    return sub ? `s3:${sub}` : undefined;
  }
  return parts.length > 1 && [...s.query.keys()].every((k) => k === 'x-id') ? 's3:GetObject' : undefined;
}

describe('AWS permission documents against the requests of a scan (moto)', () => {
  let moto: Moto;
  let recorder: Awaited<ReturnType<typeof startBodyRecorder>>;
  let trail: CloudTrailServer;

  before(async () => {
    moto = await startMoto();
    await seedHrScenario(moto.endpoint);
    // Server access logs of the public bucket, so --evidence reads lists and reads the log bucket too.
    const s3 = s3For(moto.endpoint);
    await s3.send(new CreateBucketCommand({ Bucket: 'hr-access-logs', CreateBucketConfiguration: { LocationConstraint: HR_REGION } }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'hr-access-logs', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: 'arn:aws:s3:::hr-access-logs/*' }] }) }));
    await s3.send(new PutBucketLoggingCommand({ Bucket: HR_PUBLIC, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'hr-access-logs', TargetPrefix: `${HR_PUBLIC}/` } } }));
    await s3.send(new PutObjectCommand({ Bucket: 'hr-access-logs', Key: `${HR_PUBLIC}/2026-11-02-01-00-00-A1B2C3D4E5F6A7B8`, Body: s3Line({ time: '2026-11-02T01:00:00.000Z', bucket: HR_PUBLIC, key: 'exports/employees.csv', op: 'read', requester: null, status: 200, ip: '203.0.113.10', bytes: 10 }) + '\n' }));
    // A public bucket without server access logs: --evidence reads looks for a trail logging its data events.
    await s3.send(new CreateBucketCommand({ Bucket: 'hr-trail-only', CreateBucketConfiguration: { LocationConstraint: HR_REGION } }));
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'hr-trail-only', Policy: PUBLIC_READ_POLICY('hr-trail-only') }));
    // moto has no CloudTrail LookupEvents: its stand-in answers those (and DescribeTrails, GetEventSelectors) and
    // forwards the rest to moto.
    trail = await startCloudTrailServer(moto.endpoint, [], [{ name: 'data-events', homeRegion: HR_REGION, bucket: 'hr-access-logs', prefix: 'trail', eventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::hr-trail-only/'] }] }] }]);
    recorder = await startBodyRecorder(trail.endpoint);
  });
  after(async () => {
    await recorder?.close();
    await trail?.close();
    await moto?.stop();
  });

  test('every request of a scan with sampling of every bucket and --evidence changes,reads is a known operation, in the code, granted by its document', async (t) => {
    // --cross-check-policy-status: the one read not in every scan's path (GetBucketPolicyStatus) is sent too.
    const res = await runCli(['scan', '--quiet', 'aws', '--endpoint-url', recorder.origin, '--region', 'us-east-1', '--sample', 'all', '--cross-check-policy-status', '--evidence', 'changes,reads', '--format', 'json'], { ...MOTO_ENV });
    assert.equal(res.stderr, '');
    const report = JSON.parse(res.stdout) as Report;
    assertValidReport(report);
    assert.ok(report.resources.some((r) => r.data !== undefined), 'sampling ran');
    assert.ok((report.resources.find((r) => r.name === HR_PUBLIC)?.reads?.logs.objects ?? 0) >= 1, 'the access logs were read');

    const unnamed = recorder.seen.filter((s) => operationOf(s) === undefined).map((s) => `${s.method} ${s.path}?${s.query.toString()} ${s.body.slice(0, 60)}`);
    assert.deepEqual(unnamed, [], 'requests this test cannot name: extend operationOf and test/helpers/aws-permissions-table.ts');
    const ops = [...new Set(recorder.seen.map((s) => operationOf(s) as string))].sort();
    for (const o of ['s3:ListBuckets', 's3:GetBucketAcl', 's3:GetBucketPolicyStatus', 's3-control:GetPublicAccessBlock', 'sts:GetCallerIdentity', 'iam:GetAccountAuthorizationDetails', 's3:ListObjectsV2', 's3:GetObject', 'cloudtrail:LookupEvents', 'cloudtrail:DescribeTrails', 'cloudtrail:GetEventSelectors']) assert.ok(ops.includes(o), `${o} not exercised: ${ops.join(', ')}`);

    t.diagnostic(`operations sent: ${ops.join(' ')}`);
    const inCode = new Set(awsOperationsInCode(['src', 'providers']).map((o) => `${o.client}:${o.operation}`));
    const grants = awsGrants(['aws-iam-policy.json', 'aws-sampling-policy.json', 'aws-org-policy.json', 'aws-changes-policy.json', 'aws-reads-policy.json']);
    const problems: string[] = [];
    for (const o of ops) {
      if (!inCode.has(o)) problems.push(`${o} was sent but the source scan did not find it (how is it imported?)`);
      const row = AWS_OPERATION_ACTIONS[o];
      if (!row) {
        problems.push(`${o} has no row in test/helpers/aws-permissions-table.ts`);
        continue;
      }
      for (const a of row.actions) if (row.doc && !(grants.get(a) ?? []).includes(row.doc)) problems.push(`${o} needs ${a}, not granted by docs/permissions/${row.doc}`);
    }
    assert.deepEqual(problems, []);
  });
});
