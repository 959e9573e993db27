// What the history says about one report (reads the store; the result is applied by reports/history.ts, pure): the
// windows are taken at the report's run — its collection time when the run is in the history, else the report's
// scannedAt — for every resource open to anyone and for every resolved finding still reportable.
import { isPublic, type HistoryFacts } from '../../reports/history.js';
import type { Report } from '../../reports/render/json.js';
import { closedWindowAt, publicSinceAt, type ClosedWindow, type PublicSince } from './public-since.js';
import type { HistoryStore } from './store.js';
import { scopeKey, trendRowsOfCounts } from './trend.js';
import { buildTimeline } from './timeline.js';

/** `runId`: the report's run when known (just stored, or recorded in the report's `history.runId`). */
export async function historyFacts(store: HistoryStore, report: Report, runId: string | undefined): Promise<HistoryFacts> {
  const runs = await store.listRuns();
  const id = runId ?? report.history?.runId;
  const run = id !== undefined ? runs.find((r) => r.id === id) : undefined;
  const asOf = run?.scannedAt ?? report.scannedAt;
  const publicIds = report.resources.filter(isPublic).map((r) => r.id);
  const reportableIds = [...new Set((report.resolved ?? []).filter((f) => f.stillReportable).map((f) => f.resourceId))];
  // One query a batch of resources, not one a resource.
  const observations = await store.observationsByResource([...publicIds, ...reportableIds]);
  const timelineOf = (resourceId: string) => buildTimeline(observations.get(resourceId) ?? [], runs);
  const publicSince = new Map<string, PublicSince>();
  for (const id of publicIds) {
    const timeline = timelineOf(id);
    const p = timeline ? publicSinceAt(timeline, asOf) : null;
    if (p) publicSince.set(id, p);
  }
  const closed = new Map<string, ClosedWindow>();
  for (const resourceId of reportableIds) {
    const timeline = timelineOf(resourceId);
    const w = timeline ? closedWindowAt(timeline, asOf) : null;
    if (w) closed.set(resourceId, w);
  }
  // The trend: the runs of the report's own scope (a shard with the same shard) up to its run, oldest first.
  const trend = run
    ? trendRowsOfCounts(await store.trendCounts())
        .filter((row) => row.scannedAt <= asOf && scopeKey(runs.find((r) => r.id === row.runId) ?? run) === scopeKey(run))
        .map(({ runId, scannedAt, complete, findings, newFindings, resolvedFindings, exposedPersonal }) => ({ runId, scannedAt, complete, findings, newFindings, resolvedFindings, exposedPersonal }))
    : undefined;
  return { ...(run ? { runId: run.id } : {}), asOf, runs: runs.filter((r) => r.scannedAt <= asOf).length, publicSince, closed, ...(trend ? { trend } : {}) };
}
