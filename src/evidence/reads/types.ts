// The reads evidence of one exposed resource, as the snapshot keeps it (`evidence.reads`, by resource id): counts,
// times, masked keys and (unless --redact-ips) client addresses — never a log line.
import type { I18n } from '../../model.js';

/** Successful requests of one kind by outsiders: how many, bytes, distinct addresses, first and last. */
export interface RequestTally {
  requests: number;
  bytes: number;
  /** Distinct client addresses. */
  clients: number;
  /** The addresses themselves (at most MAX_IPS; absent with --redact-ips). */
  clientIps?: string[];
  first: string | null;
  last: string | null;
  /** The log objects (names under the location, as the cloud writes them) holding the first and the last request. */
  firstLog?: string;
  lastLog?: string;
}

/** One object key read by outsiders (the key masked as in data profiles). */
export interface ObjectReads {
  key: string;
  reads: number;
  bytes: number;
  clients: number;
  first: string;
  last: string;
  firstLog?: string;
  lastLog?: string;
}

export interface ReadEvidenceError {
  /** ListAccessLogs, ReadAccessLog. */
  call: string;
  code: string;
  message: string;
  /** The log object, when one failed. */
  key?: string;
}

export interface ReadsEvidence {
  /** The log format (src/evidence/reads/formats/): s3-server-access, cloudtrail-data-events, azure-storage-analytics, gcs-usage. */
  format: string;
  /** read: the logs were read (see complete and errors); absent: there are no logs to read (reason). */
  status: 'read' | 'absent';
  reason?: I18n;
  /** Where the logs were read from. */
  location?: { bucket: string; prefix: string };
  /** The exposure window the requests are counted in (since: null = all the log there is). */
  window: { since: string | null; until: string };
  /** true: the log says who made each request (anonymous or not); false: it does not (GCS usage logs). */
  identityRecorded: boolean;
  /** complete: every log object in the window was read; partial: the logs record only part of the resource's reads
   * (a CloudTrail trail whose selectors keep some prefixes). Either way short of whole, the counts are lower bounds. */
  logs: { objects: number; bytes: number; malformedLines: number; complete: boolean; partial?: boolean };
  /** Successful requests from outsiders: anonymous ones, or every one when the log does not record identity. */
  outsiders: { reads: RequestTally; lists: RequestTally };
  /** Keys read by outsiders, most read first (at most MAX_OBJECTS; objectsLeftOut counts the rest). */
  objects: ObjectReads[];
  objectsLeftOut: number;
  errors: ReadEvidenceError[];
}

/** Evaluation's view of the evidence: the snapshot's summary joined with the resource's data profile. */
export interface ReadsView extends ReadsEvidence {
  /** Objects read by outsiders that the sample found personal data in, and the persons in them (null: not sampled). */
  personal: { objects: number; persons: number; keys: string[] } | null;
}

export const MAX_IPS = 100;
export const MAX_OBJECTS = 500;
