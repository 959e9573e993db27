// CloudTrail data events delivered to S3: the documented CloudTrail log file format, one gzip JSON object
// `{"Records":[…]}` per file under `<S3KeyPrefix>/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/…json.gz`
// (an organization trail: `AWSLogs/<organization id>/<account>/…`). An S3 record names the bucket and key in
// `requestParameters` (bucketName, key), the client in `sourceIPAddress`, the bytes in
// `additionalEventData.bytesTransferredOut`, a failure in `errorCode`; an anonymous request has
// `userIdentity.accountId` "ANONYMOUS_PRINCIPAL" (type AWSAccount). Where the files are comes from the trails
// (DescribeTrails + GetEventSelectors, read by discover, trails/aws.ts): a trail whose event selectors log the
// bucket's object reads. Used for a bucket without server access logs (s3-server-access is tried first).
import type { AccessOperation, AccessRecord, ParsedLog } from '../record.js';
import type { LogFormat, LogLocation, NoLogs } from './types.js';
import { addressOnly } from '../fields.js';
import { LogObjectError } from '../log-text.js';
import { readsCoverage } from '../trails/selectors.js';
import type { TrailDestination, TrailsByAccount } from '../trails/types.js';
import type { Resource } from '../../../model.js';

export const ANONYMOUS_PRINCIPAL = 'ANONYMOUS_PRINCIPAL';

function operationOf(name: unknown): AccessOperation {
  if (name === 'GetObject') return 'read';
  if (name === 'ListObjects' || name === 'ListObjectsV2') return 'list';
  // HeadObject reads metadata only, not the data; writes and the rest are not reads.
  return 'other';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

/** One record → an access record; null when it is not an S3 event; 'malformed' when a needed field is missing. */
function recordOf(r: unknown): AccessRecord | null | 'malformed' {
  if (!isObject(r)) return 'malformed';
  if (r.eventSource !== 's3.amazonaws.com') return null;
  const time = typeof r.eventTime === 'string' ? Date.parse(r.eventTime) : NaN;
  const identity = r.userIdentity;
  if (Number.isNaN(time) || typeof r.eventName !== 'string' || !isObject(identity)) return 'malformed';
  const params = isObject(r.requestParameters) ? r.requestParameters : {};
  const extra = isObject(r.additionalEventData) ? r.additionalEventData : {};
  return {
    time: new Date(time).toISOString(),
    bucket: str(params.bucketName),
    operation: operationOf(r.eventName),
    key: str(params.key),
    anonymous: identity.accountId === ANONYMOUS_PRINCIPAL,
    success: r.errorCode === undefined || r.errorCode === null || r.errorCode === '',
    clientIp: addressOnly(str(r.sourceIPAddress)),
    bytesSent: count(extra.bytesTransferredOut),
  };
}

/** A log file that is not `{"Records":[…]}` JSON (truncated, damaged) is an error of that object, not of the scan. */
export function parseCloudTrailLog(text: string): ParsedLog {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new LogObjectError('MalformedLog', 'not a CloudTrail log file (not complete JSON)');
  }
  if (!isObject(doc) || !Array.isArray(doc.Records)) throw new LogObjectError('MalformedLog', 'not a CloudTrail log file (no Records array)');
  const records: AccessRecord[] = [];
  let malformed = 0;
  for (const r of doc.Records) {
    const rec = recordOf(r);
    if (rec === 'malformed') malformed++;
    else if (rec !== null) records.push(rec);
  }
  return { records, malformed };
}

const NO_TRAIL: NoLogs['reason'] = {
  ja: 'CloudTrail の証跡もこのバケットのデータイベント（オブジェクトの読み取り）を記録していません。',
  en: 'No CloudTrail trail records this bucket\'s data events (object reads) either.',
};
const TRAILS_UNREAD: NoLogs['reason'] = {
  ja: 'CloudTrail の証跡を読み取れなかったため、データイベントが記録されているかどうかは不明です。',
  en: 'The CloudTrail trails could not be read, so whether data events are recorded is unknown.',
};

/** The trail that logs the bucket's reads, whole coverage first (one trail only: two would count each read twice). */
function trailFor(trails: readonly TrailDestination[], bucket: string, region: string | null): { trail: TrailDestination; partial: boolean } | undefined {
  const covering = trails
    .filter((t) => t.multiRegion || t.homeRegion === region)
    .map((t) => ({ trail: t, coverage: readsCoverage(t.selectors, bucket) }))
    .filter((c) => c.coverage !== 'none')
    .sort((a, b) => (a.coverage === b.coverage ? (a.trail.arn < b.trail.arn ? -1 : 1) : a.coverage === 'all' ? -1 : 1));
  const first = covering[0];
  return first ? { trail: first.trail, partial: first.coverage === 'partial' } : undefined;
}

/** Where a trail's files for `account` and `region` are. */
export function trailLocation(trail: TrailDestination, account: string, region: string | null, partial: boolean): LogLocation {
  const root = `${trail.prefix ? `${trail.prefix.replace(/\/$/, '')}/` : ''}AWSLogs/`;
  const tail = `${account}/CloudTrail/${region !== null ? `${region}/` : ''}`;
  return {
    kind: 'logs',
    bucket: trail.bucket,
    region: trail.homeRegion,
    ...(trail.organization ? { prefix: root, keyContains: `/${tail}` } : { prefix: `${root}${tail}` }),
    ...(partial ? { partial: true } : {}),
  };
}

export const cloudTrailDataEvents: LogFormat = {
  id: 'cloudtrail-data-events',
  provider: 'aws',
  title: { ja: 'CloudTrail データイベント（S3 に配信されたログ）', en: 'CloudTrail data events (log files delivered to S3)' },
  identityRecorded: true,
  downloadOperation: 'GetObject',
  discover: async (flags, resources, signal) => (await import('../trails/aws.js')).discoverTrails(flags, resources, signal),
  locate(_snapshot, resource: Resource, discovered) {
    const found = (discovered as TrailsByAccount | undefined)?.[resource.account];
    const hit = found ? trailFor(found.trails, resource.name, resource.region) : undefined;
    if (hit) return trailLocation(hit.trail, resource.account, resource.region, hit.partial);
    const errors = found?.errors ?? [];
    return { kind: 'none', reason: found && errors.length === 0 ? NO_TRAIL : TRAILS_UNREAD, ...(errors.length > 0 ? { errors } : {}) };
  },
  parse: parseCloudTrailLog,
  bucketOf: (resource) => resource.name,
};
