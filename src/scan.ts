// Orchestration: collect (or read a snapshot) -> normalize -> check -> assess -> report, and the exit code.
// Everything after collect is pure: evaluateSnapshot() re-runs on an old snapshot with new rules.
import { runChecks } from '../checks/index.js';
import { compileBucketFilter } from './bucket-filter.js';
import { buildReport, type Report, type ReportScope } from '../reports/render/json.js';
import { collectAws, type AwsCollectOptions } from '../providers/aws/collect.js';
import { normalizeAws } from '../providers/aws/normalize.js';
import { EXIT } from './errors.js';
import { severityRank, type ScanError, type Severity } from './model.js';
import { VERSION } from './package-info.js';
import { readSnapshotFile, writeSnapshotFile, type Snapshot } from './snapshot.js';

export type FailOn = Severity | 'none';

export interface ScanRequest {
  /** Evaluate this saved snapshot instead of collecting. */
  input?: string;
  saveSnapshot?: string;
  aws?: AwsCollectOptions;
  failOn: FailOn;
  bucketFilter?: string[];
  now?: () => Date;
}

export interface ScanOutcome {
  snapshot: Snapshot;
  report: Report;
  exitCode: number;
}

export interface EvaluateOptions {
  source: ReportScope['source'];
  failOn: FailOn;
  bucketFilter?: string[];
  snapshotFile?: string;
  endpointUrl?: string;
  scannedAt: string;
}

/** Pure: snapshot -> report. */
export function evaluateSnapshot(snapshot: Snapshot, opts: EvaluateOptions): Report {
  const resources = normalizeAws(snapshot);
  const findings = runChecks(resources);
  const scanErrors: ScanError[] = (snapshot.errors ?? []).map((e) => ({ scope: `aws:${snapshot.accountId}`, ...e }));
  const scope: ReportScope = {
    provider: 'aws',
    source: opts.source,
    accounts: [snapshot.accountId],
    regions: [...new Set(resources.map((r) => r.region).filter((r): r is string => r !== null))].sort(),
    bucketFilter: opts.bucketFilter ?? [],
    failOn: opts.failOn,
    ...(opts.snapshotFile ? { snapshotFile: opts.snapshotFile } : {}),
    ...(opts.endpointUrl ? { endpointUrl: opts.endpointUrl } : {}),
  };
  return buildReport({ version: VERSION, scannedAt: opts.scannedAt, scope, resources, findings, scanErrors });
}

/** --buckets applies to a saved snapshot as it does to a live scan. */
function filterSnapshot(snapshot: Snapshot, globs: string[]): Snapshot {
  const filter = compileBucketFilter(globs);
  return { ...snapshot, buckets: snapshot.buckets.filter((b) => filter.matches(b.Name)) };
}

/** 1 when a finding is at or above --fail-on; else 3 when the scan is incomplete; else 0. */
export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (failOn !== 'none' && report.findings.some((f) => severityRank(f.severity) >= severityRank(failOn))) return EXIT.FINDINGS;
  if (!report.summary.complete) return EXIT.INCOMPLETE;
  return EXIT.OK;
}

export async function scan(req: ScanRequest): Promise<ScanOutcome> {
  const now = req.now ?? (() => new Date());
  const snapshot = req.input ? filterSnapshot(readSnapshotFile(req.input), req.bucketFilter ?? []) : await collectAws({ ...req.aws, buckets: req.bucketFilter ?? [] });
  if (req.saveSnapshot) writeSnapshotFile(req.saveSnapshot, snapshot);
  const report = evaluateSnapshot(snapshot, {
    source: req.input ? 'snapshot' : 'live',
    failOn: req.failOn,
    scannedAt: now().toISOString(),
    ...(req.bucketFilter ? { bucketFilter: req.bucketFilter } : {}),
    ...(req.input ? { snapshotFile: req.input } : {}),
    ...(req.aws?.endpointUrl && !req.input ? { endpointUrl: req.aws.endpointUrl } : {}),
  });
  return { snapshot, report, exitCode: exitCodeFor(report, req.failOn) };
}
