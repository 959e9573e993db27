// S3 server access logs: the documented space-delimited format (bucket owner, bucket, [time], remote IP,
// requester, request id, operation, key, "request-URI", HTTP status, error code, bytes sent, object size, …),
// '-' for an empty field, quoted fields for the request line, referrer and user agent. Delivered as objects under
// the bucket's logging target (GetBucketLogging: TargetBucket + TargetPrefix).
import type { AccessOperation, AccessRecord, ParsedLog } from '../record.js';
import type { LogFormat } from './types.js';
import { LOGGING_OFF } from './types.js';
import { addressOnly, countField, decodeKey, linesOf, optionalField } from '../fields.js';
import type { AwsBucketSnapshot, AwsScanSnapshot } from '../../../../providers/aws/snapshot-types.js';

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** `06/Feb/2019:00:00:38 +0000` → ISO, or null when it is not that form. */
export function s3LogTime(v: string): string | null {
  const m = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(v);
  if (!m) return null;
  const month = MONTHS[m[2] ?? ''];
  if (!month) return null;
  const t = Date.parse(`${m[3]}-${month}-${m[1]}T${m[4]}:${m[5]}:${m[6]}${m[7]}${m[8]}:${m[9]}`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The line's fields: space-separated, `[…]` and `"…"` kept whole (without their brackets / quotes). */
export function s3Fields(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    const open = line[i];
    if (open === '[' || open === '"') {
      const close = open === '[' ? ']' : '"';
      const end = line.indexOf(close, i + 1);
      if (end < 0) return null;
      out.push(line.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    const end = line.indexOf(' ', i);
    out.push(line.slice(i, end < 0 ? line.length : end));
    i = end < 0 ? line.length : end;
  }
  return out;
}

function operationOf(op: string): AccessOperation {
  if (op === 'REST.GET.OBJECT' || op === 'WEBSITE.GET.OBJECT') return 'read';
  if (op === 'REST.GET.BUCKET') return 'list';
  return 'other';
}

/** Fields 1–12 are needed (time, IP, requester, operation, key, status, bytes sent). */
const MIN_FIELDS = 12;

export function parseS3ServerAccessLog(text: string): ParsedLog {
  const records: AccessRecord[] = [];
  let malformed = 0;
  for (const line of linesOf(text)) {
    if (line.trim() === '') continue;
    const f = s3Fields(line);
    const time = f ? s3LogTime(f[2] ?? '') : null;
    const status = f ? countField(f[9]) : null;
    if (!f || f.length < MIN_FIELDS || time === null || status === null) {
      malformed++;
      continue;
    }
    const key = optionalField(f[7]);
    records.push({
      time,
      bucket: optionalField(f[1]),
      operation: operationOf(f[6] ?? ''),
      key: key === null ? null : decodeKey(key),
      anonymous: optionalField(f[4]) === null,
      success: status >= 200 && status < 300,
      clientIp: addressOnly(optionalField(f[3])),
      bytesSent: countField(f[11]),
    });
  }
  return { records, malformed };
}

function bucketsOf(snapshot: AwsScanSnapshot): AwsBucketSnapshot[] {
  return 'accounts' in snapshot && Array.isArray(snapshot.accounts) ? snapshot.accounts.flatMap((a) => a.buckets) : (snapshot as { buckets: AwsBucketSnapshot[] }).buckets;
}

export const s3ServerAccess: LogFormat = {
  id: 's3-server-access',
  provider: 'aws',
  title: { ja: 'S3 サーバーアクセスログ', en: 'S3 server access logs' },
  downloadOperation: 'REST.GET.OBJECT',
  identityRecorded: true,
  locate(snapshot, resource) {
    const bucket = bucketsOf(snapshot as AwsScanSnapshot).find((b) => b.Name === resource.name);
    const target = bucket?.Logging?.LoggingEnabled;
    if (resource.logging === false || !target?.TargetBucket) {
      return resource.logging === null
        ? { kind: 'none', reason: { ja: 'ログ設定を読み取れなかったため（GetBucketLogging の失敗）、ログの場所が分かりません。', en: 'The logging configuration could not be read (GetBucketLogging failed), so where the logs are is unknown.' } }
        : { kind: 'none', reason: LOGGING_OFF };
    }
    return { kind: 'logs', bucket: target.TargetBucket, prefix: target.TargetPrefix ?? '' };
  },
  parse: parseS3ServerAccessLog,
  bucketOf: (resource) => resource.name,
};
