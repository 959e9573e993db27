// Pure: access records → the per-resource reads evidence (types.ts). Only successful requests by outsiders count:
// anonymous ones, or every one when the format does not record who made it (then identityRecorded is false).
import type { AccessRecord } from './record.js';
import { MAX_IPS, MAX_OBJECTS, type ObjectReads, type ReadsEvidence, type RequestTally } from './types.js';
import { maskKey } from '../../data/detect/mask.js';

interface Tally {
  requests: number;
  bytes: number;
  ips: Set<string>;
  first: string | null;
  last: string | null;
  /** The log objects the first and the last request are recorded in. */
  firstLog: string | null;
  lastLog: string | null;
}

const tally = (): Tally => ({ requests: 0, bytes: 0, ips: new Set(), first: null, last: null, firstLog: null, lastLog: null });

function add(t: Tally, r: AccessRecord, log: string | null): void {
  t.requests++;
  t.bytes += r.bytesSent ?? 0;
  if (r.clientIp !== null) t.ips.add(r.clientIp);
  if (t.first === null || r.time < t.first) {
    t.first = r.time;
    t.firstLog = log;
  }
  if (t.last === null || r.time > t.last) {
    t.last = r.time;
    t.lastLog = log;
  }
}

/** Where the first and the last request are recorded (only when known). */
function logsOf(t: Tally): { firstLog?: string; lastLog?: string } {
  return { ...(t.firstLog !== null ? { firstLog: t.firstLog } : {}), ...(t.lastLog !== null ? { lastLog: t.lastLog } : {}) };
}

function finish(t: Tally, redactIps: boolean): RequestTally {
  return {
    requests: t.requests,
    bytes: t.bytes,
    clients: t.ips.size,
    ...(redactIps ? {} : { clientIps: [...t.ips].sort().slice(0, MAX_IPS) }),
    first: t.first,
    last: t.last,
    ...logsOf(t),
  };
}

/** Accumulates the records of one resource, log object by log object (records are not kept). */
export class ReadsAccumulator {
  private readonly reads = tally();
  private readonly lists = tally();
  private readonly perKey = new Map<string, Tally>();

  /** `identityRecorded`: the format says who made each request (else every successful request counts). */
  constructor(
    readonly bucket: string,
    readonly window: { since: string | null; until: string },
    readonly identityRecorded: boolean,
  ) {}

  /**
   * Adds the records that belong to this resource's bucket, fall in the window, succeeded and came from outsiders.
   * `log`: the log object they were read from (its name, as the cloud writes it), cited for the first and last.
   */
  addAll(records: readonly AccessRecord[], log: string | null = null): void {
    for (const r of records) {
      if (r.bucket !== this.bucket || !r.success || r.operation === 'other') continue;
      if ((this.window.since !== null && r.time < this.window.since) || r.time > this.window.until) continue;
      if (this.identityRecorded && r.anonymous !== true) continue;
      if (r.operation === 'list') {
        add(this.lists, r, log);
        continue;
      }
      add(this.reads, r, log);
      if (r.key !== null) {
        const k = maskKey(r.key);
        let t = this.perKey.get(k);
        if (!t) this.perKey.set(k, (t = tally()));
        add(t, r, log);
      }
    }
  }

  result(base: Pick<ReadsEvidence, 'format' | 'location' | 'logs' | 'errors'>, redactIps: boolean): ReadsEvidence {
    const objects: ObjectReads[] = [...this.perKey.entries()]
      .map(([key, t]) => ({ key, reads: t.requests, bytes: t.bytes, clients: t.ips.size, first: t.first ?? '', last: t.last ?? '', ...logsOf(t) }))
      .sort((a, b) => b.reads - a.reads || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
      format: base.format,
      status: 'read',
      ...(base.location ? { location: base.location } : {}),
      window: this.window,
      identityRecorded: this.identityRecorded,
      logs: base.logs,
      outsiders: { reads: finish(this.reads, redactIps), lists: finish(this.lists, redactIps) },
      objects: objects.slice(0, MAX_OBJECTS),
      objectsLeftOut: Math.max(0, objects.length - MAX_OBJECTS),
      errors: base.errors,
    };
  }
}
