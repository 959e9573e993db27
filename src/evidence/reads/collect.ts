// Collects the reads evidence of every exposed resource: finds its access logs (formats/), reads them through the
// provider's read-only ObjectReader within the limits (limits.ts), parses them in memory and keeps only the
// summary (summary.ts). A log object that cannot be read is a recorded error; nothing here is fatal.
import type { Resource } from '../../model.js';
import type { BaseSnapshot, ProviderAdapter } from '../../provider.js';
import type { ObjectInfo, ObjectReader } from '../../data/object-reader.js';
import { logFormatsFor } from './formats/index.js';
import type { LogFormat, LogLocation, NoLogs } from './formats/types.js';
import { ReadsAccumulator } from './summary.js';
import { logText, LogObjectError } from './log-text.js';
import type { ReadEvidenceError, ReadsEvidence } from './types.js';
import type { ReadsLimits } from './limits.js';

export const LIST_LOGS_CALL = 'ListAccessLogs';
export const READ_LOG_CALL = 'ReadAccessLog';
export const FIND_LOGS_CALL = 'FindAccessLogs';

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

function codeOf(err: unknown): string {
  if (err instanceof LogObjectError) return err.code;
  const e = err as { name?: string; code?: unknown; Code?: string };
  if (typeof e?.Code === 'string') return e.Code;
  if (typeof e?.code === 'string' && e.code.length > 0) return e.code;
  return e?.name && e.name !== 'Error' ? e.name : 'Error';
}

function errorOf(call: string, err: unknown, key?: string): ReadEvidenceError {
  const message = String((err as Error)?.message ?? err).split('\n')[0]?.slice(0, 200) ?? '';
  return { call, code: codeOf(err), message, ...(key !== undefined ? { key } : {}) };
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
      for (const acc of accs) acc.addAll(parsed.records);
    } catch (err) {
      errors.push(errorOf(READ_LOG_CALL, err, o.key));
      logs.complete = false;
    }
  }
  return { errors, logs };
}

/** Where each resource's logs are: the provider's formats in registry order, the first that finds logs wins. */
async function locateAll(flags: Readonly<Record<string, unknown>>, snapshot: BaseSnapshot, resources: readonly Resource[], budget: Budget): Promise<Map<Resource, { format: LogFormat; loc: LogLocation } | { format: LogFormat; none: NoLogs }>> {
  const out = new Map<Resource, { format: LogFormat; loc: LogLocation } | { format: LogFormat; none: NoLogs }>();
  const notes = new Map<Resource, { format: LogFormat; reasons: NoLogs['reason'][]; errors: ReadEvidenceError[] }>();
  let pending = [...resources];
  for (const provider of new Set(resources.map((r) => r.provider))) {
    for (const format of logFormatsFor(provider)) {
      const mine = pending.filter((r) => r.provider === provider);
      if (mine.length === 0) break;
      let discovered: unknown;
      let failed: ReadEvidenceError | undefined;
      if (format.discover) {
        try {
          discovered = await format.discover(flags, mine, AbortSignal.timeout(Math.max(1, budget.msLeft)));
        } catch (err) {
          failed = errorOf(FIND_LOGS_CALL, err);
        }
      }
      for (const r of mine) {
        const loc = format.locate(snapshot, r, discovered);
        if (loc.kind === 'logs') {
          out.set(r, { format, loc });
          continue;
        }
        let note = notes.get(r);
        if (!note) notes.set(r, (note = { format, reasons: [], errors: [] }));
        note.reasons.push(loc.reason);
        note.errors.push(...(loc.errors ?? []), ...(failed ? [failed] : []));
      }
      pending = pending.filter((r) => !out.has(r));
    }
  }
  for (const [r, note] of notes) {
    if (out.has(r)) continue;
    const reason = { ja: note.reasons.map((x) => x.ja).join(''), en: note.reasons.map((x) => x.en).join(' ') };
    out.set(r, { format: note.format, none: { kind: 'none', reason, ...(note.errors.length > 0 ? { errors: note.errors } : {}) } });
  }
  return out;
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
  for (const [r, found] of await locateAll(flags, snapshot, resources.filter(logsWanted), budget)) {
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
      const logs = m.partial ? { ...result.logs, complete: false } : result.logs;
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
