// A report with what the exposure history says (pure; the history is read by src/history/report-history.ts): "public
// since" for each resource open to anyone, 発生日 in the deadlines and item 1 of the PPC draft, and the window of
// "resolved — still reportable" taken from the runs instead of the baseline's scan times.
import type { Resource } from '../src/model.js';
import type { ClosedWindow, PublicSince } from '../src/history/public-since.js';
import { earliestDeadlines } from './appi/deadlines.js';
import { overviewItem } from './appi/ppc-draft.js';
import { withCombinedPublicSince } from './public-since.js';
import type { ResourceAssessment } from './appi/types.js';
import type { HistoryTrendRow, Report, ReportFinding, ReportHistory } from './render/json.js';

/** What the history gives for one report (src/history/report-history.ts historyFacts). */
export interface HistoryFacts {
  runId?: string;
  asOf: string;
  runs: number;
  /** Resource id -> the window open at asOf (resources open to anyone in the report). */
  publicSince: ReadonlyMap<string, PublicSince>;
  /** Resource id -> the last window resolved by asOf (resources of still-reportable resolved findings). */
  closed: ReadonlyMap<string, ClosedWindow>;
  /** The runs of the report's scope up to asOf (when the report's run is in the history). */
  trend?: HistoryTrendRow[];
}

/** Open to anyone in some way: the history's "public" (src/history/timeline.ts). */
export function isPublic(r: Resource): boolean {
  const e = r.exposure;
  return e.read === true || e.list === true || e.write === true || e.aclWrite === true;
}

function withOccurrence(p: ResourceAssessment, r: Resource | undefined, since: PublicSince | undefined, scannedAt: string): ResourceAssessment {
  if (!since || !p.deadlines) return p;
  const deadlines = { ...p.deadlines, occurred: since };
  const ppcDraft = p.ppcDraft && r ? p.ppcDraft.map((item) => (item.no === 1 ? overviewItem(r, { scannedAt, discoveredAt: deadlines.discoveredAt, publicSince: since }) : item)) : p.ppcDraft;
  return { ...p, deadlines, ppcDraft };
}

function withWindow(f: ReportFinding, closed: ClosedWindow | undefined): ReportFinding {
  const s = f.stillReportable;
  if (!s || !closed) return f;
  const { publicSince, resolved } = closed;
  return {
    ...f,
    stillReportable: {
      ...s,
      basis: 'history',
      publicSince,
      firstSeenBy: publicSince.latest,
      resolvedAfter: resolved.after,
      resolvedBy: resolved.by,
      deadlines: { ...s.deadlines, occurred: publicSince },
    },
  };
}

export function applyHistory(report: Report, facts: HistoryFacts): Report {
  const resources = new Map(report.resources.map((r) => [r.id, r]));
  const history: ReportHistory = {
    ...(facts.runId !== undefined ? { runId: facts.runId } : {}),
    asOf: facts.asOf,
    runs: facts.runs,
    publicSince: report.resources.flatMap((r) => {
      const p = isPublic(r) ? facts.publicSince.get(r.id) : undefined;
      return p ? [{ resourceId: r.id, ...p }] : [];
    }),
    ...(facts.trend ? { trend: facts.trend } : report.history?.trend ? { trend: report.history.trend } : {}),
  };
  // An older report's assessment block may lack perResource: nothing to date then.
  if (!Array.isArray(report.assessment?.perResource)) return withCombinedPublicSince({ ...report, history });
  const perResource = report.assessment.perResource.map((p) => withOccurrence(p, resources.get(p.resourceId), facts.publicSince.get(p.resourceId), report.scannedAt));
  return withCombinedPublicSince({
    ...report,
    assessment: { ...report.assessment, perResource, deadlines: earliestDeadlines(perResource.map((p) => p.deadlines)) },
    ...(report.resolved ? { resolved: report.resolved.map((f) => withWindow(f, facts.closed.get(f.resourceId))) } : {}),
    history,
  });
}
