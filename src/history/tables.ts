// The history tables as kysely sees them (migrations/ creates them).
export interface RunsTable {
  id: string;
  provider: string;
  accounts: string;
  scanned_at: string;
  stored_at: string;
  version: string;
  shard_index: number | null;
  shard_count: number | null;
  bucket_filter: string;
  source: string;
  complete: number;
  errors: number;
  resources: number;
  exposed: number;
  /** Exposed resources with personal data (migration 002; NULL never remains after it). */
  exposed_personal: number | null;
  /** The scope the run speaks for (trend.ts scopeKey; migration 003; NULL never remains after it). */
  scope: string | null;
  /** Findings not open in the scope before the run (migration 003; counted when the run is stored). */
  new_findings: number | null;
  /** Findings open before and gone; NULL for a partial run (migration 003). */
  resolved_findings: number | null;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
}

export interface ResourceStatesTable {
  run_id: string;
  resource_id: string;
  name: string;
  account: string;
  read: number | null;
  list: number | null;
  write: number | null;
  acl_write: number | null;
  evidence: string;
  errors: number;
  personal_data: number | null;
  classes: string;
  persons_low: number | null;
  persons_high: number | null;
  persons_declared: number | null;
}

export interface FindingsTable {
  run_id: string;
  finding_id: string;
  check_id: string;
  resource_id: string;
  severity: string;
}

export interface HistoryTables {
  runs: RunsTable;
  resource_states: ResourceStatesTable;
  findings: FindingsTable;
}
