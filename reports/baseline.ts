// --baseline PREVIOUS.json: which findings of this run are new, which were already there, and which findings of the
// previous run are gone. Pure over two reports; finding ids are stable across runs (`${checkId}:${resourceId}`, plus
// a deterministic suffix), so "the same finding" is "the same id".
//
// The coverage rule. A baseline finding missing from this run is *resolved* only when this run looked at the place
// it was raised on; otherwise it is *not covered* (counted in summary.baseline.notCovered, neither resolved nor
// current), because its absence says nothing:
//   - a resource finding: covered when the resource (by id) is in this run, or — when it is gone — when this run
//     would have listed it: same provider and account in scope, its name passes this run's --buckets, it falls in
//     this run's --shard, and no account-level call (a listing) failed in this run. A bucket deleted since the
//     baseline is covered, so its findings are resolved; one outside --buckets or in another shard is not covered.
//   - an account-level finding (IAM: the account, a user or a role): covered when this run has the identity posture
//     of that account, collected, with no failed identity call.
// Suppressions (kumoscan.yml): a finding a suppression now takes out of `findings` is still there — it is never
// resolved — and a finding that was suppressed in the baseline and is active now (its suppression expired) is not
// new. Suppressed findings carry their own new / unchanged mark.
import picomatch from 'picomatch';
import { UsageError } from '../src/errors.js';
import type { IdentityPosture, Resource } from '../src/model.js';
import { shardKeyOf, shardOf } from '../src/shard.js';
import type { BaselineSummary, Report, ReportFinding } from './render/json.js';
import { indexBy } from '../src/group-by.js';
import { carriedStillReportable, markStillReportable } from './still-reportable.js';

export interface BaselineComparison {
  /** Findings of the current run not in the baseline. */
  added: ReportFinding[];
  /** Findings of the current run whose id is in the baseline. */
  unchanged: ReportFinding[];
  /**
   * Baseline findings gone from the current run, on resources / accounts it covered; an exposure finding of a
   * resource the baseline found reportable carries `stillReportable`, and the baseline's own still-reportable resolved
   * findings stay until their 確報 date (reports/still-reportable.ts).
   */
  resolved: ReportFinding[];
  /** Baseline findings gone from the current run, on resources / accounts it did not cover. */
  notCovered: ReportFinding[];
}

/** A finding without its own baseline mark (a baseline may itself have been written with --baseline). */
export function unmarked(f: ReportFinding): ReportFinding {
  const { baseline: _state, ...rest } = f;
  return rest;
}

function globMatcher(globs: readonly string[]): ((name: string) => boolean) | null {
  if (globs.length === 0) return null;
  const matchers = globs.map((g) => picomatch(g, { dot: true }));
  return (name) => matchers.some((m) => m(name));
}

/** What coverage questions ask of one report, computed once per report (a baseline compares every finding). */
interface ReportIndex {
  resourceIds: Set<string>;
  resources: Map<string, Resource>;
  /** Errors of the run that belong to no resource of it: account-level calls (listings, IAM) that failed. */
  accountLevelErrors: number;
}
const indexes = new WeakMap<Report, ReportIndex>();

function indexOf(report: Report): ReportIndex {
  let index = indexes.get(report);
  if (!index) {
    const resourceIds = new Set(report.resources.map((r) => r.id));
    index = {
      resourceIds,
      resources: indexBy(report.resources, (r) => r.id),
      accountLevelErrors: report.errors.filter((e) => !resourceIds.has(e.scope)).length,
    };
    indexes.set(report, index);
  }
  return index;
}

/** Would `current` have listed (and so evaluated) this resource of the baseline, had it still existed? */
export function resourceCovered(current: Report, resource: Resource): boolean {
  if (indexOf(current).resourceIds.has(resource.id)) return true;
  if (resource.provider !== current.scope.provider || !current.scope.accounts.includes(resource.account)) return false;
  const matches = globMatcher(current.scope.bucketFilter);
  if (matches) {
    // Azure resources are named account/container; --buckets matches either the container or account/container.
    const container = resource.provider === 'azure' ? resource.name.slice(resource.name.indexOf('/') + 1) : resource.name;
    if (!matches(resource.name) && !matches(container)) return false;
  }
  const shard = current.scope.shard;
  if (shard && shard.count > 1 && shardOf(shardKeyOf(resource), shard.count) !== shard.index) return false;
  return indexOf(current).accountLevelErrors === 0;
}

/** The account posture an account-level finding belongs to: the account's own id, or an IAM ARN of that account. */
function identityOf(identities: readonly IdentityPosture[], resourceId: string): IdentityPosture | undefined {
  return identities.find((i) => i.id === resourceId || resourceId.includes(`::${i.account}:`));
}

function identityCovered(current: Report, resourceId: string): boolean {
  const identity = identityOf(current.identities, resourceId);
  return identity !== undefined && identity.collected && identity.errors.length === 0;
}

/** Did `current` cover the place a baseline finding was raised on (see the rule at the top of this file)? */
export function findingCovered(current: Report, baseline: Report, f: ReportFinding): boolean {
  if (indexOf(current).resourceIds.has(f.resourceId)) return true;
  const resource = indexOf(baseline).resources.get(f.resourceId);
  if (resource) return resourceCovered(current, resource);
  return identityCovered(current, f.resourceId);
}

/** Throws a UsageError when the two reports cannot be compared (another provider). */
export function assertComparable(current: Report, baseline: Report, baselineName = 'the baseline'): void {
  if (baseline.scope.provider !== current.scope.provider) {
    throw new UsageError(`${baselineName} is a "${baseline.scope.provider}" report and this one is "${current.scope.provider}": compare reports of the same provider`);
  }
}

/** Every finding id of a report, the suppressed ones included. */
function idsOf(report: Report): Set<string> {
  return new Set([...report.findings.map((f) => f.id), ...(report.suppressed ?? []).map((x) => x.finding.id)]);
}

/** Pure: the four lists of a comparison (both lists keep the reports' finding order). */
export function compareWithBaseline(current: Report, baseline: Report, baselineName?: string): BaselineComparison {
  assertComparable(current, baseline, baselineName);
  const before = idsOf(baseline);
  const now = idsOf(current);
  const out: BaselineComparison = { added: [], unchanged: [], resolved: [], notCovered: [] };
  for (const f of current.findings) (before.has(f.id) ? out.unchanged : out.added).push(f);
  for (const f of baseline.findings) {
    if (now.has(f.id)) continue;
    if (findingCovered(current, baseline, f)) out.resolved.push(markStillReportable(unmarked(f), baseline, current));
    else out.notCovered.push(unmarked(f));
  }
  out.resolved.push(...carriedStillReportable(baseline, current, now));
  return out;
}

/**
 * Pure: the current report with each finding marked new / unchanged, the baseline's resolved findings in
 * `resolved`, and the counts in `summary.baseline`. A baseline of another provider is a UsageError.
 */
export function applyBaseline(current: Report, baseline: Report, opts: { file?: string } = {}): Report {
  const c = compareWithBaseline(current, baseline, opts.file);
  const before = idsOf(baseline);
  const mark = (f: ReportFinding): ReportFinding => ({ ...f, baseline: before.has(f.id) ? ('unchanged' as const) : ('new' as const) });
  const summary: BaselineSummary = {
    against: baseline.scannedAt,
    ...(opts.file !== undefined ? { file: opts.file } : {}),
    new: c.added.length,
    unchanged: c.unchanged.length,
    resolved: c.resolved.length,
    notCovered: c.notCovered.length,
  };
  const still = c.resolved.filter((f) => f.stillReportable !== undefined).length;
  if (still > 0) summary.stillReportable = still;
  return {
    ...current,
    summary: { ...current.summary, baseline: summary },
    findings: current.findings.map(mark),
    ...(current.suppressed !== undefined ? { suppressed: current.suppressed.map((x) => ({ ...x, finding: mark(x.finding) })) } : {}),
    resolved: c.resolved,
  };
}
