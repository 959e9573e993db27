// Configuration values as defaults of command-line flags: a small table from a key of kumoscan.yml to the camelCase
// name of the flag it stands for. A flag given on the command line wins; the configuration replaces only built-in
// defaults and flags not given. The provider section used is the one of the provider scanned.
import type { Provider } from '../model.js';
import type { Config } from './schema.js';

/** [path in the configuration, flag name]. */
type Mapping = readonly [path: readonly string[], flag: string];

export const COMMON_FLAGS: readonly Mapping[] = [
  [['scan', 'failOn'], 'failOn'],
  [['scan', 'formats'], 'format'],
  [['scan', 'outDir'], 'outDir'],
  [['scan', 'lang'], 'lang'],
  [['scan', 'severity'], 'severity'],
  [['scan', 'details'], 'details'],
  [['scan', 'concurrency'], 'concurrency'],
  [['scan', 'callTimeout'], 'callTimeout'],
  [['scan', 'scanTimeout'], 'scanTimeout'],
  [['sampling', 'mode'], 'sample'],
  [['sampling', 'objectsPerBucket'], 'sampleObjects'],
  [['sampling', 'bytesPerObject'], 'sampleBytes'],
  [['sampling', 'totalBytes'], 'sampleTotal'],
  [['sampling', 'timeoutSeconds'], 'sampleTimeout'],
  [['sampling', 'ocr'], 'ocr'],
  [['sampling', 'ocrMaxImages'], 'ocrMaxImages'],
  [['sampling', 'ocrTimeLimit'], 'ocrTimeLimit'],
  [['evidence', 'kinds'], 'evidence'],
  [['evidence', 'since'], 'since'],
  [['evidence', 'maxBytes'], 'evidenceMaxBytes'],
  [['evidence', 'timeout'], 'evidenceTimeout'],
  [['evidence', 'redactIps'], 'redactIps'],
  [['thresholds', 'maxReaders'], 'maxReaders'],
  [['history'], 'history'],
];

/** Provider scopes. `orgRole`, `accounts`, `excludeAccounts` are the AWS Organizations flags (--org-role …). */
export const PROVIDER_FLAGS: Readonly<Record<Provider, readonly Mapping[]>> = {
  aws: [
    [['aws', 'profile'], 'profile'],
    [['aws', 'region'], 'region'],
    [['aws', 'roleArn'], 'roleArn'],
    [['aws', 'endpointUrl'], 'endpointUrl'],
    [['aws', 'buckets'], 'buckets'],
    [['aws', 'organization', 'roleName'], 'orgRole'],
    [['aws', 'organization', 'accounts'], 'accounts'],
    [['aws', 'organization', 'excludeAccounts'], 'excludeAccounts'],
    [['aws', 'organization', 'accountConcurrency'], 'accountConcurrency'],
  ],
  gcp: [
    [['gcp', 'projects'], 'project'],
    [['gcp', 'domains'], 'gcpDomain'],
    [['gcp', 'buckets'], 'buckets'],
  ],
  azure: [
    [['azure', 'subscriptions'], 'subscription'],
    [['azure', 'buckets'], 'buckets'],
  ],
};

function valueAt(config: Config, path: readonly string[]): unknown {
  let v: unknown = config;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** The flag values the configuration gives for a scan of `provider` (undefined: the common ones only). */
export function configFlagValues(config: Config, provider: string | undefined): Record<string, unknown> {
  const mappings = [...COMMON_FLAGS, ...(provider !== undefined && provider in PROVIDER_FLAGS ? PROVIDER_FLAGS[provider as Provider] : [])];
  const out: Record<string, unknown> = {};
  for (const [path, flag] of mappings) {
    const v = valueAt(config, path);
    if (v !== undefined) out[flag] = Array.isArray(v) ? [...(v as unknown[])] : v;
  }
  return out;
}

/** `--out FILE` on the command line means one file: the configuration's outDir, and several formats, give way. */
function givesWay(flag: string, value: unknown, explicit: (flag: string) => boolean): boolean {
  if (!explicit('out')) return false;
  return flag === 'outDir' || (flag === 'format' && Array.isArray(value) && value.length > 1);
}

/** `flags` with the configuration's values for every flag not given on the command line (`explicit`). */
export function withConfigDefaults<F extends Record<string, unknown>>(flags: F, values: Readonly<Record<string, unknown>>, explicit: (flag: string) => boolean): F {
  const out: Record<string, unknown> = { ...flags };
  for (const [flag, value] of Object.entries(values)) if (!explicit(flag) && !givesWay(flag, value, explicit)) out[flag] = value;
  return out as F;
}

/** The provider a configuration scopes, when it has exactly one provider section (`kumoscan scan` needs no word then). */
export function configuredProvider(config: Config): Provider | undefined {
  const sections = (Object.keys(PROVIDER_FLAGS) as Provider[]).filter((p) => config[p] !== undefined);
  return sections.length === 1 ? sections[0] : undefined;
}
