// The AWS S3 adapter: flags, collect, snapshot validation, normalize — wired for the provider-neutral CLI.
import { InvalidArgumentError, Option } from 'commander';
import type { ProviderAdapter, SnapshotScope } from '../../src/provider.js';
import { validateAwsSnapshot } from './snapshot-validate.js';
import { collectAws } from './collect.js';
import { awsIdentities, normalizeAws } from './normalize.js';
import type { AwsScanSnapshot, AwsSnapshot } from './snapshot-types.js';
import type { AwsConnectionOptions } from './clients.js';
import { UsageError } from '../../src/errors.js';
import { organizationOptions, withOrganizations } from './organization.js';
import { collectAwsOrganization } from './organization-collect.js';
import { memberReaderConnection } from './member-credentials.js';
import { s3ProbeTargets } from './probe.js';
import { openS3Reader } from './reader.js';
import { callLimitsOf } from '../../src/call-limits.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function readerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new InvalidArgumentError('must be an integer from 0 to 100000');
  return n;
}

/** The connection flags of `kumoscan scan aws`, as the SDK clients want them. */
export function awsConnection(flags: Readonly<Record<string, unknown>>): AwsConnectionOptions {
  const profile = str(flags.profile);
  const roleArn = str(flags.roleArn);
  const region = str(flags.region);
  const endpointUrl = str(flags.endpointUrl);
  return {
    ...(profile ? { profile } : {}),
    ...(roleArn ? { roleArn } : {}),
    ...(region ? { region } : {}),
    ...(endpointUrl ? { endpointUrl } : {}),
    limits: callLimitsOf(flags),
  };
}

/** One account: what `kumoscan scan aws` reads without --org-role. */
export const awsAccountAdapter: ProviderAdapter<AwsSnapshot> = {
  id: 'aws',
  title: 'AWS S3 and S3-compatible stores',
  options: () => [
    new Option('--profile <name>', 'AWS shared config / SSO profile').helpGroup('AWS options:'),
    new Option('--role-arn <arn>', 'assume this role (read-only audit role) before scanning').helpGroup('AWS options:'),
    new Option('--region <region>', 'home region for account-level calls (buckets are read in their own regions)').helpGroup('AWS options:'),
    new Option('--endpoint-url <url>', 'S3-compatible endpoint (MinIO, other providers, emulators); path-style addressing').helpGroup('AWS options:'),
    new Option('--no-iam', 'do not read IAM (users, roles, policies, credential report): who can reach each bucket stays unknown').helpGroup('AWS options:'),
    new Option('--max-readers <n>', 'a personal-data bucket readable by more IAM users and roles than this is a finding')
      .argParser(readerCount)
      .default(10)
      .helpGroup('AWS options:'),
  ],
  validateSnapshot: validateAwsSnapshot,
  collect: (flags, common) =>
    collectAws({
      ...awsConnection(flags),
      filter: common.buckets,
      concurrency: common.concurrency,
      iam: flags.iam !== false,
      ...(common.onResource ? { onBucket: common.onResource } : {}),
      ...(common.onListed ? { onListed: common.onListed } : {}),
    }),
  filterSnapshot: (snapshot, filter) => ({ ...snapshot, buckets: snapshot.buckets.filter((b) => filter.matches(b.Name) && filter.inShard(b.Name)) }),
  normalize: normalizeAws,
  scope: (snapshot): SnapshotScope => ({
    accounts: [snapshot.accountId],
    errors: [...(snapshot.errors ?? []), ...(snapshot.iam?.errors ?? [])].map((e) => ({ scope: `aws:${snapshot.accountId}`, ...e })),
  }),
  identities: awsIdentities,
  probeTargets: (resource, flags) => s3ProbeTargets(resource, str(flags.probeEndpoint) ?? str(flags.endpointUrl)),
  openReader: (flags, resource) => openS3Reader(awsConnection(flags), resource.name, resource.region),
};

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The AWS adapter: one account, or every member account of an organization (--org-role). */
export const awsAdapter: ProviderAdapter<AwsScanSnapshot> = withOrganizations(awsAccountAdapter, {
  options: organizationOptions(),
  collect: (flags, common) => {
    const orgRole = str(flags.orgRole);
    if (!orgRole) {
      for (const flag of ['accounts', 'excludeAccounts', 'externalId'] as const) {
        if (flags[flag] !== undefined) throw new UsageError(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --org-role (it selects member accounts of an organization)`);
      }
      return awsAccountAdapter.collect(flags, common);
    }
    const externalId = str(flags.externalId);
    return collectAwsOrganization({
      ...awsConnection(flags),
      filter: common.buckets,
      concurrency: common.concurrency,
      iam: flags.iam !== false,
      ...(common.onResource ? { onBucket: common.onResource } : {}),
      orgRole,
      accounts: ids(flags.accounts),
      excludeAccounts: ids(flags.excludeAccounts),
      ...(externalId ? { externalId } : {}),
      ...(typeof flags.accountConcurrency === 'number' ? { accountConcurrency: flags.accountConcurrency } : {}),
    });
  },
  openReader: (flags, resource) => {
    const orgRole = str(flags.orgRole);
    const connection = awsConnection(flags);
    return openS3Reader(orgRole ? memberReaderConnection(connection, orgRole, resource.account, str(flags.externalId)) : connection, resource.name, resource.region);
  },
});
