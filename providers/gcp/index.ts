// The Google Cloud Storage adapter: flags, collect, snapshot validation, normalize — wired for the
// provider-neutral CLI (src/provider.ts).
import { Option } from 'commander';
import type { ProviderAdapter, SnapshotScope } from '../../src/provider.js';
import type { ScanError } from '../../src/model.js';
import { connectionFrom, limitedConnectionFrom } from './clients.js';
import { collectGcp } from './collect.js';
import { normalizeGcp } from './normalize.js';
import { gcsProbeTargets } from './probe.js';
import { openGcsReader } from './reader.js';
import { isMultiProject, projectsOf, type GcpProjectSnapshot, type GcpSnapshot } from './snapshot-types.js';
import { validateGcpSnapshot } from './snapshot-validate.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);

function collectValues(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((s) => s.trim()).filter((s) => s.length > 0)];
}

function filterProject(p: GcpProjectSnapshot, matches: (name: string) => boolean): GcpProjectSnapshot {
  return { ...p, buckets: p.buckets.filter((b) => matches(b.metadata.name)) };
}

export const gcpAdapter: ProviderAdapter<GcpSnapshot> = {
  id: 'gcp',
  title: 'Google Cloud Storage',
  options: () => [
    new Option('--project <id>', 'Google Cloud project to scan (repeatable, or comma-separated); default: every project the credentials can list').argParser(collectValues).helpGroup('GCP options:'),
    new Option('--gcp-domain <domain>', "your organization's domain (repeatable): user:, group: and domain: members outside it are external; default: the organization's name").argParser(collectValues).helpGroup('GCP options:'),
    new Option('--gcs-endpoint <url>', 'Cloud Storage JSON API endpoint (emulators, compatible stores); default: STORAGE_EMULATOR_HOST, else Google').helpGroup('GCP options:'),
    new Option('--gcp-api-endpoint <url>', 'one base URL for the Resource Manager, Org Policy and IAM calls (tests, API gateways)').helpGroup('GCP options:'),
  ],
  validateSnapshot: validateGcpSnapshot,
  collect: (flags, common) =>
    collectGcp({
      ...limitedConnectionFrom(flags),
      projects: strings(flags.project),
      domains: strings(flags.gcpDomain),
      filter: common.buckets,
      concurrency: common.concurrency,
      ...(common.onResource ? { onBucket: common.onResource } : {}),
      ...(common.onListed ? { onListed: common.onListed } : {}),
    }),
  filterSnapshot: (snapshot, filter) => {
    const matches = (name: string): boolean => filter.matches(name) && filter.inShard(name);
    if (isMultiProject(snapshot)) return { ...snapshot, projects: snapshot.projects.map((p) => filterProject(p, matches)) };
    return { ...snapshot, buckets: snapshot.buckets.filter((b) => matches(b.metadata.name)) };
  },
  normalize: normalizeGcp,
  scope: (snapshot): SnapshotScope => {
    const projects = projectsOf(snapshot);
    const errors: ScanError[] = [
      ...(isMultiProject(snapshot) ? (snapshot.errors ?? []).map((e) => ({ scope: 'gcp', ...e })) : []),
      ...projects.flatMap((p) => (p.errors ?? []).map((e) => ({ scope: `gcp:${p.projectId}`, ...e }))),
    ];
    return { accounts: projects.map((p) => p.projectId), errors };
  },
  probeTargets: (resource, flags) => gcsProbeTargets(resource, str(flags.probeEndpoint) ?? connectionFrom(flags).gcsEndpoint),
  openReader: (flags, resource) => openGcsReader(limitedConnectionFrom(flags), resource.account, resource.name),
};
