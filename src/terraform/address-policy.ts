// Suppressions and inventory declarations of kumoscan.yml (and --data-declared) name a plan's resources by their
// Terraform address too: a pattern that matches an address also names that resource's id. Pure.
import type { ResourceSource } from '../model.js';
import type { Policy } from '../../reports/policy/types.js';
import { matchesAny } from '../../reports/policy/glob.js';

function withAddresses(patterns: readonly string[], sources: ReadonlyMap<string, ResourceSource>): string[] {
  const ids = [...sources].filter(([, s]) => matchesAny(patterns, [s.address])).map(([id]) => id);
  return [...patterns, ...ids.filter((id) => !patterns.includes(id))];
}

export function policyWithAddresses(policy: Policy, sources: ReadonlyMap<string, ResourceSource>): Policy {
  return {
    ...policy,
    ...(policy.suppressions ? { suppressions: policy.suppressions.map((s) => ({ ...s, resources: withAddresses(s.resources, sources) })) } : {}),
    ...(policy.inventory ? { inventory: policy.inventory.map((d) => ({ ...d, buckets: withAddresses(d.buckets, sources) })) } : {}),
  };
}
