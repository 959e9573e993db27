// Turning Azure SDK errors into recorded CollectErrors. Secrets never reach a message: SAS signatures and account
// keys that an SDK message might echo are masked.
import type { CollectError } from '../../src/model.js';

interface AzureErrorLike {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
  details?: { errorCode?: string };
}

function asError(err: unknown): AzureErrorLike {
  return typeof err === 'object' && err !== null ? (err as AzureErrorLike) : { message: String(err) };
}

/** Masks what must never be written down: SAS signatures, account keys, bearer tokens. */
export function redact(text: string): string {
  return text
    .replace(/([?&]sig=)[^&\s"']+/gi, '$1REDACTED')
    .replace(/(AccountKey=)[^;\s"']+/gi, '$1REDACTED')
    .replace(/(SharedAccessSignature=)[^;\s"']+/gi, '$1REDACTED')
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1REDACTED');
}

/** The service's error code (AuthorizationFailed, AuthorizationPermissionMismatch …), else a network-level name. */
export function errorCode(err: unknown): string {
  const e = asError(err);
  const code = e.details?.errorCode ?? e.code;
  if (code && code !== 'Error') return code;
  if (e.statusCode === 403) return 'AuthorizationFailed';
  if (e.statusCode === 404) return 'NotFound';
  if (e.statusCode) return `HTTP${e.statusCode}`;
  return e.name && e.name !== 'Error' ? e.name : 'UnknownError';
}

export function toCollectError(call: string, err: unknown): CollectError {
  const e = asError(err);
  const first = (e.message ?? '').split('\n')[0] ?? '';
  return { call, code: errorCode(err), message: redact(first).slice(0, 300) || errorCode(err) };
}

/** DefaultAzureCredential found no credential at all (not: a credential that was refused). */
export function isNoCredential(err: unknown): boolean {
  const name = asError(err).name ?? '';
  return name === 'CredentialUnavailableError' || name === 'AggregateAuthenticationError';
}
