// Turning SDK errors into recorded CollectErrors, and reading regions out of location answers and redirects.
import type { CollectError } from '../../src/model.js';
import { TIMEOUT_CODE } from '../../src/call-limits.js';

interface SdkErrorLike {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  Region?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

function asSdkError(err: unknown): SdkErrorLike {
  return typeof err === 'object' && err !== null ? (err as SdkErrorLike) : { message: String(err) };
}

/** The provider's error code (AccessDenied, NotImplemented, SlowDown, …), or a network-level name. */
export function errorCode(err: unknown): string {
  const e = asSdkError(err);
  // The SDK names network failures it retried "TimeoutError"; the socket's code says what happened (ECONNRESET …).
  if (e.name === 'TimeoutError') return e.code && /^E[A-Z]+$/.test(e.code) ? e.code : TIMEOUT_CODE;
  const code = e.Code ?? e.name ?? e.code;
  if (code && code !== 'Error' && code !== 'UnknownError' && code !== 'Unknown') return code;
  const status = e.$metadata?.httpStatusCode;
  if (status === 403) return 'AccessDenied';
  if (status === 501) return 'NotImplemented';
  return status ? `HTTP${status}` : (e.code ?? 'UnknownError');
}

export function toCollectError(call: string, err: unknown): CollectError {
  const e = asSdkError(err);
  const message = (e.message ?? '').split('\n')[0]?.slice(0, 300) || errorCode(err);
  return { call, code: errorCode(err), message };
}

/** GetBucketLocation's LocationConstraint: empty/null is us-east-1, the legacy "EU" is eu-west-1. */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

/** The bucket's region named by a PermanentRedirect / AuthorizationHeaderMalformed / 301 answer, if any. */
export function regionFromRedirect(err: unknown): string | undefined {
  const e = asSdkError(err);
  const header = e.$response?.headers?.['x-amz-bucket-region'];
  if (header) return header;
  const code = errorCode(err);
  if ((code === 'AuthorizationHeaderMalformed' || code === 'PermanentRedirect' || code === 'IllegalLocationConstraintException') && e.Region) {
    return e.Region;
  }
  return undefined;
}

/** Answers that mean "slow down": S3's SlowDown, the other services' throttling codes, and HTTP 503 / 429. */
const THROTTLING_CODES = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'HTTP503',
  'HTTP429',
]);

/** Is this failure (an SDK error, or a recorded code) a throttling answer? */
export function isThrottling(err: unknown): boolean {
  if (typeof err === 'string') return THROTTLING_CODES.has(err);
  const status = asSdkError(err).$metadata?.httpStatusCode;
  return status === 503 || status === 429 || THROTTLING_CODES.has(errorCode(err));
}
