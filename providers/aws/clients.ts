// AWS SDK clients for a scan: the standard credential chain (environment, shared config and SSO profiles,
// container and instance roles), optional assume-role, optional custom endpoint for S3-compatible stores.
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { DEFAULT_CALL_TIMEOUT_MS, within, type CallLimits } from '../../src/call-limits.js';

// kumoscan supports Node >= 20; the SDK's notice about its own future Node requirement is not for our users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;

export interface AwsConnectionOptions {
  profile?: string;
  roleArn?: string;
  /** Home region: where account-level calls go and where buckets are located from. */
  region?: string;
  /** Custom endpoint (S3-compatible store, or an emulator in tests); path-style addressing is used with it. */
  endpointUrl?: string;
  /** SDK attempts per call, retries with backoff on throttling (default 5). */
  maxAttempts?: number;
  /** Injected credentials (tests); otherwise the standard chain. */
  credentials?: AwsCredentialIdentityProvider;
  /** --call-timeout and the scan's deadline: every SDK call ends within them (default: 30 s per call, no deadline). */
  limits?: CallLimits;
  /** Buckets read at once: sizes each S3 client's pool of kept-alive connections (S3_SOCKETS_PER_BUCKET each). */
  concurrency?: number;
}

/** Connections one bucket may use at once: its region lookup and every configuration read (bucket-reads.ts). */
export const S3_SOCKETS_PER_BUCKET = 14;

export const DEFAULT_REGION = 'us-east-1';

export interface AwsClients {
  homeRegion: string;
  sts: STSClient;
  s3control: S3ControlClient;
  /** IAM (a global service: the SDK routes every region of a partition to its IAM endpoint). */
  iam: IAMClient;
  /** An S3 client talking to the given region's endpoint (cached per region). */
  s3(region: string): S3Client;
  destroy(): void;
}

function baseCredentials(opts: AwsConnectionOptions): AwsCredentialIdentityProvider {
  if (opts.credentials) return opts.credentials;
  return fromNodeProviderChain(opts.profile ? { profile: opts.profile } : {});
}

export function homeRegionOf(opts: AwsConnectionOptions): string {
  return opts.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
}

/** The scanning identity's credentials: the chain (or injected ones), then --role-arn when given. */
export function connectionCredentials(opts: AwsConnectionOptions): AwsCredentialIdentityProvider {
  const credentials = baseCredentials(opts);
  if (!opts.roleArn) return credentials;
  return fromTemporaryCredentials({
    masterCredentials: credentials,
    params: { RoleArn: opts.roleArn, RoleSessionName: 'kumoscan', DurationSeconds: 3600 },
    clientConfig: { region: homeRegionOf(opts), requestHandler: httpTimeouts(opts), ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}) },
  });
}

/** Connect and answer timeouts of each HTTP attempt (the SDK's Node handler options). */
export function httpTimeouts(opts: Pick<AwsConnectionOptions, 'limits'>): { connectionTimeout: number; requestTimeout: number; throwOnRequestTimeout: true; socketTimeout: number } {
  const ms = opts.limits?.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  return { connectionTimeout: ms, requestTimeout: ms, throwOnRequestTimeout: true, socketTimeout: ms };
}

/** Settings every SDK client of a scan shares (retries, timeouts, custom endpoint). */
export function commonClientConfig(opts: AwsConnectionOptions): { maxAttempts: number; retryMode: 'adaptive'; requestHandler: ReturnType<typeof httpTimeouts>; endpoint?: string } {
  return { maxAttempts: opts.maxAttempts ?? 5, retryMode: 'adaptive', requestHandler: httpTimeouts(opts), ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}) };
}

/**
 * The S3 clients' HTTP handler: kept-alive connections, as many as the buckets in flight can use at once (the SDK's
 * default of 50 per client would queue the reads of a fifth bucket behind the others: one more round trip).
 */
export function s3RequestHandler(opts: Pick<AwsConnectionOptions, 'limits' | 'concurrency'>): ReturnType<typeof httpTimeouts> & { httpAgent: { keepAlive: true; maxSockets: number }; httpsAgent: { keepAlive: true; maxSockets: number } } {
  const maxSockets = Math.max(50, (opts.concurrency ?? 8) * S3_SOCKETS_PER_BUCKET);
  return { ...httpTimeouts(opts), httpAgent: { keepAlive: true, maxSockets }, httpsAgent: { keepAlive: true, maxSockets } };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every SDK client's send(command, options) overloads
type Sendable = { send(command: any, options?: any): Promise<any> };

/**
 * Bounds every call of an SDK client, retries included: the call timeout (and the scan deadline) abort the
 * request through the SDK's abortSignal, and the call fails with code Timeout (ScanTimeout).
 */
export function limitCalls<C extends Sendable>(client: C, limits: CallLimits | undefined): C {
  const send = client.send.bind(client);
  const limited: Sendable['send'] = (command, options?: { abortSignal?: AbortSignal }) =>
    within(limits, (abortSignal) => send(command, { ...(options ?? {}), abortSignal }), options?.abortSignal);
  (client as Sendable).send = limited;
  return client;
}

export function createAwsClients(opts: AwsConnectionOptions): AwsClients {
  const homeRegion = homeRegionOf(opts);
  const common = commonClientConfig(opts);
  const credentials = connectionCredentials(opts);
  const sts = limitCalls(new STSClient({ ...common, region: homeRegion, credentials }), opts.limits);
  // S3 Control puts the account id in front of the host name; with a custom endpoint (an IP address and port,
  // say) that gives an invalid URL, so the endpoint is used as it is.
  const endpointUrl = opts.endpointUrl;
  const s3control = limitCalls(
    new S3ControlClient({
      ...common,
      region: homeRegion,
      credentials,
      ...(endpointUrl ? { endpointProvider: () => ({ url: new URL(endpointUrl) }) } : {}),
    }),
    opts.limits,
  );
  const iam = limitCalls(new IAMClient({ ...common, region: homeRegion, credentials }), opts.limits);
  const s3Clients = new Map<string, S3Client>();
  const s3 = (region: string): S3Client => {
    let client = s3Clients.get(region);
    if (!client) {
      client = limitCalls(
        new S3Client({
          ...common,
          requestHandler: s3RequestHandler(opts),
          region,
          credentials,
          forcePathStyle: Boolean(opts.endpointUrl),
          followRegionRedirects: true,
        }),
        opts.limits,
      );
      s3Clients.set(region, client);
    }
    return client;
  };
  return {
    homeRegion,
    sts,
    s3control,
    iam,
    s3,
    destroy() {
      sts.destroy();
      s3control.destroy();
      iam.destroy();
      for (const c of s3Clients.values()) c.destroy();
    },
  };
}
