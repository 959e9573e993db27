// What the history says about one report (reads the store; the result is applied by reports/history.ts, pure): the
// windows are taken at the report's run — its collection time when the run is in the history, else the report's
// scannedAt — for every resource open to anyone and for every resolved finding still reportable.
import { isPublic, type HistoryFacts } from '../../reports/history.js';
import type { Report } from '../../reports/render/json.js';
import { closedWindowAt, publicSinceAt, type ClosedWindow, type PublicSince } from './public-since.js';
import type { HistoryStore } from './store.js';
import { scopeKey, trendRows } from './trend.js';
import { buildTimeline } from './timeline.js';

/** `runId`: the report's run when known (just stored, or recorded in the report's `history.runId`). */
export async function historyFacts(store: HistoryStore, report: Report, runId: string | undefined): Promise<HistoryFacts> {
  const runs = await store.listRuns();
  const id = runId ?? report.history?.runId;
  const run = id !== undefined ? runs.find((r) => r.id === id) : undefined;
  const asOf = run?.scannedAt ?? report.scannedAt;
  const timelineOf = async (resourceId: string) => buildTimeline(await store.observations(resourceId), runs);
  const publicSince = new Map<string, PublicSince>();
  for (const r of report.resources.filter(isPublic)) {
    const timeline = await timelineOf(r.id);
    const p = timeline ? publicSinceAt(timeline, asOf) : null;
    if (p) publicSince.set(r.id, p);
  }
  const closed = new Map<string, ClosedWindow>();
  for (const resourceId of new Set((report.resolved ?? []).filter((f) => f.stillReportable).map((f) => f.resourceId))) {
    const timeline = await timelineOf(resourceId);
    const w = timeline ? closedWindowAt(timeline, asOf) : null;
    if (w) closed.set(resourceId, w);
  }
  // The trend: the runs of the report's own scope (a shard with the same shard) up to its run, oldest first.
  const trend = run
    ? trendRows(await store.trendInputs())
        .filter((row) => row.scannedAt <= asOf && scopeKey(runs.find((r) => r.id === row.runId) ?? run) === scopeKey(run))
        .map(({ runId, scannedAt, complete, findings, newFindings, resolvedFindings, exposedPersonal }) => ({ runId, scannedAt, complete, findings, newFindings, resolvedFindings, exposedPersonal }))
    : undefined;
  return { ...(run ? { runId: run.id } : {}), asOf, runs: runs.filter((r) => r.scannedAt <= asOf).length, publicSince, closed, ...(trend ? { trend } : {}) };
}
