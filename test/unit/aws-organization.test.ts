// AWS Organizations (--org-role), the pure and mocked parts: ListAccounts pagination, which accounts are scanned or
// skipped, the member role ARN, the organization snapshot's validation and how scope, normalize, identities and
// --buckets work over every member.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { ListAccountsCommand, OrganizationsClient, AWSOrganizationsNotInUseException, DescribeOrganizationCommand, type Account } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import * as S3 from '@aws-sdk/client-s3';
import { S3ControlClient, GetPublicAccessBlockCommand as GetAccountPabCommand } from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { collectAwsOrganization, listOrganizationAccounts, organizationListing, organizationProgress, selectAccounts } from '../../providers/aws/organization-collect.js';
import { memberRoleArn, partitionOf } from '../../providers/aws/member-credentials.js';
import { awsAdapter } from '../../providers/aws/index.js';
import { parseSnapshot } from '../../src/snapshot.js';
import { compileBucketFilter } from '../../src/bucket-filter.js';
import { UsageError } from '../../src/errors.js';
import type { AwsOrganizationSnapshot, AwsSnapshot } from '../../providers/aws/snapshot-types.js';

const org = mockClient(OrganizationsClient);
const sts = mockClient(STSClient);
const s3 = mockClient(S3.S3Client);
const control = mockClient(S3ControlClient);

beforeEach(() => {
  org.reset();
  sts.reset();
  s3.reset();
  control.reset();
});
afterEach(() => {
  org.reset();
});

const acct = (Id: string, State: string, Name = `n${Id.slice(-2)}`): Account => ({ Id, Name, State } as Account);

describe('ListAccounts', () => {
  test('follows NextToken through every page, in order', async () => {
    org.on(ListAccountsCommand, {}).resolves({ Accounts: [acct('111111111111', 'ACTIVE')], NextToken: 't1' });
    org.on(ListAccountsCommand, { NextToken: 't1' }).resolves({ Accounts: [acct('222222222222', 'SUSPENDED')], NextToken: 't2' });
    org.on(ListAccountsCommand, { NextToken: 't2' }).resolves({ Accounts: [acct('333333333333', 'ACTIVE')] });
    const client = new OrganizationsClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const listed = await listOrganizationAccounts(client);
    assert.deepEqual(listed.map((a) => a.Id), ['111111111111', '222222222222', '333333333333']);
    assert.deepEqual(org.commandCalls(ListAccountsCommand).map((c) => c.args[0].input), [{}, { NextToken: 't1' }, { NextToken: 't2' }]);
  });

  test('not in an organization / not allowed: a usage error naming the call, the code and what to do', async () => {
    org.on(ListAccountsCommand).rejects(new AWSOrganizationsNotInUseException({ message: 'Your account is not a member of an organization.', $metadata: {} }));
    const client = new OrganizationsClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    await assert.rejects(listOrganizationAccounts(client), (err: unknown) => {
      assert.ok(err instanceof UsageError);
      assert.equal(
        err.message,
        "--org-role: cannot list the organization's accounts (organizations:ListAccounts AWSOrganizationsNotInUseException: Your account is not a member of an organization.); run from the management account or a delegated administrator account, or scan one account without --org-role",
      );
      return true;
    });
  });
});

describe('which accounts are scanned', () => {
  const listed = [acct('333333333333', 'ACTIVE'), acct('111111111111', 'ACTIVE'), acct('222222222222', 'SUSPENDED', 'old'), acct('444444444444', 'PENDING_CLOSURE', 'closing'), { Id: '555555555555', Name: 'legacy', Status: 'ACTIVE' } as Account];

  test('every ACTIVE account (State, or the older Status), sorted; the others skipped with their state', () => {
    assert.deepEqual(selectAccounts(listed, [], []), {
      scan: ['111111111111', '333333333333', '555555555555'],
      skipped: [
        { accountId: '222222222222', name: 'old', status: 'SUSPENDED' },
        { accountId: '444444444444', name: 'closing', status: 'PENDING_CLOSURE' },
      ],
      unknown: [],
    });
  });

  test('--accounts and --exclude-accounts; an --accounts id the organization does not list is reported', () => {
    assert.deepEqual(selectAccounts(listed, ['333333333333', '222222222222', '999999999999', '111111111111'], ['111111111111']), {
      scan: ['333333333333'],
      skipped: [{ accountId: '222222222222', name: 'old', status: 'SUSPENDED' }],
      unknown: ['999999999999'],
    });
  });

  test('the member role ARN in the caller\'s partition', () => {
    assert.equal(memberRoleArn(partitionOf('arn:aws-cn:sts::111111111111:assumed-role/x/y'), '222222222222', 'kumoscan-audit'), 'arn:aws-cn:iam::222222222222:role/kumoscan-audit');
    assert.equal(memberRoleArn(partitionOf('arn:aws:iam::111111111111:user/me'), '222222222222', 'audit/kumoscan'), 'arn:aws:iam::222222222222:role/audit/kumoscan');
    assert.equal(partitionOf(undefined), 'aws');
  });
});

describe('collectAwsOrganization (mocked SDK)', () => {
  function accountWorld(): void {
    org.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc123', MasterAccountId: '111111111111' } });
    org.on(ListAccountsCommand).resolves({ Accounts: [acct('111111111111', 'ACTIVE'), acct('222222222222', 'ACTIVE'), acct('333333333333', 'ACTIVE'), acct('444444444444', 'SUSPENDED', 'old')] });
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/auditor' });
    const denied = new STSServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'not authorized to perform sts:AssumeRole' });
    sts.on(AssumeRoleCommand, { RoleArn: 'arn:aws:iam::111111111111:role/audit' }).rejects(denied);
    sts.on(AssumeRoleCommand, { RoleArn: 'arn:aws:iam::222222222222:role/audit' }).rejects(denied);
    sts.on(AssumeRoleCommand, { RoleArn: 'arn:aws:iam::333333333333:role/audit' }).resolves({ Credentials: { AccessKeyId: 'ASIA3', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3600_000) } });
    control.on(GetAccountPabCommand).resolves({});
    s3.on(S3.ListBucketsCommand).resolves({ Buckets: [] });
  }

  test('a denied member is recorded and skipped, the management account falls back to the caller, the suspended one is listed as skipped', async () => {
    accountWorld();
    // GetCallerIdentity: the scan's caller, then each member's identity (the caller's own for the management fallback).
    let calls = 0;
    sts.on(GetCallerIdentityCommand).callsFake(async () => (++calls <= 2 ? { Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/auditor' } : { Account: '333333333333', Arn: 'arn:aws:sts::333333333333:assumed-role/audit/kumoscan' }));
    const snap = await collectAwsOrganization({ orgRole: 'audit', iam: false, accountConcurrency: 1, region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }) });
    assert.deepEqual(snap.organization, { memberRole: 'audit', callerAccountId: '111111111111', id: 'o-abc123', managementAccountId: '111111111111' });
    assert.deepEqual(snap.accounts.map((a) => `${a.accountId} ${a.callerArn}`), ['111111111111 arn:aws:iam::111111111111:user/auditor', '333333333333 arn:aws:sts::333333333333:assumed-role/audit/kumoscan']);
    assert.deepEqual(snap.skippedAccounts, [{ accountId: '444444444444', name: 'old', status: 'SUSPENDED' }]);
    assert.deepEqual(snap.errors, [{ accountId: '222222222222', call: 'AssumeRole', code: 'AccessDenied', message: 'not authorized to perform sts:AssumeRole' }]);
    assert.deepEqual(
      sts.commandCalls(AssumeRoleCommand).map((c) => `${c.args[0].input.RoleArn} ${c.args[0].input.RoleSessionName}`),
      ['111111111111', '222222222222', '333333333333'].map((a) => `arn:aws:iam::${a}:role/audit kumoscan`),
    );
    assert.deepEqual(awsAdapter.scope(snap), {
      accounts: ['111111111111', '333333333333'],
      errors: [{ scope: 'aws:222222222222', call: 'AssumeRole', code: 'AccessDenied', message: 'not authorized to perform sts:AssumeRole' }],
    });
  });

  test('a role that answers as another account is refused (WrongAccount), and --external-id is sent', async () => {
    accountWorld();
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'ASIA', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3600_000) } });
    let calls = 0;
    sts.on(GetCallerIdentityCommand).callsFake(async () => (++calls === 1 ? { Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/auditor' } : { Account: '999999999999', Arn: 'arn:aws:sts::999999999999:assumed-role/audit/kumoscan' }));
    const snap = await collectAwsOrganization({ orgRole: 'audit', iam: false, accounts: ['333333333333'], externalId: 'ext-1', region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }) });
    assert.deepEqual(snap.accounts, []);
    assert.deepEqual(snap.errors, [{ accountId: '333333333333', call: 'GetCallerIdentity', code: 'WrongAccount', message: 'the role for account 333333333333 answered as account 999999999999' }]);
    assert.deepEqual(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.ExternalId), ['ext-1']);
  });
});

describe('member accounts at once (--account-concurrency)', () => {
  const ids = ['111111111111', '222222222222', '333333333333', '555555555555'];
  const keyOf = (id: string): string => `ASIA${id.slice(0, 4)}`;

  /** Four ACTIVE accounts; each member's ListBuckets waits `delay(account)` ms and is counted while in flight. */
  function parallelWorld(delay: (account: string) => number): { maxInFlight: () => number } {
    let inFlight = 0;
    let max = 0;
    org.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc123', MasterAccountId: '111111111111' } });
    org.on(ListAccountsCommand).resolves({ Accounts: ids.map((id) => acct(id, 'ACTIVE')) });
    for (const id of ids) {
      sts.on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${id}:role/audit` }).resolves({ Credentials: { AccessKeyId: keyOf(id), SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3600_000) } });
    }
    // Each member answers with its own account, found from the credentials of the client that sends the call.
    const accountOf = async (getClient: () => { config: { credentials: () => Promise<{ accessKeyId: string }> } }): Promise<string> => {
      const key = (await getClient().config.credentials()).accessKeyId;
      return ids.find((id) => keyOf(id) === key) ?? '111111111111';
    };
    sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
      const account = await accountOf(getClient as never);
      return { Account: account, Arn: `arn:aws:sts::${account}:assumed-role/audit/kumoscan` };
    });
    control.on(GetAccountPabCommand).resolves({});
    s3.on(S3.ListBucketsCommand).callsFake(async (_input, getClient) => {
      const account = await accountOf(getClient as never);
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, delay(account)));
      inFlight--;
      return { Buckets: [] };
    });
    return { maxInFlight: () => max };
  }

  test('at most N accounts in flight; the snapshot keeps the order of the accounts, not of the answers', async () => {
    // The first account answers last.
    const world = parallelWorld((account) => (account === '111111111111' ? 60 : 5));
    const snap = await collectAwsOrganization({ orgRole: 'audit', iam: false, accountConcurrency: 2, region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }) });
    assert.deepEqual(snap.accounts.map((a) => a.accountId), ids);
    assert.equal(snap.errors, undefined);
    assert.equal(world.maxInFlight(), 2);
  });

  test('the default is 4 at once; 1 is one after the other', async () => {
    const four = parallelWorld(() => 20);
    await collectAwsOrganization({ orgRole: 'audit', iam: false, region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }) });
    assert.equal(four.maxInFlight(), 4);
    org.reset();
    sts.reset();
    s3.reset();
    control.reset();
    const one = parallelWorld(() => 5);
    await collectAwsOrganization({ orgRole: 'audit', iam: false, accountConcurrency: 1, region: 'us-east-1', credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }) });
    assert.equal(one.maxInFlight(), 1);
  });

  test('scope.found (onListed) comes once every member has listed its buckets, before collection ends, with the accounts that listed and their buckets summed', async () => {
    parallelWorld(() => 5);
    // Account 3 is denied: it never lists, and does not hold scope.found back.
    sts.on(AssumeRoleCommand, { RoleArn: 'arn:aws:iam::333333333333:role/audit' }).rejects(new STSServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'denied' }));
    s3.on(S3.ListBucketsCommand).resolves({ Buckets: [{ Name: 'b-1' }, { Name: 'b-2' }] });
    const order: string[] = [];
    const found: { accounts: string[]; resources: number }[] = [];
    const done = collectAwsOrganization({
      orgRole: 'audit',
      iam: false,
      accountConcurrency: 4,
      region: 'us-east-1',
      credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: 's' }),
      onListed: (f) => {
        found.push(f);
        order.push('scope.found');
      },
      onBucket: (name) => order.push(`bucket ${name}`),
    }).then(() => order.push('collected'));
    await done;
    assert.deepEqual(found, [{ accounts: ['111111111111', '222222222222', '555555555555'], resources: 6 }]);
    assert.ok(order.indexOf('scope.found') < order.indexOf('collected'));
    assert.ok(order.indexOf('scope.found') < order.lastIndexOf('bucket b-2'), order.join(', '));
  });

  test('organizationListing: once, after every selected account listed or failed; at once when none is selected', () => {
    const calls: { accounts: string[]; resources: number }[] = [];
    const l = organizationListing(['111111111111', '222222222222', '333333333333'], (f) => calls.push(f));
    l.listed('222222222222', 4);
    l.settled('333333333333');
    assert.deepEqual(calls, []);
    l.listed('111111111111', 1);
    l.settled('111111111111');
    l.settled('222222222222');
    assert.deepEqual(calls, [{ accounts: ['111111111111', '222222222222'], resources: 5 }]);
    const none: unknown[] = [];
    organizationListing([], (f) => none.push(f));
    assert.deepEqual(none, [{ accounts: [], resources: 0 }]);
  });

  test('one progress count over the accounts: done and total summed, each bucket\'s errors passed on', () => {
    const calls: [string, number, number, number | undefined][] = [];
    const p = organizationProgress((name, done, total, errors) => calls.push([name, done, total, errors]));
    const a = p.of('111111111111');
    const b = p.of('222222222222');
    a('a-1', 1, 2, 0);
    b('b-1', 1, 3, 1);
    a('a-2', 2, 2, 0);
    b('b-2', 2, 3, 0);
    b('b-3', 3, 3, 2);
    assert.deepEqual(calls, [
      ['a-1', 1, 2, 0],
      ['b-1', 2, 5, 1],
      ['a-2', 3, 5, 0],
      ['b-2', 4, 5, 0],
      ['b-3', 5, 5, 2],
    ]);
  });

  test('--account-concurrency: 1 to 64, else a usage error', async () => {
    const { accountConcurrency } = await import('../../providers/aws/options.js');
    assert.equal(accountConcurrency('8'), 8);
    for (const bad of ['0', '65', '2.5', 'x']) assert.throws(() => accountConcurrency(bad), /must be an integer from 1 to 64/);
  });
});

function member(accountId: string, bucket: string, extra: Partial<AwsSnapshot> = {}): AwsSnapshot {
  return { provider: 'aws', accountId, buckets: [{ Name: bucket, Region: 'ap-northeast-1' }], ...extra };
}

function orgSnapshot(): AwsOrganizationSnapshot {
  return {
    provider: 'aws',
    snapshotVersion: 1,
    organization: { id: 'o-abc123', managementAccountId: '111111111111', memberRole: 'audit' },
    accounts: [member('111111111111', 'mgmt-logs'), member('222222222222', 'hr-data', { errors: [{ call: 'GetPublicAccessBlock', code: 'AccessDenied', message: 'denied' }] })],
    skippedAccounts: [{ accountId: '444444444444', status: 'SUSPENDED' }],
    errors: [
      { call: 'DescribeOrganization', code: 'AccessDeniedException', message: 'no' },
      { accountId: '333333333333', call: 'AssumeRole', code: 'AccessDenied', message: 'denied' },
    ],
  };
}

describe('the organization snapshot through the adapter', () => {
  test('normalize, scope, identities and --buckets work over every member; a single-account snapshot is unchanged', () => {
    const snap = orgSnapshot();
    assert.deepEqual(awsAdapter.normalize(snap).map((r) => `${r.account} ${r.id}`), ['111111111111 arn:aws:s3:::mgmt-logs', '222222222222 arn:aws:s3:::hr-data']);
    assert.deepEqual(awsAdapter.scope(snap), {
      accounts: ['111111111111', '222222222222'],
      errors: [
        { scope: 'aws:organization:o-abc123', call: 'DescribeOrganization', code: 'AccessDeniedException', message: 'no' },
        { scope: 'aws:333333333333', call: 'AssumeRole', code: 'AccessDenied', message: 'denied' },
        { scope: 'aws:222222222222', call: 'GetPublicAccessBlock', code: 'AccessDenied', message: 'denied' },
      ],
    });
    assert.deepEqual(awsAdapter.identities?.(snap).map((i) => `${i.account} ${i.collected}`), ['111111111111 false', '222222222222 false']);
    const filtered = awsAdapter.filterSnapshot(snap, compileBucketFilter(['hr-*'])) as AwsOrganizationSnapshot;
    assert.deepEqual(filtered.accounts.map((a) => a.buckets.map((b) => b.Name)), [[], ['hr-data']]);
    const single = member('111111111111', 'x');
    assert.deepEqual(awsAdapter.scope(single), { accounts: ['111111111111'], errors: [] });
    assert.deepEqual(awsAdapter.filterSnapshot(single, compileBucketFilter(['y'])), { ...single, buckets: [] });
  });

  test('validation: the organization shape round-trips through JSON', () => {
    const parsed = parseSnapshot(JSON.stringify(orgSnapshot()));
    assert.deepEqual(parsed, orgSnapshot());
  });

  const broken: [string, (s: Record<string, unknown>) => void, string][] = [
    ['organization not an object', (s) => (s.organization = 'o-1'), 'snapshot: organization must be an object {id, managementAccountId, memberRole}'],
    ['memberRole missing', (s) => delete (s.organization as Record<string, unknown>).memberRole, 'snapshot: organization.memberRole must be a non-empty string (the --org-role name)'],
    ['organization id', (s) => ((s.organization as Record<string, unknown>).id = 'abc'), 'snapshot: organization.id must be the organization id (o-…)'],
    ['management account id', (s) => ((s.organization as Record<string, unknown>).managementAccountId = '12'), 'snapshot: organization.managementAccountId must be a 12-digit account id'],
    ['both shapes', (s) => (s.buckets = []), 'snapshot: organization cannot be combined with top-level accountId/buckets: an organization snapshot keeps each account under accounts[]'],
    ['accounts missing', (s) => delete s.accounts, 'snapshot: accounts must be an array of single-account snapshots'],
    ['a member field', (s) => (((s.accounts as Record<string, unknown>[])[1]!.buckets as Record<string, unknown>[])[0]!.Name = ''), 'snapshot: accounts[1].buckets[0].Name must be a non-empty string'],
    ['a member without accountId', (s) => delete (s.accounts as Record<string, unknown>[])[0]!.accountId, 'snapshot: accounts[0].accountId must be a non-empty string (the 12-digit account id)'],
    ['a nested organization', (s) => ((s.accounts as Record<string, unknown>[])[0]!.organization = {}), 'snapshot: accounts[0] must be a single-account snapshot, not an organization'],
    ['an account twice', (s) => ((s.accounts as Record<string, unknown>[])[1]!.accountId = '111111111111'), 'snapshot: accounts[1].accountId "111111111111" appears twice'],
    ['a bucket in two accounts', (s) => (((s.accounts as Record<string, unknown>[])[1]!.buckets as Record<string, unknown>[])[0]!.Name = 'mgmt-logs'), 'snapshot: accounts[1].buckets[0].Name "mgmt-logs" is also in account 111111111111: a bucket name belongs to one account'],
    ['skipped account', (s) => (s.skippedAccounts = [{ accountId: '4' }]), 'snapshot: skippedAccounts[0] must be {accountId, name, status} with string accountId and status'],
    ['error accountId', (s) => ((s.errors as Record<string, unknown>[])[1]!.accountId = 3), 'snapshot: errors[1].accountId must be a string (the member account id)'],
  ];
  for (const [name, change, message] of broken) {
    test(`rejected with a one-line error: ${name}`, () => {
      const doc = JSON.parse(JSON.stringify(orgSnapshot())) as Record<string, unknown>;
      change(doc);
      assert.throws(() => parseSnapshot(JSON.stringify(doc)), (err: unknown) => err instanceof UsageError && err.message === message);
    });
  }
});
