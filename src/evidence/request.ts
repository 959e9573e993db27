// The --evidence flags of `kumoscan scan` → the scan request's evidence fields. Evidence collection is opt-in and
// read-only; the kinds are listed in evidence-option.ts (one word each), so another kind is one entry.
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../errors.js';
import { TOKYO_OFFSET_MS } from '../text/local-time.js';
import type { EvidenceReadsRequest } from './reads/stage.js';

/** --since: an ISO date-time with its zone, or a date (YYYY-MM-DD, from 00:00 Asia/Tokyo) → ISO UTC. */
export function parseSince(value: string): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const t = Date.parse(`${v}T00:00:00Z`);
    if (!Number.isNaN(t) && new Date(t).toISOString().startsWith(v)) return new Date(t - TOKYO_OFFSET_MS).toISOString();
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  throw new InvalidArgumentError('must be a date YYYY-MM-DD (Asia/Tokyo) or an ISO date-time with its zone, e.g. 2026-11-01T09:00+09:00');
}

/** The scan request's evidence fields from the parsed flags (camelCase names). */
export function evidenceRequest(flags: Readonly<Record<string, unknown>>): { evidenceReads?: EvidenceReadsRequest; redactIps?: boolean } {
  const kinds = Array.isArray(flags.evidence) ? (flags.evidence as string[]) : [];
  const since = typeof flags.since === 'string' ? flags.since : undefined;
  if (since !== undefined && !kinds.includes('reads')) throw new UsageError('--since needs --evidence reads (it is the start of the window whose access logs are read)');
  const maxBytes = typeof flags.evidenceMaxBytes === 'number' ? flags.evidenceMaxBytes : undefined;
  const timeMs = typeof flags.evidenceTimeout === 'number' ? flags.evidenceTimeout : undefined;
  return {
    ...(kinds.includes('reads')
      ? { evidenceReads: { ...(since !== undefined ? { since } : {}), limits: { ...(maxBytes !== undefined ? { maxBytes } : {}), ...(timeMs !== undefined ? { timeMs } : {}) } } }
      : {}),
    ...(flags.redactIps === true ? { redactIps: true } : {}),
  };
}
