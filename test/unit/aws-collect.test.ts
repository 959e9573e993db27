// The AWS adapter with aws-sdk-client-mock: what a scan sends (read commands only), how "not configured"
// answers become values and how AccessDenied / NotImplemented / throttling become recorded errors.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import * as S3 from '@aws-sdk/client-s3';
import { S3ControlClient, GetPublicAccessBlockCommand as GetAccountPabCommand, S3ControlServiceException } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import * as IAM from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { collectAws } from '../../providers/aws/collect.js';
import { compileBucketFilter } from '../../src/bucket-filter.js';
import { normalizeAws } from '../../providers/aws/normalize.js';

const creds = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });

function s3Error(name: string, status: number): S3.S3ServiceException {
  return new S3.S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} (test)` });
}

const s3 = mockClient(S3.S3Client);
const sts = mockClient(STSClient);
const control = mockClient(S3ControlClient);
const iam = mockClient(IAM.IAMClient);

/** Commands a read-only scan may send. */
const READ_ONLY = /^(Get|List|Head)[A-Za-z]*Command$/;
/** The one other command a scan may send: it asks IAM to build the credential report and changes no configuration. */
const ALLOWED_NOT_READ = new Set(['GenerateCredentialReportCommand']);

const CREDENTIAL_REPORT = 'user,arn,user_creation_time,password_enabled,mfa_active\n<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,true\n';

beforeEach(() => {
  s3.reset();
  sts.reset();
  control.reset();
  iam.reset();
  iam.on(IAM.GetAccountAuthorizationDetailsCommand).resolves({ UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], IsTruncated: false });
  iam.on(IAM.GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24 } });
  iam.on(IAM.GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 } });
  iam.on(IAM.GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  iam.on(IAM.GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(CREDENTIAL_REPORT), ReportFormat: 'text/csv' });
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/auditor' });
  control.on(GetAccountPabCommand).resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } });
  s3.on(S3.ListBucketsCommand).resolves({ Owner: { ID: 'owner-canonical' }, Buckets: [{ Name: 'alpha' }, { Name: 'beta' }, { Name: 'gamma-skip' }] });
  s3.on(S3.GetBucketLocationCommand, { Bucket: 'alpha' }).resolves({ LocationConstraint: 'ap-northeast-1' });
  s3.on(S3.GetBucketLocationCommand, { Bucket: 'beta' }).resolves({});
  // "not configured" answers everywhere by default
  s3.on(S3.GetBucketAclCommand).resolves({ Owner: { ID: 'owner-canonical' }, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'owner-canonical' }, Permission: 'FULL_CONTROL' }] });
  s3.on(S3.GetBucketPolicyCommand).rejects(s3Error('NoSuchBucketPolicy', 404));
  s3.on(S3.GetBucketPolicyStatusCommand).rejects(s3Error('NoSuchBucketPolicy', 404));
  s3.on(S3.GetPublicAccessBlockCommand).rejects(s3Error('NoSuchPublicAccessBlockConfiguration', 404));
  s3.on(S3.GetBucketOwnershipControlsCommand).rejects(s3Error('OwnershipControlsNotFoundError', 404));
  s3.on(S3.GetBucketEncryptionCommand).resolves({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } });
  s3.on(S3.GetBucketVersioningCommand).resolves({});
  s3.on(S3.GetBucketLoggingCommand).resolves({});
  s3.on(S3.GetBucketWebsiteCommand).rejects(s3Error('NoSuchWebsiteConfiguration', 404));
  s3.on(S3.GetBucketLifecycleConfigurationCommand).rejects(s3Error('NoSuchLifecycleConfiguration', 404));
  s3.on(S3.GetObjectLockConfigurationCommand).rejects(s3Error('ObjectLockConfigurationNotFoundError', 404));
  s3.on(S3.GetBucketReplicationCommand).rejects(s3Error('ReplicationConfigurationNotFoundError', 404));
  s3.on(S3.GetBucketTaggingCommand).rejects(s3Error('NoSuchTagSet', 404));
});

afterEach(() => {
  s3.reset();
  sts.reset();
  control.reset();
  iam.reset();
});

describe('collectAws (aws-sdk-client-mock)', () => {
  test('sends read commands only (and GenerateCredentialReport), 13 per bucket without BucketRegion, and the account calls once', async () => {
    await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['alpha', 'beta']) });
    const sent = [...s3.calls(), ...sts.calls(), ...control.calls(), ...iam.calls()].map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name);
    const writes = sent.filter((n) => !READ_ONLY.test(n) && !ALLOWED_NOT_READ.has(n));
    assert.deepEqual(writes, []);
    assert.deepEqual(sent.filter((n) => !READ_ONLY.test(n)), ['GenerateCredentialReportCommand']);
    // IAM: one call of each, the credential report generated once and read once.
    assert.deepEqual(
      iam.calls().map((c) => (c.args[0] as { constructor: { name: string } }).constructor.name).sort(),
      ['GenerateCredentialReportCommand', 'GetAccountAuthorizationDetailsCommand', 'GetAccountPasswordPolicyCommand', 'GetAccountSummaryCommand', 'GetCredentialReportCommand'],
    );
    assert.equal(sts.commandCalls(GetCallerIdentityCommand).length, 1);
    assert.equal(control.commandCalls(GetAccountPabCommand).length, 1);
    assert.equal(control.commandCalls(GetAccountPabCommand)[0]?.args[0].input.AccountId, '111122223333');
    assert.equal(s3.commandCalls(S3.ListBucketsCommand).length, 1);
    // 1 ListBuckets + 2 buckets x (GetBucketLocation + 12 configuration reads); no GetBucketPolicyStatus by default
    assert.equal(s3.calls().length, 1 + 2 * 13);
    assert.equal(s3.commandCalls(S3.GetBucketLocationCommand).length, 2);
    assert.equal(s3.commandCalls(S3.GetBucketPolicyStatusCommand).length, 0);
  });

  test('BucketRegion in the listing: no GetBucketLocation, 12 calls per bucket, each read in the listed region', async () => {
    s3.on(S3.ListBucketsCommand).resolves({ Owner: { ID: 'owner-canonical' }, Buckets: [{ Name: 'alpha', BucketRegion: 'eu-west-1' }, { Name: 'beta', BucketRegion: 'us-east-1' }] });
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', iam: false });
    assert.equal(s3.commandCalls(S3.GetBucketLocationCommand).length, 0);
    assert.equal(s3.calls().length, 1 + 2 * 12);
    assert.deepEqual(snap.buckets.map((b) => `${b.Name}@${b.Region}`), ['alpha@eu-west-1', 'beta@us-east-1']);
    const regions = await Promise.all(s3.commandCalls(S3.GetBucketAclCommand).map((c) => (c.thisValue as S3.S3Client).config.region()));
    assert.deepEqual(regions.sort(), ['eu-west-1', 'us-east-1']);
  });

  test('--cross-check-policy-status: GetBucketPolicyStatus is sent and kept in the snapshot', async () => {
    s3.on(S3.GetBucketPolicyStatusCommand, { Bucket: 'alpha' }).resolves({ PolicyStatus: { IsPublic: true } });
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', iam: false, filter: compileBucketFilter(['alpha', 'beta']), crossCheckPolicyStatus: true });
    assert.equal(s3.commandCalls(S3.GetBucketPolicyStatusCommand).length, 2);
    assert.deepEqual(snap.buckets.map((b) => [b.Name, b.PolicyStatus, b.errors]), [['alpha', { IsPublic: true }, undefined], ['beta', undefined, undefined]]);
    // alpha has no public statement: S3's IsPublic=true disagrees with the evaluation, an error of that bucket
    const [ra, rb] = normalizeAws(snap);
    assert.deepEqual(ra?.errors.map((e) => `${e.call}:${e.code}`), ['GetBucketPolicyStatus:PolicyStatusDisagrees']);
    assert.deepEqual(rb?.errors, []);
  });

  test('a call throttled beyond the SDK retries is sent again after a pause: the bucket is complete, the concurrency cut', async () => {
    let answers = 0;
    s3.on(S3.GetBucketLoggingCommand, { Bucket: 'alpha' }).callsFake(() => {
      answers++;
      if (answers <= 2) throw s3Error('SlowDown', 503);
      return { LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'alpha/' } };
    });
    const cuts: number[] = [];
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', iam: false, filter: compileBucketFilter(['alpha', 'beta']), concurrency: 8, throttleRetry: { rounds: 2, pauseMs: 5 }, onThrottled: (l) => cuts.push(l) });
    const alpha = snap.buckets.find((b) => b.Name === 'alpha');
    assert.equal(alpha?.errors, undefined);
    assert.deepEqual(alpha?.Logging, { LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'alpha/' } });
    assert.equal(answers, 3);
    assert.deepEqual(cuts, [4]); // two throttled answers within the cool-down: one cut, from 8 to 4
    assert.equal(snap.buckets.length, 2);
  });

  test('a call still throttled after the last round is an error of that call only', async () => {
    s3.on(S3.GetBucketLoggingCommand, { Bucket: 'alpha' }).rejects(s3Error('SlowDown', 503));
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', iam: false, filter: compileBucketFilter(['alpha']), throttleRetry: { rounds: 2, pauseMs: 5 } });
    assert.equal(s3.commandCalls(S3.GetBucketLoggingCommand).length, 3);
    assert.deepEqual(snap.buckets[0]?.errors?.map((e) => `${e.call}:${e.code}`), ['GetBucketLogging:SlowDown']);
  });

  test('"not configured" answers are values, not errors', async () => {
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['beta']) });
    assert.equal(snap.accountId, '111122223333');
    assert.equal(snap.ownerCanonicalId, 'owner-canonical');
    assert.deepEqual(snap.accountPublicAccessBlock, { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    assert.equal(snap.errors, undefined);
    const beta = snap.buckets[0];
    assert.ok(beta);
    assert.equal(beta.Name, 'beta');
    assert.equal(beta.Region, 'us-east-1'); // empty LocationConstraint
    assert.equal(beta.errors, undefined);
    assert.equal(beta.Policy, undefined);
    assert.equal(beta.PublicAccessBlock, undefined);
    assert.deepEqual(beta.Versioning, {});
    assert.deepEqual(beta.Logging, {});
    assert.deepEqual(beta.Encryption, { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
  });

  test('AccessDenied, NotImplemented and throttling are recorded per call and the scan goes on', async () => {
    s3.on(S3.GetBucketPolicyCommand, { Bucket: 'alpha' }).rejects(s3Error('AccessDenied', 403));
    s3.on(S3.GetBucketOwnershipControlsCommand, { Bucket: 'alpha' }).rejects(s3Error('NotImplemented', 501));
    s3.on(S3.GetBucketLoggingCommand, { Bucket: 'alpha' }).rejects(s3Error('SlowDown', 503));
    control.on(GetAccountPabCommand).rejects(new S3ControlServiceException({ name: 'NoSuchPublicAccessBlockConfiguration', $fault: 'client', $metadata: { httpStatusCode: 404 }, message: 'none' }));
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['alpha', 'beta']), throttleRetry: { rounds: 1, pauseMs: 5 } });
    const alpha = snap.buckets.find((b) => b.Name === 'alpha');
    const beta = snap.buckets.find((b) => b.Name === 'beta');
    assert.deepEqual(alpha?.errors?.map((e) => `${e.call}:${e.code}`).sort(), ['GetBucketLogging:SlowDown', 'GetBucketOwnershipControls:NotImplemented', 'GetBucketPolicy:AccessDenied']);
    assert.equal(beta?.errors, undefined);
    const [ra, rb] = normalizeAws(snap);
    assert.ok(ra && rb);
    assert.equal(ra.logging, null);
    assert.equal(ra.guards.aclsEnabled, null);
    assert.equal(ra.exposure.read, null); // the policy could not be read: nothing can be said
    assert.equal(rb.exposure.read, false);
    assert.equal(rb.logging, false);
  });

  test('an unreadable policy does not matter when the account restricts public buckets and ignores public ACLs', async () => {
    s3.on(S3.GetBucketPolicyCommand, { Bucket: 'alpha' }).rejects(s3Error('AccessDenied', 403));
    const [ra] = normalizeAws(await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['alpha']) }));
    assert.ok(ra);
    assert.deepEqual([ra.exposure.read, ra.exposure.list, ra.exposure.write, ra.exposure.aclWrite], [false, false, false, false]);
  });

  test('the account Block Public Access is unknown when S3 Control is denied, and not-configured is all false', async () => {
    control.on(GetAccountPabCommand).rejects(new S3ControlServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'denied' }));
    const denied = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['beta']) });
    assert.deepEqual(denied.errors?.map((e) => `${e.call}:${e.code}`), ['GetPublicAccessBlock:AccessDenied']);
    assert.equal(normalizeAws(denied)[0]?.guards.accountBlockPublicAccess, null);
    control.on(GetAccountPabCommand).rejects(new S3ControlServiceException({ name: 'NoSuchPublicAccessBlockConfiguration', $fault: 'client', $metadata: { httpStatusCode: 404 }, message: 'none' }));
    const none = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['beta']) });
    assert.equal(none.errors, undefined);
    assert.deepEqual(normalizeAws(none)[0]?.guards.accountBlockPublicAccess, { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false });
  });

  test('each bucket is read through its own region: the location decides the client', async () => {
    await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['alpha']) });
    const regions = await Promise.all(
      s3.commandCalls(S3.GetBucketAclCommand).map(async (c) => {
        const client = c.thisValue as S3.S3Client;
        return client.config.region();
      }),
    );
    assert.deepEqual(regions, ['ap-northeast-1']);
  });

  test('a PermanentRedirect on GetBucketLocation names the region to use', async () => {
    const redirect = s3Error('PermanentRedirect', 301) as S3.S3ServiceException & { Region?: string };
    redirect.Region = 'ap-east-1';
    s3.on(S3.GetBucketLocationCommand, { Bucket: 'alpha' }).rejects(redirect);
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['alpha']) });
    assert.equal(snap.buckets[0]?.Region, 'ap-east-1');
    assert.equal(snap.buckets[0]?.errors, undefined);
  });

  test('ListBuckets denied: exact names given with --buckets are still scanned, and the error is kept', async () => {
    s3.on(S3.ListBucketsCommand).rejects(s3Error('AccessDenied', 403));
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['alpha', 'gam*']) });
    assert.deepEqual(snap.buckets.map((b) => b.Name), ['alpha']);
    assert.deepEqual(snap.errors?.map((e) => `${e.call}:${e.code}`), ['ListBuckets:AccessDenied']);
  });

  test('the bucket glob filters the listing', async () => {
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['*a']) });
    assert.deepEqual(snap.buckets.map((b) => b.Name).sort(), ['alpha', 'beta']);
  });
});
