// AWS Organizations on top of the single-account adapter: an organization snapshot (--org-role) holds one
// single-account snapshot per member, and every pure step (normalize, scope, identities, filterSnapshot) is the
// single-account step applied to each member. A single-account snapshot goes straight through, unchanged.
import { InvalidArgumentError, Option } from 'commander';
import type { ScanError } from '../../src/model.js';
import type { ProviderAdapter, SnapshotScope } from '../../src/provider.js';
import { isOrganizationSnapshot, type AwsOrganizationSnapshot, type AwsScanSnapshot, type AwsSnapshot } from './snapshot-types.js';
import { validateAwsOrganizationSnapshot } from './organization-validate.js';

/** The single-account snapshots inside: the snapshot itself, or every member of the organization. */
export function memberSnapshots(snapshot: AwsScanSnapshot): AwsSnapshot[] {
  return isOrganizationSnapshot(snapshot) ? snapshot.accounts : [snapshot];
}

/** Scope of the failures the organization itself records: a member account, else the organization. */
export function organizationErrors(snapshot: AwsOrganizationSnapshot): ScanError[] {
  const orgScope = snapshot.organization.id ? `aws:organization:${snapshot.organization.id}` : 'aws:organization';
  return (snapshot.errors ?? []).map(({ accountId, ...e }) => ({ scope: accountId ? `aws:${accountId}` : orgScope, ...e }));
}

const GROUP = 'AWS Organizations:';

/** Account ids: repeatable and comma-separated; each must be 12 digits. */
export function accountIds(value: string, previous: string[] = []): string[] {
  const ids = value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  for (const id of ids) if (!/^\d{12}$/.test(id)) throw new InvalidArgumentError(`"${id}" is not an AWS account id (12 digits)`);
  return [...previous, ...ids];
}

/** --account-concurrency: 1 to 64. */
export function accountConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('must be an integer from 1 to 64');
  return n;
}

export function organizationOptions(): Option[] {
  return [
    new Option('--org-role <name>', 'scan every ACTIVE account of the AWS Organization by assuming this role (name, not ARN) in each; run from the management or a delegated administrator account').helpGroup(GROUP),
    new Option('--accounts <ids>', 'with --org-role: only these member accounts (repeatable, or comma-separated)').argParser(accountIds).helpGroup(GROUP),
    new Option('--exclude-accounts <ids>', 'with --org-role: skip these member accounts (repeatable, or comma-separated)').argParser(accountIds).helpGroup(GROUP),
    new Option('--external-id <id>', 'with --org-role: the sts:ExternalId the member role requires').helpGroup(GROUP),
    new Option('--account-concurrency <n>', 'with --org-role: member accounts scanned at once (each with --concurrency buckets at once)').argParser(accountConcurrency).default(4).helpGroup(GROUP),
  ];
}

/** Lifts the single-account adapter over organization snapshots. */
export function withOrganizations(
  base: ProviderAdapter<AwsSnapshot>,
  org: {
    options: Option[];
    collect: ProviderAdapter<AwsScanSnapshot>['collect'];
    openReader: NonNullable<ProviderAdapter<AwsScanSnapshot>['openReader']>;
  },
): ProviderAdapter<AwsScanSnapshot> {
  const eachMember = <T>(snapshot: AwsScanSnapshot, fn: (s: AwsSnapshot) => T[]): T[] => memberSnapshots(snapshot).flatMap(fn);
  return {
    ...base,
    options: () => [...base.options(), ...org.options],
    validateSnapshot: (doc) => ('organization' in doc ? validateAwsOrganizationSnapshot(doc, base.validateSnapshot) : base.validateSnapshot(doc)),
    collect: org.collect,
    filterSnapshot: (snapshot, filter) =>
      isOrganizationSnapshot(snapshot) ? { ...snapshot, accounts: snapshot.accounts.map((a) => base.filterSnapshot(a, filter)) } : base.filterSnapshot(snapshot, filter),
    normalize: (snapshot) => eachMember(snapshot, (s) => base.normalize(s)),
    scope: (snapshot): SnapshotScope => {
      if (!isOrganizationSnapshot(snapshot)) return base.scope(snapshot);
      const members = snapshot.accounts.map((a) => base.scope(a));
      return { accounts: members.flatMap((m) => m.accounts), errors: [...organizationErrors(snapshot), ...members.flatMap((m) => m.errors)] };
    },
    ...(base.identities ? { identities: (snapshot: AwsScanSnapshot) => eachMember(snapshot, (s) => base.identities?.(s) ?? []) } : {}),
    openReader: org.openReader,
  };
}
