// The Azure raw snapshot: ARM resources as @azure/arm-storage returns them (flattened properties, dates as ISO
// strings) and, where only the data plane knows a setting, the answer of @azure/storage-blob. A missing optional
// key means "not configured" unless `errors` names the call that would have filled it, in which case the value is
// unknown. In data-plane mode (--account-url / --connection-string) only the data plane was asked: every ARM-only
// setting is unknown. Documented in docs/snapshot.md ("Azure").
import type { CollectError } from '../../src/model.js';

/** The StorageAccount keys kumoscan reads (the snapshot keeps every key ARM returned). */
export interface AzureStorageAccountProperties {
  /** ARM id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>. */
  id?: string;
  name: string;
  location?: string;
  kind?: string;
  sku?: { name?: string; tier?: string };
  tags?: Record<string, string>;
  primaryEndpoints?: { blob?: string; web?: string; dfs?: string; [k: string]: unknown };
  /** Absent: "sources disagree" — read as unknown, never as false. */
  allowBlobPublicAccess?: boolean | null;
  /** Absent = true (ARM's documented default). */
  allowSharedKeyAccess?: boolean | null;
  enableHttpsTrafficOnly?: boolean | null;
  /** TLS1_0, TLS1_1, TLS1_2, TLS1_3; absent = TLS1_0 (ARM's documented default interpretation). */
  minimumTlsVersion?: string | null;
  /** Enabled, Disabled, SecuredByPerimeter. */
  publicNetworkAccess?: string | null;
  networkRuleSet?: {
    defaultAction?: string;
    bypass?: string;
    ipRules?: { value?: string; iPAddressOrRange?: string; action?: string }[];
    virtualNetworkRules?: { id?: string; virtualNetworkResourceId?: string; action?: string }[];
    [k: string]: unknown;
  } | null;
  allowCrossTenantReplication?: boolean | null;
  encryption?: {
    /** Microsoft.Storage or Microsoft.Keyvault. */
    keySource?: string;
    requireInfrastructureEncryption?: boolean;
    keyVaultProperties?: { keyName?: string; keyVersion?: string; keyVaultUri?: string; [k: string]: unknown };
    [k: string]: unknown;
  } | null;
  [k: string]: unknown;
}

/** Classic Storage Analytics logging (data plane Get Blob Service Properties). */
export interface AzureClassicLogging {
  version?: string;
  read?: boolean;
  write?: boolean;
  deleteProperty?: boolean;
  retentionPolicy?: { enabled?: boolean; days?: number };
}

/** One Azure Monitor diagnostic setting of the blob service (ARM Microsoft.Insights/diagnosticSettings). */
export interface AzureDiagnosticSetting {
  id?: string;
  name?: string;
  properties?: {
    logs?: { category?: string | null; categoryGroup?: string | null; enabled?: boolean }[];
    workspaceId?: string | null;
    storageAccountId?: string | null;
    eventHubAuthorizationRuleId?: string | null;
    marketplacePartnerId?: string | null;
    [k: string]: unknown;
  };
}

/** ARM BlobServiceProperties (flattened), plus what only the data plane tells. */
export interface AzureBlobServiceSnapshot {
  isVersioningEnabled?: boolean;
  /** Blob soft delete (ARM, or the data plane's DeleteRetentionPolicy in data-plane mode). */
  deleteRetentionPolicy?: { enabled?: boolean; days?: number; allowPermanentDelete?: boolean };
  containerDeleteRetentionPolicy?: { enabled?: boolean; days?: number };
  /** ARM (API 2025-08-01 and later) or the data plane. */
  staticWebsite?: { enabled?: boolean; indexDocument?: string; errorDocument404Path?: string; defaultIndexDocumentPath?: string };
  /** Data plane only. */
  logging?: AzureClassicLogging;
  /** ARM Microsoft.Insights: the diagnostic settings of <account>/blobServices/default. */
  diagnosticSettings?: AzureDiagnosticSetting[];
  [k: string]: unknown;
}

export interface AzureContainerSnapshot {
  name: string;
  /** ARM id of the container, when listed through ARM. */
  id?: string;
  /** container: read + list; blob: read; null: private. ARM's "Container" / "Blob" / "None" are accepted too. */
  publicAccess?: 'container' | 'blob' | 'Container' | 'Blob' | 'None' | null;
  lastModifiedTime?: string;
  hasImmutabilityPolicy?: boolean;
  hasLegalHold?: boolean;
  immutableStorageWithVersioning?: { enabled?: boolean };
  defaultEncryptionScope?: string;
  metadata?: Record<string, string>;
  [k: string]: unknown;
}

export interface AzureAccountSnapshot {
  properties: AzureStorageAccountProperties;
  /** Absent when neither call for it answered (see errors). */
  blobService?: AzureBlobServiceSnapshot;
  containers: AzureContainerSnapshot[];
  /** Calls that failed for this account (BlobServices.getServiceProperties, BlobContainers.list, GetBlobServiceProperties …). */
  errors?: CollectError[];
}

export interface AzureSubscriptionInfo {
  subscriptionId: string;
  displayName?: string;
  tenantId?: string;
  state?: string;
}

export interface AzureSnapshot {
  provider: 'azure';
  snapshotVersion?: number;
  collectedAt?: string;
  /** arm (default when absent): ARM and the data plane; data-plane: one account through --account-url / --connection-string. */
  mode?: 'arm' | 'data-plane';
  /** The subscription scanned, when there is one (ARM mode with one subscription). */
  subscriptionId?: string;
  /** Every subscription scanned (ARM mode). */
  subscriptions?: AzureSubscriptionInfo[];
  /** Data-plane mode: the blob endpoint of the account (no query string: a SAS is never kept). */
  accountUrl?: string;
  /** Data-plane mode: how the data plane was authorized (a connection string with AccountKey is shared-key). Never the secret itself. */
  dataPlaneAuth?: 'shared-key' | 'sas' | 'entra-id';
  accounts: AzureAccountSnapshot[];
  /** Calls that belong to no single account (Subscriptions.list, StorageAccounts.list …). */
  errors?: AzureScanLevelError[];
}

/** A failed call of the scan itself; a subscription's own calls (StorageAccounts.list) name that subscription. */
export interface AzureScanLevelError extends CollectError {
  subscriptionId?: string;
}
