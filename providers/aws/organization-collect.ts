// collect for AWS Organizations (--org-role): list the member accounts, assume the named role in each ACTIVE one,
// and run the single-account collection with those credentials. An account that fails is recorded and skipped.
import { DescribeOrganizationCommand, ListAccountsCommand, OrganizationsClient, type Account } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { UsageError } from '../../src/errors.js';
import { collectAws, type AwsCollectOptions } from './collect.js';
import { commonClientConfig, connectionCredentials, homeRegionOf, limitCalls, type AwsCredentialIdentityProvider } from './clients.js';
import { errorCode, toCollectError } from './errors.js';
import { assumeMemberRole, memberRoleArn, partitionOf, rememberMemberCredentials } from './member-credentials.js';
import type { AwsOrganizationError, AwsOrganizationSnapshot, AwsSkippedAccount, AwsSnapshot } from './snapshot-types.js';

export interface AwsOrganizationOptions extends AwsCollectOptions {
  /** The role name assumed in every member account (--org-role). */
  orgRole: string;
  /** Only these member accounts (--accounts); all when empty. */
  accounts?: readonly string[];
  /** Never these member accounts (--exclude-accounts). */
  excludeAccounts?: readonly string[];
  /** sts:ExternalId for the member role (--external-id). */
  externalId?: string;
  /** Member accounts collected at once (--account-concurrency, default 4); each also collects `concurrency` buckets at once. */
  accountConcurrency?: number;
  /** Injected clients (tests). */
  organizationsClient?: OrganizationsClient;
  stsClient?: STSClient;
}

/** Every page of ListAccounts. Throws a UsageError when the caller may not list the organization. */
export async function listOrganizationAccounts(org: OrganizationsClient): Promise<Account[]> {
  const accounts: Account[] = [];
  let token: string | undefined;
  try {
    do {
      const out = await org.send(new ListAccountsCommand({ ...(token ? { NextToken: token } : {}) }));
      accounts.push(...(out.Accounts ?? []));
      token = out.NextToken;
    } while (token);
  } catch (err) {
    const e = toCollectError('ListAccounts', err);
    throw new UsageError(
      `--org-role: cannot list the organization's accounts (organizations:ListAccounts ${e.code}: ${e.message}); run from the management account or a delegated administrator account, or scan one account without --org-role`,
    );
  }
  return accounts;
}

/** ListAccounts' State (newer) or Status (older) of an account. */
export function accountState(a: Account): string {
  return (a as Account & { State?: string }).State ?? a.Status ?? 'UNKNOWN';
}

export interface AccountSelection {
  /** ACTIVE, selected accounts to scan, by id. */
  scan: string[];
  skipped: AwsSkippedAccount[];
  /** --accounts ids that the organization does not list. */
  unknown: string[];
}

/** Pure: which listed accounts are scanned, which are skipped as not ACTIVE, which asked-for ids are unknown. */
export function selectAccounts(listed: readonly Account[], only: readonly string[], exclude: readonly string[]): AccountSelection {
  const onlySet = new Set(only);
  const excludeSet = new Set(exclude);
  const scan: string[] = [];
  const skipped: AwsSkippedAccount[] = [];
  for (const a of listed) {
    if (!a.Id) continue;
    if ((onlySet.size > 0 && !onlySet.has(a.Id)) || excludeSet.has(a.Id)) continue;
    const state = accountState(a);
    if (state === 'ACTIVE') scan.push(a.Id);
    else skipped.push({ accountId: a.Id, ...(a.Name ? { name: a.Name } : {}), status: state });
  }
  const listedIds = new Set(listed.map((a) => a.Id));
  return {
    scan: [...new Set(scan)].sort(),
    skipped: skipped.sort((x, y) => x.accountId.localeCompare(y.accountId)),
    unknown: [...onlySet].filter((id) => !listedIds.has(id) && !excludeSet.has(id)).sort(),
  };
}

function stsFor(opts: AwsOrganizationOptions, credentials: AwsCredentialIdentityProvider): STSClient {
  return opts.stsClient ?? limitCalls(new STSClient({ ...commonClientConfig(opts), region: homeRegionOf(opts), credentials }), opts.limits);
}

/** Member accounts collected at once unless --account-concurrency says otherwise. */
export const DEFAULT_ACCOUNT_CONCURRENCY = 4;

type BucketProgress = NonNullable<AwsCollectOptions['onBucket']>;

/**
 * One progress count over every member account collected at once: done and total are sums over the accounts
 * started so far (a member's total is known once its buckets are listed); each bucket's own error count is passed on.
 */
export function organizationProgress(onBucket: BucketProgress): { of(accountId: string): BucketProgress } {
  const totals = new Map<string, number>();
  let done = 0;
  return {
    of: (accountId) => (name, _done, total, bucketErrors) => {
      totals.set(accountId, total);
      done += 1;
      let sum = 0;
      for (const t of totals.values()) sum += t;
      onBucket(name, done, sum, bucketErrors);
    },
  };
}

/**
 * scope.found for an organization: once every selected member account has listed its buckets (or failed before
 * listing), the accounts that listed (in the selection's order) and the buckets counted over them. Members are
 * collected a few at a time, so this comes after the last member's listing and before its buckets are read.
 */
export function organizationListing(
  selected: readonly string[],
  onListed: (found: { accounts: string[]; resources: number }) => void,
): { listed(accountId: string, resources: number): void; settled(accountId: string): void } {
  const counts = new Map<string, number>();
  const settled = new Set<string>();
  let announced = false;
  const check = (): void => {
    if (announced || settled.size < selected.length) return;
    announced = true;
    const accounts = selected.filter((id) => counts.has(id));
    onListed({ accounts, resources: accounts.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0) });
  };
  check();
  return {
    listed: (accountId, resources) => {
      counts.set(accountId, resources);
      settled.add(accountId);
      check();
    },
    settled: (accountId) => {
      settled.add(accountId);
      check();
    },
  };
}

export async function collectAwsOrganization(opts: AwsOrganizationOptions): Promise<AwsOrganizationSnapshot> {
  const callerCredentials = connectionCredentials(opts);
  const sts = stsFor(opts, callerCredentials);
  const org = opts.organizationsClient ?? limitCalls(new OrganizationsClient({ ...commonClientConfig(opts), region: homeRegionOf(opts), credentials: callerCredentials }), opts.limits);
  const errors: AwsOrganizationError[] = [];
  const snapshot: AwsOrganizationSnapshot = {
    provider: 'aws',
    snapshotVersion: 1,
    collectedAt: new Date().toISOString(),
    organization: { memberRole: opts.orgRole },
    accounts: [],
  };
  try {
    let caller: { Account?: string; Arn?: string };
    try {
      caller = await sts.send(new GetCallerIdentityCommand({}));
    } catch (err) {
      if (errorCode(err) === 'CredentialsProviderError') {
        throw new UsageError(`no AWS credentials found (${toCollectError('GetCallerIdentity', err).message}); use the standard chain (AWS_PROFILE, --profile, environment, SSO, instance or container role)`);
      }
      throw new UsageError(`--org-role: cannot identify the scanning identity (sts:GetCallerIdentity ${errorCode(err)})`);
    }
    if (caller.Account) snapshot.organization.callerAccountId = caller.Account;
    const partition = partitionOf(caller.Arn);
    try {
      const d = await org.send(new DescribeOrganizationCommand({}));
      if (d.Organization?.Id) snapshot.organization.id = d.Organization.Id;
      if (d.Organization?.MasterAccountId) snapshot.organization.managementAccountId = d.Organization.MasterAccountId;
    } catch (err) {
      errors.push(toCollectError('DescribeOrganization', err));
    }
    const listed = await listOrganizationAccounts(org);
    const selection = selectAccounts(listed, opts.accounts ?? [], opts.excludeAccounts ?? []);
    if (selection.skipped.length > 0) snapshot.skippedAccounts = selection.skipped;
    for (const id of selection.unknown) {
      errors.push({ accountId: id, call: 'ListAccounts', code: 'NotInOrganization', message: `account ${id} (--accounts) is not a member of the organization` });
    }
    // The member scans use the member credentials only: not the caller's profile, --role-arn or injected clients.
    const { profile: _profile, roleArn: _roleArn, clients: _clients, organizationsClient: _org, stsClient: _sts, onBucket, onListed, ...memberOptions } = opts;
    const progress = onBucket ? organizationProgress(onBucket) : undefined;
    const listing = onListed ? organizationListing(selection.scan, onListed) : undefined;
    const scanMember = async (accountId: string): Promise<{ member?: AwsSnapshot; error?: AwsOrganizationError }> => {
      try {
        return await readMember(accountId);
      } finally {
        // A member that failed before its listing (role denied, wrong account) no longer holds scope.found back.
        listing?.settled(accountId);
      }
    };
    const readMember = async (accountId: string): Promise<{ member?: AwsSnapshot; error?: AwsOrganizationError }> => {
      let credentials: AwsCredentialIdentityProvider;
      try {
        credentials = await assumeMemberRole(sts, { roleArn: memberRoleArn(partition, accountId, opts.orgRole), ...(opts.externalId ? { externalId: opts.externalId } : {}) });
      } catch (err) {
        if (accountId !== caller.Account) return { error: { accountId, ...toCollectError('AssumeRole', err) } };
        // The account the scan runs from (usually the management account) may lack the member role: its own
        // credentials read it instead.
        credentials = callerCredentials;
      }
      rememberMemberCredentials(opts.orgRole, accountId, credentials);
      let member: AwsSnapshot;
      try {
        member = await collectAws({
          ...memberOptions,
          credentials,
          ...(progress ? { onBucket: progress.of(accountId) } : {}),
          ...(listing ? { onListed: (found: { resources: number }) => listing.listed(accountId, found.resources) } : {}),
        });
      } catch (err) {
        return { error: { accountId, ...toCollectError('CollectAccount', err) } };
      }
      if (member.accountId !== accountId && member.accountId !== 'unknown') {
        return { error: { accountId, call: 'GetCallerIdentity', code: 'WrongAccount', message: `the role for account ${accountId} answered as account ${member.accountId}` } };
      }
      member.accountId = accountId;
      return { member };
    };
    // Several accounts at once (each account's buckets are collected concurrently too); the results are kept in the
    // order of the selection, so the snapshot does not depend on which account answered first.
    const limit = pLimit(Math.max(1, opts.accountConcurrency ?? DEFAULT_ACCOUNT_CONCURRENCY));
    const results = await Promise.all(selection.scan.map((id) => limit(() => scanMember(id))));
    for (const r of results) {
      if (r.error) errors.push(r.error);
      if (r.member) snapshot.accounts.push(r.member);
    }
  } finally {
    if (!opts.organizationsClient) org.destroy();
    if (!opts.stsClient) sts.destroy();
  }
  if (errors.length > 0) snapshot.errors = errors;
  return snapshot;
}
