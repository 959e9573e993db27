// Turning Google API errors (the Storage SDK's ApiError, gaxios errors of the REST calls, network errors) into
// recorded CollectErrors with Google's canonical status names (PERMISSION_DENIED, NOT_FOUND …).
import type { CollectError } from '../../src/model.js';

const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

interface GoogleErrorLike {
  message?: unknown;
  code?: unknown;
  status?: unknown;
  errors?: { reason?: string; message?: string }[];
  response?: { status?: number; data?: unknown };
}

function asErr(err: unknown): GoogleErrorLike {
  return typeof err === 'object' && err !== null ? (err as GoogleErrorLike) : { message: String(err) };
}

/** The body's error.status of a Google REST answer ({"error": {"code": 403, "status": "PERMISSION_DENIED"}}). */
function bodyStatus(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const e = (data as { error?: unknown }).error;
  if (typeof e === 'object' && e !== null && typeof (e as { status?: unknown }).status === 'string') return (e as { status: string }).status;
  return undefined;
}

export function isMissingCredentials(err: unknown): boolean {
  const m = asErr(err).message;
  return typeof m === 'string' && m.includes('Could not load the default credentials');
}

/** Google's status name, the HTTP status mapped to it, or the network error code. */
export function gcpErrorCode(err: unknown): string {
  const e = asErr(err);
  if (isMissingCredentials(err)) return 'NoCredentials';
  const fromBody = bodyStatus(e.response?.data);
  if (fromBody) return fromBody;
  const http = typeof e.code === 'number' ? e.code : typeof e.status === 'number' ? e.status : e.response?.status;
  if (typeof http === 'number') return STATUS_NAMES[http] ?? `HTTP${http}`;
  if (typeof e.code === 'string' && e.code.length > 0) return e.code;
  return 'UnknownError';
}

export function toGcpCollectError(call: string, err: unknown, about?: string): CollectError {
  const e = asErr(err);
  const text = typeof e.message === 'string' && e.message.length > 0 ? e.message : gcpErrorCode(err);
  const first = text.split('\n')[0]?.slice(0, 300) ?? '';
  return { call, code: gcpErrorCode(err), message: about ? `${about}: ${first}` : first };
}
