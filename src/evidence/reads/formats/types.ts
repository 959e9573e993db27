// The contract of one access-log format (one file each in this folder, listed in index.ts): how to find a
// resource's logs in the raw snapshot, and how to parse one log object into common access records.
import type { I18n, Provider, Resource } from '../../../model.js';
import type { BaseSnapshot } from '../../../provider.js';
import type { ParsedLog } from '../record.js';
import type { ReadEvidenceError } from '../types.js';

/** Where a resource's access logs are: a bucket (or container) and the key prefix of its log objects. */
export interface LogLocation {
  kind: 'logs';
  /** The bucket / container holding the logs (for Azure `<account>/$logs`, the resource name form). */
  bucket: string;
  prefix: string;
  /** The log bucket's region when it may differ from the resource's (a CloudTrail trail's bucket). */
  region?: string;
  /** Only log objects whose key contains this (an organization trail's prefix holds every account's logs). */
  keyContains?: string;
  /** The logs record only part of the resource's reads (a data-event selector for some prefixes): counts are lower bounds. */
  partial?: boolean;
}

/** Why there are no logs to read: logging was off, or the logs go where kumoscan does not read them. */
export interface NoLogs {
  kind: 'none';
  reason: I18n;
  /** What could not be read while looking for the logs (a refused DescribeTrails …): whether logs exist is unknown. */
  errors?: ReadEvidenceError[];
}

/** Reads what `locate` needs beyond the snapshot, once per scan (read-only, each call with a timeout). */
export type Discover = (flags: Readonly<Record<string, unknown>>, resources: readonly Resource[], signal: AbortSignal) => Promise<unknown>;

export interface LogFormat {
  /** Stable id, recorded in the snapshot: s3-server-access, cloudtrail-data-events, azure-storage-analytics, gcs-usage. */
  id: string;
  provider: Provider;
  /** The format's name in both languages. */
  title: I18n;
  /** The operation the log names a download by (GetBlob, REST.GET.OBJECT, GET_Object), for the PPC draft's citations. */
  downloadOperation: string;
  /** The log says who made each request (anonymous or authenticated); GCS usage logs do not. */
  identityRecorded: boolean;
  /** Optional: reads the cloud's log destinations (CloudTrail trails) for the resources that have no other logs. */
  discover?: Discover;
  /** Pure: where the logs of `resource` are (from the raw snapshot's logging configuration, and what `discover` found), or why none exist. */
  locate(snapshot: BaseSnapshot, resource: Resource, discovered?: unknown): LogLocation | NoLogs;
  /** Pure: one log object's text → records (lines of other buckets included; the summary filters them). */
  parse(text: string): ParsedLog;
  /** The bucket name a record must carry to belong to `resource` (the log may hold other buckets' lines). */
  bucketOf(resource: Resource): string;
}

/** The common reason of a resource whose logging is off (the access-logging-off check says how to turn it on). */
export const LOGGING_OFF: I18n = {
  ja: 'アクセスログが無効だったため、誰が読み取ったかを示す記録は存在しません（チェック access-logging-off を参照）。',
  en: 'Access logging was off, so no record of who read it exists (see the access-logging-off check).',
};
