// The parts of kumoscan.yml the pure evaluation step reads (severity overrides, suppressions, inventory) and the
// entrustees, as the shapes reports/ already knows. Pure.
import type { Entrustee } from '../../reports/appi/types.js';
import type { Policy } from '../../reports/policy/types.js';
import type { Config } from './schema.js';

export function policyFromConfig(config: Config): Policy {
  return {
    ...(config.severity ? { severity: { ...config.severity } } : {}),
    ...(config.suppressions
      ? { suppressions: config.suppressions.map((s, i) => ({ field: `suppressions[${i}]`, check: s.check, resources: s.resources, reason: s.reason, expires: s.expires.trim() })) }
      : {}),
    ...(config.inventory
      ? { inventory: config.inventory.map((d, i) => ({ field: `inventory[${i}]`, buckets: d.buckets, categories: [...d.categories], ...(d.persons !== undefined ? { persons: d.persons } : {}) })) }
      : {}),
  };
}

/** One Entrustee per principal pattern of each `entrustees:` entry (the matcher reads `*` and `?`). */
export function entrusteesFromConfig(config: Config): Entrustee[] {
  return (config.entrustees ?? []).flatMap((e) => e.principals.map((id) => ({ id, name: e.party, contract: e.contract })));
}
