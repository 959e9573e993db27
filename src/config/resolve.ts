// What `kumoscan scan` takes from kumoscan.yml: flag defaults (for the provider scanned), the policy for the
// evaluation step, entrustees, and the file's name for the report. The command line keeps the last word.
import { readFileSync } from 'node:fs';
import type { Entrustee } from '../../reports/appi/types.js';
import type { Policy } from '../../reports/policy/types.js';
import { configFlagValues, configuredProvider, withConfigDefaults } from './flags.js';
import { findConfig } from './load.js';
import { entrusteesFromConfig, policyFromConfig } from './policy.js';

export interface ResolvedConfig<F> {
  flags: F;
  provider: string | undefined;
  policy: Policy;
  entrustees: Entrustee[];
  file: string;
}

/** The provider a saved snapshot names, without validating it (the scan reads it properly); undefined when unreadable. */
function snapshotProvider(file: string): string | undefined {
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { provider?: unknown }).provider;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the configuration (`configFlag`, else ./kumoscan.yml) and merges it under the flags; undefined when there
 * is none. `explicit(flag)`: the flag was given on the command line.
 */
export function resolveConfig<F extends Record<string, unknown>>(
  configFlag: string | undefined,
  flags: F,
  provider: string | undefined,
  input: string | undefined,
  explicit: (flag: string) => boolean,
): ResolvedConfig<F> | undefined {
  const loaded = findConfig(configFlag);
  if (!loaded) return undefined;
  const { config } = loaded;
  const scanned = provider ?? (input !== undefined ? snapshotProvider(input) : configuredProvider(config));
  return {
    flags: withConfigDefaults(flags, configFlagValues(config, scanned), explicit),
    provider: provider ?? (input === undefined ? scanned : undefined),
    policy: policyFromConfig(config),
    entrustees: entrusteesFromConfig(config),
    file: loaded.file,
  };
}
