// `kumoscan merge shard-*.json`: the reports of `kumoscan scan --shard i/n` joined into the report one run would
// have written. Pure over reports. Shards split buckets (Azure: storage accounts); account-level data (identities,
// account errors, the accounts in scope) is in every shard and is de-duplicated here. The summary and the APPI
// assessment are not merged but recomputed by buildReport from the union, exactly as a single run computes them.
import { compareFindings } from '../checks/index.js';
import { UsageError } from '../src/errors.js';
import type { DutyId, Finding, IdentityPosture, Resource, ScanError } from '../src/model.js';
import { compareResources } from '../src/resource-order.js';
import { buildReport, type Report, type ReportFinding, type ReportScope } from './render/json.js';
import type { ConfigWarning, SuppressedFinding } from './policy/types.js';

export interface MergeOptions {
  /** The reports' file names, for messages (default: "report #1" …). */
  names?: readonly string[];
  /** Accept missing shards: the merged report then carries one ShardMissing error per missing shard (incomplete, exit 3). */
  allowPartial?: boolean;
}

/** The call named by the error a partial merge records for each missing shard. */
export const MERGE_CALL = 'kumoscan merge';

function toFinding(f: ReportFinding): Finding {
  const { baseline: _state, duties, ...rest } = f;
  return { ...rest, duties: duties.map((d) => d.id as DutyId) };
}

function keyOf(e: ScanError): string {
  return JSON.stringify([e.scope, e.call, e.code, e.message]);
}

function list(values: readonly number[]): string {
  return values.join(', ');
}

/** Checks that the reports are the n shards of one scan; returns the shard count and the missing indexes. */
function checkShards(reports: readonly Report[], names: readonly string[], allowPartial: boolean): { count: number; missing: number[] } {
  const first = reports[0] as Report;
  const name0 = names[0] ?? 'report #1';
  reports.forEach((r, i) => {
    const name = names[i] ?? `report #${i + 1}`;
    if (!r.scope.shard) throw new UsageError(`${name} is not a shard report (it has no scope.shard): merge the reports of "kumoscan scan --shard INDEX/COUNT"`);
    if (r.scope.provider !== first.scope.provider) throw new UsageError(`${name} is a "${r.scope.provider}" report and ${name0} is "${first.scope.provider}": merge shards of one scan`);
    if (r.tool.version !== first.tool.version) throw new UsageError(`${name} was written by kumoscan ${r.tool.version} and ${name0} by ${first.tool.version}: merge shards written by the same version`);
    if (r.scope.shard.count !== first.scope.shard?.count) throw new UsageError(`${name} is shard ${r.scope.shard.index}/${r.scope.shard.count} and ${name0} is shard ${first.scope.shard?.index}/${first.scope.shard?.count}: every shard must have the same count`);
    if (JSON.stringify(r.scope.bucketFilter) !== JSON.stringify(first.scope.bucketFilter)) throw new UsageError(`${name} was scanned with --buckets ${JSON.stringify(r.scope.bucketFilter)} and ${name0} with ${JSON.stringify(first.scope.bucketFilter)}: merge shards of one scan`);
    if (r.scope.source !== first.scope.source) throw new UsageError(`${name} is a ${r.scope.source} scan and ${name0} a ${first.scope.source} scan: merge shards of one scan`);
  });
  const count = first.scope.shard?.count ?? 1;
  const seen = new Map<number, string>();
  reports.forEach((r, i) => {
    const index = r.scope.shard?.index ?? 0;
    const name = names[i] ?? `report #${i + 1}`;
    const other = seen.get(index);
    if (other !== undefined) throw new UsageError(`shard ${index}/${count} is given twice (${other} and ${name})`);
    seen.set(index, name);
  });
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0 && !allowPartial) {
    throw new UsageError(`shard${missing.length > 1 ? 's' : ''} ${list(missing)} of ${count} missing (got ${list([...seen.keys()].sort((a, b) => a - b))}); give every shard 0..${count - 1}, or --allow-partial`);
  }
  return { count, missing };
}

/** Pure: the shard reports of one scan -> the report of one run. Throws a UsageError when they are not that. */
export function mergeReports(reports: readonly Report[], opts: MergeOptions = {}): Report {
  if (reports.length === 0) throw new UsageError('give the shard reports to merge');
  const names = opts.names ?? [];
  const { count, missing } = checkShards(reports, names, opts.allowPartial === true);
  // Shard order, so what every shard repeats (account-level data) comes out in the order of one run.
  const shards = [...reports].sort((a, b) => (a.scope.shard?.index ?? 0) - (b.scope.shard?.index ?? 0));
  const first = shards[0] as Report;

  const resources = new Map<string, Resource>();
  const findings = new Map<string, Finding>();
  const identities = new Map<string, IdentityPosture>();
  const scanErrors = new Map<string, ScanError>();
  const suppressed = new Map<string, SuppressedFinding<Finding>>();
  const accounts: string[] = [];
  for (const r of shards) {
    for (const x of r.suppressed ?? []) if (!suppressed.has(x.finding.id)) suppressed.set(x.finding.id, { ...x, finding: toFinding(x.finding) });
    for (const res of r.resources) if (!resources.has(res.id)) resources.set(res.id, res);
    for (const f of r.findings) if (!findings.has(f.id)) findings.set(f.id, toFinding(f));
    // A shard without buckets of an account may not read its IAM (providers/aws/collect.ts readsIamInShard): the
    // posture some shard collected wins over "not collected".
    for (const i of r.identities) if (!identities.has(i.account) || (!identities.get(i.account)?.collected && i.collected)) identities.set(i.account, i);
    // Resource errors are rebuilt from the resources; what is left is account-level.
    const own = new Set(r.resources.map((x) => x.id));
    for (const e of r.errors) if (!own.has(e.scope) && !scanErrors.has(keyOf(e))) scanErrors.set(keyOf(e), e);
    for (const a of r.scope.accounts) if (!accounts.includes(a)) accounts.push(a);
  }
  for (const index of missing) {
    const e: ScanError = { scope: 'merge', call: MERGE_CALL, code: 'ShardMissing', message: `shard ${index}/${count} was not merged: the buckets of that shard are not in this report` };
    scanErrors.set(keyOf(e), e);
  }
  const merged = [...resources.values()].sort(compareResources);
  const { shard: _shard, ...scopeRest } = first.scope;
  const scope: ReportScope = {
    ...scopeRest,
    accounts,
    regions: [...new Set(merged.map((r) => r.region).filter((r): r is string => r !== null))].sort(),
  };
  // The earliest shard's time and day of knowing (知った日): the deadlines run from the earliest.
  const earliest = [...shards].sort((a, b) => (a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : 0))[0] as Report;
  const discoveredAt = shards.map((r) => r.assessment.discoveredAt).filter((d): d is string => typeof d === 'string').sort()[0];
  // A configuration entry had no effect in the whole scan only when it had none in any shard (a suppression may
  // match buckets of one shard only).
  const warningKey = (w: ConfigWarning): string => `${w.field}\u0000${w.code}`;
  const configWarnings = (first.configWarnings ?? []).filter((w) => shards.every((r) => (r.configWarnings ?? []).some((x) => warningKey(x) === warningKey(w))));
  return buildReport({
    version: first.tool.version,
    scannedAt: earliest.scannedAt,
    scope,
    resources: merged,
    findings: [...findings.values()].sort(compareFindings),
    scanErrors: [...scanErrors.values()],
    identities: [...identities.values()],
    ...(discoveredAt !== undefined ? { discoveredAt } : {}),
    ...(first.scope.entrustees !== undefined ? { entrustees: first.scope.entrustees } : {}),
    suppressed: [...suppressed.values()].sort((a, b) => compareFindings(a.finding, b.finding)),
    configWarnings,
  });
}
