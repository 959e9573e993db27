// Collects the reads evidence of every exposed resource: finds its access logs (formats/), reads them through the
// provider's read-only ObjectReader within the limits (limits.ts), parses them in memory and keeps only the
// summary (summary.ts). A log object that cannot be read is a recorded error; nothing here is fatal.
import type { Resource } from '../../model.js';
import type { BaseSnapshot, ProviderAdapter } from '../../provider.js';
import type { ObjectInfo, ObjectReader } from '../../data/object-reader.js';
import type { LogFormat, LogLocation } from './formats/types.js';
import { locateAll } from './locate.js';
import { errorOf } from './errors.js';
import { ReadsAccumulator } from './summary.js';
import { logText } from './log-text.js';
import type { ReadEvidenceError, ReadsEvidence } from './types.js';
import type { ReadsLimits } from './limits.js';

export const LIST_LOGS_CALL = 'ListAccessLogs';
export const READ_LOG_CALL = 'ReadAccessLog';

export interface ReadsRequest {
  /** Start of the exposure window (ISO); undefined = the whole log. */
  since?: string;
  /** End of the window: the scan time. */
  until: string;
  limits: ReadsLimits;
  redactIps: boolean;
}

/**
 * Readable or listable by anyone, or not verified (as sampling chooses): the resources whose logs are read. For an
 * unverified one (Azure data-plane mode cannot read allowBlobPublicAccess) anonymous reads in its logs are the proof.
 */
export function logsWanted(r: Resource): boolean {
  return r.exposure.read !== false || r.exposure.list !== false;
}

/** The scan-wide byte and time budget. */
class Budget {
  readonly deadline: number;
  constructor(
    private bytes: number,
    timeMs: number,
  ) {
    this.deadline = Date.now() + timeMs;
  }
  take(n: number): boolean {
    if (n > this.bytes) return false;
    this.bytes -= n;
    return true;
  }
  get msLeft(): number {
    return this.deadline - Date.now();
  }
}

async function listLogs(reader: ObjectReader, loc: LogLocation, limits: ReadsLimits, budget: Budget): Promise<{ objects: ObjectInfo[]; complete: boolean }> {
  const objects: ObjectInfo[] = [];
  let next: string | undefined;
  do {
    if (budget.msLeft <= 0) return { objects, complete: false };
    const page = await reader.list({ prefix: loc.prefix, max: 1000, ...(next ? { next } : {}), signal: AbortSignal.timeout(budget.msLeft) });
    objects.push(...page.objects);
    next = page.next;
  } while (next && objects.length < limits.maxListed);
  return { objects, complete: next === undefined };
}

/** Reads one location's log objects once and hands the records to every resource that logs there. */
async function readLocation(reader: ObjectReader, format: LogFormat, loc: LogLocation, accs: readonly ReadsAccumulator[], req: ReadsRequest, budget: Budget) {
  const errors: ReadEvidenceError[] = [];
  const logs = { objects: 0, bytes: 0, malformedLines: 0, complete: true };
  let listing: { objects: ObjectInfo[]; complete: boolean };
  try {
    listing = await listLogs(reader, loc, req.limits, budget);
  } catch (err) {
    errors.push(errorOf(LIST_LOGS_CALL, err));
    return { errors, logs: { ...logs, complete: false } };
  }
  if (!listing.complete) logs.complete = false;
  // A log object last written before the window holds only older requests.
  const since = req.since;
  const wanted = listing.objects.filter((o) => (loc.keyContains === undefined || o.key.includes(loc.keyContains)) && (since === undefined || o.lastModified === undefined || o.lastModified >= since)).sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const o of wanted) {
    if (budget.msLeft <= 0) {
      errors.push({ call: READ_LOG_CALL, code: 'EvidenceTimeout', message: `not read: the evidence time limit passed (${wanted.length - logs.objects} log objects left)`, key: o.key });
      logs.complete = false;
      break;
    }
    if (o.size > req.limits.maxObjectBytes) {
      errors.push({ call: READ_LOG_CALL, code: 'TooLarge', message: `${o.size} bytes, more than the per-object limit of ${req.limits.maxObjectBytes}`, key: o.key });
      logs.complete = false;
      continue;
    }
    if (!budget.take(o.size)) {
      errors.push({ call: READ_LOG_CALL, code: 'BudgetSpent', message: 'not read: --evidence-max-bytes spent', key: o.key });
      logs.complete = false;
      continue;
    }
    try {
      const bytes = await reader.read(o.key, { maxBytes: o.size, signal: AbortSignal.timeout(Math.max(1, budget.msLeft)) });
      const parsed = format.parse(logText(bytes, req.limits.maxDecompressedBytes));
      logs.objects++;
      logs.bytes += bytes.length;
      logs.malformedLines += parsed.malformed;
      for (const acc of accs) acc.addAll(parsed.records, o.key);
    } catch (err) {
      errors.push(errorOf(READ_LOG_CALL, err, o.key));
      logs.complete = false;
    }
  }
  return { errors, logs };
}

/**
 * The reads evidence of each exposed resource, by resource id. `snapshot` gives the logging configuration;
 * `adapter.openReader` reads the log bucket / container (read-only).
 */
export async function collectReads(adapter: ProviderAdapter<BaseSnapshot>, flags: Readonly<Record<string, unknown>>, snapshot: BaseSnapshot, resources: readonly Resource[], req: ReadsRequest): Promise<Record<string, ReadsEvidence>> {
  const out: Record<string, ReadsEvidence> = {};
  const window = { since: req.since ?? null, until: req.until };
  const budget = new Budget(req.limits.maxBytes, req.limits.timeMs);
  const byLocation = new Map<string, { format: LogFormat; loc: LogLocation; owner: Resource; members: { resource: Resource; acc: ReadsAccumulator; partial: boolean }[] }>();
  for (const [r, found] of await locateAll(flags, snapshot, resources.filter(logsWanted), budget.msLeft)) {
    const { format } = found;
    if ('none' in found) {
      out[r.id] = absent(format, window, found.none.reason, found.none.errors ?? []);
      continue;
    }
    const loc = found.loc;
    const id = `${r.account}|${loc.bucket}|${loc.prefix}|${loc.keyContains ?? ''}`;
    let group = byLocation.get(id);
    if (!group) byLocation.set(id, (group = { format, loc, owner: r, members: [] }));
    group.members.push({ resource: r, acc: new ReadsAccumulator(format.bucketOf(r), window, format.identityRecorded), partial: loc.partial === true });
  }
  for (const { format, loc, owner, members } of byLocation.values()) {
    let result: { errors: ReadEvidenceError[]; logs: ReadsEvidence['logs'] };
    if (!adapter.openReader) {
      result = { errors: [{ call: LIST_LOGS_CALL, code: 'NotSupported', message: 'this provider has no object reader' }], logs: { objects: 0, bytes: 0, malformedLines: 0, complete: false } };
    } else {
      let reader: ObjectReader | undefined;
      try {
        reader = await adapter.openReader(flags, { ...owner, name: loc.bucket, ...(loc.region !== undefined ? { region: loc.region } : {}) });
        result = await readLocation(reader, format, loc, members.map((m) => m.acc), req, budget);
      } catch (err) {
        result = { errors: [errorOf(LIST_LOGS_CALL, err)], logs: { objects: 0, bytes: 0, malformedLines: 0, complete: false } };
      } finally {
        reader?.close();
      }
    }
    // A trail that logs only part of the bucket's reads: its counts are lower bounds.
    for (const m of members) {
      const logs = m.partial ? { ...result.logs, complete: false, partial: true } : result.logs;
      out[m.resource.id] = m.acc.result({ format: format.id, location: { bucket: loc.bucket, prefix: loc.prefix }, logs, errors: result.errors }, req.redactIps);
    }
  }
  return out;
}

function absent(format: LogFormat, window: ReadsEvidence['window'], reason: ReadsEvidence['reason'], errors: ReadEvidenceError[]): ReadsEvidence {
  const none = { requests: 0, bytes: 0, clients: 0, first: null, last: null };
  return {
    format: format.id,
    status: 'absent',
    ...(reason ? { reason } : {}),
    window,
    identityRecorded: format.identityRecorded,
    logs: { objects: 0, bytes: 0, malformedLines: 0, complete: false },
    outsiders: { reads: { ...none }, lists: { ...none } },
    objects: [],
    objectsLeftOut: 0,
    errors,
  };
}
