// The AWS S3 adapter: flags, collect, snapshot validation, normalize — wired for the provider-neutral CLI.
// SDK-free until it calls AWS: collect() and openReader() import the SDK-bound modules when they run.
import type { ProviderAdapter, SnapshotScope } from '../../src/provider.js';
import { validateAwsSnapshot } from './snapshot-validate.js';
import { awsIdentities, normalizeAws } from './normalize.js';
import type { AwsScanSnapshot, AwsSnapshot } from './snapshot-types.js';
import type { AwsConnectionOptions } from './clients.js';
import { UsageError } from '../../src/errors.js';
import { withOrganizations } from './organization.js';
import { accountOptions, awsInfo, organizationOptions } from './options.js';
import { s3ProbeTargets } from './probe.js';
import { callLimitsOf } from '../../src/call-limits.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

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
  id: awsInfo.id,
  title: awsInfo.title,
  options: accountOptions,
  validateSnapshot: validateAwsSnapshot,
  collect: async (flags, common) =>
    (await import('./collect.js')).collectAws({
      ...awsConnection(flags),
      filter: common.buckets,
      concurrency: common.concurrency,
      iam: flags.iam !== false,
      crossCheckPolicyStatus: flags.crossCheckPolicyStatus === true,
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
  openReader: async (flags, resource) => (await import('./reader.js')).openS3Reader(awsConnection(flags), resource.name, resource.region),
};

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The AWS adapter: one account, or every member account of an organization (--org-role). */
export const awsAdapter: ProviderAdapter<AwsScanSnapshot> = withOrganizations(awsAccountAdapter, {
  options: organizationOptions(),
  collect: async (flags, common) => {
    const orgRole = str(flags.orgRole);
    if (!orgRole) {
      for (const flag of ['accounts', 'excludeAccounts', 'externalId'] as const) {
        if (flags[flag] !== undefined) throw new UsageError(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --org-role (it selects member accounts of an organization)`);
      }
      return awsAccountAdapter.collect(flags, common);
    }
    const externalId = str(flags.externalId);
    const { collectAwsOrganization } = await import('./organization-collect.js');
    return collectAwsOrganization({
      ...awsConnection(flags),
      filter: common.buckets,
      concurrency: common.concurrency,
      iam: flags.iam !== false,
      crossCheckPolicyStatus: flags.crossCheckPolicyStatus === true,
      ...(common.onResource ? { onBucket: common.onResource } : {}),
      ...(common.onListed ? { onListed: common.onListed } : {}),
      orgRole,
      accounts: ids(flags.accounts),
      excludeAccounts: ids(flags.excludeAccounts),
      ...(externalId ? { externalId } : {}),
      ...(typeof flags.accountConcurrency === 'number' ? { accountConcurrency: flags.accountConcurrency } : {}),
    });
  },
  openReader: async (flags, resource) => {
    const orgRole = str(flags.orgRole);
    const connection = awsConnection(flags);
    const [{ openS3Reader }, { memberReaderConnection }] = await Promise.all([import('./reader.js'), import('./member-credentials.js')]);
    return openS3Reader(orgRole ? memberReaderConnection(connection, orgRole, resource.account, str(flags.externalId)) : connection, resource.name, resource.region);
  },
});
