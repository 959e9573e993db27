// Coverage for a self-assessment: per resource, the checks that ran on it and raised nothing ("checked and passed"),
// and per APPI duty, how many resources its checks looked at and how many fail it. Pure functions over the views.
//
// "Passed" is claimed conservatively: a check counts only when it applies to the resource's provider, raised no
// finding on the resource, was not suppressed there, and — for resources that share account-level settings (Azure
// containers of one storage account) — raised nothing on any resource of that account either (an account setting
// is reported once, on the account's first resource). A resource with a `not-verified` finding says so: some
// settings could not be read, a check that needs them had nothing to decide on, and so nothing on it is called passed.
import { CHECKS } from '../../checks/index.js';
import type { CheckMeta } from '../../checks/types.js';
import type { DutyId, I18n } from '../../src/model.js';
import { DUTIES } from '../appi/duties.js';
import type { Report } from './json.js';
import type { ResourceView } from './view.js';

export interface ResourceCoverage {
  /** Checks of this kumoscan version that apply to the resource's provider. */
  applicable: CheckMeta[];
  /** Checks that raised nothing; empty when the resource is `partial` (then they are in `unverified`). */
  passed: CheckMeta[];
  /** Checks that raised nothing on a resource whose settings could not all be read: not claimed as passed. */
  unverified: CheckMeta[];
  /** Check ids with a finding (or a suppressed finding) on the resource or its account. */
  failing: string[];
  /** The resource has a not-verified finding: some settings could not be read. */
  partial: boolean;
}

const NOT_VERIFIED = 'not-verified';

function suppressedIds(report: Report, resourceId: string): string[] {
  return (report.suppressed ?? []).filter((s) => s.finding.resourceId === resourceId).map((s) => s.finding.checkId);
}

/** The check ids failing on each account scope of a report (by scope name), for resources that share settings. */
export function failingByAccountScope(report: Report): Map<string, Set<string>> {
  const scopeOf = new Map<string, string>();
  for (const r of report.resources) if (r.accountScope) scopeOf.set(r.id, r.accountScope.name);
  const out = new Map<string, Set<string>>();
  for (const f of [...report.findings, ...(report.suppressed ?? []).map((s) => s.finding)]) {
    const scope = scopeOf.get(f.resourceId);
    if (scope === undefined) continue;
    const set = out.get(scope) ?? new Set<string>();
    set.add(f.checkId);
    out.set(scope, set);
  }
  return out;
}

export function coverageOf(v: ResourceView, byScope: ReadonlyMap<string, ReadonlySet<string>> = failingByAccountScope(v.report)): ResourceCoverage | null {
  const r = v.resource;
  if (!r) return null;
  const applicable = CHECKS.filter((c) => c.providers.includes(r.provider));
  const failing = new Set<string>([...v.findings.map((f) => f.checkId), ...suppressedIds(v.report, r.id)]);
  if (r.accountScope) for (const id of byScope.get(r.accountScope.name) ?? []) failing.add(id);
  const quiet = applicable.filter((c) => !failing.has(c.id) && c.id !== NOT_VERIFIED);
  const partial = failing.has(NOT_VERIFIED);
  return { applicable, passed: partial ? [] : quiet, unverified: partial ? quiet : [], failing: [...failing].sort(), partial };
}

export interface DutyCoverage {
  id: DutyId;
  name: I18n;
  /** Resource checks citing the duty. */
  checks: string[];
  /** Storage resources at least one of those checks applies to. */
  checked: number;
  /** Resources (and account subjects) that fail it: a finding or the assessment cites it. */
  failing: number;
  findings: number;
}

export function dutyCoverage(views: readonly ResourceView[]): DutyCoverage[] {
  return (Object.keys(DUTIES) as DutyId[]).map((id) => {
    const checks = CHECKS.filter((c) => c.duties.includes(id));
    const providers = new Set(checks.flatMap((c) => c.providers));
    let checked = 0;
    let failing = 0;
    let findings = 0;
    for (const v of views) {
      if (v.resource && providers.has(v.resource.provider)) checked++;
      const cited = v.findings.filter((f) => f.duties.some((d) => d.id === id)).length;
      findings += cited;
      if (cited > 0 || v.duties.some((d) => d.id === id)) failing++;
    }
    return { id, name: DUTIES[id].name, checks: checks.map((c) => c.id), checked, failing, findings };
  });
}
