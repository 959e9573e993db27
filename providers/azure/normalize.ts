// normalize: Azure raw snapshot -> Resource[], one per container, linked to its storage account through
// `account` (the account's ARM id, or its blob endpoint in data-plane mode). Pure and synchronous; the access
// semantics live in access.ts.
//
// Account-level settings (allowBlobPublicAccess, HTTPS only, TLS, network, encryption, versioning, soft delete,
// logging …) are the same on every container of an account. Each container carries them, so each resource is
// complete on its own, and `accountScope` marks them as the account's: a finding that rests only on them is raised
// once per account, on its first container by name (the primary), and names the other containers
// (checks/helpers.ts, scopeDraftsToAccount). Account-level failed calls are listed on the primary only, so the
// report counts each once.
import type { AccountScope, AzureAccountSettings, CollectError, Evidence, I18n, Resource, Tri } from '../../src/model.js';
import { containerLevel, evaluateContainerAccess, type Known } from './access.js';
import type { AzureAccountSnapshot, AzureBlobServiceSnapshot, AzureDiagnosticSetting, AzureSnapshot } from './snapshot-types.js';
import { maskTags } from '../../src/text/mask-text.js';
import { uniqueResources } from '../../src/unique-resources.js';

/** The collect calls whose failure leaves a setting unknown. */
export const CALLS = {
  blobServiceArm: 'BlobServices.getServiceProperties',
  containersArm: 'BlobContainers.list',
  diagnosticSettings: 'DiagnosticSettings.list',
  serviceProperties: 'GetBlobServiceProperties',
  containersData: 'ListContainers',
  accountInfo: 'GetAccountInfo',
} as const;

/** The Resource paths whose value is the storage account's, not the container's. */
export const ACCOUNT_SHARED_PATHS: readonly string[] = [
  'guards.allowBlobPublicAccess',
  'encryption',
  'transport',
  'versioning',
  'logging',
  'softDelete',
  'tags',
  'azure',
];

const DATA_PLANE_ONLY = 'only ARM (the control plane) shows it, and this scan used the data plane only (--account-url / --connection-string)';
const DATA_PLANE_ONLY_JA = 'ARM（コントロールプレーン）でしか確認できず、このスキャンはデータプレーンのみ（--account-url／--connection-string）を使いました';

function failed(account: AzureAccountSnapshot, call: string): CollectError | undefined {
  return (account.errors ?? []).find((e) => e.call === call);
}

function failedText(e: CollectError): string {
  return `${e.call} failed (${e.code}: ${e.message})`;
}

/** Japanese of failedText; the cloud's own message stays quoted (「…」), as it came. */
function failedTextJa(e: CollectError): string {
  return `${e.call} に失敗しました（${e.code}: 「${e.message}」）`;
}

function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** Everything normalize derives from one storage account, for each of its containers. */
export interface AccountFacts {
  accountId: string;
  allowBlobPublicAccess: Known<Tri>;
  staticWebsite: Known<Tri>;
  openToAllNetworks: Known<Tri>;
  encryption: Resource['encryption'];
  transport: Resource['transport'];
  versioning: Tri;
  softDelete: Tri;
  logging: Tri;
  settings: AzureAccountSettings;
  /** Settings that are unknown and why (stated on the primary container when no failed call explains them). */
  unknownNotes: I18n[];
}

/** A setting of the blob service: the value, else unknown when a call that fills it failed, else not configured. */
function serviceSetting(account: AzureAccountSnapshot, value: boolean | undefined, calls: readonly string[]): Known<Tri> {
  if (value !== undefined) return { value };
  const f = calls.map((c) => failed(account, c)).find((e) => e !== undefined);
  if (f) return { value: null, why: failedText(f), whyJa: failedTextJa(f) };
  if (account.blobService === undefined) return { value: null, why: 'the blob service properties were not collected', whyJa: 'BLOB サービスのプロパティを収集していません' };
  return { value: false };
}

/** A diagnostic setting that sends read, write and delete logs of the blob service to a destination. */
function logsEverything(s: AzureDiagnosticSetting): boolean {
  const p = s.properties ?? {};
  const destination = Boolean(p.workspaceId || p.storageAccountId || p.eventHubAuthorizationRuleId || p.marketplacePartnerId);
  if (!destination) return false;
  const on = (p.logs ?? []).filter((l) => l.enabled === true);
  if (on.some((l) => l.categoryGroup === 'allLogs' || l.categoryGroup === 'audit')) return true;
  const categories = new Set(on.map((l) => l.category));
  return ['StorageRead', 'StorageWrite', 'StorageDelete'].every((c) => categories.has(c));
}

function classicLoggingOf(bs: AzureBlobServiceSnapshot | undefined, account: AzureAccountSnapshot): Tri {
  const l = bs?.logging;
  if (l) return l.read === true && l.write === true && l.deleteProperty === true;
  return failed(account, CALLS.serviceProperties) ? null : false;
}

/** networkRuleSet as the SDK names it; networkAcls in a snapshot written from the REST API's JSON. */
function networkRulesOf(p: AzureAccountSnapshot['properties']): { defaultAction?: string } | undefined {
  const rules = p.networkRuleSet ?? (typeof p.networkAcls === 'object' && p.networkAcls !== null ? (p.networkAcls as { defaultAction?: string }) : undefined);
  return rules ?? undefined;
}

function networkOf(p: AzureAccountSnapshot['properties']): Known<Tri> {
  const pna = typeof p.publicNetworkAccess === 'string' ? p.publicNetworkAccess : undefined;
  if (pna !== undefined && pna.toLowerCase() !== 'enabled') return { value: false, why: `publicNetworkAccess=${pna}`, whyJa: `publicNetworkAccess=${pna}` };
  const action = networkRulesOf(p)?.defaultAction;
  if (typeof action === 'string' && action.toLowerCase() === 'deny') {
    return { value: false, why: 'networkRuleSet.defaultAction=Deny: only the listed IP ranges, virtual networks and trusted services', whyJa: 'networkRuleSet.defaultAction=Deny。指定した IP 範囲、仮想ネットワーク及び信頼されたサービスのみ' };
  }
  return { value: true, why: `publicNetworkAccess=${pna ?? '(not set)'}, networkRuleSet.defaultAction=${action ?? '(not set: Allow)'}`, whyJa: `publicNetworkAccess=${pna ?? '（未設定）'}、networkRuleSet.defaultAction=${action ?? '（未設定: Allow）'}` };
}

export function accountIdOf(snapshot: AzureSnapshot, account: AzureAccountSnapshot): string {
  if (snapshot.mode === 'data-plane') return (snapshot.accountUrl ?? account.properties.primaryEndpoints?.blob ?? account.properties.name).replace(/\/+$/, '');
  if (typeof account.properties.id === 'string' && account.properties.id.length > 0) return account.properties.id;
  return `/subscriptions/${snapshot.subscriptionId ?? 'unknown'}/providers/Microsoft.Storage/storageAccounts/${account.properties.name}`;
}

/** /subscriptions/<sub>/resourceGroups/<rg>/… -> { sub, rg }. */
export function parseArmId(id: string): { subscriptionId: string | null; resourceGroup: string | null } {
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?/i.exec(id);
  return { subscriptionId: m?.[1] ?? null, resourceGroup: m?.[2] ?? null };
}

export function accountFacts(snapshot: AzureSnapshot, account: AzureAccountSnapshot): AccountFacts {
  const dataPlane = snapshot.mode === 'data-plane';
  const p = account.properties;
  const bs = account.blobService;
  const accountId = accountIdOf(snapshot, account);
  const unknownNotes: I18n[] = [];
  const blobEndpoint = (snapshot.accountUrl ?? p.primaryEndpoints?.blob ?? null)?.replace(/\/+$/, '') ?? null;
  const webEndpoint = typeof p.primaryEndpoints?.web === 'string' ? p.primaryEndpoints.web.replace(/\/+$/, '') : null;

  const staticWebsite = serviceSetting(account, bool(bs?.staticWebsite?.enabled), dataPlane ? [CALLS.serviceProperties] : [CALLS.blobServiceArm, CALLS.serviceProperties]);
  const blobSoftDelete = serviceSetting(account, bool(bs?.deleteRetentionPolicy?.enabled), dataPlane ? [CALLS.serviceProperties] : [CALLS.blobServiceArm]);
  const classicLogging = classicLoggingOf(bs, account);

  let allowBlobPublicAccess: Known<Tri>;
  let settings: AzureAccountSettings;
  let encryption: Resource['encryption'];
  let transport: Resource['transport'];
  let versioning: Tri;
  let logging: Tri;
  let openToAllNetworks: Known<Tri>;
  if (dataPlane) {
    allowBlobPublicAccess = { value: null, why: `allowBlobPublicAccess: ${DATA_PLANE_ONLY}`, whyJa: `allowBlobPublicAccess は${DATA_PLANE_ONLY_JA}` };
    openToAllNetworks = { value: null, why: `network rules: ${DATA_PLANE_ONLY}`, whyJa: `ネットワーク規則は${DATA_PLANE_ONLY_JA}` };
    encryption = { atRest: null };
    transport = { httpsOnly: null, minTls: null };
    versioning = null;
    logging = classicLogging === true ? true : null;
    const names = 'allowBlobPublicAccess, allowSharedKeyAccess, enableHttpsTrafficOnly, minimumTlsVersion, publicNetworkAccess, networkRuleSet, allowCrossTenantReplication, encryption (keySource, requireInfrastructureEncryption)';
    unknownNotes.push({
      en: `${names}, versioning, container soft delete and diagnostic settings: ${DATA_PLANE_ONLY}`,
      ja: `${names}、バージョニング、コンテナーの論理的な削除及び診断設定は${DATA_PLANE_ONLY_JA}`,
    });
    const sharedKey = snapshot.dataPlaneAuth === 'shared-key' && !failed(account, CALLS.containersData) ? true : null;
    settings = {
      source: 'data-plane',
      storageAccount: p.name,
      storageAccountId: null,
      subscriptionId: null,
      resourceGroup: null,
      kind: typeof p.kind === 'string' ? p.kind : null,
      sku: p.sku?.name ?? null,
      blobEndpoint,
      webEndpoint,
      allowSharedKeyAccess: sharedKey,
      publicNetworkAccess: null,
      networkDefaultAction: null,
      openToAllNetworks: null,
      allowCrossTenantReplication: null,
      infrastructureEncryption: null,
      blobSoftDeleteDays: blobSoftDelete.value === true ? (bs?.deleteRetentionPolicy?.days ?? null) : null,
      containerSoftDelete: null,
      containerSoftDeleteDays: null,
      staticWebsite: staticWebsite.value,
      classicLogging,
      diagnosticLogging: null,
    };
  } else {
    const flag = bool(p.allowBlobPublicAccess);
    allowBlobPublicAccess =
      flag !== undefined
        ? { value: flag }
        : {
            value: null,
            why:
              'ARM returned no allowBlobPublicAccess: the REST reference reads an absent value as false, but accounts created before the ' +
              'property existed allow anonymous access while it is unset — the sources disagree, so it is unknown (set it explicitly)',
            whyJa:
              'ARM が allowBlobPublicAccess を返しませんでした。REST リファレンスは値がなければ false と読みますが、このプロパティができる前に作成されたアカウントは未設定の間は匿名アクセスを許可します。' +
              '情報源が食い違うため不明としています（明示的に設定してください）',
          };
    openToAllNetworks = networkOf(p);
    const keySource = typeof p.encryption?.keySource === 'string' ? p.encryption.keySource : 'Microsoft.Storage';
    if (keySource.toLowerCase() === 'microsoft.keyvault') {
      // SDK names (keyVaultProperties.keyVaultUri, keyName) or the REST API's (keyvaultproperties.keyvaulturi, keyname).
      const kv = (p.encryption?.keyVaultProperties ?? p.encryption?.keyvaultproperties ?? {}) as Record<string, unknown>;
      const uri = typeof kv.keyVaultUri === 'string' ? kv.keyVaultUri : typeof kv.keyvaulturi === 'string' ? kv.keyvaulturi : undefined;
      const keyName = typeof kv.keyName === 'string' ? kv.keyName : typeof kv.keyname === 'string' ? kv.keyname : '';
      const key = uri ? `${uri.replace(/\/+$/, '')}/keys/${keyName}` : 'Microsoft.Keyvault';
      encryption = { atRest: 'customer-managed', key };
    } else {
      // Azure Storage encrypts every account and it cannot be turned off; without a Key Vault key it uses Microsoft's.
      encryption = { atRest: 'provider-managed', key: keySource };
    }
    // The SDK's name; a snapshot written from the REST API's JSON has supportsHttpsTrafficOnly instead.
    const https = bool(p.enableHttpsTrafficOnly) ?? bool(p.supportsHttpsTrafficOnly);
    if (https === undefined) unknownNotes.push({ en: 'enableHttpsTrafficOnly: ARM returned no value', ja: 'enableHttpsTrafficOnly: ARM が値を返しませんでした' });
    transport = { httpsOnly: https ?? null, minTls: typeof p.minimumTlsVersion === 'string' ? p.minimumTlsVersion : 'TLS1_0' };
    versioning = serviceSetting(account, bool(bs?.isVersioningEnabled), [CALLS.blobServiceArm]).value;
    const containerSoftDelete = serviceSetting(account, bool(bs?.containerDeleteRetentionPolicy?.enabled), [CALLS.blobServiceArm]);
    let diagnosticLogging: Tri;
    if (bs?.diagnosticSettings) diagnosticLogging = bs.diagnosticSettings.some(logsEverything);
    else diagnosticLogging = failed(account, CALLS.diagnosticSettings) ? null : false;
    logging = classicLogging === true || diagnosticLogging === true ? true : classicLogging === null || diagnosticLogging === null ? null : false;
    const crossTenant = bool(p.allowCrossTenantReplication);
    if (crossTenant === undefined) {
      unknownNotes.push({ en: 'allowCrossTenantReplication: ARM returned no value (read as false for accounts created since late 2023, as true before), so it is unknown', ja: 'allowCrossTenantReplication: ARM が値を返しませんでした（2023年後半以降に作成されたアカウントでは false、それ以前は true と読まれる）ため、不明です' });
    }
    const ids = parseArmId(accountId);
    settings = {
      source: 'arm',
      storageAccount: p.name,
      storageAccountId: accountId,
      subscriptionId: ids.subscriptionId,
      resourceGroup: ids.resourceGroup,
      kind: typeof p.kind === 'string' ? p.kind : null,
      sku: p.sku?.name ?? null,
      blobEndpoint,
      webEndpoint,
      // ARM: "The default value is null, which is equivalent to true."
      allowSharedKeyAccess: bool(p.allowSharedKeyAccess) ?? true,
      publicNetworkAccess: typeof p.publicNetworkAccess === 'string' ? p.publicNetworkAccess : null,
      networkDefaultAction: typeof networkRulesOf(p)?.defaultAction === 'string' ? (networkRulesOf(p)?.defaultAction ?? null) : null,
      openToAllNetworks: openToAllNetworks.value,
      allowCrossTenantReplication: crossTenant ?? null,
      infrastructureEncryption: p.encryption?.requireInfrastructureEncryption === true,
      blobSoftDeleteDays: blobSoftDelete.value === true ? (bs?.deleteRetentionPolicy?.days ?? null) : null,
      containerSoftDelete: containerSoftDelete.value,
      containerSoftDeleteDays: containerSoftDelete.value === true ? (bs?.containerDeleteRetentionPolicy?.days ?? null) : null,
      staticWebsite: staticWebsite.value,
      classicLogging,
      diagnosticLogging,
    };
  }
  if (staticWebsite.value === null && staticWebsite.why) unknownNotes.push({ en: `static website: ${staticWebsite.why}`, ja: `静的 Web サイト: ${staticWebsite.whyJa ?? staticWebsite.why}` });
  return {
    accountId,
    allowBlobPublicAccess,
    staticWebsite,
    openToAllNetworks,
    encryption,
    transport,
    versioning,
    softDelete: blobSoftDelete.value,
    logging,
    settings,
    unknownNotes,
  };
}

/** The container name of a resource named `<account>/<container>`. */
export function containerNameOf(resource: Resource): string {
  const i = resource.name.indexOf('/');
  return i >= 0 ? resource.name.slice(i + 1) : resource.name;
}

/** The account's containers, in name order (the first is the primary). */
export function sortedContainers(account: AzureAccountSnapshot): AzureAccountSnapshot['containers'] {
  return [...account.containers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function containerIdOf(snapshot: AzureSnapshot, accountId: string, container: AzureAccountSnapshot['containers'][number]): string {
  if (snapshot.mode === 'data-plane') return `${accountId}/${container.name}`;
  return typeof container.id === 'string' && container.id.length > 0 ? container.id : `${accountId}/blobServices/default/containers/${container.name}`;
}

export function normalizeAccount(snapshot: AzureSnapshot, account: AzureAccountSnapshot): Resource[] {
  const facts = accountFacts(snapshot, account);
  const accountName = account.properties.name;
  const containers = sortedContainers(account);
  const members = containers.map((c) => `${accountName}/${c.name}`);
  return containers.map((c, i): Resource => {
    const primary = i === 0;
    const access = evaluateContainerAccess({
      container: c.name,
      level: containerLevel(c.publicAccess),
      allowBlobPublicAccess: facts.allowBlobPublicAccess,
      staticWebsite: facts.staticWebsite,
      openToAllNetworks: facts.openToAllNetworks,
    });
    const evidence: Evidence[] = [...access.exposure.evidence];
    if (primary && facts.unknownNotes.length > 0) {
      evidence.push(...facts.unknownNotes.map((m): Evidence => ({ effect: 'unknown', source: 'account-setting', ref: `storage account ${accountName}`, message: m.en, messageJa: `ストレージアカウントの設定が不明です: ${m.ja}` })));
    }
    const accountScope: AccountScope = { name: accountName, primary, members, shared: [...ACCOUNT_SHARED_PATHS] };
    const retentionLock = c.hasImmutabilityPolicy === true || c.immutableStorageWithVersioning?.enabled === true;
    return {
      provider: 'azure',
      account: facts.accountId,
      id: containerIdOf(snapshot, facts.accountId, c),
      name: `${accountName}/${c.name}`,
      region: typeof account.properties.location === 'string' ? account.properties.location : null,
      exposure: { ...access.exposure, evidence },
      guards: access.guards,
      externalPrincipals: [],
      encryption: { ...facts.encryption },
      transport: { ...facts.transport },
      versioning: facts.versioning,
      logging: facts.logging,
      softDelete: facts.softDelete,
      retentionLock,
      website: c.name === '$web' ? facts.staticWebsite.value : false,
      // Account tags masked like object keys (a tag value can hold a personal value).
      tags: maskTags(account.properties.tags ?? {}),
      // Account-level calls are the primary's, so the report lists each failure once.
      errors: primary ? [...(account.errors ?? [])] : [],
      accountScope,
      azure: { ...facts.settings },
    };
  });
}

/** The subscription ids a scan covers: each once, sorted (the scope's accounts in ARM mode). */
export function subscriptionIds(subscriptions: readonly { subscriptionId: string }[]): string[] {
  return [...new Set(subscriptions.map((s) => s.subscriptionId))].filter((id) => id.length > 0).sort();
}

export function normalizeAzure(snapshot: AzureSnapshot): Resource[] {
  return uniqueResources(snapshot.accounts.flatMap((a) => normalizeAccount(snapshot, a)));
}
