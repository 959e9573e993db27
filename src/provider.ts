// The contract every cloud provider implements. The CLI, the scan orchestration and the snapshot reader are
// provider-neutral: they find the adapter by the provider word (`kumoscan scan aws`) or by a snapshot's
// "provider" key, and call it. One adapter per cloud in providers/<cloud>/index.ts, listed in src/adapters.ts; what
// the CLI needs before anything runs (name, options) in providers/<cloud>/options.ts, listed in
// src/provider-registry.ts. Neither loads a cloud SDK: collect() and openReader() import it when they run.
import type { Option } from 'commander';
import type { BucketFilter } from './bucket-filter.js';
import type { IdentityPosture, ProbeResult, Provider, Resource, ScanError } from './model.js';
import type { ObjectReader } from './data/object-reader.js';
import type { DataProfile } from './data/types.js';
import type { ChangesEvidence } from './evidence/changes/types.js';
import type { ReadsEvidence } from './evidence/reads/types.js';

/** What every raw snapshot has; each provider adds its own keys (docs/snapshot.md). */
export interface BaseSnapshot {
  provider: Provider;
  snapshotVersion?: number;
  collectedAt?: string;
  /** Anonymous probe answers by resource id (--probe), kept so --input reproduces a probed report. */
  probes?: Record<string, ProbeResult>;
  /** Personal-data samples by resource id (src/data/): the profile only, or why no sample could be taken. */
  samples?: Record<string, { profile: DataProfile | null; error?: string }>;
  /** What the cloud's logs say (--evidence): changes — who made a public resource public, and when (src/evidence/changes/);
   * reads — access-log summaries by resource id (src/evidence/reads/). */
  evidence?: { changes?: ChangesEvidence; reads?: Record<string, ReadsEvidence>; [kind: string]: unknown };
}

/** Options every provider's collect receives, whatever the cloud. */
export interface CommonCollectOptions {
  /** Bucket / container name globs (empty = all). */
  buckets: BucketFilter;
  /** Resources collected at once. */
  concurrency: number;
  /** Progress callback (one call per resource collected; `errors`: the errors recorded for that resource). */
  onResource?: (name: string, done: number, total: number, errors?: number) => void;
  /**
   * Called once, as soon as every resource the scan will read is listed (before the first is read): every account
   * (project, subscription) and how many resources. An adapter that covers several accounts lists them all first.
   * One that cannot tell before reading (an AWS organization) does not call it, and the scan reports the scope
   * after collection.
   */
  onListed?: (found: { accounts: string[]; resources: number }) => void;
}

/** What the report's scope says of a snapshot. */
export interface SnapshotScope {
  /** Account ids / project ids / subscription ids the snapshot covers. */
  accounts: string[];
  /** Errors that belong to no single resource (account-level calls). */
  errors: ScanError[];
}

/** Anonymous probe targets for one resource (see src/probe.ts): URLs an outsider would GET. */
export interface ProbeTargets {
  /** The listing URL (S3 ListObjectsV2, GCS objects list, Azure List Blobs). */
  list?: string;
  /** Builds the URL of one object, by key. */
  object?: (key: string) => string;
}

/** What the CLI knows of a provider without loading its adapter (providers/<cloud>/options.ts): SDK-free. */
export interface ProviderInfo {
  id: Provider;
  /** Human name, e.g. "AWS S3 (and S3-compatible stores)". */
  title: string;
  /** Provider-specific `kumoscan scan` options; their values reach collect() in `flags`. */
  options(): Option[];
}

/** A provider's adapter. Only collect() and openReader() load the cloud SDK (with a dynamic import, when called). */
export interface ProviderAdapter<S extends BaseSnapshot = BaseSnapshot> extends ProviderInfo {
  /** Structural validation of a parsed snapshot document; throws UsageError naming the wrong path. */
  validateSnapshot(doc: Record<string, unknown>): S;
  /** Read-only collection from the cloud. `flags` holds the parsed values of options(), by camelCase name. */
  collect(flags: Readonly<Record<string, unknown>>, common: CommonCollectOptions): Promise<S>;
  /** Keeps only the resources whose name matches (for --buckets on a saved snapshot). */
  filterSnapshot(snapshot: S, filter: BucketFilter): S;
  /** Pure: raw snapshot -> normalized resources. */
  normalize(snapshot: S): Resource[];
  /** Pure: accounts covered and account-level errors. */
  scope(snapshot: S): SnapshotScope;
  /** Pure: the identity posture of each account (users, roles, root, password policy), when the provider reads identities. */
  identities?(snapshot: S): IdentityPosture[];
  /** Anonymous probe targets of a resource, when the provider supports --probe (flags: as for collect, incl. probeEndpoint). */
  probeTargets?(resource: Resource, flags: Readonly<Record<string, unknown>>): ProbeTargets | undefined;
  /** An authenticated, read-only object reader for sampling one resource (same flags as collect). */
  openReader?(flags: Readonly<Record<string, unknown>>, resource: Resource): Promise<ObjectReader>;
}
