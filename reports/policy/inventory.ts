// Inventory declarations of the configuration (`inventory:`): bucket patterns -> declared personal-data categories
// and a number of persons. What the owner knows a bucket holds counts in the APPI assessment even when no sample
// was read (a bucket found exposed in a snapshot, sampling off, a sample cut short); the report says the categories
// were declared, not detected. Pure.
import type { Resource } from '../../src/model.js';
import type { DataProfile, DetectorId } from '../../src/data/types.js';
import { withDeclared } from '../../src/data/sample-outcome.js';
import { matchesAny } from './glob.js';
import type { ConfigWarning, InventoryDeclaration } from './types.js';

/** The profile of a resource nothing was sampled from: only what the inventory declares. */
export function unsampledProfile(): DataProfile {
  return {
    sampled: { objects: 0, bytes: 0, skipped: [] },
    objectsListed: 0,
    listingComplete: false,
    personalData: false,
    classes: [],
    detections: [],
    persons: { sampled: 0, estimate: { low: 0, high: 0, basis: 'not sampled' }, over1000: false },
    examples: [],
  };
}

/** The declarations whose patterns match the resource's name or id. */
export function declarationsFor(r: Pick<Resource, 'id' | 'name'>, inventory: readonly InventoryDeclaration[]): InventoryDeclaration[] {
  return inventory.filter((d) => matchesAny(d.buckets, [r.name, r.id]));
}

/**
 * The resource with its declarations applied: categories (union, in the order declared) and persons (the first
 * entry that gives a number; a --declare count for the bucket, `flagPersons`, wins). Unchanged when none matches.
 */
export function applyInventory(r: Resource, inventory: readonly InventoryDeclaration[], flagPersons?: number): Resource {
  const matching = declarationsFor(r, inventory);
  if (matching.length === 0) return r;
  const categories: DetectorId[] = [...new Set(matching.flatMap((d) => d.categories))];
  const persons = flagPersons ?? matching.find((d) => d.persons !== undefined)?.persons;
  const base = r.data ?? unsampledProfile();
  const data: DataProfile = { ...withDeclared(base, persons), personalData: true, declared: { categories, by: matching.map((d) => d.field) } };
  return { ...r, data };
}

/** Warnings for inventory entries that matched no resource of the scan. */
export function unusedInventory(resources: readonly Pick<Resource, 'id' | 'name'>[], inventory: readonly InventoryDeclaration[]): ConfigWarning[] {
  return inventory
    .filter((d) => !resources.some((r) => matchesAny(d.buckets, [r.name, r.id])))
    .map((d) => ({
      field: d.field,
      code: 'inventory-unused' as const,
      message: {
        ja: `${d.field}（対象 ${d.buckets.join(', ')}）に一致するリソースはこのスキャンにありませんでした。`,
        en: `${d.field} (buckets ${d.buckets.join(', ')}) matched no resource of this scan.`,
      },
    }));
}
