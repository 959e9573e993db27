// How `kumoscan scan gcp` reaches Google: endpoints and the access token from the flags and the environment. SDK-free
// (the adapter, providers/gcp/index.ts, and the probe use it without loading the Google SDK).
import { callLimitsOf, type CallLimits } from '../../src/call-limits.js';

/** The public Cloud Storage endpoint (also where --probe goes by default). */
export const GCS_PUBLIC_ENDPOINT = 'https://storage.googleapis.com';

export interface GcpConnection {
  /** Cloud Storage JSON API endpoint (--gcs-endpoint, else STORAGE_EMULATOR_HOST); Google's when absent. */
  gcsEndpoint?: string;
  /** One base URL for Resource Manager, Org Policy and IAM (--gcp-api-endpoint); Google's hosts when absent. */
  apiEndpoint?: string;
  /** A ready access token (GOOGLE_OAUTH_ACCESS_TOKEN), used as is, never refreshed; else ADC. */
  accessToken?: string;
  /** --call-timeout and the scan's deadline (default: 30 s per call, no deadline). */
  limits?: CallLimits;
}

/** Reads the environment the way the flags are documented: flag, else environment variable. */
export function connectionFrom(flags: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv = process.env): GcpConnection {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const emulator = str(env.STORAGE_EMULATOR_HOST);
  const gcsEndpoint = str(flags.gcsEndpoint) ?? (emulator ? (/^https?:\/\//.test(emulator) ? emulator : `http://${emulator}`) : undefined);
  const apiEndpoint = str(flags.gcpApiEndpoint);
  const accessToken = str(env.GOOGLE_OAUTH_ACCESS_TOKEN);
  return { ...(gcsEndpoint ? { gcsEndpoint } : {}), ...(apiEndpoint ? { apiEndpoint } : {}), ...(accessToken ? { accessToken } : {}) };
}

/** connectionFrom() with the scan's call limits (--call-timeout, the deadline) that scan() put beside the flags. */
export function limitedConnectionFrom(flags: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv = process.env): GcpConnection {
  return { ...connectionFrom(flags, env), limits: callLimitsOf(flags) };
}
