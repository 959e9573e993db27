// The HR-system incident on Azure: a storage account that allows anonymous blob access, with the HR system's
// container at public access level "container" holding an employee CSV, beside a "blob"-level container and a
// private one. Created in Azurite with the real @azure/storage-blob (test set-up only: the scanner never writes),
// and described to the fake ARM server in the documented StorageAccount / BlobServiceProperties / ListContainerItem JSON.
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { AZURITE_ACCOUNT, AZURITE_KEY } from './azurite.js';
import type { FakeArmState, FakeStorageAccount } from './fake-arm.js';
import { employeeCsv } from './employees.js';

export const AZ_SUBSCRIPTION = '0b1f6471-1bf0-4dda-aec3-111122223333';
export const AZ_RG = 'rg-hr';
export const AZ_ACCOUNT = AZURITE_ACCOUNT;
export const AZ_ACCOUNT_ID = `/subscriptions/${AZ_SUBSCRIPTION}/resourceGroups/${AZ_RG}/providers/Microsoft.Storage/storageAccounts/${AZ_ACCOUNT}`;
export const HR_SYSTEM = 'hr-system';
export const HR_BLOB = 'hr-blob';
export const HR_PRIVATE = 'hr-private';
export const EMPLOYEES_CSV = 'exports/employees.csv';

export const containerId = (name: string): string => `${AZ_ACCOUNT_ID}/blobServices/default/containers/${name}`;

/** The HR system's employee export: 40 employees with My Numbers and health-check results (UTF-8). */
export const AZ_EMPLOYEES = employeeCsv(40, 'utf-8', 7);
const CSV = new TextDecoder().decode(AZ_EMPLOYEES.bytes);

/** Creates the three containers and their blobs through `endpoint` (a plain-HTTP proxy in front of Azurite). */
export async function seedAzureHr(endpoint: string): Promise<void> {
  const svc = new BlobServiceClient(`${endpoint}/${AZURITE_ACCOUNT}`, new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY));
  // The incident: nobody turned classic Storage Analytics logging on.
  await svc.setProperties({ blobAnalyticsLogging: { version: '1.0', read: false, write: false, deleteProperty: false, retentionPolicy: { enabled: false } } });
  const put = async (container: string, access: 'blob' | 'container' | undefined, blobs: Record<string, string>): Promise<void> => {
    const c = svc.getContainerClient(container);
    await c.create(access ? { access } : {});
    for (const [name, body] of Object.entries(blobs)) {
      await c.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'text/csv; charset=utf-8' } });
    }
  };
  await put(HR_SYSTEM, 'container', { [EMPLOYEES_CSV]: CSV });
  await put(HR_BLOB, 'blob', { 'photos/e0001.csv': 'id\nE0001\n' });
  await put(HR_PRIVATE, undefined, { 'payroll/2024-04.csv': 'id,amount\nE0001,300000\n' });
}

export interface HrAccountOptions {
  /** The account's blob endpoint as ARM reports it (the recording proxy in front of Azurite). */
  blobEndpoint: string;
  /** allowBlobPublicAccess; undefined leaves the key out (older accounts). */
  allowBlobPublicAccess: boolean | undefined;
}

function container(name: string, publicAccess: 'Container' | 'Blob' | 'None'): Record<string, unknown> {
  return {
    id: containerId(name),
    name,
    type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    etag: '"0x8DC5A5B5A5A5A5A"',
    properties: {
      publicAccess,
      leaseStatus: 'Unlocked',
      leaseState: 'Available',
      lastModifiedTime: '2024-04-01T00:00:00.0000000Z',
      hasImmutabilityPolicy: false,
      hasLegalHold: false,
      deleted: false,
      remainingRetentionDays: 0,
      defaultEncryptionScope: '$account-encryption-key',
      denyEncryptionScopeOverride: false,
    },
  };
}

/** The HR account as ARM returns it: anonymous access allowed, TLS 1.0, open network, no versioning, no blob soft delete. */
export function hrStorageAccount(opts: HrAccountOptions): FakeStorageAccount {
  const blob = opts.blobEndpoint.replace(/\/+$/, '');
  const properties: Record<string, unknown> = {
    provisioningState: 'Succeeded',
    creationTime: '2021-04-01T00:00:00.0000000Z',
    primaryEndpoints: { blob: `${blob}/`, web: 'https://127.0.0.1:1/devstoreaccount1-web/', dfs: 'https://127.0.0.1:1/devstoreaccount1-dfs/' },
    primaryLocation: 'japaneast',
    statusOfPrimary: 'available',
    accessTier: 'Hot',
    supportsHttpsTrafficOnly: true,
    minimumTlsVersion: 'TLS1_0',
    publicNetworkAccess: 'Enabled',
    networkAcls: { bypass: 'AzureServices', virtualNetworkRules: [], ipRules: [], defaultAction: 'Allow' },
    encryption: {
      services: { blob: { enabled: true, keyType: 'Account', lastEnabledTime: '2021-04-01T00:00:00.0000000Z' }, file: { enabled: true, keyType: 'Account' } },
      keySource: 'Microsoft.Storage',
      requireInfrastructureEncryption: false,
    },
    allowCrossTenantReplication: false,
    // allowSharedKeyAccess left out: ARM documents null as "equivalent to true".
  };
  if (opts.allowBlobPublicAccess !== undefined) properties.allowBlobPublicAccess = opts.allowBlobPublicAccess;
  return {
    account: {
      id: `/subscriptions/${AZ_SUBSCRIPTION}/resourceGroups/${AZ_RG}/providers/Microsoft.Storage/storageAccounts/${AZ_ACCOUNT}`,
      name: AZ_ACCOUNT,
      type: 'Microsoft.Storage/storageAccounts',
      location: 'japaneast',
      kind: 'StorageV2',
      sku: { name: 'Standard_LRS', tier: 'Standard' },
      tags: { system: 'hr' },
      properties,
    },
    blobService: {
      id: `${AZ_ACCOUNT_ID}/blobServices/default`,
      name: 'default',
      type: 'Microsoft.Storage/storageAccounts/blobServices',
      sku: { name: 'Standard_LRS', tier: 'Standard' },
      properties: {
        cors: { corsRules: [] },
        deleteRetentionPolicy: { enabled: false, allowPermanentDelete: false },
        containerDeleteRetentionPolicy: { enabled: true, days: 7 },
        isVersioningEnabled: false,
      },
    },
    containers: [container(HR_SYSTEM, 'Container'), container(HR_BLOB, 'Blob'), container(HR_PRIVATE, 'None')],
    diagnosticSettings: [],
  };
}

export function hrArmState(opts: HrAccountOptions): FakeArmState {
  return {
    subscriptions: [{ subscriptionId: AZ_SUBSCRIPTION, displayName: 'HR production' }],
    accounts: { [AZ_SUBSCRIPTION]: [hrStorageAccount(opts)] },
  };
}
