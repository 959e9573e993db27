// The common access record every log format parses into (src/evidence/reads/formats/). It lives only in memory,
// inside one collection: what leaves it is the per-resource summary (summary.ts), never a log line.

/** read: an object download; list: a listing of keys; other: anything else (writes, metadata, service calls). */
export type AccessOperation = 'read' | 'list' | 'other';

export interface AccessRecord {
  /** When the request was made (ISO 8601, UTC). */
  time: string;
  /** The bucket / container the request was about, as the log names it (null when the log line does not say). */
  bucket: string | null;
  operation: AccessOperation;
  /** The object key (decoded), or null for bucket-level requests. */
  key: string | null;
  /** true: no identity (anonymous); false: an authenticated requester; null: the format does not record it. */
  anonymous: boolean | null;
  /** The request succeeded (2xx). */
  success: boolean;
  /** The client address without a port, or null when absent. */
  clientIp: string | null;
  /** Bytes sent to the client (the response body), or null when absent. */
  bytesSent: number | null;
}

/** What parsing one log object gives: the records, and how many lines could not be parsed. */
export interface ParsedLog {
  records: AccessRecord[];
  malformed: number;
}
