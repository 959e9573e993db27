// The demo's Azure HR-system scenario (the 2024 incident): a storage account that allows anonymous blob access, with
// the HR system's container at public access level "container" beside a private, healthy payroll container
// (immutability policy, no public level). The public container holds what the HR system stored: an employee export of
// 1,500 persons (names, addresses, dates of birth, My Numbers, health-check results), a photo of one employee's My
// Number card uploaded under an opaque name (read by OCR), and a My Number register exported to PDF the way office
// suites do it (text runs placed by position) — the photo and the PDF show employees of the export, so the persons
// stay 1,500. The account's Storage Analytics logs (`$logs`) and its Activity Log record who opened the container and
// who downloaded the export (src/demo/storage-logs.ts). Created in Azurite with the real @azure/storage-blob through a local plain-HTTP forwarder (set-up only:
// the scanner never writes), and described to the ARM stand-in in ARM's documented StorageAccount /
// BlobServiceProperties / ListContainerItem JSON.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { ArmJson, ArmState, ArmStorageAccount } from './arm.js';
import { demoCardPhoto, DEMO_CARD_BLOB } from './card-photo.js';
import { employeeExport, type EmployeeExport } from './employees.js';
import { demoRegisterPdf, DEMO_REGISTER_BLOB } from './register-pdf.js';

export const DEMO_TENANT = '7d3e9c1b-4a2f-4e8d-b6c5-0f1e2d3c4b5a';
export const DEMO_SUBSCRIPTION = '5f1c3a2e-0d9b-4c6e-9a51-2b7d6e0f1a23';
export const DEMO_RESOURCE_GROUP = 'rg-hr-system';
export const DEMO_ACCOUNT = 'kumohrdemo';
export const DEMO_ACCOUNT_ID = `/subscriptions/${DEMO_SUBSCRIPTION}/resourceGroups/${DEMO_RESOURCE_GROUP}/providers/Microsoft.Storage/storageAccounts/${DEMO_ACCOUNT}`;
/** The public container of the incident. */
export const DEMO_PUBLIC = 'hr-system';
/** The private, healthy container beside it. */
export const DEMO_PRIVATE = 'payroll-private';
export const DEMO_EMPLOYEES_BLOB = 'exports/employees-2024.csv';
export const DEMO_PERSONS = 1500;

export function demoContainerId(name: string): string {
  return `${DEMO_ACCOUNT_ID}/blobServices/default/containers/${name}`;
}

/** The employee export the demo uploads (deterministic). */
export function demoEmployees(): EmployeeExport {
  return employeeExport(DEMO_PERSONS);
}

interface Forwarder {
  origin: string;
  close(): Promise<void>;
}

/** Plain HTTP on 127.0.0.1 in front of an HTTPS origin whose certificate `ca` is trusted: for the set-up only. */
async function startForwarder(upstream: string, ca: Buffer): Promise<Forwarder> {
  const target = new URL(upstream);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const out = httpsRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, ca }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Creates the two containers and their blobs in Azurite (origin https://127.0.0.1:<port>, trusted through `ca`), and
 * the account's Storage Analytics log blobs in `$logs` (`logs`: name → entries, src/demo/storage-logs.ts), where the
 * service would have written them.
 */
export async function seedDemoAccount(azuriteOrigin: string, account: string, key: string, ca: Buffer, logs: ReadonlyMap<string, string> = new Map()): Promise<void> {
  const forwarder = await startForwarder(azuriteOrigin, ca);
  try {
    const svc = new BlobServiceClient(`${forwarder.origin}/${account}`, new StorageSharedKeyCredential(account, key));
    // Classic Storage Analytics logging (version 2.0) records reads, writes and deletes into `$logs`, kept 90 days;
    // the account's logs also go to Azure Monitor (the ARM diagnostic setting).
    await svc.setProperties({ blobAnalyticsLogging: { version: '2.0', read: true, write: true, deleteProperty: true, retentionPolicy: { enabled: true, days: 90 } } });
    const put = async (container: string, access: 'container' | undefined, blobs: [string, Uint8Array, string][]): Promise<void> => {
      const c = svc.getContainerClient(container);
      await c.create(access ? { access } : {});
      await Promise.all(blobs.map(([name, body, type]) => c.getBlockBlobClient(name).uploadData(body, { blobHTTPHeaders: { blobContentType: type } })));
    };
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    await put(DEMO_PUBLIC, 'container', [
      [DEMO_EMPLOYEES_BLOB, demoEmployees().bytes, 'text/csv; charset=utf-8'],
      [DEMO_REGISTER_BLOB, demoRegisterPdf(), 'application/pdf'],
      [DEMO_CARD_BLOB, demoCardPhoto(), 'image/jpeg'],
    ]);
    await put(DEMO_PRIVATE, undefined, [['payroll/2024-11.csv', enc('社員番号,支給額\r\nE100000,300000\r\n'), 'text/csv; charset=utf-8']]);
    await put('$logs', undefined, [...logs].map(([name, text]): [string, Uint8Array, string] => [name, enc(text), 'text/plain; charset=utf-8']));
  } finally {
    await forwarder.close();
  }
}

function container(name: string, publicAccess: 'Container' | 'None', immutable: boolean): ArmJson {
  return {
    id: demoContainerId(name),
    name,
    type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    etag: '"0x8DCF1A2B3C4D5E6"',
    properties: {
      publicAccess,
      leaseStatus: 'Unlocked',
      leaseState: 'Available',
      lastModifiedTime: '2024-04-01T00:00:00.0000000Z',
      hasImmutabilityPolicy: immutable,
      hasLegalHold: false,
      deleted: false,
      remainingRetentionDays: 0,
      defaultEncryptionScope: '$account-encryption-key',
      denyEncryptionScopeOverride: false,
    },
  };
}

/**
 * The HR account as ARM describes it: anonymous blob access allowed (the setting that made the container public),
 * reachable from every network; otherwise kept well — TLS 1.2, HTTPS only, no shared keys, versioning, soft delete,
 * reads, writes and deletes logged to Azure Monitor (and to `$logs`, the classic Storage Analytics logging the data
 * plane reports).
 */
export function demoStorageAccount(blobEndpoint: string): ArmStorageAccount {
  const blob = blobEndpoint.replace(/\/+$/, '');
  return {
    account: {
      id: DEMO_ACCOUNT_ID,
      name: DEMO_ACCOUNT,
      type: 'Microsoft.Storage/storageAccounts',
      location: 'japaneast',
      kind: 'StorageV2',
      sku: { name: 'Standard_ZRS', tier: 'Standard' },
      tags: { system: 'hr', 'data-class': 'personal' },
      properties: {
        provisioningState: 'Succeeded',
        creationTime: '2024-04-01T00:00:00.0000000Z',
        primaryEndpoints: { blob: `${blob}/` },
        primaryLocation: 'japaneast',
        statusOfPrimary: 'available',
        accessTier: 'Hot',
        supportsHttpsTrafficOnly: true,
        minimumTlsVersion: 'TLS1_2',
        allowBlobPublicAccess: true,
        allowSharedKeyAccess: false,
        allowCrossTenantReplication: false,
        publicNetworkAccess: 'Enabled',
        networkAcls: { bypass: 'AzureServices', virtualNetworkRules: [], ipRules: [], defaultAction: 'Allow' },
        encryption: {
          services: { blob: { enabled: true, keyType: 'Account', lastEnabledTime: '2024-04-01T00:00:00.0000000Z' } },
          keySource: 'Microsoft.Storage',
          requireInfrastructureEncryption: false,
        },
      },
    },
    blobService: {
      id: `${DEMO_ACCOUNT_ID}/blobServices/default`,
      name: 'default',
      type: 'Microsoft.Storage/storageAccounts/blobServices',
      properties: {
        cors: { corsRules: [] },
        deleteRetentionPolicy: { enabled: true, days: 14, allowPermanentDelete: false },
        containerDeleteRetentionPolicy: { enabled: true, days: 14 },
        isVersioningEnabled: true,
      },
    },
    containers: [container(DEMO_PUBLIC, 'Container', false), container(DEMO_PRIVATE, 'None', true)],
    diagnosticSettings: [
      {
        id: `${DEMO_ACCOUNT_ID}/blobServices/default/providers/Microsoft.Insights/diagnosticSettings/to-log-analytics`,
        name: 'to-log-analytics',
        properties: {
          workspaceId: `/subscriptions/${DEMO_SUBSCRIPTION}/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/law-hr`,
          logs: [
            { category: 'StorageRead', enabled: true },
            { category: 'StorageWrite', enabled: true },
            { category: 'StorageDelete', enabled: true },
          ],
          metrics: [{ category: 'Transaction', enabled: true }],
        },
      },
    ],
  };
}

/** What the ARM stand-in answers; `activityLog`: the subscription's Activity Log events (src/demo/storage-logs.ts). */
export function demoArmState(blobEndpoint: string, activityLog: ArmJson[] = []): ArmState {
  return {
    tenantId: DEMO_TENANT,
    subscriptions: [{ subscriptionId: DEMO_SUBSCRIPTION, displayName: 'HR system (demo)' }],
    accounts: { [DEMO_SUBSCRIPTION]: [demoStorageAccount(blobEndpoint)] },
    activityLog: { [DEMO_SUBSCRIPTION]: activityLog },
  };
}
