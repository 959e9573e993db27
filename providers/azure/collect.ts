// collect: read-only calls that build the Azure raw snapshot. Nothing here judges anything.
//
// ARM mode (default): Subscriptions.list (or --subscription), StorageAccounts.list per subscription, BlobContainers.list
// per account (all listed before any is read, so the scope is known early), then per account
// BlobServices.getServiceProperties, the blob service's diagnostic settings (ARM GET),
// and the data plane's Get Blob Service Properties (classic logging; static website when ARM does not show it) with
// the same Microsoft Entra credential — never listKeys. Data-plane mode (--account-url, --connection-string,
// AZURE_STORAGE_CONNECTION_STRING): one account through @azure/storage-blob only; ARM-only settings stay unknown.
// Every failure is recorded beside its call instead of thrown.
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { StorageManagementClient } from '@azure/arm-storage';
import type { BlobServiceClient, ServiceGetPropertiesResponse } from '@azure/storage-blob';
import pLimit from 'p-limit';
import { compileBucketFilter, type BucketFilter } from '../../src/bucket-filter.js';
import { UsageError } from '../../src/errors.js';
import type { CollectError } from '../../src/model.js';
import { armDataPlaneClient, armEndpointOf, armScope, credentialOf, dataPlaneClient, isDataPlaneMode, type AzureConnectionOptions } from './clients.js';
import { isNoCredential, toCollectError } from './errors.js';
import { CALLS, parseArmId, subscriptionIds } from './normalize.js';
import { maskTags } from '../../src/text/mask-text.js';
import { within, type CallLimits } from '../../src/call-limits.js';
import type {
  AzureAccountSnapshot,
  AzureBlobServiceSnapshot,
  AzureContainerSnapshot,
  AzureDiagnosticSetting,
  AzureSnapshot,
  AzureStorageAccountProperties,
  AzureSubscriptionInfo,
  AzureScanLevelError,
} from './snapshot-types.js';

export interface AzureCollectOptions extends AzureConnectionOptions {
  filter?: BucketFilter;
  concurrency?: number;
  onAccount?: (name: string, done: number, total: number, errors?: number) => void;
  /** Called once the containers of every storage account are listed, before the accounts' settings are read (CommonCollectOptions.onListed). */
  onListed?: (found: { accounts: string[]; resources: number }) => void;
}

/** The diagnostic settings API version (Microsoft.Insights). */
const DIAGNOSTIC_SETTINGS_API = '2021-05-01-preview';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: CollectError; cause: unknown };

/** One call (all pages of a listing), ended by the call timeout or the scan deadline (code Timeout / ScanTimeout). */
async function attempt<T>(limits: CallLimits | undefined, call: string, fn: (abortSignal: AbortSignal) => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await within(limits, fn) };
  } catch (err) {
    return { ok: false, error: toCollectError(call, err), cause: err };
  }
}

function noCredentialError(err: unknown): UsageError {
  const first = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  return new UsageError(
    `no Azure credentials found (${first.slice(0, 200)}); sign in with "az login", or set AZURE_CLIENT_ID / AZURE_TENANT_ID / AZURE_CLIENT_SECRET, ` +
      'or use a managed or workload identity — or scan one account with --account-url / --connection-string, or a saved snapshot with --input',
  );
}

/** SDK objects to the snapshot's JSON shape: dates become ISO strings, undefined keys disappear. */
function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value ?? {})) as T;
}

function accessLevel(v: unknown): AzureContainerSnapshot['publicAccess'] {
  const l = typeof v === 'string' ? v.toLowerCase() : '';
  return l === 'container' || l === 'blob' ? l : null;
}

function keepContainer(filter: BucketFilter, account: string, container: string): boolean {
  return filter.matches(container) || filter.matches(`${account}/${container}`);
}

/** The data plane's service properties in the snapshot's shape (classic logging, soft delete, static website). */
function dataPlaneService(props: ServiceGetPropertiesResponse): AzureBlobServiceSnapshot {
  const out: AzureBlobServiceSnapshot = {};
  const l = props.blobAnalyticsLogging;
  if (l) {
    out.logging = {
      version: l.version,
      read: l.read,
      write: l.write,
      deleteProperty: l.deleteProperty,
      ...(l.retentionPolicy ? { retentionPolicy: { enabled: l.retentionPolicy.enabled, ...(l.retentionPolicy.days !== undefined ? { days: l.retentionPolicy.days } : {}) } } : {}),
    };
  }
  if (props.deleteRetentionPolicy) out.deleteRetentionPolicy = plain(props.deleteRetentionPolicy);
  if (props.staticWebsite) out.staticWebsite = plain(props.staticWebsite);
  return out;
}

class ArmHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ArmHttpError';
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** GET <account>/blobServices/default/providers/Microsoft.Insights/diagnosticSettings (a read; Reader may call it). */
async function listDiagnosticSettings(opts: AzureConnectionOptions, accountId: string, signal: AbortSignal): Promise<AzureDiagnosticSetting[]> {
  const token = await credentialOf(opts).getToken(armScope(opts), { abortSignal: signal });
  if (!token) throw new ArmHttpError(401, 'NoToken', 'the credential returned no token');
  const url = `${armEndpointOf(opts)}${accountId}/blobServices/default/providers/Microsoft.Insights/diagnosticSettings?api-version=${DIAGNOSTIC_SETTINGS_API}`;
  const res = await fetch(url, { method: 'GET', headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' }, signal });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = isObj(body) && isObj(body.error) ? body.error : {};
    throw new ArmHttpError(res.status, typeof e.code === 'string' ? e.code : `HTTP${res.status}`, typeof e.message === 'string' ? e.message : `HTTP ${res.status}`);
  }
  const value = isObj(body) && Array.isArray(body.value) ? body.value : [];
  return plain<AzureDiagnosticSetting[]>(value);
}

/** A storage account to read, and the containers listed in it (BlobContainers.list). */
interface ListedArmAccount {
  client: StorageManagementClient;
  account: AzureStorageAccountProperties;
  containers: Outcome<AzureContainerSnapshot[]>;
}

/** BlobContainers.list of one storage account (the containers the filter keeps). */
function listArmContainers(opts: AzureConnectionOptions, client: StorageManagementClient, account: AzureStorageAccountProperties, filter: BucketFilter): Promise<Outcome<AzureContainerSnapshot[]>> {
  const rg = parseArmId(account.id ?? '').resourceGroup ?? '';
  const name = account.name;
  return attempt(opts.limits, CALLS.containersArm, async (abortSignal) => {
    const out: AzureContainerSnapshot[] = [];
    for await (const c of client.blobContainers.list(rg, name, { abortSignal })) {
      if (!c.name || c.deleted === true || !keepContainer(filter, name, c.name)) continue;
      const item = plain<AzureContainerSnapshot>(c);
      out.push({ ...item, name: c.name, publicAccess: accessLevel(c.publicAccess) });
    }
    return out;
  });
}

/** The containers listed, counted as the resources the scan will report. */
function containersListed(listed: readonly Outcome<AzureContainerSnapshot[]>[]): number {
  return listed.reduce((n, o) => n + (o.ok ? o.value.length : 0), 0);
}

async function collectArmAccount(opts: AzureConnectionOptions, { client, account, containers }: ListedArmAccount): Promise<AzureAccountSnapshot> {
  const errors: CollectError[] = [];
  const id = account.id ?? '';
  const rg = parseArmId(id).resourceGroup ?? '';
  const name = account.name;
  const blobEndpoint = typeof account.primaryEndpoints?.blob === 'string' ? account.primaryEndpoints.blob : undefined;
  const [service, diagnostics, dataPlane] = await Promise.all([
    attempt(opts.limits, CALLS.blobServiceArm, (abortSignal) => client.blobServices.getServiceProperties(rg, name, { abortSignal })),
    attempt(opts.limits, CALLS.diagnosticSettings, (abortSignal) => listDiagnosticSettings(opts, id, abortSignal)),
    blobEndpoint
      ? attempt(opts.limits, CALLS.serviceProperties, (abortSignal) => armDataPlaneClient(blobEndpoint, opts).getProperties({ abortSignal }))
      : Promise.resolve<Outcome<ServiceGetPropertiesResponse>>({ ok: false, error: { call: CALLS.serviceProperties, code: 'NoBlobEndpoint', message: 'ARM returned no blob endpoint for the account' }, cause: undefined }),
  ]);
  const snap: AzureAccountSnapshot = { properties: account.tags ? { ...account, tags: maskTags(account.tags) } : account, containers: [] };
  let blobService: AzureBlobServiceSnapshot | undefined;
  if (service.ok) {
    const { id: _id, name: _name, type: _type, ...rest } = plain<AzureBlobServiceSnapshot & { id?: string; name?: string; type?: string }>(service.value);
    blobService = rest;
  } else errors.push(service.error);
  if (diagnostics.ok) (blobService ??= {}).diagnosticSettings = diagnostics.value;
  else errors.push(diagnostics.error);
  if (dataPlane.ok) {
    const dp = dataPlaneService(dataPlane.value);
    blobService ??= {};
    if (dp.logging) blobService.logging = dp.logging;
    // ARM shows the static website from API 2025-08-01 on; the data plane always does.
    if (blobService.staticWebsite === undefined && dp.staticWebsite) blobService.staticWebsite = dp.staticWebsite;
  } else errors.push(dataPlane.error);
  if (blobService) snap.blobService = blobService;
  if (containers.ok) snap.containers = containers.value;
  else errors.push(containers.error);
  if (errors.length > 0) snap.errors = errors;
  return snap;
}

async function listSubscriptions(opts: AzureConnectionOptions, errors: CollectError[]): Promise<AzureSubscriptionInfo[]> {
  if (opts.subscriptions && opts.subscriptions.length > 0) return [...new Set(opts.subscriptions)].map((subscriptionId) => ({ subscriptionId }));
  const client = new SubscriptionClient(credentialOf(opts), { endpoint: armEndpointOf(opts), credentialScopes: [armScope(opts)] });
  const listed = await attempt(opts.limits, 'Subscriptions.list', async (abortSignal) => {
    const out: AzureSubscriptionInfo[] = [];
    for await (const s of client.subscriptions.list({ abortSignal })) {
      if (!s.subscriptionId) continue;
      out.push({ subscriptionId: s.subscriptionId, ...(s.displayName ? { displayName: s.displayName } : {}), ...(s.tenantId ? { tenantId: s.tenantId } : {}), ...(s.state ? { state: s.state } : {}) });
    }
    return out;
  });
  if (!listed.ok) {
    if (isNoCredential(listed.cause)) throw noCredentialError(listed.cause);
    errors.push(listed.error);
    return [];
  }
  return listed.value;
}

async function collectArm(opts: AzureCollectOptions): Promise<AzureSnapshot> {
  const errors: AzureScanLevelError[] = [];
  const filter = opts.filter ?? compileBucketFilter([]);
  const subscriptions = await listSubscriptions(opts, errors);
  const snapshot: AzureSnapshot = { provider: 'azure', snapshotVersion: 1, collectedAt: new Date().toISOString(), mode: 'arm', subscriptions, accounts: [] };
  if (subscriptions.length === 1 && subscriptions[0]) snapshot.subscriptionId = subscriptions[0].subscriptionId;
  const work: { client: StorageManagementClient; account: AzureStorageAccountProperties }[] = [];
  for (const sub of subscriptions) {
    const client = new StorageManagementClient(credentialOf(opts), sub.subscriptionId, { endpoint: armEndpointOf(opts), credentials: { scopes: [armScope(opts)] } });
    const listed = await attempt(opts.limits, `StorageAccounts.list`, async (abortSignal) => {
      const out: AzureStorageAccountProperties[] = [];
      // FileStorage accounts (premium file shares) have no blob service: nothing to scan there.
      for await (const a of client.storageAccounts.list({ abortSignal })) if (a.name && a.kind !== 'FileStorage') out.push(plain<AzureStorageAccountProperties>(a));
      return out;
    });
    if (!listed.ok) {
      if (isNoCredential(listed.cause)) throw noCredentialError(listed.cause);
      errors.push({ ...listed.error, message: `subscription ${sub.subscriptionId}: ${listed.error.message}`, subscriptionId: sub.subscriptionId });
      continue;
    }
    for (const account of listed.value) if (filter.inShard(account.name)) work.push({ client, account });
  }
  const limit = pLimit(Math.max(1, opts.concurrency ?? 8));
  // The containers of every account are listed first, then the scope is told, then the accounts' settings are read.
  const listedAccounts: ListedArmAccount[] = await Promise.all(
    work.map(({ client, account }) => limit(async () => ({ client, account, containers: await listArmContainers(opts, client, account, filter) }))),
  );
  opts.onListed?.({ accounts: subscriptionIds(subscriptions), resources: containersListed(listedAccounts.map((a) => a.containers)) });
  let done = 0;
  const accounts = await Promise.all(
    listedAccounts.map((listed) =>
      limit(async () => {
        const { account } = listed;
        const snap = await collectArmAccount(opts, listed);
        opts.onAccount?.(account.name, ++done, work.length, snap.errors?.length ?? 0);
        return snap;
      }),
    ),
  );
  // With --buckets, an account none of whose containers match is left out (unless its listing failed). A filter
  // that even matches a NUL character is the match-everything filter of a scan without --buckets.
  const filtering = !filter.matches('\u0000');
  snapshot.accounts = accounts.filter((a) => !filtering || a.containers.length > 0 || (a.errors ?? []).some((e) => e.call === CALLS.containersArm));
  if (errors.length > 0) snapshot.errors = errors;
  return snapshot;
}

async function collectDataPlane(opts: AzureCollectOptions): Promise<AzureSnapshot> {
  const { client, accountUrl, accountName, auth } = dataPlaneClient(opts);
  const filter = opts.filter ?? compileBucketFilter([]);
  // --shard: the one account of data-plane mode belongs to one shard; the others scan nothing.
  if (!filter.inShard(accountName)) {
    opts.onListed?.({ accounts: [accountUrl], resources: 0 });
    return { provider: 'azure', snapshotVersion: 1, collectedAt: new Date().toISOString(), mode: 'data-plane', accountUrl, dataPlaneAuth: auth, accounts: [] };
  }
  const errors: CollectError[] = [];
  const properties: AzureStorageAccountProperties = { name: accountName, primaryEndpoints: { blob: `${accountUrl}/` } };
  const [info, service, containers] = await Promise.all([
    attempt(opts.limits, CALLS.accountInfo, (abortSignal) => client.getAccountInfo({ abortSignal })),
    attempt(opts.limits, CALLS.serviceProperties, (abortSignal) => client.getProperties({ abortSignal })),
    // The scope is told as soon as the containers are listed, while the account's settings may still be read.
    attempt(opts.limits, CALLS.containersData, (abortSignal) => listContainersData(client, accountName, filter, abortSignal)).then((listed) => {
      if (listed.ok || !isNoCredential(listed.cause)) opts.onListed?.({ accounts: [accountUrl], resources: containersListed([listed]) });
      return listed;
    }),
  ]);
  for (const o of [info, service, containers]) if (!o.ok && isNoCredential(o.cause)) throw noCredentialError(o.cause);
  if (info.ok) {
    if (info.value.skuName) properties.sku = { name: info.value.skuName };
    if (info.value.accountKind) properties.kind = info.value.accountKind;
    if (info.value.isHierarchicalNamespaceEnabled !== undefined) properties.isHnsEnabled = info.value.isHierarchicalNamespaceEnabled;
  } else errors.push(info.error);
  const account: AzureAccountSnapshot = { properties, containers: [] };
  if (service.ok) account.blobService = dataPlaneService(service.value);
  else errors.push(service.error);
  if (containers.ok) account.containers = containers.value;
  else errors.push(containers.error);
  if (errors.length > 0) account.errors = errors;
  opts.onAccount?.(accountName, 1, 1, errors.length);
  return { provider: 'azure', snapshotVersion: 1, collectedAt: new Date().toISOString(), mode: 'data-plane', accountUrl, dataPlaneAuth: auth, accounts: [account] };
}

async function listContainersData(client: BlobServiceClient, accountName: string, filter: BucketFilter, abortSignal: AbortSignal): Promise<AzureContainerSnapshot[]> {
  const out: AzureContainerSnapshot[] = [];
  for await (const c of client.listContainers({ includeMetadata: true, abortSignal })) {
    if (c.deleted === true || !keepContainer(filter, accountName, c.name)) continue;
    const p = c.properties;
    out.push({
      name: c.name,
      publicAccess: accessLevel(p.publicAccess),
      lastModifiedTime: p.lastModified.toISOString(),
      ...(p.hasImmutabilityPolicy !== undefined ? { hasImmutabilityPolicy: p.hasImmutabilityPolicy } : {}),
      ...(p.hasLegalHold !== undefined ? { hasLegalHold: p.hasLegalHold } : {}),
      ...(p.isImmutableStorageWithVersioningEnabled !== undefined ? { immutableStorageWithVersioning: { enabled: p.isImmutableStorageWithVersioningEnabled } } : {}),
      ...(p.defaultEncryptionScope ? { defaultEncryptionScope: p.defaultEncryptionScope } : {}),
      ...(c.metadata && Object.keys(c.metadata).length > 0 ? { metadata: maskTags(c.metadata) } : {}),
    });
  }
  return out;
}

export async function collectAzure(opts: AzureCollectOptions): Promise<AzureSnapshot> {
  return isDataPlaneMode(opts) ? collectDataPlane(opts) : collectArm(opts);
}
