// AWS Organizations on top of the single-account adapter: an organization snapshot (--org-role) holds one
// single-account snapshot per member, and every pure step (normalize, scope, identities, filterSnapshot) is the
// single-account step applied to each member. A single-account snapshot goes straight through, unchanged.
import type { Option } from 'commander';
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
