// A stand-in for Azure Resource Manager on 127.0.0.1 (HTTPS: the Azure SDK sends bearer tokens over HTTPS only):
// answers the documented JSON of Subscriptions - List, Storage Accounts - List, Blob Services - Get Service
// Properties, Blob Containers - List, Diagnostic Settings - List and Activity Logs - List (eventtypes/management/values,
// with its $filter's eventTimestamp bounds and resourceProvider, paged through nextLink), and, on /msi/token, the App Service managed
// identity token endpoint that DefaultAzureCredential's ManagedIdentityCredential calls (IDENTITY_ENDPOINT +
// IDENTITY_HEADER). The tokens are unsigned JWTs with the claims Azurite's basic OAuth checks (issuer, audience,
// lifetime). Records every request so a test can assert that a scan only reads.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TestCert } from './tls.js';

export const FAKE_TENANT = '72f988bf-0000-4000-8000-00000000000a';
export const IDENTITY_HEADER = 'kumoscan-test-identity-header';

type Json = Record<string, unknown>;

/** One storage account as ARM returns it: the StorageAccount resource, its blob service and its containers. */
export interface FakeStorageAccount {
  /** The StorageAccount resource ({ id, name, type, location, kind, sku, tags, properties: {…} }). */
  account: Json;
  /** The BlobServiceProperties resource ({ id, name: "default", type, properties: {…} }). */
  blobService: Json;
  /** ListContainerItem resources ({ id, name, type, etag, properties: { publicAccess, … } }). */
  containers: Json[];
  diagnosticSettings?: Json[];
}

export interface FakeArmState {
  subscriptions: { subscriptionId: string; displayName: string }[];
  /** Storage accounts by subscription id. */
  accounts: Record<string, FakeStorageAccount[]>;
  /** Activity Log events (the documented EventData JSON) by subscription id. */
  activityLog?: Record<string, Json[]>;
  /** Events per Activity Log page (default 100). */
  activityLogPageSize?: number;
  /** Fault injection: an HTTP status (answered as ARM's AuthorizationFailed …) for a request path. */
  deny?: (path: string) => number | undefined;
}

export interface FakeArm {
  /** https://127.0.0.1:<port> — for --arm-endpoint. */
  endpoint: string;
  /** The environment that makes DefaultAzureCredential get its tokens here (App Service managed identity). */
  identityEnv: Record<string, string>;
  seen: { method: string; url: string; authorization: boolean }[];
  state: FakeArmState;
  close(): Promise<void>;
}

function b64url(v: Json): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

/** An unsigned JWT for `resource`, valid for an hour. */
export function fakeToken(resource: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: resource, iss: `https://sts.windows.net/${FAKE_TENANT}/`, iat: now - 60, nbf: now - 60, exp: now + 3600, tid: FAKE_TENANT, oid: '00000000-0000-4000-8000-00000000cafe', appid: 'kumoscan-test' };
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
}

function send(res: ServerResponse, status: number, body: Json): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': 'fake-arm' });
  res.end(JSON.stringify(body));
}

function notFound(res: ServerResponse, what: string): void {
  send(res, 404, { error: { code: 'ResourceNotFound', message: `${what} not found` } });
}

/** One page of the Activity Log: the events of the subscription within the filter's time bounds and provider, newest first. */
function activityLogPage(state: FakeArmState, sub: string, url: URL, origin: string): Json {
  const filter = url.searchParams.get('$filter') ?? '';
  const ge = /eventTimestamp ge '([^']+)'/.exec(filter)?.[1];
  const le = /eventTimestamp le '([^']+)'/.exec(filter)?.[1];
  const provider = /resourceProvider eq '([^']+)'/.exec(filter)?.[1];
  const events = (state.activityLog?.[sub] ?? [])
    .filter((e) => {
      const t = Date.parse(String(e.eventTimestamp));
      const id = String(e.resourceId ?? '').toLowerCase();
      return (!ge || t >= Date.parse(ge)) && (!le || t <= Date.parse(le)) && (!provider || id.includes(`/providers/${provider.toLowerCase()}/`));
    })
    .sort((a, b) => Date.parse(String(b.eventTimestamp)) - Date.parse(String(a.eventTimestamp)));
  const size = state.activityLogPageSize ?? 100;
  const start = Number(url.searchParams.get('$skipToken') ?? 0);
  const next = new URL(url.toString());
  next.searchParams.set('$skipToken', String(start + size));
  return { value: events.slice(start, start + size), ...(start + size < events.length ? { nextLink: `${origin}${next.pathname}${next.search}` } : {}) };
}

export async function startFakeArm(cert: TestCert, state: FakeArmState): Promise<FakeArm> {
  const seen: FakeArm['seen'] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    seen.push({ method: req.method ?? '', url: `${url.pathname}${url.search}`, authorization: req.headers.authorization !== undefined });
    req.resume();
    if (url.pathname === '/msi/token') {
      if (req.headers['x-identity-header'] !== IDENTITY_HEADER) return send(res, 401, { error: 'bad identity header' });
      const resource = url.searchParams.get('resource') ?? '';
      return send(res, 200, { access_token: fakeToken(resource), expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource, token_type: 'Bearer', client_id: 'kumoscan-test' });
    }
    if (req.method !== 'GET') return send(res, 405, { error: { code: 'MethodNotAllowed', message: `${req.method} is not answered by the fake` } });
    if (!req.headers.authorization?.startsWith('Bearer ')) return send(res, 401, { error: { code: 'AuthenticationFailed', message: 'no bearer token' } });
    const denied = state.deny?.(url.pathname);
    if (denied !== undefined) {
      return send(res, denied, { error: { code: denied === 403 ? 'AuthorizationFailed' : 'InjectedFault', message: `injected ${denied} for ${url.pathname}` } });
    }
    const p = url.pathname.split('/').filter(Boolean);
    // /subscriptions
    if (p.length === 1 && p[0] === 'subscriptions') {
      return send(res, 200, {
        value: state.subscriptions.map((s) => ({ id: `/subscriptions/${s.subscriptionId}`, subscriptionId: s.subscriptionId, displayName: s.displayName, tenantId: FAKE_TENANT, state: 'Enabled', subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' }, authorizationSource: 'RoleBased' })),
      });
    }
    const sub = p[1] ?? '';
    const accounts = state.accounts[sub];
    if (p[0] !== 'subscriptions' || !accounts) return notFound(res, `subscription ${sub}`);
    // /subscriptions/<sub>/providers/Microsoft.Insights/eventtypes/management/values
    if (p.length === 7 && p[2] === 'providers' && p[3] === 'Microsoft.Insights' && p.slice(4).join('/') === 'eventtypes/management/values') {
      return send(res, 200, activityLogPage(state, sub, url, `https://${req.headers.host ?? '127.0.0.1'}`));
    }
    // /subscriptions/<sub>/providers/Microsoft.Storage/storageAccounts
    if (p.length === 5 && p[2] === 'providers' && p[3] === 'Microsoft.Storage' && p[4] === 'storageAccounts') {
      return send(res, 200, { value: accounts.map((a) => a.account) });
    }
    // /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>/blobServices/default/…
    if (p.length >= 10 && p[2] === 'resourceGroups' && p[6] === 'storageAccounts' && p[8] === 'blobServices' && p[9] === 'default') {
      const acct = accounts.find((a) => a.account.name === p[7]);
      if (!acct) return notFound(res, `storage account ${p[7]}`);
      const rest = p.slice(10).join('/');
      if (rest === '') return send(res, 200, acct.blobService);
      if (rest === 'containers') return send(res, 200, { value: acct.containers });
      if (rest === 'providers/Microsoft.Insights/diagnosticSettings') return send(res, 200, { value: acct.diagnosticSettings ?? [] });
    }
    return notFound(res, url.pathname);
  };
  const server: Server = createServer({ cert: cert.cert, key: cert.key }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const endpoint = `https://127.0.0.1:${port}`;
  return {
    endpoint,
    identityEnv: { IDENTITY_ENDPOINT: `${endpoint}/msi/token`, IDENTITY_HEADER },
    seen,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
