// Structural validation of an organization snapshot (docs/snapshot.md, "AWS Organizations"): the envelope here,
// each member with the single-account validator, its errors reported under accounts[i].
import { UsageError } from '../../src/errors.js';
import { expect, isObject, validateErrors } from '../../src/validate.js';
import type { AwsOrganizationSnapshot, AwsSnapshot } from './snapshot-types.js';

const ACCOUNT_ID = /^\d{12}$/;

/** Runs a nested validator; its "snapshot: where what" message is re-rooted under `prefix`. */
function within<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof UsageError && err.message.startsWith('snapshot: ')) throw new UsageError(`snapshot: ${prefix}.${err.message.slice('snapshot: '.length)}`);
    throw err;
  }
}

export function validateAwsOrganizationSnapshot(doc: Record<string, unknown>, validateAccount: (doc: Record<string, unknown>) => AwsSnapshot): AwsOrganizationSnapshot {
  const org = doc.organization;
  expect(isObject(org), 'organization', 'must be an object {id, managementAccountId, memberRole}');
  expect(typeof org.memberRole === 'string' && org.memberRole.length > 0, 'organization.memberRole', 'must be a non-empty string (the --org-role name)');
  expect(org.id === undefined || (typeof org.id === 'string' && org.id.startsWith('o-')), 'organization.id', 'must be the organization id (o-…)');
  for (const k of ['managementAccountId', 'callerAccountId']) {
    expect(org[k] === undefined || (typeof org[k] === 'string' && ACCOUNT_ID.test(org[k])), `organization.${k}`, 'must be a 12-digit account id');
  }
  expect(doc.buckets === undefined && doc.accountId === undefined, 'organization', 'cannot be combined with top-level accountId/buckets: an organization snapshot keeps each account under accounts[]');
  expect(Array.isArray(doc.accounts), 'accounts', 'must be an array of single-account snapshots');
  const seenAccounts = new Set<string>();
  const bucketOwner = new Map<string, string>();
  doc.accounts.forEach((a: unknown, i: number) => {
    const where = `accounts[${i}]`;
    expect(isObject(a), where, 'must be an object (a single-account snapshot)');
    expect(a.provider === undefined || a.provider === 'aws', `${where}.provider`, 'must be "aws"');
    expect(a.organization === undefined && a.accounts === undefined, where, 'must be a single-account snapshot, not an organization');
    const member = within(where, () => validateAccount(a));
    expect(!seenAccounts.has(member.accountId), `${where}.accountId`, `"${member.accountId}" appears twice`);
    seenAccounts.add(member.accountId);
    member.buckets.forEach((b, j) => {
      const owner = bucketOwner.get(b.Name);
      expect(owner === undefined, `${where}.buckets[${j}].Name`, `"${b.Name}" is also in account ${owner ?? ''}: a bucket name belongs to one account`);
      bucketOwner.set(b.Name, member.accountId);
    });
  });
  const skipped = doc.skippedAccounts;
  if (skipped !== undefined) {
    expect(Array.isArray(skipped), 'skippedAccounts', 'must be an array of {accountId, name, status}');
    skipped.forEach((s: unknown, i: number) => {
      expect(isObject(s) && typeof s.accountId === 'string' && typeof s.status === 'string', `skippedAccounts[${i}]`, 'must be {accountId, name, status} with string accountId and status');
    });
  }
  validateErrors(doc.errors, 'errors');
  (doc.errors as unknown[] | undefined)?.forEach((e, i) => {
    const id = (e as Record<string, unknown>).accountId;
    expect(id === undefined || typeof id === 'string', `errors[${i}].accountId`, 'must be a string (the member account id)');
  });
  return doc as unknown as AwsOrganizationSnapshot;
}
