// normalize: raw AWS snapshot -> Resource. Every setting: configured, not configured, and unknown (call failed).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exposureThroughOpenRoles, normalizeAws } from '../../providers/aws/normalize.js';
import type { AwsBucketSnapshot, AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import { parseSnapshot } from '../../src/snapshot.js';
import type { Resource } from '../../src/model.js';

function one(bucket: Partial<AwsBucketSnapshot>, account: Partial<AwsSnapshot> = {}): Resource {
  const snap: AwsSnapshot = { provider: 'aws', accountId: '111122223333', buckets: [{ Name: 'b1', Region: 'ap-northeast-1', ...bucket }], ...account };
  const [r] = normalizeAws(snap);
  assert.ok(r);
  return r;
}

const denied = (call: string) => ({ errors: [{ call, code: 'AccessDenied', message: 'Access Denied' }] });

describe('normalizeAws', () => {
  test('identity of the resource', () => {
    const r = one({});
    assert.equal(r.provider, 'aws');
    assert.equal(r.id, 'arn:aws:s3:::b1');
    assert.equal(r.name, 'b1');
    assert.equal(r.account, '111122223333');
    assert.equal(r.region, 'ap-northeast-1');
    assert.equal(one({ Region: undefined }).region, null);
  });

  test('encryption: SSE-S3 provider-managed, SSE-KMS and DSSE customer-managed with the key, none, unknown', () => {
    assert.deepEqual(one({ Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }).encryption, { atRest: 'provider-managed', key: 'AES256' });
    assert.deepEqual(one({ Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'arn:aws:kms:ap-northeast-1:111122223333:key/k1' } }] } }).encryption, { atRest: 'customer-managed', key: 'arn:aws:kms:ap-northeast-1:111122223333:key/k1' });
    assert.deepEqual(one({ Encryption: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms:dsse', KMSMasterKeyID: 'alias/hr' } }] } }).encryption, { atRest: 'customer-managed', key: 'alias/hr' });
    assert.deepEqual(one({}).encryption, { atRest: 'none' });
    assert.deepEqual(one(denied('GetBucketEncryption')).encryption, { atRest: null });
  });

  test('versioning and MFA delete', () => {
    const on = one({ Versioning: { Status: 'Enabled', MFADelete: 'Enabled' } });
    assert.deepEqual([on.versioning, on.mfaDelete, on.softDelete], [true, true, true]);
    const suspended = one({ Versioning: { Status: 'Suspended', MFADelete: 'Disabled' } });
    assert.deepEqual([suspended.versioning, suspended.mfaDelete], [false, false]);
    const never = one({ Versioning: {} });
    assert.deepEqual([never.versioning, never.mfaDelete], [false, false]);
    const unknown = one(denied('GetBucketVersioning'));
    assert.deepEqual([unknown.versioning, unknown.mfaDelete, unknown.softDelete], [null, null, null]);
  });

  test('logging, website, lifecycle, object lock: on, off, unknown', () => {
    assert.equal(one({ Logging: { LoggingEnabled: { TargetBucket: 'logs' } } }).logging, true);
    assert.equal(one({ Logging: {} }).logging, false);
    assert.equal(one({}).logging, false);
    assert.equal(one(denied('GetBucketLogging')).logging, null);
    assert.equal(one({ Website: { IndexDocument: { Suffix: 'index.html' } } }).website, true);
    assert.equal(one({ Website: { RedirectAllRequestsTo: { HostName: 'example.jp' } } }).website, true);
    assert.equal(one({}).website, false);
    assert.equal(one(denied('GetBucketWebsite')).website, null);
    assert.equal(one({ Lifecycle: { Rules: [{ ID: 'x', Status: 'Enabled' }] } }).lifecycle, true);
    assert.equal(one({ Lifecycle: { Rules: [{ ID: 'x', Status: 'Disabled' }] } }).lifecycle, false);
    assert.equal(one(denied('GetBucketLifecycleConfiguration')).lifecycle, null);
    assert.equal(one({ ObjectLock: { ObjectLockEnabled: 'Enabled' } }).retentionLock, true);
    assert.equal(one({}).retentionLock, false);
    assert.equal(one(denied('GetObjectLockConfiguration')).retentionLock, null);
  });

  test('tags from a TagSet or a plain object', () => {
    assert.deepEqual(one({ Tags: [{ Key: 'data-class', Value: 'personal' }, { Key: 'owner', Value: 'hr' }] }).tags, { 'data-class': 'personal', owner: 'hr' });
    assert.deepEqual(one({ Tags: { team: 'hr' } }).tags, { team: 'hr' });
    assert.deepEqual(one({}).tags, {});
  });

  test('account Block Public Access: not configured is all false, a failed call is unknown', () => {
    assert.deepEqual(one({}).guards.accountBlockPublicAccess, { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false });
    assert.equal(one({}, { errors: [{ call: 'GetPublicAccessBlock', code: 'AccessDenied', message: 'x' }] }).guards.accountBlockPublicAccess, null);
  });

  test('errors of the bucket are kept on the resource', () => {
    assert.deepEqual(one(denied('GetBucketTagging')).errors, [{ call: 'GetBucketTagging', code: 'AccessDenied', message: 'Access Denied' }]);
  });

  test('a policy given as parsed object and as the JSON string give the same verdicts', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b1/*' }] };
    const a = one({ Policy: policy });
    const b = one({ Policy: JSON.stringify(policy) });
    assert.equal(a.exposure.read, true);
    assert.deepEqual(a.exposure, b.exposure);
  });
});

describe('parseSnapshot', () => {
  test('accepts a BOM, a missing snapshotVersion, and keys it does not know', () => {
    const s = parseSnapshot('\uFEFF' + JSON.stringify({ provider: 'aws', accountId: '1', buckets: [{ Name: 'x', Future: 1 }], extra: true }));
    assert.equal((s as AwsSnapshot).buckets[0]?.Name, 'x');
  });
  test('rejects a newer snapshotVersion, wrong types and non-objects with the path', () => {
    assert.throws(() => parseSnapshot(JSON.stringify({ provider: 'aws', snapshotVersion: 2, accountId: '1', buckets: [] })), /snapshotVersion 2 is not supported/);
    assert.throws(() => parseSnapshot('[]'), /must be a JSON object/);
    assert.throws(() => parseSnapshot(JSON.stringify({ provider: 'aws', accountId: '1', buckets: {} })), /buckets must be an array/);
    assert.throws(() => parseSnapshot(JSON.stringify({ provider: 'aws', accountId: '1', buckets: [{ Name: 'x', Policy: 5 }] })), /buckets\[0\]\.Policy must be the policy JSON string or a policy object/);
    assert.throws(() => parseSnapshot(JSON.stringify({ provider: 'aws', accountId: '1', buckets: [{ Name: 'x', Acl: 'public' }] })), /buckets\[0\]\.Acl must be an object/);
    assert.throws(() => parseSnapshot(JSON.stringify({ provider: 'aws', accountId: '1', buckets: [{ Name: 'x', errors: [{ call: 1 }] }] })), /buckets\[0\]\.errors\[0\] must be/);
    assert.throws(() => parseSnapshot(JSON.stringify({ provider: 'aws', buckets: [] })), /accountId must be a non-empty string/);
  });
});

describe('exposureThroughOpenRoles', () => {
  const base = { read: false, list: false, write: false, aclWrite: false, evidence: [] };
  const open = { id: '*', kind: 'anyone' as const, account: null, capabilities: ['read' as const, 'list' as const], conditional: false, evidence: 'trust Statement[0] of arn:aws:iam::111122223333:role/open; inline read Statement[0]', viaRole: 'arn:aws:iam::111122223333:role/open' };
  test('a role anyone can assume without a condition makes its capabilities public, with evidence', () => {
    const e = exposureThroughOpenRoles(base, [open]);
    assert.deepEqual([e.read, e.list, e.write, e.aclWrite], [true, true, false, false]);
    assert.deepEqual(e.evidence.map((x) => `${x.capability}:${x.source}:${x.ref}`), ['read:iam-role-trust:arn:aws:iam::111122223333:role/open', 'list:iam-role-trust:arn:aws:iam::111122223333:role/open']);
  });
  test('a conditional trust, another account, or no role: unchanged', () => {
    assert.equal(exposureThroughOpenRoles(base, [{ ...open, conditional: true }]), base);
    assert.equal(exposureThroughOpenRoles(base, [{ ...open, kind: 'aws-account', account: '999988887777' }]), base);
    assert.equal(exposureThroughOpenRoles(base, []), base);
  });
});
