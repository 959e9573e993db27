// The change records of the three clouds' logs (pure classifiers), the change that opened a resource, its text in
// both languages, --evidence and --redact-ips.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidArgumentError } from 'commander';
import { cloudTrailChange } from '../../src/evidence/changes/aws-events.js';
import { activityLogChange } from '../../src/evidence/changes/azure-events.js';
import { auditLogChange } from '../../src/evidence/changes/gcp-events.js';
import { openedByOf, openingChangeOf, openingChanges } from '../../src/evidence/changes/opening.js';
import { openedBySentence, openedByText } from '../../src/evidence/changes/text.js';
import type { ChangeEvent, ChangesEvidence } from '../../src/evidence/changes/types.js';
import { evidenceList } from '../../src/evidence/evidence-option.js';
import { redactEvidenceIps } from '../../src/evidence/redact-ips.js';
import { readPages, type ChangeBounds } from '../../src/evidence/changes/bounds.js';
import { parseSnapshot } from '../../src/snapshot.js';
import type { Resource } from '../../src/model.js';

const trail = (eventName: string, requestParameters: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventTime: '2026-11-02T01:00:00Z',
  eventName,
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012' },
  sourceIPAddress: '203.0.113.7',
  userAgent: 'aws-cli/2.15.0',
  requestParameters,
  recipientAccountId: '123456789012',
  ...extra,
});

describe('CloudTrail events -> changes', () => {
  test('a public bucket policy opens; a private one closes; DeleteBucketPolicy closes', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] };
    assert.deepEqual(cloudTrailChange(trail('PutBucketPolicy', { bucketName: 'b', bucketPolicy: policy })), {
      time: '2026-11-02T01:00:00.000Z',
      source: 'cloudtrail',
      action: 'PutBucketPolicy',
      target: { kind: 'resource', name: 'b' },
      effect: 'opens',
      principal: 'arn:aws:iam::123456789012:user/alice',
      sourceIp: '203.0.113.7',
      userAgent: 'aws-cli/2.15.0',
    });
    const privatePolicy = { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject' }] };
    assert.equal(cloudTrailChange(trail('PutBucketPolicy', { bucketName: 'b', bucketPolicy: JSON.stringify(privatePolicy) }))?.effect, 'closes');
    assert.equal(cloudTrailChange(trail('PutBucketPolicy', { bucketName: 'b', bucketPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: ['*'] } }] } }))?.effect, 'opens');
    assert.equal(cloudTrailChange(trail('DeleteBucketPolicy', { bucketName: 'b' }))?.effect, 'closes');
  });

  test('ACLs: a grant to AllUsers or a public canned ACL opens; a private ACL closes', () => {
    const grant = { AccessControlPolicy: { AccessControlList: { Grant: [{ Grantee: { URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' }] } } };
    assert.equal(cloudTrailChange(trail('PutBucketAcl', { bucketName: 'b', ...grant }))?.effect, 'opens');
    assert.equal(cloudTrailChange(trail('PutBucketAcl', { bucketName: 'b', 'x-amz-acl': ['public-read'] }))?.effect, 'opens');
    assert.equal(cloudTrailChange(trail('PutBucketAcl', { bucketName: 'b', 'x-amz-acl': ['private'] }))?.effect, 'closes');
    assert.equal(cloudTrailChange(trail('CreateBucket', { bucketName: 'b', 'x-amz-acl': ['public-read-write'] }))?.effect, 'opens');
    assert.equal(cloudTrailChange(trail('CreateBucket', { bucketName: 'b' }))?.effect, 'creates');
  });

  test('Block Public Access and Object Ownership: loosening opens, tightening closes; the account one names the account', () => {
    const off = { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true } };
    const on = { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } };
    assert.equal(cloudTrailChange(trail('PutPublicAccessBlock', { bucketName: 'b', ...off }))?.effect, 'opens');
    assert.equal(cloudTrailChange(trail('PutPublicAccessBlock', { bucketName: 'b', ...on }))?.effect, 'closes');
    assert.equal(cloudTrailChange(trail('DeletePublicAccessBlock', { bucketName: 'b' }))?.effect, 'opens');
    assert.deepEqual(cloudTrailChange(trail('PutAccountPublicAccessBlock', off))?.target, { kind: 'account', name: '123456789012' });
    assert.equal(cloudTrailChange(trail('PutBucketOwnershipControls', { bucketName: 'b', OwnershipControls: { Rule: { ObjectOwnership: 'ObjectWriter' } } }))?.effect, 'opens');
    assert.equal(cloudTrailChange(trail('PutBucketOwnershipControls', { bucketName: 'b', OwnershipControls: { Rule: { ObjectOwnership: 'BucketOwnerEnforced' } } }))?.effect, 'closes');
  });

  test('a failed call, another event, or a record without time or bucket is no change', () => {
    assert.equal(cloudTrailChange(trail('PutBucketPolicy', { bucketName: 'b' }, { errorCode: 'AccessDenied' })), null);
    assert.equal(cloudTrailChange(trail('GetBucketPolicy', { bucketName: 'b' })), null);
    assert.equal(cloudTrailChange(trail('PutBucketAcl', {})), null);
    assert.equal(cloudTrailChange({ eventName: 'PutBucketAcl' }), null);
    assert.equal(cloudTrailChange('not an event'), null);
  });
});

const CONTAINER_ID = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/hrexports/blobServices/default/containers/exports';
const ACCOUNT_ID = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/hrexports';
const activity = (op: string, resourceId: string, requestbody?: unknown, status = 'Succeeded'): Record<string, unknown> => ({
  caller: 'admin@contoso.example',
  eventTimestamp: '2026-11-03T02:00:00.0000000Z',
  operationName: { value: op, localizedValue: op },
  resourceId,
  status: { value: status },
  httpRequest: { clientIpAddress: '198.51.100.4', method: 'PUT' },
  claims: { ipaddr: '198.51.100.99' },
  properties: requestbody === undefined ? {} : { requestbody: JSON.stringify(requestbody) },
});

describe('Azure Activity Log events -> changes', () => {
  test('a container set to Blob or Container opens, to None closes, without a request body is unknown', () => {
    const w = 'Microsoft.Storage/storageAccounts/blobServices/containers/write';
    assert.deepEqual(activityLogChange(activity(w, CONTAINER_ID, { properties: { publicAccess: 'Container' } })), {
      time: '2026-11-03T02:00:00.000Z',
      source: 'azure-activity-log',
      action: w,
      target: { kind: 'resource', name: 'hrexports/exports' },
      effect: 'opens',
      principal: 'admin@contoso.example',
      sourceIp: '198.51.100.4',
      userAgent: null,
    });
    assert.equal(activityLogChange(activity(w, CONTAINER_ID, { properties: { publicAccess: 'None' } }))?.effect, 'closes');
    assert.equal(activityLogChange(activity(w, CONTAINER_ID))?.effect, 'unknown');
  });

  test('allowBlobPublicAccess true opens the account, false closes it; only Succeeded counts', () => {
    const w = 'Microsoft.Storage/storageAccounts/write';
    assert.deepEqual(activityLogChange(activity(w, ACCOUNT_ID, { properties: { allowBlobPublicAccess: true } }))?.target, { kind: 'account', name: 'hrexports' });
    assert.equal(activityLogChange(activity(w, ACCOUNT_ID, { properties: { allowBlobPublicAccess: true } }))?.effect, 'opens');
    assert.equal(activityLogChange(activity(w, ACCOUNT_ID, { properties: { allowBlobPublicAccess: false } }))?.effect, 'closes');
    assert.equal(activityLogChange(activity(w, ACCOUNT_ID, { properties: { allowBlobPublicAccess: true } }, 'Started')), null);
    assert.equal(activityLogChange(activity('Microsoft.Storage/storageAccounts/listKeys/action', ACCOUNT_ID)), null);
  });
});

const audit = (methodName: string, serviceData?: unknown, request?: unknown, code?: number): Record<string, unknown> => ({
  timestamp: '2026-11-04T03:00:00.123Z',
  logName: 'projects/p1/logs/cloudaudit.googleapis.com%2Factivity',
  resource: { type: 'gcs_bucket', labels: { bucket_name: 'hr-bucket', project_id: 'p1', location: 'asia-northeast1' } },
  protoPayload: {
    '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
    serviceName: 'storage.googleapis.com',
    methodName,
    resourceName: 'projects/_/buckets/hr-bucket',
    authenticationInfo: { principalEmail: 'ops@example.co.jp' },
    requestMetadata: { callerIp: '192.0.2.10', callerSuppliedUserAgent: 'google-cloud-sdk gcloud/460.0.0' },
    ...(serviceData ? { serviceData } : {}),
    ...(request ? { request } : {}),
    ...(code !== undefined ? { status: { code } } : {}),
  },
});

describe('Cloud Audit Logs entries -> changes', () => {
  test('adding allUsers opens, removing it closes; PAP inherited opens; a create is a creation', () => {
    const add = { policyDelta: { bindingDeltas: [{ action: 'ADD', role: 'roles/storage.objectViewer', member: 'allUsers' }] } };
    assert.deepEqual(auditLogChange(audit('storage.setIamPermissions', add)), {
      time: '2026-11-04T03:00:00.123Z',
      source: 'gcp-audit-log',
      action: 'storage.setIamPermissions',
      target: { kind: 'resource', name: 'hr-bucket' },
      effect: 'opens',
      principal: 'ops@example.co.jp',
      sourceIp: '192.0.2.10',
      userAgent: 'google-cloud-sdk gcloud/460.0.0',
    });
    assert.equal(auditLogChange(audit('storage.setIamPermissions', { policyDelta: { bindingDeltas: [{ action: 'REMOVE', role: 'roles/storage.objectViewer', member: 'allAuthenticatedUsers' }] } }))?.effect, 'closes');
    assert.equal(auditLogChange(audit('storage.setIamPermissions', { policyDelta: { bindingDeltas: [{ action: 'ADD', role: 'roles/storage.admin', member: 'user:x@example.co.jp' }] } }))?.effect, 'other');
    assert.equal(auditLogChange(audit('storage.buckets.update', undefined, { iamConfiguration: { publicAccessPrevention: 'inherited' } }))?.effect, 'opens');
    assert.equal(auditLogChange(audit('storage.buckets.update'))?.effect, 'unknown');
    assert.equal(auditLogChange(audit('storage.buckets.create'))?.effect, 'creates');
    assert.equal(auditLogChange(audit('storage.setIamPermissions', add, undefined, 7)), null);
    assert.equal(auditLogChange(audit('storage.objects.get')), null);
  });
});

const ev = (time: string, effect: ChangeEvent['effect'], name = 'b', kind: 'resource' | 'account' = 'resource', action = 'PutBucketPolicy'): ChangeEvent => ({
  time,
  source: 'cloudtrail',
  action,
  target: { kind, name },
  effect,
  principal: `arn:aws:iam::123456789012:user/${time.slice(8, 10)}`,
  sourceIp: '203.0.113.7',
  userAgent: 'aws-cli',
});

const bucket = (name: string, read: boolean | null, account = '123456789012'): Resource =>
  ({ provider: 'aws', account, id: `arn:aws:s3:::${name}`, name, exposure: { read, list: false, write: false, aclWrite: false, evidence: [] } }) as unknown as Resource;

describe('the change that opened a resource', () => {
  test('the latest opening change, on the bucket or its account; else the latest unknown write; else the creation', () => {
    const events = [ev('2026-10-01T00:00:00Z', 'creates', 'b', 'resource', 'CreateBucket'), ev('2026-10-05T00:00:00Z', 'opens'), ev('2026-10-07T00:00:00Z', 'closes'), ev('2026-10-09T00:00:00Z', 'opens', '123456789012', 'account', 'PutAccountPublicAccessBlock'), ev('2026-10-20T00:00:00Z', 'opens', 'other')];
    const r = bucket('b', true);
    assert.deepEqual(openingChangeOf(events, r), { time: '2026-10-09T00:00:00Z', source: 'cloudtrail', action: 'PutAccountPublicAccessBlock', principal: 'arn:aws:iam::123456789012:user/09', sourceIp: '203.0.113.7', userAgent: 'aws-cli', basis: 'opens' });
    assert.equal(openingChangeOf(events.slice(0, 1), r)?.basis, 'created');
    assert.equal(openingChangeOf([...events.slice(0, 1), ev('2026-10-02T00:00:00Z', 'unknown')], r)?.basis, 'content-unknown');
    assert.equal(openingChangeOf([ev('2026-10-02T00:00:00Z', 'closes')], r), null);
  });

  test('per public resource only; an account whose log could not be read gives null, with the reason', () => {
    const evidence: ChangesEvidence = {
      source: 'cloudtrail',
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
      events: [ev('2026-10-05T00:00:00Z', 'opens', 'pub'), ev('2026-10-05T00:00:00Z', 'opens', 'other-pub', 'resource')],
      truncated: false,
      errors: [{ scope: '999999999999', call: 'cloudtrail:LookupEvents', code: 'AccessDeniedException', message: 'denied' }],
    };
    const changes = openingChanges(evidence, [bucket('pub', true), bucket('private', false), bucket('unknown', null), bucket('other-pub', true, '999999999999')]);
    assert.deepEqual(Object.keys(changes).sort(), ['arn:aws:s3:::other-pub', 'arn:aws:s3:::pub']);
    assert.equal(changes['arn:aws:s3:::pub']?.action, 'PutBucketPolicy');
    assert.equal(changes['arn:aws:s3:::other-pub'], null);
    assert.equal(openedByOf(evidence, bucket('other-pub', true, '999999999999'))?.reason, 'log-error');
    assert.equal(openedByOf(evidence, bucket('quiet', true))?.reason, 'no-change');
    assert.equal(openedByOf(evidence, bucket('quiet', true))?.truncated, undefined);
    assert.equal(openedByOf({ ...evidence, truncated: true }, bucket('quiet', true))?.truncated, true);
    assert.equal(openedByOf(undefined, bucket('pub', true)), undefined);
  });
});

describe('what the reports say', () => {
  const window = { from: '2026-09-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };
  const change = { time: '2026-10-05T01:30:00.000Z', source: 'cloudtrail' as const, action: 'PutBucketPolicy', principal: 'arn:aws:iam::123456789012:user/alice', sourceIp: '203.0.113.7', userAgent: 'aws-cli', basis: 'opens' as const };

  test('opened by <principal> at <time> (source), each language whole', () => {
    assert.deepEqual(openedByText({ change, ...window }), {
      ja: '公開にした変更: arn:aws:iam::123456789012:user/alice、2026-10-05 10:30 JST（AWS CloudTrail: PutBucketPolicy）',
      en: 'Opened by arn:aws:iam::123456789012:user/alice at 2026-10-05 10:30 JST (AWS CloudTrail: PutBucketPolicy)',
    });
    assert.deepEqual(openedByText({ change: null, reason: 'no-change', ...window }), {
      ja: '公開にした変更: 記録期間（2026-09-01 09:00 JST〜2026-11-30 09:00 JST）に見つかりません',
      en: 'Opened by: no change in the log (2026-09-01 09:00 JST – 2026-11-30 09:00 JST) opened it',
    });
    assert.deepEqual(openedByText({ change: null, reason: 'no-change', truncated: true, ...window }), {
      ja: '公開にした変更: 読み取った範囲の記録（2026-09-01 09:00 JST〜2026-11-30 09:00 JST、上限に達したため一部のみ）に見つかりません',
      en: 'Opened by: no change in the part of the log read (2026-09-01 09:00 JST – 2026-11-30 09:00 JST; a bound was reached) opened it',
    });
    assert.deepEqual(openedByText({ change: null, reason: 'log-error', ...window }), { ja: '公開にした変更: 変更履歴を読み取れませんでした（エラーを参照）', en: 'Opened by: the change log could not be read (see the errors)' });
    const azure = openedByText({ change: { ...change, source: 'azure-activity-log', action: 'Microsoft.Storage/storageAccounts/write', principal: null, basis: 'content-unknown' }, ...window });
    assert.equal(azure.ja, '公開にした変更: 不明な主体、2026-10-05 10:30 JST（Azure アクティビティ ログ: Microsoft.Storage/storageAccounts/write）。ログに変更内容がないため、期間内の直近の書込みです');
    assert.doesNotMatch(azure.ja, /Activity Log|unknown principal/);
  });

  test('the PPC draft sentence cites its source; none without a change', () => {
    assert.deepEqual(openedBySentence({ change, ...window }), {
      ja: '2026-10-05 10:30 JST、arn:aws:iam::123456789012:user/alice による設定変更で公開状態となりました（出典: AWS CloudTrail、PutBucketPolicy）。',
      en: 'It was made public by a change by arn:aws:iam::123456789012:user/alice at 2026-10-05 10:30 JST (source: AWS CloudTrail, PutBucketPolicy).',
    });
    assert.equal(openedBySentence({ change: null, reason: 'no-change', ...window }), null);
    assert.equal(openedBySentence(undefined), null);
  });
});

describe('--evidence, --redact-ips, the bounds and the snapshot shape', () => {
  test('--evidence is a comma list of changes and reads; anything else is refused', () => {
    assert.deepEqual(evidenceList('changes'), ['changes']);
    assert.deepEqual(evidenceList('changes, reads', []), ['changes', 'reads']);
    assert.deepEqual(evidenceList('changes', ['changes']), ['changes']);
    assert.throws(() => evidenceList('writes'), (e: unknown) => e instanceof InvalidArgumentError && /"writes" is not an evidence kind \(changes, reads\)/.test(e.message));
  });

  test('--redact-ips drops every source IP and keeps the rest', () => {
    const evidence: ChangesEvidence = { source: 'cloudtrail', from: '2026-09-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', events: [ev('2026-10-05T00:00:00Z', 'opens')], truncated: false, errors: [] };
    const redacted = redactEvidenceIps({ changes: evidence });
    assert.equal(redacted?.changes?.events[0]?.sourceIp, null);
    assert.equal(redacted?.changes?.events[0]?.principal, 'arn:aws:iam::123456789012:user/05');
    assert.equal(evidence.events[0]?.sourceIp, '203.0.113.7');
  });

  test('paging stops at the page and event limits and says so', async () => {
    const bounds: ChangeBounds = { windowDays: 90, maxPages: 2, maxEvents: 1000, timeLimitMs: 60_000 };
    let calls = 0;
    const page = async (next: string | undefined) => {
      calls++;
      return { items: [ev('2026-10-05T00:00:00Z', 'opens')], next: `${Number(next ?? 0) + 1}` };
    };
    const got = await readPages(page, (x) => x as ChangeEvent, bounds, { over: () => false });
    assert.deepEqual([calls, got.events.length, got.truncated], [2, 2, true]);
    const few = await readPages(page, (x) => x as ChangeEvent, { ...bounds, maxPages: 10, maxEvents: 3 }, { over: () => false });
    assert.deepEqual([few.events.length, few.truncated], [3, true]);
    const over = await readPages(page, (x) => x as ChangeEvent, bounds, { over: () => true });
    assert.deepEqual([over.events.length, over.truncated], [0, true]);
  });

  test('a damaged evidence.changes in a snapshot is one clear line', () => {
    const doc = { provider: 'aws', accountId: '123456789012', buckets: [], evidence: { changes: { source: 'cloudtrail', from: 'yesterday', to: '2026-11-30T00:00:00.000Z', events: [], truncated: false, errors: [] } } };
    assert.throws(() => parseSnapshot(JSON.stringify(doc)), /^UsageError: snapshot: evidence\.changes\.from /);
  });
});
