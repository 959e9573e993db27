// A local stand-in for Azure Resource Manager, on 127.0.0.1 over HTTPS (the Azure SDK sends bearer tokens over HTTPS
// only). It answers, in ARM's documented JSON, exactly the read calls a scan makes — Subscriptions - List, Storage
// Accounts - List, Blob Services - Get Service Properties, Blob Containers - List, Diagnostic Settings - List, and
// Activity Logs - List (eventtypes/management/values, within its $filter's eventTimestamp bounds) — for the storage
// accounts and events it is given, and on /msi/token it is the App Service managed identity endpoint that
// DefaultAzureCredential calls (IDENTITY_ENDPOINT + IDENTITY_HEADER). Its tokens are unsigned JWTs with the claims
// Azurite's basic OAuth checks (issuer, audience, lifetime). Anything but GET is refused; every request is recorded.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalCert } from './cert.js';

export type ArmJson = Record<string, unknown>;

/** One storage account as ARM describes it. */
export interface ArmStorageAccount {
  /** The StorageAccount resource: { id, name, type, location, kind, sku, tags, properties }. */
  account: ArmJson & { id: string; name: string };
  /** The BlobServiceProperties resource: { id, name: "default", type, properties }. */
  blobService: ArmJson;
  /** ListContainerItem resources: { id, name, type, etag, properties: { publicAccess, … } }. */
  containers: ArmJson[];
  /** Diagnostic settings of the blob service. */
  diagnosticSettings: ArmJson[];
}

export interface ArmState {
  tenantId: string;
  subscriptions: { subscriptionId: string; displayName: string }[];
  /** Storage accounts by subscription id. */
  accounts: Record<string, ArmStorageAccount[]>;
  /** Activity Log events (the documented EventData JSON) by subscription id. */
  activityLog?: Record<string, ArmJson[]>;
}

/** The events of an Activity Log within the $filter's `eventTimestamp ge '…' and eventTimestamp le '…'`, newest first. */
export function activityLogAnswer(events: readonly ArmJson[], filter: string): ArmJson {
  const bound = (op: string): number => Date.parse(new RegExp(`eventTimestamp ${op} '([^']+)'`).exec(filter)?.[1] ?? '');
  const ge = bound('ge');
  const le = bound('le');
  const value = events
    .filter((e) => {
      const t = Date.parse(String(e.eventTimestamp));
      return (Number.isNaN(ge) || t >= ge) && (Number.isNaN(le) || t <= le);
    })
    .sort((a, b) => Date.parse(String(b.eventTimestamp)) - Date.parse(String(a.eventTimestamp)));
  return { value };
}

export interface ArmStandIn {
  /** https://127.0.0.1:<port>, for --arm-endpoint. */
  endpoint: string;
  /** The environment that makes DefaultAzureCredential ask this server for tokens. */
  identityEnv: Record<string, string>;
  seen: { method: string; path: string; authorized: boolean }[];
  close(): Promise<void>;
}

function base64url(v: ArmJson): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

/** An unsigned JWT for `audience`, valid for an hour. */
export function unsignedToken(audience: string, tenantId: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  const claims = { aud: audience, iss: `https://sts.windows.net/${tenantId}/`, iat: t - 60, nbf: t - 60, exp: t + 3600, tid: tenantId, oid: '00000000-0000-4000-8000-0000000de300', appid: 'kumoscan-demo' };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

function reply(res: ServerResponse, status: number, body: ArmJson): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': randomUUID() });
  res.end(JSON.stringify(body));
}

function armError(res: ServerResponse, status: number, code: string, message: string): void {
  reply(res, status, { error: { code, message } });
}

export async function startArmStandIn(cert: LocalCert, state: ArmState): Promise<ArmStandIn> {
  const identityHeader = randomUUID();
  const seen: ArmStandIn['seen'] = [];
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    seen.push({ method: req.method ?? '', path: url.pathname, authorized: req.headers.authorization !== undefined });
    req.resume();
    if (url.pathname === '/msi/token') {
      if (req.headers['x-identity-header'] !== identityHeader) return armError(res, 401, 'Unauthorized', 'wrong identity header');
      const resource = url.searchParams.get('resource') ?? '';
      return reply(res, 200, { access_token: unsignedToken(resource, state.tenantId), expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource, token_type: 'Bearer', client_id: 'kumoscan-demo' });
    }
    if (req.method !== 'GET') return armError(res, 405, 'MethodNotAllowed', `${req.method ?? ''} is not answered here: a scan only reads`);
    if (!req.headers.authorization?.startsWith('Bearer ')) return armError(res, 401, 'AuthenticationFailed', 'no bearer token');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length === 1 && parts[0] === 'subscriptions') {
      return reply(res, 200, {
        value: state.subscriptions.map((s) => ({ id: `/subscriptions/${s.subscriptionId}`, subscriptionId: s.subscriptionId, displayName: s.displayName, tenantId: state.tenantId, state: 'Enabled', authorizationSource: 'RoleBased' })),
      });
    }
    const accounts = parts[0] === 'subscriptions' ? state.accounts[parts[1] ?? ''] : undefined;
    if (!accounts) return armError(res, 404, 'SubscriptionNotFound', `subscription ${parts[1] ?? ''} not found`);
    if (parts.length === 7 && parts.slice(2).join('/') === 'providers/Microsoft.Insights/eventtypes/management/values') {
      return reply(res, 200, activityLogAnswer(state.activityLog?.[parts[1] ?? ''] ?? [], url.searchParams.get('$filter') ?? ''));
    }
    if (parts.length === 5 && parts[2] === 'providers' && parts[3] === 'Microsoft.Storage' && parts[4] === 'storageAccounts') {
      return reply(res, 200, { value: accounts.map((a) => a.account) });
    }
    const acct = accounts.find((a) => url.pathname.toLowerCase().startsWith(`${a.account.id.toLowerCase()}/`));
    if (acct) {
      const rest = url.pathname.slice(acct.account.id.length);
      if (rest === '/blobServices/default') return reply(res, 200, acct.blobService);
      if (rest === '/blobServices/default/containers') return reply(res, 200, { value: acct.containers });
      if (rest === '/blobServices/default/providers/Microsoft.Insights/diagnosticSettings') return reply(res, 200, { value: acct.diagnosticSettings });
    }
    return armError(res, 404, 'ResourceNotFound', `${url.pathname} not found`);
  };
  const server = createServer({ cert: cert.cert, key: cert.key }, handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const endpoint = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    endpoint,
    identityEnv: { IDENTITY_ENDPOINT: `${endpoint}/msi/token`, IDENTITY_HEADER: identityHeader },
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
