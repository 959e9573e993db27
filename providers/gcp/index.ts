// The Google Cloud Storage adapter: flags, collect, snapshot validation, normalize — wired for the
// provider-neutral CLI (src/provider.ts). SDK-free until it calls Google: collect() and openReader() import the
// SDK-bound modules when they run.
import type { ProviderAdapter, SnapshotScope } from '../../src/provider.js';
import type { ScanError } from '../../src/model.js';
import { connectionFrom, limitedConnectionFrom } from './connection.js';
import { normalizeGcp } from './normalize.js';
import { gcsProbeTargets } from './probe.js';
import { isMultiProject, projectsOf, type GcpProjectSnapshot, type GcpSnapshot } from './snapshot-types.js';
import { validateGcpSnapshot } from './snapshot-validate.js';
import { gcpInfo } from './options.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);

function filterProject(p: GcpProjectSnapshot, matches: (name: string) => boolean): GcpProjectSnapshot {
  return { ...p, buckets: p.buckets.filter((b) => matches(b.metadata.name)) };
}

export const gcpAdapter: ProviderAdapter<GcpSnapshot> = {
  ...gcpInfo,
  validateSnapshot: validateGcpSnapshot,
  collect: async (flags, common) =>
    (await import('./collect.js')).collectGcp({
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
  openReader: async (flags, resource) => (await import('./reader.js')).openGcsReader(limitedConnectionFrom(flags), resource.account, resource.name),
};
