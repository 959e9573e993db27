// Google Cloud clients for a scan: Application Default Credentials (or a given access token), the Cloud Storage
// SDK with an explicit project id (without one it asks the metadata server), and read-only REST GETs to
// Resource Manager, the Org Policy API and IAM through the same credentials.
import { Storage } from '@google-cloud/storage';
import { AuthClient, GoogleAuth, type gaxios } from 'google-auth-library';
import { DEFAULT_CALL_TIMEOUT_MS, within, type CallLimits } from '../../src/call-limits.js';
import type { GcpConnection } from './connection.js';

/** An AuthClient that sends one fixed bearer token (GOOGLE_OAUTH_ACCESS_TOKEN; tests). Never refreshes, never asks the metadata server. */
export class FixedTokenClient extends AuthClient {
  constructor(private readonly token: string) {
    super();
  }

  override async getAccessToken(): Promise<{ token: string }> {
    return { token: this.token };
  }

  override async getRequestHeaders(): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${this.token}` };
  }

  override request<T>(opts: gaxios.GaxiosOptions): gaxios.GaxiosPromise<T> {
    return this.transporter.request<T>({ ...opts, headers: { ...(opts.headers ?? {}), Authorization: `Bearer ${this.token}` } });
  }
}

const SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];

/** The credentials of a scan, in the two forms the SDK and the REST calls take. */
export interface GcpAuth {
  /** What the Storage SDK's authClient option takes. */
  forStorage: AuthClient | GoogleAuth;
  /** An authenticated request (REST calls). */
  request<T>(opts: gaxios.GaxiosOptions): gaxios.GaxiosPromise<T>;
  /** Resolves the credentials once; throws when there are none (ADC found nothing). */
  check(): Promise<void>;
}

export function createAuth(conn: GcpConnection): GcpAuth {
  if (conn.accessToken) {
    const client = new FixedTokenClient(conn.accessToken);
    return { forStorage: client, request: (opts) => client.request(opts), check: async () => undefined };
  }
  const auth = new GoogleAuth({ scopes: SCOPES });
  return {
    forStorage: auth,
    request: (opts) => auth.request(opts),
    check: async () => {
      await auth.getClient();
    },
  };
}

function callTimeoutOf(conn: GcpConnection): number {
  return conn.limits?.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** A Storage client for one project. The project id is always given, so the SDK never looks it up. */
export function createStorage(auth: GcpAuth, projectId: string, conn: GcpConnection): Storage {
  const endpoint = conn.gcsEndpoint ? trimSlash(conn.gcsEndpoint) : undefined;
  const storage = new Storage({
    projectId,
    authClient: auth.forStorage,
    ...(endpoint ? { apiEndpoint: endpoint, useAuthWithCustomEndpoint: true } : {}),
    // Each HTTP attempt, and all attempts of a call together, end within the call timeout.
    timeout: callTimeoutOf(conn),
    retryOptions: { autoRetry: true, maxRetries: 4, totalTimeout: Math.max(1, Math.ceil(callTimeoutOf(conn) / 1000)) },
  });
  // With STORAGE_EMULATOR_HOST set, the SDK would send JSON API calls to that host without /storage/v1 even when
  // an endpoint is given; kumoscan resolves the endpoint itself and always uses the documented path.
  if (endpoint) storage.baseUrl = `${endpoint}/storage/v1`;
  return storage;
}

export interface GcpRestApi {
  resourceManager: string;
  orgPolicy: string;
  iam: string;
  /** One GET (read-only), retried on 429 and 5xx; throws the gaxios error otherwise. */
  get<T>(url: string): Promise<T>;
}

export function createRestApi(auth: GcpAuth, conn: GcpConnection): GcpRestApi {
  const base = conn.apiEndpoint ? trimSlash(conn.apiEndpoint) : undefined;
  return {
    resourceManager: base ?? 'https://cloudresourcemanager.googleapis.com',
    orgPolicy: base ?? 'https://orgpolicy.googleapis.com',
    iam: base ?? 'https://iam.googleapis.com',
    async get<T>(url: string): Promise<T> {
      const res = await within(conn.limits, (signal) =>
        auth.request<T>({
          url,
          method: 'GET',
          responseType: 'json',
          timeout: callTimeoutOf(conn),
          signal,
          retry: true,
          retryConfig: { retry: 3, httpMethodsToRetry: ['GET'], statusCodesToRetry: [[429, 429], [500, 599]] },
        }),
      );
      return res.data;
    },
  };
}
