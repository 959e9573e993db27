// Access-log lines written from the documented field lists, for the reads-evidence tests: S3 server access logs
// (space-delimited, '-' for empty, [time], quoted request line / referrer / user agent), Azure Storage Analytics
// 2.0 (semicolon-delimited, quoted and HTML-encoded where a field may hold ; or "), GCS usage logs (CSV, quoted).

export interface Request {
  /** ISO time. */
  time: string;
  bucket: string;
  key: string | null;
  op: 'read' | 'list' | 'put' | 'head';
  /** null: anonymous. */
  requester: string | null;
  status: number;
  ip: string;
  bytes: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

function s3Time(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const S3_OPS = { read: 'REST.GET.OBJECT', list: 'REST.GET.BUCKET', put: 'REST.PUT.OBJECT', head: 'REST.HEAD.OBJECT' } as const;

/**
 * One S3 server access log line: Bucket Owner, Bucket, Time, Remote IP, Requester, Request ID, Operation, Key,
 * Request-URI, HTTP status, Error Code, Bytes Sent, Object Size, Total Time, Turn-Around Time, Referer, User-Agent,
 * Version Id, Host Id, Signature Version, Cipher Suite, Authentication Type, Host Header, TLS version, Access Point
 * ARN, aclRequired.
 */
export function s3Line(r: Request): string {
  const key = r.key === null ? '-' : encodeURIComponent(r.key).replace(/%2F/g, '/');
  const method = r.op === 'put' ? 'PUT' : r.op === 'head' ? 'HEAD' : 'GET';
  const uri = `${method} /${r.bucket}${r.key === null ? '/?list-type=2' : `/${key}`} HTTP/1.1`;
  const error = r.status >= 400 ? 'AccessDenied' : '-';
  return [
    '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
    r.bucket,
    `[${s3Time(r.time)}]`,
    r.ip,
    r.requester ?? '-',
    '3E57427F33A59F07',
    S3_OPS[r.op],
    key,
    `"${uri}"`,
    String(r.status),
    error,
    r.bytes === 0 ? '-' : String(r.bytes),
    r.bytes === 0 ? '-' : String(r.bytes),
    '70',
    '10',
    '"-"',
    '"curl/8.5.0"',
    '-',
    's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=',
    r.requester === null ? '-' : 'SigV4',
    'TLS_AES_128_GCM_SHA256',
    r.requester === null ? '-' : 'AuthHeader',
    `${r.bucket}.s3.ap-northeast-1.amazonaws.com`,
    'TLSv1.3',
    '-',
    '-',
  ].join(' ');
}

const AZ_OPS = { read: 'GetBlob', list: 'ListBlobs', put: 'PutBlob', head: 'GetBlobProperties' } as const;

/** A field that may hold a quote, semicolon or newline: HTML-encoded and quoted (as the format documents). */
function azQuoted(v: string): string {
  const entity: Record<string, string> = { '&': '&amp;', '"': '&quot;', ';': '&#59;' };
  return `"${v.replace(/[&";]/g, (c) => entity[c] ?? c)}"`;
}

/**
 * One Azure Storage Analytics 2.0 entry: version-number; request-start-time; operation-type; request-status;
 * http-status-code; end-to-end-latency-in-ms; server-latency-in-ms; authentication-type; requester-account-name;
 * owner-account-name; service-type; request-url; requested-object-key; request-id-header; operation-count;
 * requester-ip-address; request-version-header; request-header-size; request-packet-size; response-header-size;
 * response-packet-size; request-content-length; request-md5; server-md5; etag-identifier; last-modified-time;
 * conditions-used; user-agent-header; referrer-header; client-request-id; user-object-id; tenant-id;
 * application-id; audience; issuer; user-principal-name; reserved-field; authorization-detail.
 * `r.bucket` is `<account>/<container>`.
 */
export function azureLine(r: Request): string {
  const [account = '', container = ''] = r.bucket.split('/');
  const anon = r.requester === null;
  const status = r.status < 300 ? (anon ? 'AnonymousSuccess' : 'Success') : anon ? 'AnonymousAuthorizationError' : 'AuthorizationError';
  const path = r.key === null ? `/${account}/${container}` : `/${account}/${container}/${r.key}`;
  const url = `https://${account}.blob.core.windows.net/${container}${r.key === null ? '?restype=container&comp=list' : `/${r.key}`}`;
  const fields = [
    '2.0',
    r.time.replace(/\.\d+Z$|Z$/, '.0000000Z'),
    AZ_OPS[r.op],
    status,
    String(r.status),
    '12',
    '4',
    anon ? 'anonymous' : 'authenticated',
    anon ? '' : account,
    account,
    'blob',
    azQuoted(url),
    azQuoted(path),
    'a1f7e2c4-301e-0042-7b2c-123456000000',
    '0',
    `${r.ip}:51234`,
    '2021-08-06',
    '512',
    '0',
    '256',
    String(256 + r.bytes),
    '0',
    '',
    '',
    '"0x8D9B5A2C3D4E5F6"',
    'Mon, 01 Dec 2025 00:00:00 GMT',
    '',
    azQuoted('curl/8.5.0'),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ];
  return fields.join(';');
}

export const GCS_HEADER = '"time_micros","c_ip","c_ip_type","c_ip_region","cs_method","cs_uri","sc_status","cs_bytes","sc_bytes","time_taken_micros","cs_host","cs_referer","cs_user_agent","s_request_id","cs_operation","cs_bucket","cs_object"';

const GCS_OPS = { read: 'GET_Object', list: 'GET_Bucket', put: 'PUT_Object', head: 'HEAD_Object' } as const;

/** One GCS usage log row, in GCS_HEADER's column order. */
export function gcsLine(r: Request): string {
  const micros = BigInt(Date.parse(r.time)) * 1000n;
  const uri = r.key === null ? `/${r.bucket}` : `/${r.bucket}/${encodeURIComponent(r.key)}`;
  const values = [String(micros), r.ip, r.ip.includes(':') ? '2' : '1', '', r.op === 'put' ? 'PUT' : 'GET', uri, String(r.status), '0', String(r.bytes), '48000', 'storage.googleapis.com', '', 'curl/8.5.0', 'ADPycdt', GCS_OPS[r.op], r.bucket, r.key ?? ''];
  return values.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');
}

const TRAIL_OPS = { read: 'GetObject', list: 'ListObjectsV2', put: 'PutObject', head: 'HeadObject' } as const;

/**
 * One CloudTrail S3 data event record (the documented record contents): eventVersion, userIdentity (an anonymous
 * request: type AWSAccount, accountId ANONYMOUS_PRINCIPAL), eventTime, eventSource, eventName, awsRegion,
 * sourceIPAddress, userAgent, errorCode / errorMessage on failure, requestParameters (bucketName, Host, key),
 * responseElements, additionalEventData (bytesTransferredIn/Out …), requestID, eventID, readOnly, resources,
 * eventType AwsApiCall, managementEvent false, recipientAccountId, eventCategory Data.
 */
export function cloudTrailRecord(r: Request, region = 'ap-northeast-1'): Record<string, unknown> {
  const anon = r.requester === null;
  const identity = anon
    ? { type: 'AWSAccount', principalId: '', accountId: 'ANONYMOUS_PRINCIPAL' }
    : { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: r.requester, accountId: '123456789012', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: r.requester?.split('/').pop() };
  const ok = r.status < 300;
  return {
    eventVersion: '1.10',
    userIdentity: identity,
    eventTime: r.time.replace(/\.\d+Z$/, 'Z'),
    eventSource: 's3.amazonaws.com',
    eventName: TRAIL_OPS[r.op],
    awsRegion: region,
    sourceIPAddress: r.ip,
    userAgent: '[curl/8.5.0]',
    ...(ok ? {} : { errorCode: 'AccessDenied', errorMessage: 'Access Denied' }),
    requestParameters: { bucketName: r.bucket, Host: `${r.bucket}.s3.${region}.amazonaws.com`, ...(r.key !== null ? { key: r.key } : { 'list-type': '2' }) },
    responseElements: null,
    additionalEventData: { SignatureVersion: anon ? undefined : 'SigV4', CipherSuite: 'TLS_AES_128_GCM_SHA256', bytesTransferredIn: 0, AuthenticationMethod: anon ? undefined : 'AuthHeader', 'x-amz-id-2': 'EXAMPLE', bytesTransferredOut: ok ? r.bytes : 243 },
    requestID: '3E57427F33A59F07',
    eventID: '6a8e2b4c-0f1d-4e7a-9c2b-5d3e1f0a7b6c',
    readOnly: r.op !== 'put',
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${r.bucket}/${r.key ?? ''}` },
      { accountId: '123456789012', type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${r.bucket}` },
    ],
    eventType: 'AwsApiCall',
    managementEvent: false,
    recipientAccountId: '123456789012',
    eventCategory: 'Data',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${r.bucket}.s3.${region}.amazonaws.com` },
  };
}

/** A CloudTrail log file: `{"Records":[…]}` (delivered gzip-compressed; the caller gzips it). */
export function cloudTrailLogFile(records: readonly Record<string, unknown>[]): string {
  return JSON.stringify({ Records: records });
}

/** The documented key of a CloudTrail log file: <prefix>/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<id>.json.gz. */
export function cloudTrailKey(prefix: string, account: string, region: string, iso: string, id: string): string {
  const d = iso.slice(0, 10).split('-').join('/');
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  return `${prefix ? `${prefix}/` : ''}AWSLogs/${account}/CloudTrail/${region}/${d}/${account}_CloudTrail_${region}_${stamp}_${id}.json.gz`;
}
