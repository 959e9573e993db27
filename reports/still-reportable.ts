// A fixed leak is still a leak: when a finding that made a resource likely reportable (anyone could read or list it,
// with personal data) is resolved since the baseline, the duty to report and its deadlines stay. Pure over the two
// reports: the resolved finding carries `stillReportable` — the exposure window, stated as bounds from the two scan
// times, and the baseline's deadlines, which keep counting from its 知った日 (they are not reset by this run).
// A baseline written with --baseline passes its own still-reportable entries on until their 確報 date has passed.
import type { Report, ReportFinding, StillReportable } from './render/json.js';
import { tokyoDate } from './appi/deadlines.js';

/** The checks whose finding is the exposure that makes a resource with personal data reportable. */
const EXPOSURE_CHECKS: ReadonlySet<string> = new Set(['public-read', 'public-list', 'website-public']);

/** When the baseline first saw the finding at the latest: its own baseline's time when it was already there. */
function firstSeenBy(baseline: Report, f: ReportFinding): string {
  const earlier = baseline.summary.baseline?.against;
  return f.baseline === 'unchanged' && earlier !== undefined ? earlier : baseline.scannedAt;
}

/** The baseline's resolved finding with `stillReportable` when its resource was reportable in the baseline. */
export function markStillReportable(f: ReportFinding, baseline: Report, current: Report): ReportFinding {
  if (!EXPOSURE_CHECKS.has(f.checkId)) return f;
  if (!baseline.assessment.reportable.includes(f.resourceId)) return f;
  const p = baseline.assessment.perResource.find((x) => x.resourceId === f.resourceId);
  if (!p?.reportability || !p.deadlines) return f;
  const resource = baseline.resources.find((r) => r.id === f.resourceId);
  const still: StillReportable = {
    resourceName: resource?.name ?? f.resourceId,
    result: p.reportability.result,
    myNumberAct: p.reportability.myNumberAct.applies,
    firstSeenBy: firstSeenBy(baseline, f),
    resolvedAfter: baseline.scannedAt,
    resolvedBy: current.scannedAt,
    deadlines: p.deadlines,
  };
  return { ...f, stillReportable: still };
}

/**
 * The baseline's own still-reportable resolved findings (it was written with --baseline) that this run must keep
 * listing: the 確報 date has not passed on this run's date (Asia/Tokyo) and the finding is not raised again.
 */
export function carriedStillReportable(baseline: Report, current: Report, currentIds: ReadonlySet<string>): ReportFinding[] {
  const today = tokyoDate(current.scannedAt);
  return (baseline.resolved ?? []).filter((f) => f.stillReportable !== undefined && !currentIds.has(f.id) && f.stillReportable.deadlines.final.due >= today);
}
