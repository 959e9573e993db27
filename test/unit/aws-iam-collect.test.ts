// IAM collection with aws-sdk-client-mock: pagination, "no password policy" as a value, the credential report's
// bounded polling and parsing, and denied / failing calls recorded while the scan goes on. Also covers what moto cannot
// do in server mode (paginated GetAccountAuthorizationDetails, user permission boundaries, old access keys, a root row).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import * as IAM from '@aws-sdk/client-iam';
import * as S3 from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPabCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { collectAws } from '../../providers/aws/collect.js';
import { collectIam } from '../../providers/aws/iam/collect.js';
import { parseCredentialReport, parseCsv } from '../../providers/aws/iam/credential-report.js';
import { awsAdapter } from '../../providers/aws/index.js';
import { normalizeAws } from '../../providers/aws/normalize.js';
import { validateAwsSnapshot } from '../../providers/aws/snapshot-validate.js';
import { compileBucketFilter } from '../../src/bucket-filter.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';

const iam = mockClient(IAM.IAMClient);
const s3 = mockClient(S3.S3Client);
const sts = mockClient(STSClient);
const control = mockClient(S3ControlClient);
const creds = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
const client = (): IAM.IAMClient => new IAM.IAMClient({ region: 'us-east-1', credentials: creds });

function iamError(name: string, status: number): IAM.IAMServiceException {
  return new IAM.IAMServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} (test)` });
}

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const REPORT = [
  HEADER,
  '<root_account>,arn:aws:iam::111122223333:root,2019-01-01T00:00:00+00:00,not_supported,2026-10-01T00:00:00+00:00,not_supported,not_supported,false,true,2020-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
  'hr-admin,arn:aws:iam::111122223333:user/hr-admin,2024-01-01T00:00:00+00:00,true,2026-11-20T09:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,false,true,2026-10-01T00:00:00+00:00,2026-11-21T00:00:00+00:00,ap-northeast-1,s3,true,2026-11-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A',
  'batch,arn:aws:iam::111122223333:user/batch,2025-01-01T00:00:00+00:00,false,no_information,N/A,N/A,false,true,2026-05-01T00:00:00+00:00,2026-07-01T00:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
].join('\n') + '\n';

function defaults(): void {
  iam.on(IAM.GetAccountAuthorizationDetailsCommand).resolves({ UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], IsTruncated: false });
  iam.on(IAM.GetAccountPasswordPolicyCommand).rejects(new IAM.NoSuchEntityException({ $metadata: { httpStatusCode: 404 }, message: 'The Password Policy with domain name 111122223333 cannot be found.' }));
  iam.on(IAM.GetAccountSummaryCommand).resolves({ SummaryMap: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, Users: 2 } });
  iam.on(IAM.GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  iam.on(IAM.GetCredentialReportCommand).resolves({ Content: new TextEncoder().encode(REPORT), ReportFormat: 'text/csv', GeneratedTime: new Date('2026-11-22T00:00:00Z') });
}

function denyAllIam(): void {
  iam.on(IAM.GetAccountAuthorizationDetailsCommand).rejects(iamError('AccessDenied', 403));
  iam.on(IAM.GetAccountPasswordPolicyCommand).rejects(iamError('AccessDenied', 403));
  iam.on(IAM.GetAccountSummaryCommand).rejects(iamError('AccessDenied', 403));
  iam.on(IAM.GenerateCredentialReportCommand).rejects(iamError('AccessDenied', 403));
  iam.on(IAM.GetCredentialReportCommand).rejects(iamError('AccessDenied', 403));
}

beforeEach(() => {
  for (const m of [iam, s3, sts, control]) m.reset();
  defaults();
});
afterEach(() => {
  for (const m of [iam, s3, sts, control]) m.reset();
});

/** A sleep that only records the pauses, and a clock that advances with them. */
function fakeTime(): { sleep: (ms: number) => Promise<void>; now: () => number; pauses: number[] } {
  let t = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => t,
    sleep: async (ms) => {
      pauses.push(ms);
      t += ms;
    },
  };
}

describe('collectIam (aws-sdk-client-mock)', () => {
  test('GetAccountAuthorizationDetails: every page, merged; user Tags are not kept', async () => {
    iam.on(IAM.GetAccountAuthorizationDetailsCommand).resolvesOnce({
      UserDetailList: [{ UserName: 'a', Arn: 'arn:aws:iam::111122223333:user/a', Tags: [{ Key: 'email', Value: 'a@example.jp' }], CreateDate: new Date('2024-01-01T00:00:00Z') }],
      GroupDetailList: [{ GroupName: 'g', Arn: 'arn:aws:iam::111122223333:group/g' }],
      IsTruncated: true,
      Marker: 'page-2',
    }).resolvesOnce({
      UserDetailList: [{ UserName: 'b', Arn: 'arn:aws:iam::111122223333:user/b' }],
      RoleDetailList: [{ RoleName: 'r', Arn: 'arn:aws:iam::111122223333:role/r', AssumeRolePolicyDocument: '%7B%7D' }],
      Policies: [{ Arn: 'arn:aws:iam::111122223333:policy/p', PolicyVersionList: [] }],
      IsTruncated: false,
    });
    const snap = await collectIam(client());
    const calls = iam.commandCalls(IAM.GetAccountAuthorizationDetailsCommand);
    assert.equal(calls.length, 2);
    assert.equal(calls[0]?.args[0].input.Marker, undefined);
    assert.equal(calls[1]?.args[0].input.Marker, 'page-2');
    const d = snap.authorizationDetails;
    assert.ok(d);
    assert.deepEqual(d.UserDetailList.map((u) => u.UserName), ['a', 'b']);
    assert.ok(!('Tags' in (d.UserDetailList[0] ?? {})), 'user tags are dropped');
    assert.equal(d.UserDetailList[0]?.CreateDate, '2024-01-01T00:00:00.000Z', 'dates as ISO strings');
    assert.deepEqual([d.GroupDetailList.length, d.RoleDetailList.length, d.Policies.length], [1, 1, 1]);
    assert.equal(snap.errors, undefined);
  });

  test('NoSuchEntity on the password policy is a value (null), not an error', async () => {
    const snap = await collectIam(client());
    assert.equal(snap.passwordPolicy, null);
    assert.equal(snap.errors, undefined);
    iam.on(IAM.GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24, ExpirePasswords: false } });
    assert.deepEqual((await collectIam(client())).passwordPolicy, { MinimumPasswordLength: 14, PasswordReusePrevention: 24, ExpirePasswords: false });
  });

  test('the credential report: polled until COMPLETE with growing pauses, then read and parsed', async () => {
    iam.on(IAM.GenerateCredentialReportCommand).resolvesOnce({ State: 'STARTED' }).resolvesOnce({ State: 'INPROGRESS' }).resolves({ State: 'COMPLETE' });
    const time = fakeTime();
    const snap = await collectIam(client(), { pollIntervalMs: 100, sleep: time.sleep, now: time.now });
    assert.equal(iam.commandCalls(IAM.GenerateCredentialReportCommand).length, 3);
    assert.deepEqual(time.pauses, [100, 200]);
    const report = snap.credentialReport;
    assert.ok(report);
    assert.equal(report.GeneratedTime, '2026-11-22T00:00:00.000Z');
    assert.equal(report.columns.length, 22);
    assert.deepEqual(report.rows.map((r) => r['user']), ['<root_account>', 'hr-admin', 'batch']);
    assert.deepEqual(Object.keys(report.rows[1] ?? {}), report.columns, 'exactly the report columns');
    assert.equal(report.rows[1]?.['mfa_active'], 'false');
  });

  test('a report that never completes: a recorded error after the bounded wait', async () => {
    iam.on(IAM.GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });
    const time = fakeTime();
    const snap = await collectIam(client(), { reportWaitMs: 3_000, pollIntervalMs: 500, sleep: time.sleep, now: time.now });
    assert.equal(snap.credentialReport, undefined);
    assert.deepEqual(snap.errors?.map((e) => `${e.call}:${e.code}`), ['GenerateCredentialReport:ReportNotReady']);
    assert.ok(time.now() <= 3_000);
    assert.equal(iam.commandCalls(IAM.GetCredentialReportCommand).length, 0);
  });

  test('GetCredentialReport still in progress: retried within the wait', async () => {
    iam.on(IAM.GetCredentialReportCommand).rejectsOnce(iamError('ReportInProgress', 404)).resolves({ Content: new TextEncoder().encode(REPORT) });
    const time = fakeTime();
    const snap = await collectIam(client(), { sleep: time.sleep, now: time.now });
    assert.equal(iam.commandCalls(IAM.GetCredentialReportCommand).length, 2);
    assert.equal(snap.credentialReport?.rows.length, 3);
    assert.equal(snap.errors, undefined);
  });

  test('GenerateCredentialReport denied but an earlier report readable: the report is kept', async () => {
    iam.on(IAM.GenerateCredentialReportCommand).rejects(iamError('AccessDenied', 403));
    const snap = await collectIam(client());
    assert.equal(snap.credentialReport?.rows.length, 3);
    assert.equal(snap.errors, undefined);
  });

  test('every IAM call denied: four recorded errors, no keys', async () => {
    denyAllIam();
    const snap = await collectIam(client());
    assert.deepEqual(snap.errors?.map((e) => `${e.call}:${e.code}`).sort(), [
      'GenerateCredentialReport:AccessDenied',
      'GetAccountAuthorizationDetails:AccessDenied',
      'GetAccountPasswordPolicy:AccessDenied',
      'GetAccountSummary:AccessDenied',
    ]);
    assert.deepEqual(Object.keys(snap).sort(), ['errors']);
  });

  test('throttling past the SDK retries is recorded for that call only', async () => {
    iam.on(IAM.GetAccountSummaryCommand).rejects(iamError('Throttling', 400));
    const snap = await collectIam(client());
    assert.deepEqual(snap.errors?.map((e) => `${e.call}:${e.code}`), ['GetAccountSummary:Throttling']);
    assert.ok(snap.authorizationDetails && snap.credentialReport);
  });
});

describe('collectAws with IAM (aws-sdk-client-mock)', () => {
  beforeEach(() => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/auditor' });
    control.on(GetAccountPabCommand).resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } });
    s3.on(S3.ListBucketsCommand).resolves({ Owner: { ID: 'owner' }, Buckets: [{ Name: 'hr-data' }] });
    s3.on(S3.GetBucketLocationCommand).resolves({ LocationConstraint: 'ap-northeast-1' });
    s3.on(S3.GetBucketAclCommand).resolves({ Owner: { ID: 'owner' }, Grants: [] });
    s3.on(S3.GetBucketPolicyCommand).rejects(new S3.S3ServiceException({ name: 'NoSuchBucketPolicy', $fault: 'client', $metadata: { httpStatusCode: 404 }, message: 'none' }));
    s3.on(S3.GetBucketTaggingCommand).resolves({ TagSet: [{ Key: 'data-class', Value: 'personal' }] });
  });

  test('--no-iam: no IAM call, no iam key, identities "not collected", no identity finding', async () => {
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['hr-data']), iam: false });
    assert.equal(iam.calls().length, 0);
    assert.equal(snap.iam, undefined);
    const report = evaluateSnapshot(snap, { source: 'live', failOn: 'high', scannedAt: '2026-11-22T00:00:00.000Z' });
    assert.deepEqual(report.identities.map((i) => [i.collected, i.reason]), [[false, 'IAM not collected (--no-iam, or a snapshot taken without IAM)']]);
    assert.equal(report.resources[0]?.principals, null);
    assert.deepEqual(report.findings.filter((f) => f.checkId.startsWith('iam-')), []);
  });

  test('IAM denied: the buckets are still scanned, principals unknown, iam-not-verified, scan incomplete', async () => {
    denyAllIam();
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['hr-data']) });
    assert.equal(snap.buckets.length, 1);
    assert.equal(snap.errors, undefined, 'IAM errors live under iam.errors');
    assert.equal(snap.iam?.errors?.length, 4);
    const [r] = normalizeAws(snap);
    assert.equal(r?.principals, null);
    assert.equal(r?.principalsNote, 'could not be verified: GetAccountAuthorizationDetails failed (AccessDenied)');
    const report = evaluateSnapshot(snap, { source: 'live', failOn: 'high', scannedAt: '2026-11-22T00:00:00.000Z' });
    assert.equal(report.summary.complete, false);
    assert.deepEqual(report.errors.filter((e) => e.scope === 'aws:111122223333').map((e) => e.call).sort(), ['GenerateCredentialReport', 'GetAccountAuthorizationDetails', 'GetAccountPasswordPolicy', 'GetAccountSummary']);
    assert.deepEqual(report.findings.filter((f) => f.checkId.startsWith('iam-')).map((f) => `${f.checkId}:${f.resourceId}:${f.severity}`), ['iam-not-verified:aws:111122223333:medium']);
  });

  test('a complete IAM answer: the snapshot validates and --input reproduces it', async () => {
    iam.on(IAM.GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { MinimumPasswordLength: 8 } });
    const snap = await collectAws({ credentials: creds, region: 'us-east-1', filter: compileBucketFilter(['hr-data']) });
    // Key ages are counted at the collection time; pin it so the test does not depend on today's date.
    snap.collectedAt = '2026-11-22T00:00:00.000Z';
    const reread = validateAwsSnapshot(JSON.parse(JSON.stringify(snap)) as Record<string, unknown>);
    assert.deepEqual(normalizeAws(reread), normalizeAws(snap));
    const report = evaluateSnapshot(snap, { source: 'live', failOn: 'high', scannedAt: '2026-11-22T00:00:00.000Z' });
    assert.equal(report.summary.complete, true);
    // Root without MFA and with keys (summary); hr-admin: console without MFA (its keys are recent); batch's key is 205 days old.
    assert.deepEqual(report.findings.filter((f) => f.checkId.startsWith('iam-')).map((f) => `${f.checkId}:${f.resourceId}`).sort(), [
      'iam-access-key-stale:arn:aws:iam::111122223333:user/batch',
      'iam-console-user-without-mfa:arn:aws:iam::111122223333:user/hr-admin',
      'iam-password-policy-weak:aws:111122223333',
      'iam-root-account-unprotected:aws:111122223333',
    ]);
  });
});

describe('the adapter flags', () => {
  test('--no-iam and --max-readers are AWS options', () => {
    const flags = awsAdapter.options().map((o) => o.flags);
    assert.ok(flags.includes('--no-iam'));
    assert.ok(flags.includes('--max-readers <n>'));
  });

  test('--max-readers must be a whole number: a usage error (exit 2) otherwise', async () => {
    const res = await runCli(['scan', '--input', packagePath('examples', 'aws-hr-system.snapshot.json'), '--max-readers', 'many']);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /max-readers.*must be an integer from 0 to 100000/);
  });
});

describe('the credential report CSV', () => {
  test('quoted fields, doubled quotes, CRLF rows and a BOM', () => {
    assert.deepEqual(parseCsv('\ufeffa,b\r\n"x,y","say ""hi"""\r\n'), [['a', 'b'], ['x,y', 'say "hi"']]);
  });

  test('rows with the wrong number of fields are dropped; nothing is added to a row', () => {
    const r = parseCredentialReport('user,arn\nalice,arn:aws:iam::1:user/alice\nbroken\n', { GeneratedTime: 't' });
    assert.deepEqual(r, { GeneratedTime: 't', columns: ['user', 'arn'], rows: [{ user: 'alice', arn: 'arn:aws:iam::1:user/alice' }] });
  });
});

describe('the iam key of a snapshot (structural validation)', () => {
  const base = (iamKey: unknown): Record<string, unknown> => ({ provider: 'aws', accountId: '111122223333', buckets: [], ...(iamKey === undefined ? {} : { iam: iamKey }) });
  const details = (over: Record<string, unknown>) => ({ authorizationDetails: { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], ...over } });

  test('a snapshot without iam, and a complete one, are accepted', () => {
    assert.doesNotThrow(() => validateAwsSnapshot(base(undefined)));
    assert.doesNotThrow(() => validateAwsSnapshot(base({ ...details({}), passwordPolicy: null, accountSummary: { AccountMFAEnabled: 1 }, credentialReport: { columns: ['user'], rows: [{ user: 'a' }] }, errors: [] })));
  });

  const bad: [string, unknown, RegExp][] = [
    ['iam not an object', 'yes', /snapshot: iam must be an object/],
    ['a user without an ARN', details({ UserDetailList: [{ UserName: 'a' }] }), /iam\.authorizationDetails\.UserDetailList\[0\]\.Arn must be an ARN/],
    ['a role trust policy of the wrong type', details({ RoleDetailList: [{ RoleName: 'r', Arn: 'arn:aws:iam::1:role/r', AssumeRolePolicyDocument: 42 }] }), /RoleDetailList\[0\]\.AssumeRolePolicyDocument must be the policy document/],
    ['GroupDetailList missing', { authorizationDetails: { UserDetailList: [], RoleDetailList: [], Policies: [] } }, /iam\.authorizationDetails\.GroupDetailList must be an array/],
    ['a password policy that is a string', { passwordPolicy: 'strong' }, /iam\.passwordPolicy must be the PasswordPolicy object, or null/],
    ['a summary value that is not a number', { accountSummary: { AccountMFAEnabled: 'yes' } }, /iam\.accountSummary must be the SummaryMap/],
    ['a credential report row with a number', { credentialReport: { columns: ['user'], rows: [{ user: 1 }] } }, /iam\.credentialReport\.rows\[0\] must map column names to strings/],
    ['errors without a code', { errors: [{ call: 'GetAccountSummary' }] }, /iam\.errors\[0\] must be \{call, code, message\}/],
  ];
  for (const [name, value, message] of bad) {
    test(`rejected: ${name}`, () => assert.throws(() => validateAwsSnapshot(base(value)), message));
  }
});
