// Cloud Storage usage logs: hourly CSV objects `<prefix>_usage_<time>_<id>_v0` in the bucket's log bucket
// (logging.logBucket / logObjectPrefix, the prefix defaulting to the bucket's name). The documented columns:
// time_micros, c_ip, c_ip_type, c_ip_region, cs_method, cs_uri, sc_status, cs_bytes, sc_bytes, time_taken_micros,
// cs_host, cs_referer, cs_user_agent, s_request_id, cs_operation, cs_bucket, cs_object — every value quoted, the
// first line the header. Usage logs do not say who made a request: `anonymous` is null (unknown).
import type { AccessOperation, AccessRecord, ParsedLog } from '../record.js';
import type { LogFormat } from './types.js';
import { LOGGING_OFF } from './types.js';
import { countField, linesOf, optionalField } from '../fields.js';
import { projectsOf, type GcpSnapshot } from '../../../../providers/gcp/snapshot-types.js';

/** One CSV line (RFC 4180 quoting, "" for a quote inside a quoted value). */
export function csvFields(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null;
        v += line.slice(j, q);
        if (line[q + 1] === '"') {
          v += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(v);
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end < 0 ? line.length : end));
      if (end < 0) return out;
      i = end;
    }
    if (i >= line.length) return out;
    if (line[i] !== ',') return null;
    i++;
  }
}

const COLUMNS = ['time_micros', 'c_ip', 'sc_status', 'sc_bytes', 'cs_operation', 'cs_bucket', 'cs_object'] as const;

function operationOf(op: string): AccessOperation {
  if (/^(GET_Object|storage\.objects\.get|objects\.get)$/i.test(op)) return 'read';
  if (/^(GET_Bucket|storage\.objects\.list|objects\.list)$/i.test(op)) return 'list';
  return 'other';
}

export function parseGcsUsageLog(text: string): ParsedLog {
  const lines = linesOf(text);
  const header = lines.length > 0 ? csvFields(lines[0] ?? '') : null;
  const at = new Map((header ?? []).map((h, i) => [h, i]));
  if (!header || COLUMNS.some((c) => !at.has(c))) return { records: [], malformed: lines.filter((l) => l.trim() !== '').length };
  const col = (f: string[], name: (typeof COLUMNS)[number]): string | undefined => f[at.get(name) ?? -1];
  const records: AccessRecord[] = [];
  let malformed = 0;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const f = csvFields(line);
    const micros = f ? countField(col(f, 'time_micros')) : null;
    const status = f ? countField(col(f, 'sc_status')) : null;
    if (!f || f.length !== header.length || micros === null || status === null) {
      malformed++;
      continue;
    }
    records.push({
      time: new Date(Math.floor(micros / 1000)).toISOString(),
      bucket: optionalField(col(f, 'cs_bucket')),
      operation: operationOf(col(f, 'cs_operation') ?? ''),
      key: optionalField(col(f, 'cs_object')),
      anonymous: null,
      success: status >= 200 && status < 300,
      clientIp: optionalField(col(f, 'c_ip')),
      bytesSent: countField(col(f, 'sc_bytes')),
    });
  }
  return { records, malformed };
}

export const gcsUsage: LogFormat = {
  id: 'gcs-usage',
  provider: 'gcp',
  title: { ja: 'Cloud Storage 使用状況ログ', en: 'Cloud Storage usage logs' },
  downloadOperation: 'GET_Object',
  identityRecorded: false,
  locate(snapshot, resource) {
    const bucket = projectsOf(snapshot as GcpSnapshot).flatMap((p) => p.buckets).find((b) => b.metadata.name === resource.name);
    const logging = bucket?.metadata.logging;
    if (!logging?.logBucket) return { kind: 'none', reason: LOGGING_OFF };
    return { kind: 'logs', bucket: logging.logBucket, prefix: `${logging.logObjectPrefix || resource.name}_usage_` };
  },
  parse: parseGcsUsageLog,
  bucketOf: (resource) => resource.name,
};
