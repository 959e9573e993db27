// The configuration's policy in the pure evaluation step (src/scan.ts evaluateSnapshot): inventory declarations on
// the resources before the checks run; then on the findings severity overrides, suppressions (with expired ones
// reported as findings) and the warnings about entries that had no effect. Pure: "today" comes from the scan time.
import type { Finding, Resource } from '../../src/model.js';
import { compareFindings } from '../../checks/index.js';
import { tokyoDate } from '../appi/deadlines.js';
import { applyInventory, unusedInventory } from './inventory.js';
import { applySeverityOverrides } from './severity.js';
import { applySuppressions } from './suppress.js';
import type { ConfigWarning, Policy, SuppressedFinding } from './types.js';

export type { ConfigWarning, InventoryDeclaration, Policy, SuppressedFinding, Suppression } from './types.js';

/** Inventory declarations on each resource; `declared` (--declare BUCKET=COUNT, by name) wins over their persons. */
export function applyPolicyToResources(resources: readonly Resource[], policy: Policy | undefined, declared?: Readonly<Record<string, number>>): Resource[] {
  const inventory = policy?.inventory ?? [];
  if (inventory.length === 0) return [...resources];
  return resources.map((r) => applyInventory(r, inventory, declared?.[r.name]));
}

export interface FindingPolicyOutcome {
  /** Sorted (compareFindings), suppressed ones removed, `suppression-expired` ones added. */
  findings: Finding[];
  suppressed: SuppressedFinding<Finding>[];
  warnings: ConfigWarning[];
}

/** Severity overrides, then suppressions as of the scan date in Asia/Tokyo of `scannedAt`. */
export function applyPolicyToFindings(findings: readonly Finding[], resources: readonly Resource[], policy: Policy | undefined, scannedAt: string): FindingPolicyOutcome {
  if (!policy) return { findings: [...findings], suppressed: [], warnings: [] };
  const overridden = applySeverityOverrides(findings, policy.severity);
  const names = new Map(resources.map((r) => [r.id, r.name]));
  const outcome = applySuppressions(overridden, policy.suppressions ?? [], tokyoDate(scannedAt), names);
  const expired = applySeverityOverrides(outcome.expired, policy.severity);
  return {
    findings: [...outcome.findings, ...expired].sort(compareFindings),
    suppressed: outcome.suppressed.sort((a, b) => compareFindings(a.finding, b.finding)),
    warnings: [...unusedInventory(resources, policy.inventory ?? []), ...outcome.warnings],
  };
}
