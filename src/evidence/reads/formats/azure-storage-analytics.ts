// Azure Storage Analytics logs (classic logging) in the account's `$logs` container, blob/YYYY/MM/DD/hhmm/NNNNNN.log:
// the documented semicolon-delimited format, versions 1.0 and 2.0 (2.0 adds the OAuth fields at the end). A field
// that may hold a quote, semicolon or newline is HTML-encoded and quoted.
import type { AccessOperation, AccessRecord, ParsedLog } from '../record.js';
import type { LogFormat } from './types.js';
import { LOGGING_OFF } from './types.js';
import { addressOnly, countField, decodeKey, linesOf, optionalField } from '../fields.js';
import type { AzureSnapshot } from '../../../../providers/azure/snapshot-types.js';

/** Splits one entry at semicolons outside quotes; quoted fields lose their quotes and are HTML-decoded. */
export function azureFields(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) return null;
      out.push(htmlDecode(line.slice(i + 1, end)));
      i = end + 1;
      if (i >= line.length) return out;
      if (line[i] !== ';') return null;
      i++;
      continue;
    }
    const end = line.indexOf(';', i);
    if (end < 0) {
      out.push(line.slice(i));
      return out;
    }
    out.push(line.slice(i, end));
    i = end + 1;
  }
}

function htmlDecode(v: string): string {
  return v.replace(/&(quot|amp|lt|gt|apos|#\d+|#x[0-9a-fA-F]+);/g, (m, name: string) => {
    if (name === 'quot') return '"';
    if (name === 'amp') return '&';
    if (name === 'lt') return '<';
    if (name === 'gt') return '>';
    if (name === 'apos') return "'";
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function operationOf(op: string): AccessOperation {
  if (op === 'GetBlob') return 'read';
  if (op === 'ListBlobs') return 'list';
  return 'other';
}

/** Version 1.0 has 30 fields; 2.0 has 38. */
const FIELDS: Record<string, number> = { '1.0': 30, '2.0': 38 };

/** `/account/container/blob/path` → container and blob (null for the container itself). */
function objectOf(v: string | null): { bucket: string | null; key: string | null } {
  if (v === null) return { bucket: null, key: null };
  const parts = v.replace(/^\//, '').split('/');
  const container = parts[1];
  const key = parts.slice(2).join('/');
  return { bucket: container === undefined || container === '' ? null : container, key: key === '' ? null : decodeKey(key) };
}

export function parseAzureStorageLog(text: string): ParsedLog {
  const records: AccessRecord[] = [];
  let malformed = 0;
  for (const line of linesOf(text)) {
    if (line.trim() === '') continue;
    const f = azureFields(line);
    const expected = f ? FIELDS[f[0] ?? ''] : undefined;
    const time = f ? Date.parse(f[1] ?? '') : NaN;
    const status = f ? countField(f[4]) : null;
    if (!f || expected === undefined || f.length !== expected || Number.isNaN(time) || status === null) {
      malformed++;
      continue;
    }
    const { bucket, key } = objectOf(optionalField(f[12]));
    const auth = (f[7] ?? '').toLowerCase();
    records.push({
      time: new Date(time).toISOString(),
      bucket,
      operation: operationOf(f[2] ?? ''),
      key,
      anonymous: auth === 'anonymous' ? true : auth === '' ? null : false,
      success: status >= 200 && status < 300,
      clientIp: addressOnly(optionalField(f[15])),
      bytesSent: countField(f[20]),
    });
  }
  return { records, malformed };
}

function storageAccountOf(resource: { name: string; azure?: { storageAccount: string } }): string {
  return resource.azure?.storageAccount ?? resource.name.split('/')[0] ?? resource.name;
}

export const azureStorageAnalytics: LogFormat = {
  id: 'azure-storage-analytics',
  provider: 'azure',
  title: { ja: 'Azure Storage Analytics ログ（$logs コンテナー）', en: 'Azure Storage Analytics logs ($logs container)' },
  downloadOperation: 'GetBlob',
  identityRecorded: true,
  locate(snapshot, resource) {
    const account = storageAccountOf(resource);
    const raw = (snapshot as AzureSnapshot).accounts?.find((a) => a.properties.name === account);
    const logging = raw?.blobService?.logging;
    if (logging?.read === true) return { kind: 'logs', bucket: `${account}/$logs`, prefix: 'blob/' };
    if (resource.azure?.diagnosticLogging === true) {
      return {
        kind: 'none',
        reason: {
          ja: '読み取りログは診断設定で Azure Monitor（Log Analytics 等）に送られています。kumoscan が読むのは $logs コンテナーのログだけのため、送り先で確認してください。',
          en: 'Read logs go to Azure Monitor (Log Analytics or similar) through a diagnostic setting; kumoscan reads only the $logs container, so check them there.',
        },
      };
    }
    if (logging === undefined && resource.logging === null) {
      return { kind: 'none', reason: { ja: 'ログ設定を読み取れなかったため（Get Blob Service Properties の失敗）、ログの有無が分かりません。', en: 'The logging settings could not be read (Get Blob Service Properties failed), so whether logs exist is unknown.' } };
    }
    return { kind: 'none', reason: LOGGING_OFF };
  },
  parse: parseAzureStorageLog,
  bucketOf: (resource) => resource.name.slice(resource.name.indexOf('/') + 1),
};
