// Azure SDK clients for a scan: DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI,
// Azure PowerShell, Azure Developer CLI) for ARM and the data plane, or — in data-plane mode — a connection string
// or an account URL (with a SAS, or with the same credential). Read-only use only.
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { UsageError } from '../../src/errors.js';
import type { CallLimits } from '../../src/call-limits.js';

export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';

export interface AzureConnectionOptions {
  /** --subscription: scan these subscriptions (all visible ones when empty). */
  subscriptions?: string[];
  /** --account-url: data-plane mode against one account's blob endpoint (a SAS in the query string is used, never kept). */
  accountUrl?: string;
  /** --connection-string or AZURE_STORAGE_CONNECTION_STRING: data-plane mode against one account. */
  connectionString?: string;
  /** --arm-endpoint: another Azure cloud's Resource Manager (Azure China, US Government) or a test server. */
  armEndpoint?: string;
  /** Injected credential (tests); otherwise DefaultAzureCredential. */
  credential?: TokenCredential;
  /** --call-timeout and the scan's deadline (default: 30 s per call, no deadline). */
  limits?: CallLimits;
}

export type DataPlaneAuth = 'shared-key' | 'sas' | 'entra-id';

export function armEndpointOf(opts: AzureConnectionOptions): string {
  return (opts.armEndpoint ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, '');
}

/** The OAuth scope of a Resource Manager endpoint. */
export function armScope(opts: AzureConnectionOptions): string {
  return `${armEndpointOf(opts)}/.default`;
}

let sharedCredential: TokenCredential | undefined;

export function credentialOf(opts: AzureConnectionOptions): TokenCredential {
  if (opts.credential) return opts.credential;
  sharedCredential ??= new DefaultAzureCredential();
  return sharedCredential;
}

export function isDataPlaneMode(opts: AzureConnectionOptions): boolean {
  return opts.accountUrl !== undefined || opts.connectionString !== undefined;
}

/** A URL without its query string and trailing slashes (what ids and reports may show). */
export function publicUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`.replace(/\/+$/, '');
}

export interface DataPlaneClient {
  client: BlobServiceClient;
  /** The blob endpoint, without query string. */
  accountUrl: string;
  accountName: string;
  auth: DataPlaneAuth;
}

/** The data-plane client of --connection-string / AZURE_STORAGE_CONNECTION_STRING or --account-url. */
export function dataPlaneClient(opts: AzureConnectionOptions): DataPlaneClient {
  if (opts.connectionString !== undefined) {
    let client: BlobServiceClient;
    try {
      client = BlobServiceClient.fromConnectionString(opts.connectionString);
    } catch (err) {
      throw new UsageError(`the connection string cannot be used: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    const auth: DataPlaneAuth = /(^|;)\s*SharedAccessSignature=/i.test(opts.connectionString) ? 'sas' : 'shared-key';
    return { client, accountUrl: publicUrl(client.url), accountName: client.accountName, auth };
  }
  if (opts.accountUrl !== undefined) {
    const url = new URL(opts.accountUrl);
    const hasSas = url.searchParams.has('sig');
    const client = hasSas ? new BlobServiceClient(opts.accountUrl) : new BlobServiceClient(opts.accountUrl, credentialOf(opts));
    return { client, accountUrl: publicUrl(opts.accountUrl), accountName: client.accountName, auth: hasSas ? 'sas' : 'entra-id' };
  }
  throw new UsageError('data-plane mode needs --account-url or --connection-string');
}

/** A blob client of an account found through ARM: its blob endpoint, authorized with the credential (no keys). */
export function armDataPlaneClient(blobEndpoint: string, opts: AzureConnectionOptions): BlobServiceClient {
  return new BlobServiceClient(blobEndpoint, credentialOf(opts));
}
