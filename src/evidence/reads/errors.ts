// A failed call or log object as the reads evidence records it: the call, a short code, the first line of the message.
import { LogObjectError } from './log-text.js';
import type { ReadEvidenceError } from './types.js';

function codeOf(err: unknown): string {
  if (err instanceof LogObjectError) return err.code;
  const e = err as { name?: string; code?: unknown; Code?: string };
  if (typeof e?.Code === 'string') return e.Code;
  if (typeof e?.code === 'string' && e.code.length > 0) return e.code;
  return e?.name && e.name !== 'Error' ? e.name : 'Error';
}

export function errorOf(call: string, err: unknown, key?: string): ReadEvidenceError {
  const message = String((err as Error)?.message ?? err).split('\n')[0]?.slice(0, 200) ?? '';
  return { call, code: codeOf(err), message, ...(key !== undefined ? { key } : {}) };
}
