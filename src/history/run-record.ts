// What a run stores (pure): the run dated by the snapshot's collectedAt, its id derived from the snapshot, each
// resource's verdicts and data-profile summary (classes and person counts — no masked example, no key), findings.
import { createHash } from 'node:crypto';
import type { Report } from '../../reports/render/json.js';
import type { Resource } from '../model.js';
import type { Snapshot } from '../snapshot.js';
import type { ResourceRecord, RunRecord } from './store.js';

/** JSON with object keys sorted, so the id does not depend on the order a file or a collector wrote keys in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The run id: a hash of the snapshot the run evaluated and the shard it covered (the same snapshot is the same run). */
export function runIdOf(snapshot: Snapshot, shard: { index: number; count: number } | null): string {
  const hash = createHash('sha256').update(canonical(snapshot));
  if (shard) hash.update(`\0shard ${shard.index}/${shard.count}`);
  return hash.digest('hex').slice(0, 32);
}

/** The snapshot's collectedAt as ISO 8601 UTC; null when the snapshot has none (or an unreadable one). */
export function collectedAtOf(snapshot: Snapshot): string | null {
  if (typeof snapshot.collectedAt !== 'string') return null;
  const t = Date.parse(snapshot.collectedAt);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function evidenceRefs(r: Resource): string[] {
  return [...new Set(r.exposure.evidence.filter((e) => e.effect === 'grants').map((e) => `${e.source} ${e.ref}`))];
}

export function resourceRecord(r: Resource): ResourceRecord {
  const persons = r.data?.persons;
  return {
    resourceId: r.id,
    name: r.name,
    account: r.account,
    read: r.exposure.read,
    list: r.exposure.list,
    write: r.exposure.write,
    aclWrite: r.exposure.aclWrite,
    evidence: evidenceRefs(r),
    errors: r.errors.length,
    personalData: r.data ? r.data.personalData : null,
    classes: r.data ? [...r.data.classes] : [],
    personsLow: persons ? persons.estimate.low : null,
    personsHigh: persons ? persons.estimate.high : null,
    personsDeclared: persons?.declared ?? null,
  };
}

/** The run record of one evaluated snapshot; null when it cannot be dated (no valid collectedAt). */
export function runRecordOf(snapshot: Snapshot, report: Report): RunRecord | null {
  const scannedAt = collectedAtOf(snapshot);
  if (scannedAt === null) return null;
  const shard = report.scope.shard ? { index: report.scope.shard.index, count: report.scope.shard.count } : null;
  return recordOf(runIdOf(snapshot, shard), scannedAt, shard, report);
}

/**
 * The run record of a merged report (`kumoscan merge`, no snapshot): dated by its scannedAt (the earliest shard's),
 * its id a hash of what the run found — scope (but --fail-on), resources, finding ids, errors — so merging the same
 * shards again is the same run.
 */
export function runRecordOfReport(report: Report): RunRecord | null {
  const scannedAt = Date.parse(report.scannedAt);
  if (Number.isNaN(scannedAt)) return null;
  const { failOn: _failOn, ...scope } = report.scope;
  const id = createHash('sha256')
    .update(canonical({ merged: true, scannedAt: report.scannedAt, scope, resources: report.resources, findings: report.findings.map((f) => f.id), errors: report.errors }))
    .digest('hex')
    .slice(0, 32);
  const shard = report.scope.shard ? { index: report.scope.shard.index, count: report.scope.shard.count } : null;
  return recordOf(id, new Date(scannedAt).toISOString(), shard, report);
}

function recordOf(id: string, scannedAt: string, shard: RunRecord['shard'], report: Report): RunRecord {
  return {
    id,
    provider: report.scope.provider,
    accounts: [...report.scope.accounts],
    scannedAt,
    version: report.tool.version,
    shard,
    bucketFilter: [...report.scope.bucketFilter],
    source: report.scope.source,
    complete: report.summary.complete,
    errors: report.summary.errors,
    resources: report.resources.map(resourceRecord),
    findings: report.findings.map((f) => ({ findingId: f.id, checkId: f.checkId, resourceId: f.resourceId, severity: f.severity })),
  };
}
