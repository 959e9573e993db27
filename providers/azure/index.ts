// The Azure Blob Storage adapter: flags, collect, snapshot validation, normalize, probe and reader — wired for the
// provider-neutral CLI (src/provider.ts). SDK-free until it calls Azure: collect() and openReader() import the
// SDK-bound modules when they run.
import { UsageError } from '../../src/errors.js';
import { callLimitsOf } from '../../src/call-limits.js';
import type { ProviderAdapter, SnapshotScope } from '../../src/provider.js';
import type { ScanError } from '../../src/model.js';
import type { AzureConnectionOptions } from './clients.js';
import { accountIdOf, normalizeAzure, subscriptionIds } from './normalize.js';
import { azureProbeTargets } from './probe.js';
import type { AzureSnapshot } from './snapshot-types.js';
import { validateAzureSnapshot } from './snapshot-validate.js';
import { azureInfo } from './options.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/**
 * The connection flags of `kumoscan scan azure`. Data-plane mode: --account-url, --connection-string, or
 * AZURE_STORAGE_CONNECTION_STRING when neither --subscription nor --account-url is given.
 */
export function azureConnection(flags: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv = process.env): AzureConnectionOptions {
  const subscriptions = Array.isArray(flags.subscription) ? flags.subscription.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
  const accountUrl = str(flags.accountUrl);
  const armEndpoint = str(flags.armEndpoint);
  let connectionString = str(flags.connectionString);
  if (connectionString && accountUrl) throw new UsageError('give either --account-url or --connection-string, not both');
  if ((connectionString || accountUrl) && subscriptions.length > 0) throw new UsageError('--subscription scans through ARM; --account-url and --connection-string scan one account through the data plane: give one or the other');
  if (!connectionString && !accountUrl && subscriptions.length === 0) connectionString = str(env.AZURE_STORAGE_CONNECTION_STRING);
  return {
    ...(subscriptions.length > 0 ? { subscriptions } : {}),
    ...(accountUrl ? { accountUrl } : {}),
    ...(connectionString ? { connectionString } : {}),
    ...(armEndpoint ? { armEndpoint } : {}),
  };
}

/** The connection with the scan's call limits (--call-timeout, the deadline) that scan() put beside the flags. */
function limitedConnection(flags: Readonly<Record<string, unknown>>): AzureConnectionOptions {
  return { ...azureConnection(flags), limits: callLimitsOf(flags) };
}

export const azureAdapter: ProviderAdapter<AzureSnapshot> = {
  ...azureInfo,
  validateSnapshot: validateAzureSnapshot,
  collect: async (flags, common) =>
    (await import('./collect.js')).collectAzure({
      ...limitedConnection(flags),
      filter: common.buckets,
      concurrency: common.concurrency,
      ...(common.onResource ? { onAccount: common.onResource } : {}),
      ...(common.onListed ? { onListed: common.onListed } : {}),
    }),
  filterSnapshot: (snapshot, filter) => ({
    ...snapshot,
    accounts: snapshot.accounts
      .map((a) => ({ ...a, containers: a.containers.filter((c) => filter.matches(c.name) || filter.matches(`${a.properties.name}/${c.name}`)) }))
      // --shard: a storage account (all its containers, its account-level settings and errors) is in one shard.
      .filter((a, i) => filter.inShard(a.properties.name) && (a.containers.length > 0 || (snapshot.accounts[i]?.containers.length === 0 && (a.errors ?? []).length > 0))),
  }),
  normalize: normalizeAzure,
  scope: (snapshot): SnapshotScope => {
    const dataPlane = snapshot.mode === 'data-plane';
    const accounts = dataPlane
      ? [snapshot.accountUrl ?? '']
      : subscriptionIds([...(snapshot.subscriptions ?? []), ...(snapshot.subscriptionId ? [{ subscriptionId: snapshot.subscriptionId }] : [])]);
    const where = dataPlane ? `azure:${snapshot.accountUrl ?? ''}` : `azure:${accounts.join(',') || 'subscriptions'}`;
    // A subscription's own failure (its storage accounts could not be listed) is scoped to that subscription.
    const errors: ScanError[] = (snapshot.errors ?? []).map(({ subscriptionId, ...e }) => ({ scope: subscriptionId ? `azure:${subscriptionId}` : where, ...e }));
    // An account without containers has no resource to carry its failed calls: they are the scan's.
    for (const a of snapshot.accounts) {
      if (a.containers.length === 0) errors.push(...(a.errors ?? []).map((e) => ({ scope: accountIdOf(snapshot, a), ...e })));
    }
    return { accounts: accounts.filter((a) => a.length > 0).sort(), errors };
  },
  probeTargets: (resource, flags) => azureProbeTargets(resource, str(flags.probeEndpoint)),
  openReader: async (flags, resource) => (await import('./reader.js')).openAzureReader(limitedConnection(flags), resource),
};
