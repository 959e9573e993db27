// The exposure history store (docs/history.md): one interface, two engines (SQLite: sqlite.ts, PostgreSQL:
// postgres.ts), one schema (migrations/). Holds verdicts, counts and ids only — never a raw personal value.
import type { AppiClass } from '../data/types.js';
import type { Provider, Severity, Tri } from '../model.js';

/** What a run is, stored and listed alike. */
export interface RunHeader {
  /** Derived from the snapshot (and shard): the same run stored twice is one run. */
  id: string;
  provider: Provider;
  accounts: string[];
  /** The snapshot's collectedAt (ISO 8601, UTC). */
  scannedAt: string;
  /** kumoscan version that evaluated the run. */
  version: string;
  shard: { index: number; count: number } | null;
  /** --buckets globs of the run: a run with a filter does not speak for buckets it left out. */
  bucketFilter: string[];
  source: 'live' | 'snapshot';
  /** false: some calls failed; such a run never counts as "resolved". */
  complete: boolean;
  errors: number;
}

/** One scan run as stored: dated by the snapshot's collection time, so saved snapshots rebuild the history. */
export interface RunRecord extends RunHeader {
  resources: ResourceRecord[];
  findings: FindingRecord[];
}

/** A resource's exposure and data-profile summary in one run (classes and person counts only). */
export interface ResourceRecord {
  resourceId: string;
  name: string;
  account: string;
  read: Tri;
  list: Tri;
  write: Tri;
  aclWrite: Tri;
  /** `source ref` of the evidence that grants a capability (no message text). */
  evidence: string[];
  /** Calls that failed for this resource. */
  errors: number;
  /** null: not sampled. */
  personalData: boolean | null;
  classes: AppiClass[];
  personsLow: number | null;
  personsHigh: number | null;
  personsDeclared: number | null;
}

export interface FindingRecord {
  findingId: string;
  checkId: string;
  resourceId: string;
  severity: Severity;
}

/** A stored run as `history runs` lists it. */
export interface RunSummary extends RunHeader {
  storedAt: string;
  resources: number;
  exposed: number;
  findings: Record<Severity, number>;
}

/** One resource's state in one run (for `history show`). */
export interface Observation extends Omit<ResourceRecord, 'evidence'> {
  runId: string;
}

export interface StoreResult {
  runId: string;
  /** false: the run was already stored (nothing written). */
  stored: boolean;
}

/** A run with what `history trend` compares across runs (trend.ts). */
export interface TrendInput {
  run: RunSummary;
  /** The stable ids of the run's findings. */
  findingIds: string[];
  /** Resources open to anyone (any capability) on which a sample found personal data. */
  exposedPersonal: number;
}

/** A run with its new and resolved findings as the store counts them (the rule of trend.ts trendRows). */
export interface TrendCounts {
  run: RunSummary;
  newFindings: number;
  /** null for a partial run (it never resolves). */
  resolvedFindings: number | null;
  exposedPersonal: number;
}

/** A resource's rows and every run they are read against (`history show`, one query). */
export interface ResourceHistory {
  runs: RunSummary[];
  /** The resource's rows (matched by id, else by name), oldest run first. */
  observations: Observation[];
}

/** What `history prune` removed. */
export interface PruneResult {
  runs: RunSummary[];
  resourceRows: number;
  findingRows: number;
}

export interface HistoryStore {
  /** Where the store is, with any password masked (for messages). */
  readonly label: string;
  /** Writes a run with its resources and findings in one transaction; a run already stored is left as it is. */
  storeRun(run: RunRecord): Promise<StoreResult>;
  /** Every run, oldest first. */
  listRuns(): Promise<RunSummary[]>;
  /** The resource's rows (matched by id, else by name), oldest run first. */
  observations(resource: string): Promise<Observation[]>;
  /** Every run with the rows of the resource (matched by id, else by name), in one query. */
  resourceHistory(resource: string): Promise<ResourceHistory>;
  /** The rows of each of these resource ids (by id only), oldest run first, in one query a batch. */
  observationsByResource(resourceIds: readonly string[]): Promise<Map<string, Observation[]>>;
  /** Every run (oldest first) with its finding ids and its count of exposed resources with personal data (the rule's input, trend.ts trendRows: what the stored counts are checked against). */
  trendInputs(): Promise<TrendInput[]>;
  /** Every run (oldest first) with the new and resolved findings stored with it (`history trend`: one row per run). */
  trendCounts(): Promise<TrendCounts[]>;
  /** Deletes, in one transaction, every run collected before `before` (ISO 8601) with its rows. */
  pruneRuns(before: string): Promise<PruneResult>;
  close(): Promise<void>;
}
